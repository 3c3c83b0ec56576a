// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Gui::CloudWatch {

// The metrics browser's tree, as the console's "All metrics": namespaces, then the dimension
// sets of each namespace (the dimension names, e.g. "QueueName"), then the metrics with their
// dimension values. Metrics are checkable to chart them together. setMetrics() merges a new
// ListMetrics snapshot row by row, so expansion and check marks survive live updates.
class MetricTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricTreeModel)

public:
    enum Column {
        NameColumn,
        DimensionsColumn,
        ColumnCount,
    };
    static constexpr int MetricKeyRole = Qt::UserRole + 1;

    explicit MetricTreeModel(QObject *parent = nullptr);
    ~MetricTreeModel() override;

    void setMetrics(const QList<Core::CloudWatch::Metric> &metrics);
    int metricCount() const { return m_metricCount; }
    QList<Core::CloudWatch::Metric> checkedMetrics() const;
    void setChecked(const QString &metricKey, bool checked);
    void clearChecks();
    static QString metricKey(const Core::CloudWatch::Metric &metric);
    static QString metricCountText(int count);
    static QString dimensionSetLabel(const Core::CloudWatch::Dimensions &dimensions);
    static QString dimensionValuesLabel(const Core::CloudWatch::Dimensions &dimensions);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void checkedMetricsChanged();

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;

    std::unique_ptr<Node> m_root;
    QList<QString> m_checkOrder; // metric keys in the order they were checked
    int m_metricCount = 0;
};

} // namespace Gui::CloudWatch
