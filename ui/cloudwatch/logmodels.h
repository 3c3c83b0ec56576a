// SPDX-License-Identifier: MIT
#pragma once

#include "core/logs/logtypes.h"

#include <QAbstractTableModel>

namespace Gui::CloudWatch {

// The log groups of the Log groups tab (DescribeLogGroups snapshots), replaced as a whole.
class LogGroupListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogGroupListModel)

public:
    enum Column {
        NameColumn,
        RetentionColumn,
        StoredBytesColumn,
        MetricFiltersColumn,
        CreatedColumn,
        ColumnCount,
    };
    static constexpr int NameRole = Qt::UserRole + 1;

    explicit LogGroupListModel(QObject *parent = nullptr);

    void setGroups(QList<Core::Logs::LogGroup> groups);
    static QString retentionText(const std::optional<int> &days);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::Logs::LogGroup> m_groups;
};

// The streams of the selected log group, newest event first.
class LogStreamListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogStreamListModel)

public:
    enum Column {
        NameColumn,
        LastEventColumn,
        StoredBytesColumn,
        ColumnCount,
    };
    static constexpr int NameRole = Qt::UserRole + 1;

    explicit LogStreamListModel(QObject *parent = nullptr);

    void setStreams(QList<Core::Logs::LogStream> streams);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::Logs::LogStream> m_streams;
};

// The events FilterLogEvents returned, oldest first. Pages on: while the service handed out a
// next token, canFetchMore() is true and fetchMore() emits moreRequested(token); the pane answers
// with appendEvents().
class LogEventListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogEventListModel)

public:
    enum Column {
        TimeColumn,
        StreamColumn,
        MessageColumn,
        ColumnCount,
    };

    explicit LogEventListModel(QObject *parent = nullptr);

    void setEvents(QList<Core::Logs::LogEvent> events, const QString &nextToken);
    void appendEvents(const QList<Core::Logs::LogEvent> &events, const QString &nextToken);
    QString nextToken() const { return m_nextToken; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void moreRequested(const QString &nextToken);

private:
    QList<Core::Logs::LogEvent> m_events;
    QString m_nextToken;
    bool m_fetching = false;
};

} // namespace Gui::CloudWatch
