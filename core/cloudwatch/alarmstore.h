// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::CloudWatch {

// The SQL of CloudWatch alarms, their history and the anomaly detectors their bands use
// (cw_alarms, cw_alarm_history, cw_anomaly_detectors). Used on the core thread by
// CloudWatchService; writes happen inside the caller's SqlTransaction.
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

    // Anomaly detectors in creation order, and by key (see anomalyDetectorKey()).
    QList<AnomalyDetector> anomalyDetectors() const;
    static QString anomalyDetectorKey(const AnomalyDetector &detector);
    bool saveAnomalyDetector(const AnomalyDetector &detector, qint64 createdMs);
    bool removeAnomalyDetector(const QString &key); // false: there was none

private:
    Storage::Database &m_database;
};

} // namespace Core::CloudWatch
