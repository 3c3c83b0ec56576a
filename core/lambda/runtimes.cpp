// SPDX-License-Identifier: MIT
#include "core/lambda/runtimes.h"

using namespace Qt::StringLiterals;

namespace Core::Lambda {

namespace {

const QStringList &pythonRuntimes()
{
    static const QStringList names{u"python3.8"_s,
        u"python3.9"_s,
        u"python3.10"_s,
        u"python3.11"_s,
        u"python3.12"_s,
        u"python3.13"_s};
    return names;
}

const QStringList &nodeRuntimes()
{
    static const QStringList names{u"nodejs18.x"_s, u"nodejs20.x"_s, u"nodejs22.x"_s};
    return names;
}

const QStringList &otherRuntimes()
{
    static const QStringList names{u"java8.al2"_s,
        u"java11"_s,
        u"java17"_s,
        u"java21"_s,
        u"dotnet6"_s,
        u"dotnet8"_s,
        u"ruby3.2"_s,
        u"ruby3.3"_s,
        u"provided"_s,
        u"provided.al2"_s,
        u"provided.al2023"_s};
    return names;
}

} // namespace

QStringList validRuntimes()
{
    return nodeRuntimes() + pythonRuntimes() + otherRuntimes();
}

std::optional<RuntimeInfo> runtimeInfo(const QString &runtime)
{
    if (pythonRuntimes().contains(runtime))
        return RuntimeInfo{runtime, RuntimeKind::Python, u"python3"_s, u"python3"_s};
    if (nodeRuntimes().contains(runtime))
        return RuntimeInfo{runtime, RuntimeKind::Node, u"node"_s, u"nodejs"_s};
    if (otherRuntimes().contains(runtime))
        return RuntimeInfo{runtime, RuntimeKind::Unsupported, {}, {}};
    return std::nullopt;
}

QString deprecatedRuntimeMessage(const QString &runtime)
{
    static const QStringList deprecated{u"python2.7"_s,
        u"python3.6"_s,
        u"python3.7"_s,
        u"nodejs"_s,
        u"nodejs4.3"_s,
        u"nodejs6.10"_s,
        u"nodejs8.10"_s,
        u"nodejs10.x"_s,
        u"nodejs12.x"_s,
        u"nodejs14.x"_s,
        u"nodejs16.x"_s,
        u"go1.x"_s,
        u"ruby2.7"_s,
        u"dotnetcore3.1"_s,
        u"java8"_s};
    if (!deprecated.contains(runtime))
        return {};
    const QString replacement = runtime.startsWith(u"python"_s) ? u"python3.13"_s
        : runtime.startsWith(u"node"_s)                         ? u"nodejs22.x"_s
        : runtime.startsWith(u"go"_s)                           ? u"provided.al2023"_s
        : runtime.startsWith(u"ruby"_s)                         ? u"ruby3.3"_s
        : runtime.startsWith(u"java"_s)                         ? u"java21"_s
                                                                : u"dotnet8"_s;
    return u"The runtime parameter of %1 is no longer supported for creating or updating AWS "
           u"Lambda functions. We recommend you use the new runtime (%2) while creating or "
           u"updating functions."_s.arg(runtime, replacement);
}

std::optional<HandlerLocation> parseHandler(const QString &handler, RuntimeKind kind)
{
    if (handler.isEmpty() || handler.size() > 128 || handler.contains(u' '))
        return std::nullopt;
    const qsizetype slash = handler.lastIndexOf(u'/');
    qsizetype dot = -1;
    if (kind == RuntimeKind::Node)
        dot = handler.indexOf(u'.', slash + 1);
    else
        dot = handler.lastIndexOf(u'.');
    if (dot <= slash + 1 || dot == handler.size() - 1)
        return std::nullopt;
    HandlerLocation location{handler.left(dot), handler.mid(dot + 1)};
    if (location.module.split(u'/').contains(u".."_s))
        return std::nullopt;
    return location;
}

} // namespace Core::Lambda
