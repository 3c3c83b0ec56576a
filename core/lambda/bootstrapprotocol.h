// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <optional>

namespace Core::Lambda {

// The pipe protocol between Cloudbench and the bootstraps in resources/lambda/. Every frame is a
// header line "<TAG> <length>\n" followed by exactly <length> bytes. The host sends
// "INVOKE <contextLength> <eventLength>\n<context JSON><event JSON>"; the bootstrap answers
// READY (after importing the handler), INITERR (import failed: error JSON), RESULT (the
// handler's JSON result) or ERROR (error JSON). Logs travel separately on stderr.
struct BootstrapMessage
{
    enum class Type {
        Ready,
        InitError,
        Result,
        Error,
    };
    Type type = Type::Ready;
    QByteArray payload;
};

class BootstrapReader final
{
public:
    void feed(const QByteArray &bytes);
    // The next complete message, if any. After a malformed header, isBroken() is true.
    std::optional<BootstrapMessage> next();
    bool isBroken() const { return m_broken; }

private:
    QByteArray m_buffer;
    bool m_broken = false;
};

QByteArray invokeFrame(const QByteArray &contextJson, const QByteArray &event);

} // namespace Core::Lambda
