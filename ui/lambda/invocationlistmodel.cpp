// SPDX-License-Identifier: MIT
#include "ui/lambda/invocationlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace Gui::Lambda {

namespace {

constexpr int MaxRows = 200;

} // namespace

InvocationListModel::InvocationListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int InvocationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int InvocationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InvocationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::Lambda::InvocationRecord &record = m_records.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(record.timeMs).toString(u"HH:mm:ss.zzz");
        case Status:
            if (record.status == QLatin1StringView("Success"))
                return tr("Succeeded");
            if (record.status == QLatin1StringView("Timeout"))
                return tr("Timed out");
            return tr("Failed");
        case Duration:
            return tr("%1 ms").arg(QLocale().toString(record.durationMs, 'f', 2));
        case InitDuration:
            return record.initDurationMs
                ? tr("%1 ms").arg(QLocale().toString(*record.initDurationMs, 'f', 2))
                : QString();
        case Memory:
            return tr("%1 MB").arg(record.maxMemoryUsedMb);
        case RequestId:
            return record.requestId;
        }
    } else if (role == Qt::ForegroundRole && index.column() == Status
        && record.status != QLatin1StringView("Success")) {
        return QBrush(QColor(0xd1, 0x32, 0x12));
    }
    return {};
}

QVariant InvocationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case InitDuration:
        return tr("Init duration");
    case Memory:
        return tr("Max memory");
    case RequestId:
        return tr("Request ID");
    }
    return {};
}

void InvocationListModel::setInvocations(const QList<Core::Lambda::InvocationRecord> &records)
{
    beginResetModel();
    m_records = records.mid(0, MaxRows);
    endResetModel();
}

void InvocationListModel::prepend(const Core::Lambda::InvocationRecord &record)
{
    beginInsertRows({}, 0, 0);
    m_records.prepend(record);
    endInsertRows();
    if (m_records.size() > MaxRows) {
        beginRemoveRows({}, MaxRows, int(m_records.size()) - 1);
        m_records.resize(MaxRows);
        endRemoveRows();
    }
}

const Core::Lambda::InvocationRecord *InvocationListModel::record(int row) const
{
    if (row < 0 || row >= m_records.size())
        return nullptr;
    return &m_records.at(row);
}

} // namespace Gui::Lambda
