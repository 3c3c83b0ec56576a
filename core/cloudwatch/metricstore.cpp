// SPDX-License-Identifier: MIT
#include "core/cloudwatch/metricstore.h"

#include "core/common/logging.h"
#include "core/storage/database.h"
#include "core/storage/sqltransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::CloudWatch {

namespace {

// Null QStrings bind as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

QString dimensionsKey(const Dimensions &dimensions)
{
    QString key;
    for (const Dimension &dimension : dimensions)
        key += dimension.name + u'=' + dimension.value + u'\n';
    return key;
}

QString dimensionsJson(const Dimensions &dimensions)
{
    QJsonArray array;
    for (const Dimension &dimension : dimensions)
        array.append(QJsonObject{{u"Name"_s, dimension.name}, {u"Value"_s, dimension.value}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Dimensions dimensionsFromJson(const QString &text)
{
    Dimensions dimensions;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        dimensions.append({object.value(u"Name").toString(), object.value(u"Value").toString()});
    }
    return dimensions;
}

// A single value (the common case) is stored as '' and read back from sum and sample_count.
QString rawJson(QList<std::pair<double, double>> raw)
{
    if (raw.size() == 1 && raw.front().second == 1)
        return u""_s;
    // Equal values (common after a roll-up) are kept once with their counts added.
    std::sort(raw.begin(), raw.end());
    QList<std::pair<double, double>> merged;
    for (const auto &[value, count] : raw) {
        if (!merged.isEmpty() && merged.back().first == value)
            merged.back().second += count;
        else
            merged.append({value, count});
    }
    raw = std::move(merged);
    QJsonArray array;
    for (const auto &[value, count] : raw)
        array.append(QJsonArray{value, count});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

constexpr qint64 MinuteMs = 60'000;

qint64 floorToMinute(qint64 ms)
{
    return ms - (((ms % MinuteMs) + MinuteMs) % MinuteMs);
}

} // namespace

MetricStore::MetricStore(Storage::Database &database)
    : m_database(database)
{}

Dimensions MetricStore::sorted(Dimensions dimensions)
{
    std::sort(dimensions.begin(), dimensions.end(), [](const Dimension &a, const Dimension &b) {
        return a.name < b.name || (a.name == b.name && a.value < b.value);
    });
    return dimensions;
}

std::optional<qint64> MetricStore::findMetric(const Metric &metric) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT id FROM cw_metrics WHERE namespace = ? AND name = ? AND dimensions_key = ?"_s);
    query.addBindValue(text(metric.metricNamespace));
    query.addBindValue(text(metric.metricName));
    query.addBindValue(text(dimensionsKey(sorted(metric.dimensions))));
    std::optional<qint64> id;
    if (query.exec() && query.next())
        id = query.value(0).toLongLong();
    query.finish();
    return id;
}

std::optional<qint64> MetricStore::touchMetric(const Metric &metric, qint64 nowMs)
{
    const Dimensions dimensions = sorted(metric.dimensions);
    const QString key = dimensionsKey(dimensions);
    const QString recentKey = metric.metricNamespace + u'\n' + metric.metricName + u'\n' + key;
    if (m_rollbacksSeen != Storage::SqlTransaction::rollbacks()) {
        m_rollbacksSeen = Storage::SqlTransaction::rollbacks();
        m_recentTouches.clear();
    }
    if (const auto recent = m_recentTouches.constFind(recentKey); recent != m_recentTouches.cend()
        && nowMs >= recent->atMs && nowMs - recent->atMs < RecentTouchMs)
        return recent->id;
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO cw_metrics (namespace, name, dimensions_key, dimensions, last_put_ms) "
        u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (namespace, name, dimensions_key) DO UPDATE SET "
        u"last_put_ms = max(last_put_ms, excluded.last_put_ms) RETURNING id"_s);
    query.addBindValue(text(metric.metricNamespace));
    query.addBindValue(text(metric.metricName));
    query.addBindValue(text(key));
    query.addBindValue(dimensionsJson(dimensions));
    query.addBindValue(nowMs);
    std::optional<qint64> id;
    if (query.exec() && query.next()) {
        id = query.value(0).toLongLong();
        if (m_recentTouches.size() >= 10'000)
            m_recentTouches.clear();
        m_recentTouches.insert(recentKey, {*id, nowMs});
    } else {
        qCWarning(lcCore) << "cw_metrics upsert failed:" << Storage::Database::lastErrorText(query);
    }
    query.finish();
    return id;
}

bool MetricStore::insert(qint64 metricId, const StoredDatum &datum)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO cw_datapoints (metric_id, ts_ms, unit, resolution, sample_count, sum, "
        u"minimum, maximum, raw_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(metricId);
    query.addBindValue(datum.timestampMs);
    query.addBindValue(text(datum.unit));
    query.addBindValue(datum.resolution);
    query.addBindValue(datum.values.sampleCount);
    query.addBindValue(datum.values.sum);
    query.addBindValue(datum.values.minimum);
    query.addBindValue(datum.values.maximum);
    query.addBindValue(datum.values.rawComplete ? QVariant(rawJson(datum.values.raw))
                                                : QVariant(QMetaType::fromType<QString>()));
    const bool ok = query.exec();
    if (!ok)
        qCWarning(lcCore) << "cw_datapoints insert failed:"
                          << Storage::Database::lastErrorText(query);
    query.finish();
    return ok && addToMinute(metricId, datum);
}

bool MetricStore::addToMinute(qint64 metricId, const StoredDatum &datum)
{
    QSqlQuery &query = m_database.prepared(
        u"INSERT INTO cw_minute_aggregates (metric_id, minute_ms, unit, sample_count, sum, "
        u"minimum, maximum) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (metric_id, minute_ms, unit) "
        u"DO UPDATE SET sample_count = sample_count + excluded.sample_count, sum = sum + "
        u"excluded.sum, minimum = min(minimum, excluded.minimum), maximum = max(maximum, "
        u"excluded.maximum)"_s);
    query.addBindValue(metricId);
    query.addBindValue(floorToMinute(datum.timestampMs));
    query.addBindValue(text(datum.unit));
    query.addBindValue(datum.values.sampleCount);
    query.addBindValue(datum.values.sum);
    query.addBindValue(datum.values.minimum);
    query.addBindValue(datum.values.maximum);
    const bool ok = query.exec();
    if (!ok)
        qCWarning(lcCore) << "cw_minute_aggregates upsert failed:"
                          << Storage::Database::lastErrorText(query);
    query.finish();
    return ok;
}

bool MetricStore::recomputeMinutes(qint64 metricId, qint64 fromMs, qint64 beforeMs)
{
    const qint64 from = floorToMinute(fromMs);
    const qint64 before = floorToMinute(beforeMs - 1) + MinuteMs;
    QSqlQuery &remove = m_database.prepared(
        u"DELETE FROM cw_minute_aggregates WHERE metric_id = ? AND minute_ms >= ? AND "
        u"minute_ms < ?"_s);
    remove.addBindValue(metricId);
    remove.addBindValue(from);
    remove.addBindValue(before);
    bool ok = remove.exec();
    remove.finish();
    QSqlQuery &fill = m_database.prepared(
        u"INSERT INTO cw_minute_aggregates (metric_id, minute_ms, unit, sample_count, sum, "
        u"minimum, maximum) SELECT metric_id, ts_ms - (ts_ms % 60000), unit, sum(sample_count), "
        u"sum(sum), min(minimum), max(maximum) FROM cw_datapoints WHERE metric_id = ? AND "
        u"ts_ms >= ? AND ts_ms < ? GROUP BY ts_ms - (ts_ms % 60000), unit"_s);
    fill.addBindValue(metricId);
    fill.addBindValue(from);
    fill.addBindValue(before);
    ok = ok && fill.exec();
    if (!ok)
        qCWarning(lcCore) << "cw_minute_aggregates rebuild failed:"
                          << Storage::Database::lastErrorText(fill);
    fill.finish();
    return ok;
}

void MetricStore::forEachDatum(qint64 metricId,
    qint64 fromMs,
    qint64 toMs,
    bool withRawValues,
    const std::function<void(const StoredDatum &)> &visit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT ts_ms, unit, resolution, sample_count, sum, minimum, maximum, raw_values "
        u"FROM cw_datapoints WHERE metric_id = ? AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms"_s);
    query.setForwardOnly(true);
    query.addBindValue(metricId);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (query.exec()) {
        StoredDatum datum;
        while (query.next()) {
            datum.timestampMs = query.value(0).toLongLong();
            datum.unit = query.value(1).toString();
            datum.resolution = query.value(2).toInt();
            datum.values.sampleCount = query.value(3).toDouble();
            datum.values.sum = query.value(4).toDouble();
            datum.values.minimum = query.value(5).toDouble();
            datum.values.maximum = query.value(6).toDouble();
            datum.values.raw.clear();
            datum.values.rawComplete = !query.isNull(7);
            if (withRawValues && datum.values.rawComplete) {
                const QString text = query.value(7).toString();
                if (text.isEmpty()) {
                    datum.values.raw.append({datum.values.sum, 1.0});
                } else {
                    const QJsonArray raw = QJsonDocument::fromJson(text.toUtf8()).array();
                    for (const QJsonValue &pair : raw)
                        datum.values.raw.append(
                            {pair.toArray().at(0).toDouble(), pair.toArray().at(1).toDouble()});
                }
            }
            visit(datum);
        }
    }
    query.finish();
}

QList<MetricStore::PeriodAggregate> MetricStore::aggregate(
    qint64 metricId, qint64 alignedStartMs, qint64 toMs, qint64 periodMs, const QString &unit) const
{
    // Whole minutes come from cw_minute_aggregates, the rest (periods under a minute, or the
    // last, partial minute before toMs) from the datums themselves.
    qint64 minutesEndMs = alignedStartMs;
    if (periodMs % MinuteMs == 0 && alignedStartMs % MinuteMs == 0)
        minutesEndMs = std::max(alignedStartMs, floorToMinute(toMs));
    QMap<std::pair<qint64, QString>, Statistics::Accumulator> periods;
    const auto read = [&](const QString &sql, qint64 fromMs, qint64 beforeMs) {
        QSqlQuery &query = m_database.prepared(sql);
        query.setForwardOnly(true);
        query.addBindValue(alignedStartMs);
        query.addBindValue(periodMs);
        query.addBindValue(metricId);
        query.addBindValue(fromMs);
        query.addBindValue(beforeMs);
        query.addBindValue(text(unit));
        query.addBindValue(text(unit));
        if (!query.exec()) {
            qCWarning(lcCore) << "CloudWatch aggregate failed:"
                              << Storage::Database::lastErrorText(query);
            return;
        }
        while (query.next()) {
            Statistics::Accumulator values;
            values.add(query.value(2).toDouble(),
                query.value(3).toDouble(),
                query.value(4).toDouble(),
                query.value(5).toDouble());
            values.rawComplete = false;
            const std::pair<qint64, QString> key{
                alignedStartMs + query.value(0).toLongLong() * periodMs, query.value(1).toString()};
            auto it = periods.find(key);
            if (it == periods.end())
                periods.insert(key, values);
            else
                it->merge(values);
        }
        query.finish();
    };
    if (minutesEndMs > alignedStartMs)
        read(u"SELECT (minute_ms - ?) / ? AS bucket, unit, sum(sample_count), sum(sum), "
             u"min(minimum), max(maximum) FROM cw_minute_aggregates WHERE metric_id = ? AND "
             u"minute_ms >= ? AND minute_ms < ? AND (? = '' OR unit = ?) GROUP BY bucket, unit"_s,
            alignedStartMs,
            minutesEndMs);
    if (toMs > minutesEndMs)
        read(u"SELECT (ts_ms - ?) / ? AS bucket, unit, sum(sample_count), sum(sum), min(minimum), "
             u"max(maximum) FROM cw_datapoints WHERE metric_id = ? AND ts_ms >= ? AND ts_ms < ? "
             u"AND (? = '' OR unit = ?) GROUP BY bucket, unit"_s,
            minutesEndMs,
            toMs);
    QList<PeriodAggregate> result;
    result.reserve(periods.size());
    for (auto it = periods.cbegin(); it != periods.cend(); ++it)
        result.append({it.key().first, it.key().second, it.value()});
    return result;
}

QList<MetricStore::StoredMetric> MetricStore::metrics(
    const QString &metricNamespace, const QString &metricName, qint64 afterId, int limit) const
{
    QSqlQuery &query = m_database.prepared(
        u"SELECT id, namespace, name, dimensions, last_put_ms FROM cw_metrics WHERE id > ? "
        u"AND (ifnull(?, '') = '' OR namespace = ?) AND (ifnull(?, '') = '' OR name = ?) ORDER BY id LIMIT ?"_s);
    query.addBindValue(afterId);
    query.addBindValue(text(metricNamespace));
    query.addBindValue(text(metricNamespace));
    query.addBindValue(text(metricName));
    query.addBindValue(text(metricName));
    query.addBindValue(limit);
    QList<StoredMetric> result;
    if (query.exec()) {
        while (query.next()) {
            StoredMetric stored;
            stored.id = query.value(0).toLongLong();
            stored.metric.metricNamespace = query.value(1).toString();
            stored.metric.metricName = query.value(2).toString();
            stored.metric.dimensions = dimensionsFromJson(query.value(3).toString());
            stored.lastPutMs = query.value(4).toLongLong();
            result.append(std::move(stored));
        }
    }
    query.finish();
    return result;
}

QList<qint64> MetricStore::metricIds() const
{
    QSqlQuery &query = m_database.prepared(u"SELECT id FROM cw_metrics ORDER BY id"_s);
    QList<qint64> ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    query.finish();
    return ids;
}

int MetricStore::rollUp(qint64 metricId, qint64 fromMs, qint64 beforeMs, int resolution)
{
    const qint64 bucketMs = qint64(resolution) * 1000;
    QMap<std::pair<qint64, QString>, Statistics::Accumulator> buckets;
    int replaced = 0;
    {
        QSqlQuery &query = m_database.prepared(
            u"SELECT ts_ms, unit, sample_count, sum, minimum, maximum, raw_values FROM "
            u"cw_datapoints WHERE metric_id = ? AND ts_ms >= ? AND ts_ms < ? AND resolution < ?"_s);
        query.setForwardOnly(true);
        query.addBindValue(metricId);
        query.addBindValue(fromMs);
        query.addBindValue(beforeMs);
        query.addBindValue(resolution);
        if (!query.exec()) {
            qCWarning(lcCore) << "cw_datapoints roll-up read failed:"
                              << Storage::Database::lastErrorText(query);
            return 0;
        }
        while (query.next()) {
            const qint64 timestamp = query.value(0).toLongLong();
            const qint64 bucket = timestamp - (((timestamp % bucketMs) + bucketMs) % bucketMs);
            Statistics::Accumulator values;
            values.add(query.value(2).toDouble(),
                query.value(3).toDouble(),
                query.value(4).toDouble(),
                query.value(5).toDouble());
            values.rawComplete = !query.isNull(6);
            if (values.rawComplete) {
                const QString text = query.value(6).toString();
                if (text.isEmpty()) {
                    values.raw.append({values.sum, 1.0});
                } else {
                    const QJsonArray raw = QJsonDocument::fromJson(text.toUtf8()).array();
                    for (const QJsonValue &pair : raw)
                        values.raw.append(
                            {pair.toArray().at(0).toDouble(), pair.toArray().at(1).toDouble()});
                }
            }
            auto it = buckets.find({bucket, query.value(1).toString()});
            if (it == buckets.end())
                buckets.insert({bucket, query.value(1).toString()}, values);
            else
                it->merge(values);
            ++replaced;
        }
        query.finish();
    }
    if (replaced == 0)
        return 0;
    QSqlQuery &remove = m_database.prepared(
        u"DELETE FROM cw_datapoints WHERE metric_id = ? AND ts_ms >= ? AND ts_ms < ? AND "
        u"resolution < ?"_s);
    remove.addBindValue(metricId);
    remove.addBindValue(fromMs);
    remove.addBindValue(beforeMs);
    remove.addBindValue(resolution);
    const bool removed = remove.exec();
    remove.finish();
    if (!removed)
        return 0;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        QSqlQuery &query = m_database.prepared(
            u"INSERT INTO cw_datapoints (metric_id, ts_ms, unit, resolution, sample_count, sum, "
            u"minimum, maximum, raw_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        const Statistics::Accumulator &values = it.value();
        query.addBindValue(metricId);
        query.addBindValue(it.key().first);
        query.addBindValue(text(it.key().second));
        query.addBindValue(resolution);
        query.addBindValue(values.sampleCount);
        query.addBindValue(values.sum);
        query.addBindValue(values.minimum);
        query.addBindValue(values.maximum);
        query.addBindValue(values.rawComplete ? QVariant(rawJson(values.raw))
                                              : QVariant(QMetaType::fromType<QString>()));
        if (!query.exec())
            qCWarning(lcCore) << "cw_datapoints roll-up insert failed:"
                              << Storage::Database::lastErrorText(query);
        query.finish();
    }
    // Rolling up to 5 minutes or an hour moves datums to other minutes.
    recomputeMinutes(metricId, fromMs, beforeMs);
    return replaced;
}

int MetricStore::deleteRange(qint64 metricId, qint64 fromMs, qint64 beforeMs)
{
    QSqlQuery &query = m_database.prepared(
        u"DELETE FROM cw_datapoints WHERE metric_id = ? AND ts_ms >= ? AND ts_ms < ?"_s);
    query.addBindValue(metricId);
    query.addBindValue(fromMs);
    query.addBindValue(beforeMs);
    const int deleted = query.exec() ? query.numRowsAffected() : 0;
    query.finish();
    if (deleted > 0)
        recomputeMinutes(metricId, fromMs, beforeMs);
    return deleted;
}

QStringList MetricStore::namespaces() const
{
    QSqlQuery &query =
        m_database.prepared(u"SELECT DISTINCT namespace FROM cw_metrics ORDER BY 1"_s);
    QStringList result;
    if (query.exec()) {
        while (query.next())
            result.append(query.value(0).toString());
    }
    query.finish();
    return result;
}

} // namespace Core::CloudWatch
