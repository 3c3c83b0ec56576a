// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Core::Lambda {

enum class RuntimeKind {
    Python,
    Node,
    Unsupported, // a valid AWS runtime Cloudbench cannot run (java21, go1.x, ...)
};

struct RuntimeInfo
{
    QString name;
    RuntimeKind kind = RuntimeKind::Unsupported;
    QString interpreter; // program looked up on PATH
    QString package; // what to install when it is missing (Debian package name)
};

// The runtime names AWS accepts for CreateFunction (botocore's Runtime enum minus the
// deprecated ones), and which of them Cloudbench runs with a local interpreter.
QStringList validRuntimes();
std::optional<RuntimeInfo> runtimeInfo(const QString &runtime);
// AWS's message for a runtime it no longer accepts (python2.7, nodejs12.x, ...), or empty.
QString deprecatedRuntimeMessage(const QString &runtime);

struct HandlerLocation
{
    QString module; // path without extension relative to the code root: "src/app"
    QString function; // "handler" (Node may name a nested export: "a.b")
};

// "file.function" and "dir/file.function". Python and Node split differently: Python splits
// at the last dot, Node at the first dot after the last slash.
std::optional<HandlerLocation> parseHandler(const QString &handler, RuntimeKind kind);

} // namespace Core::Lambda
