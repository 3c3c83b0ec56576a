// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QByteArray>
#include <QString>

namespace Core::S3 {

inline constexpr auto Governance = "GOVERNANCE";
inline constexpr auto Compliance = "COMPLIANCE";

// Object Lock (S3-20, WORM) of one object version: a retention (mode GOVERNANCE or COMPLIANCE
// until a date) and a legal hold ("ON", "OFF", or "" when never set). Stored with the
// version's headers; the version may not be deleted while either is in effect.
struct ObjectLock
{
    QString mode;
    qint64 retainUntilMs = -1;
    QString legalHold;

    bool hasRetention() const { return !mode.isEmpty() && retainUntilMs >= 0; }
    bool isEmpty() const { return mode.isEmpty() && retainUntilMs < 0 && legalHold.isEmpty(); }
    // Retention still running at nowMs (a retention ends when the clock passes its date).
    bool retainedAt(qint64 nowMs) const { return hasRetention() && retainUntilMs > nowMs; }
    bool legalHoldOn() const { return legalHold == u"ON"; }
};

// A bucket's Object Lock configuration (PutObjectLockConfiguration): Object Lock is enabled,
// with an optional default retention (mode and Days or Years) for new versions.
struct ObjectLockConfig
{
    QString mode; // empty: no default retention rule
    int days = 0;
    int years = 0;

    // MalformedXML or InvalidArgument as AWS answers a bad configuration.
    static Result<ObjectLockConfig> parse(const QByteArray &xml);
    // As stored and as GetObjectLockConfiguration answers it (without the XML namespace).
    QByteArray toXml() const;
    // When the default retention of a version written at nowMs ends; -1 without a rule.
    qint64 defaultRetainUntilMs(qint64 nowMs) const;
};

bool isObjectLockMode(const QString &mode);

} // namespace Core::S3
