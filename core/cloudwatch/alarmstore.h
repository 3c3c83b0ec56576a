// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::CloudWatch {

// The SQL of CloudWatch alarms and their history (cw_alarms, cw_alarm_history). Used on the core
// thread by CloudWatchService; writes happen inside the caller's SqlTransaction.
class AlarmStore final
{
public:
    explicit AlarmStore(Storage::Database &database);

    std::optional<Alarm> alarm(const QString &name) const;
    // All alarms in name order (an account holds at most a few thousand).
    QList<Alarm> alarms() const;
    bool save(const Alarm &alarm);
    bool remove(const QString &name);
    bool addHistory(const AlarmHistoryItem &item);
    // History newest first (or oldest first), of one alarm or all, paged by row id.
    QList<std::pair<qint64, AlarmHistoryItem>> history(
        const DescribeAlarmHistoryRequest &request, qint64 cursor, int limit) const;

private:
    Storage::Database &m_database;
};

} // namespace Core::CloudWatch
