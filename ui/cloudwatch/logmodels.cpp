// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/logmodels.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

} // namespace

LogGroupListModel::LogGroupListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LogGroupListModel::setGroups(QList<Core::Logs::LogGroup> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    endResetModel();
}

QString LogGroupListModel::retentionText(const std::optional<int> &days)
{
    if (!days)
        return tr("Never expire");
    return *days == 1 ? tr("1 day") : tr("%1 days").arg(*days);
}

int LogGroupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int LogGroupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogGroupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::Logs::LogGroup &group = m_groups.at(index.row());
    if (role == NameRole)
        return group.name;
    if (role == Qt::TextAlignmentRole
        && (index.column() == StoredBytesColumn || index.column() == MetricFiltersColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return group.name;
    case RetentionColumn:
        return retentionText(group.retentionInDays);
    case StoredBytesColumn:
        return QLocale().formattedDataSize(group.storedBytes);
    case MetricFiltersColumn:
        return group.metricFilterCount;
    case CreatedColumn:
        return timeText(group.creationTimeMs);
    }
    return {};
}

QVariant LogGroupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Log group");
    case RetentionColumn:
        return tr("Retention");
    case StoredBytesColumn:
        return tr("Stored bytes");
    case MetricFiltersColumn:
        return tr("Metric filters");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

LogStreamListModel::LogStreamListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LogStreamListModel::setStreams(QList<Core::Logs::LogStream> streams)
{
    beginResetModel();
    m_streams = std::move(streams);
    endResetModel();
}

int LogStreamListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_streams.size());
}

int LogStreamListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogStreamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::Logs::LogStream &stream = m_streams.at(index.row());
    if (role == NameRole || (role == Qt::ToolTipRole && index.column() == NameColumn))
        return stream.name;
    if (role == Qt::TextAlignmentRole && index.column() == StoredBytesColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return stream.name;
    case LastEventColumn:
        return stream.lastEventTimestamp ? timeText(*stream.lastEventTimestamp) : QString();
    case StoredBytesColumn:
        return QLocale().formattedDataSize(stream.storedBytes);
    }
    return {};
}

QVariant LogStreamListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Log stream");
    case LastEventColumn:
        return tr("Last event");
    case StoredBytesColumn:
        return tr("Stored bytes");
    }
    return {};
}

LogEventListModel::LogEventListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LogEventListModel::setEvents(QList<Core::Logs::LogEvent> events, const QString &nextToken)
{
    beginResetModel();
    m_events = std::move(events);
    m_nextToken = nextToken;
    m_fetching = false;
    endResetModel();
}

void LogEventListModel::appendEvents(
    const QList<Core::Logs::LogEvent> &events, const QString &nextToken)
{
    m_fetching = false;
    m_nextToken = nextToken;
    if (events.isEmpty())
        return;
    beginInsertRows({}, int(m_events.size()), int(m_events.size() + events.size() - 1));
    m_events.append(events);
    endInsertRows();
}

int LogEventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int LogEventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogEventListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::Logs::LogEvent &event = m_events.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return event.message;
    if (role == Qt::ToolTipRole && index.column() == StreamColumn)
        return event.streamName;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return timeText(event.timestampMs);
    case StreamColumn:
        return event.streamName;
    case MessageColumn:
        return event.message.trimmed();
    }
    return {};
}

QVariant LogEventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Timestamp");
    case StreamColumn:
        return tr("Log stream");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

bool LogEventListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_nextToken.isEmpty() && !m_fetching;
}

void LogEventListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit moreRequested(m_nextToken);
}

} // namespace Gui::CloudWatch
