// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/awserror.h"

#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QJsonObject>
#include <QXmlStreamWriter>

#include <optional>

namespace Core::Api::CloudWatchCodec {

// CloudWatch speaks Query, JSON 1.0 and RPC v2 CBOR. Every request is decoded into one
// protocol-neutral tree (a QCborMap keyed by botocore member names, lists as arrays, Query's
// "X.member.N" flattening undone) and every answer is built as such a tree, then framed:
// timestamps are QDateTime values (ISO 8601 in XML, epoch seconds in JSON, tag 1 in CBOR).

QCborMap fromQuery(const QList<std::pair<QString, QString>> &parameters);
QCborMap fromJson(const QJsonObject &object);

// mapMembers: member names whose value is a map (XML entry/key/value), e.g. ExtendedStatistics.
void writeXml(QXmlStreamWriter &xml, const QCborMap &tree, const QStringList &mapMembers = {});
QJsonObject toJson(const QCborMap &tree);
QByteArray toCbor(const QCborMap &tree);

QCborValue timestamp(qint64 ms);

// Typed reads of the neutral tree with AWS's errors. `name` is the Query-style parameter name
// used in messages (MetricData.member.1.Value).
class Reader final
{
public:
    Reader(QCborValue value, QString name);

    bool has(const QString &key) const;
    Reader child(const QString &key) const;
    QList<Reader> list(const QString &key) const;
    QString string(const QString &key) const;
    QStringList strings(const QString &key) const;
    Result<std::optional<double>> number(const QString &key) const;
    Result<QList<double>> numbers(const QString &key) const;
    Result<std::optional<qint64>> integer(const QString &key) const;
    Result<std::optional<bool>> boolean(const QString &key) const;
    Result<std::optional<qint64>> timestampMs(const QString &key) const;
    const QString &name() const { return m_name; }
    QString path(const QString &key) const;

private:
    QCborValue m_value;
    QString m_name;
};

} // namespace Core::Api::CloudWatchCodec
