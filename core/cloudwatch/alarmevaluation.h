// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QJsonObject>

#include <optional>

namespace Core::CloudWatch::AlarmEvaluation {

// One period of a metric alarm's evaluation range.
struct Point
{
    qint64 timestampMs = 0; // period start
    std::optional<double> value; // nullopt: missing
    double sampleCount = 0;
    // Anomaly detection alarms: the band at this point. A value without a band (the model is
    // not trained yet) counts as missing.
    std::optional<double> lower = std::nullopt;
    std::optional<double> upper = std::nullopt;
};

struct Outcome
{
    QString state; // empty: keep the current state (ignore)
    QString reason;
    QJsonObject reasonData;
};

// How many periods the evaluator fetches: more than EvaluationPeriods, so that missing recent
// points can be replaced by older real ones (AWS's "evaluation range"; the documentation's
// example uses 5 for 3 evaluation periods).
int evaluationRange(const Alarm &alarm);

bool isBreaching(const QString &comparisonOperator, double value, double threshold);
// LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold.
bool isBandOperator(const QString &comparisonOperator);
bool isOutsideBand(const QString &comparisonOperator, double value, double lower, double upper);

// The state a metric alarm moves to given the evaluation range (newest first), applying
// DatapointsToAlarm (M out of N) and TreatMissingData as AWS documents it:
//  * at least N real points in the range: the N most recent real points decide, missing-data
//    treatment is not used;
//  * no real point: missing -> INSUFFICIENT_DATA, ignore -> keep state, breaching -> ALARM,
//    notBreaching -> OK;
//  * fewer than N real points: all real points count and the remaining slots are filled as the
//    treatment says (breaching / notBreaching); with missing only the real points decide; with
//    ignore the state is kept unless the real points alone decide it.
// Alarms on AWS/DynamoDB metrics always ignore missing data.
Outcome evaluate(const Alarm &alarm, const QList<Point> &rangeNewestFirst, qint64 queryDateMs);

QString isoTimestamp(qint64 ms); // 2026-11-23T10:00:00.000+0000 as in reason and history data

} // namespace Core::CloudWatch::AlarmEvaluation
