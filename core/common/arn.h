// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace Core {

// arn:partition:service:region:account-id:resource
struct Arn
{
    QString partition = QStringLiteral("aws");
    QString service;
    QString region;
    QString accountId;
    QString resource;

    QString toString() const;
    static std::optional<Arn> parse(const QString &text);
};

} // namespace Core
