// SPDX-License-Identifier: MIT
#include "core/lambda/bootstrapprotocol.h"

#include <QList>

namespace Core::Lambda {

namespace {

constexpr qsizetype MaxHeader = 64;
constexpr qint64 MaxPayload = 64LL * 1024 * 1024;

} // namespace

void BootstrapReader::feed(const QByteArray &bytes)
{
    m_buffer.append(bytes);
}

std::optional<BootstrapMessage> BootstrapReader::next()
{
    if (m_broken)
        return std::nullopt;
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline < 0) {
        if (m_buffer.size() > MaxHeader)
            m_broken = true;
        return std::nullopt;
    }
    const QList<QByteArray> parts = m_buffer.left(newline).split(' ');
    bool ok = false;
    const qint64 length = parts.size() == 2 ? parts.at(1).toLongLong(&ok) : -1;
    if (!ok || length < 0 || length > MaxPayload) {
        m_broken = true;
        return std::nullopt;
    }
    BootstrapMessage message;
    const QByteArray &tag = parts.at(0);
    if (tag == "READY")
        message.type = BootstrapMessage::Type::Ready;
    else if (tag == "INITERR")
        message.type = BootstrapMessage::Type::InitError;
    else if (tag == "RESULT")
        message.type = BootstrapMessage::Type::Result;
    else if (tag == "ERROR")
        message.type = BootstrapMessage::Type::Error;
    else {
        m_broken = true;
        return std::nullopt;
    }
    if (m_buffer.size() < newline + 1 + length)
        return std::nullopt;
    message.payload = m_buffer.mid(newline + 1, length);
    m_buffer.remove(0, newline + 1 + length);
    return message;
}

QByteArray invokeFrame(const QByteArray &contextJson, const QByteArray &event)
{
    return "INVOKE " + QByteArray::number(contextJson.size()) + ' '
        + QByteArray::number(event.size()) + '\n' + contextJson + event;
}

} // namespace Core::Lambda
