// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Core::Journal {

// One API request as the activity journal shows it in its list.
struct JournalEntry
{
    qint64 id = 0;
    qint64 timeMs = 0;
    QString client;
    QString service;
    QString operation;
    QString method;
    QString path;
    QString protocol;
    int status = 0;
    QString errorCode;
    qint64 durationUs = 0;
    qint64 requestBytes = 0;
    qint64 responseBytes = 0;
    QString requestId;
};

// An entry with its headers and bodies (kept only for the most recent requests, each capped).
struct JournalDetail
{
    JournalEntry entry;
    bool bodiesKept = false;
    QString requestHeaders;
    QByteArray requestBody;
    bool requestTruncated = false;
    QString responseHeaders;
    QByteArray responseBody;
    bool responseTruncated = false;
};

struct JournalFilter
{
    QString service; // empty: all
    bool errorsOnly = false;
};

} // namespace Core::Journal

Q_DECLARE_METATYPE(Core::Journal::JournalEntry)
Q_DECLARE_METATYPE(Core::Journal::JournalDetail)
