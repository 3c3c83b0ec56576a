// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/metrictreemodel.h"

#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;
using Core::CloudWatch::Dimensions;
using Core::CloudWatch::Metric;

namespace Gui::CloudWatch {

namespace {

constexpr int NamespaceLevel = 1;
constexpr int DimensionSetLevel = 2;
constexpr int MetricLevel = 3;

// Sort and identity keys: unit and record separators never occur in names.
constexpr QChar FieldSeparator = QChar(0x1f);
constexpr QChar PartSeparator = QChar(0x1e);

QString dimensionNamesKey(const Dimensions &dimensions)
{
    QStringList names;
    for (const auto &dimension : dimensions)
        names.append(dimension.name);
    return names.join(FieldSeparator);
}

QString leafKey(const Metric &metric)
{
    QStringList parts{metric.metricName};
    for (const auto &dimension : metric.dimensions)
        parts.append(dimension.value);
    return parts.join(FieldSeparator);
}

} // namespace

struct MetricTreeModel::Node
{
    QString key;
    int level = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    Metric metric; // metric leaves, and the namespace/dimensions that define a group
    bool checked = false;

    int row() const
    {
        if (!parent)
            return 0;
        const auto it = std::find_if(parent->children.cbegin(),
            parent->children.cend(),
            [this](const std::unique_ptr<Node> &child) { return child.get() == this; });
        return int(it - parent->children.cbegin());
    }
    int leafCount() const
    {
        if (level == MetricLevel)
            return 1;
        int count = 0;
        for (const auto &child : children)
            count += child->leafCount();
        return count;
    }
};

MetricTreeModel::MetricTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

MetricTreeModel::~MetricTreeModel() = default;

QString MetricTreeModel::metricKey(const Metric &metric)
{
    QStringList parts{metric.metricNamespace, metric.metricName};
    for (const auto &dimension : metric.dimensions)
        parts.append(dimension.name + u'=' + dimension.value);
    return parts.join(PartSeparator);
}

QString MetricTreeModel::metricCountText(int count)
{
    return count == 1 ? tr("1 metric") : tr("%1 metrics").arg(count);
}

QString MetricTreeModel::dimensionSetLabel(const Dimensions &dimensions)
{
    if (dimensions.isEmpty())
        return tr("Metrics with no dimensions");
    QStringList names;
    for (const auto &dimension : dimensions)
        names.append(dimension.name);
    return names.join(u", "_s);
}

QString MetricTreeModel::dimensionValuesLabel(const Dimensions &dimensions)
{
    QStringList pairs;
    for (const auto &dimension : dimensions)
        pairs.append(dimension.name + u'=' + dimension.value);
    return pairs.join(u", "_s);
}

void MetricTreeModel::setMetrics(const QList<Metric> &metrics)
{
    // The wanted tree, sorted at every level by the nodes' keys.
    QMap<QString, QMap<QString, QMap<QString, Metric>>> wanted;
    for (const Metric &metric : metrics)
        wanted[metric.metricNamespace][dimensionNamesKey(metric.dimensions)][leafKey(metric)] =
            metric;

    // Brings parent's children in line with `keys`: removes what is gone, inserts what is new
    // (fully built, in one insert) and updates the rest through `update`.
    const auto sync =
        [this](Node *parent, const QStringList &keys, const auto &build, const auto &update) {
            const QModelIndex parentIndex = indexOf(parent);
            for (int row = int(parent->children.size()) - 1; row >= 0; --row) {
                Node *child = parent->children.at(row).get();
                if (keys.contains(child->key))
                    continue;
                beginRemoveRows(parentIndex, row, row);
                const auto removeChecks = [this](const auto &self, Node *node) -> void {
                    if (node->level == MetricLevel)
                        m_checkOrder.removeAll(metricKey(node->metric));
                    for (const auto &grandChild : node->children)
                        self(self, grandChild.get());
                };
                removeChecks(removeChecks, child);
                parent->children.erase(parent->children.begin() + row);
                endRemoveRows();
            }
            int row = 0;
            for (const QString &key : keys) {
                if (row < int(parent->children.size()) && parent->children.at(row)->key == key) {
                    update(parent->children.at(row).get());
                } else {
                    beginInsertRows(parentIndex, row, row);
                    auto node = std::make_unique<Node>();
                    node->key = key;
                    node->level = parent->level + 1;
                    node->parent = parent;
                    Node *raw = node.get();
                    parent->children.insert(parent->children.begin() + row, std::move(node));
                    build(raw);
                    endInsertRows();
                }
                ++row;
            }
        };

    const auto buildLeaves = [](Node *group, const QMap<QString, Metric> &leaves) {
        for (auto it = leaves.cbegin(); it != leaves.cend(); ++it) {
            auto leaf = std::make_unique<Node>();
            leaf->key = it.key();
            leaf->level = MetricLevel;
            leaf->parent = group;
            leaf->metric = it.value();
            group->children.push_back(std::move(leaf));
        }
    };
    const auto buildGroups = [&buildLeaves](Node *ns, const auto &groups) {
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            auto group = std::make_unique<Node>();
            group->key = it.key();
            group->level = DimensionSetLevel;
            group->parent = ns;
            group->metric = it.value().first();
            buildLeaves(group.get(), it.value());
            ns->children.push_back(std::move(group));
        }
    };

    sync(
        m_root.get(),
        wanted.keys(),
        [&](Node *ns) {
            ns->metric.metricNamespace = ns->key;
            buildGroups(ns, wanted.value(ns->key));
        },
        [&](Node *ns) {
            const auto &groups = wanted[ns->key];
            sync(
                ns,
                groups.keys(),
                [&](Node *group) {
                    group->metric = groups.value(group->key).first();
                    buildLeaves(group, groups.value(group->key));
                },
                [&](Node *group) {
                    const auto &leaves = groups[group->key];
                    sync(
                        group,
                        leaves.keys(),
                        [&](Node *leaf) { leaf->metric = leaves.value(leaf->key); },
                        [](Node *) {});
                    // The count in the group's second column changed.
                    const QModelIndex count = indexOf(group, DimensionsColumn);
                    emit dataChanged(count, count, {Qt::DisplayRole});
                });
            const QModelIndex count = indexOf(ns, DimensionsColumn);
            emit dataChanged(count, count, {Qt::DisplayRole});
        });
    m_metricCount = int(metrics.size());
}

QList<Metric> MetricTreeModel::checkedMetrics() const
{
    QHash<QString, Metric> byKey;
    const auto collect = [&byKey](const auto &self, const Node *node) -> void {
        if (node->level == MetricLevel && node->checked)
            byKey.insert(metricKey(node->metric), node->metric);
        for (const auto &child : node->children)
            self(self, child.get());
    };
    collect(collect, m_root.get());
    QList<Metric> metrics;
    for (const QString &key : m_checkOrder) {
        if (byKey.contains(key))
            metrics.append(byKey.value(key));
    }
    return metrics;
}

void MetricTreeModel::setChecked(const QString &key, bool checked)
{
    const auto visit = [&](const auto &self, Node *node) -> bool {
        if (node->level == MetricLevel && metricKey(node->metric) == key) {
            if (node->checked != checked)
                setData(indexOf(node), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
            return true;
        }
        for (const auto &child : node->children) {
            if (self(self, child.get()))
                return true;
        }
        return false;
    };
    visit(visit, m_root.get());
}

void MetricTreeModel::clearChecks()
{
    const QStringList checked = m_checkOrder;
    for (const QString &key : checked)
        setChecked(key, false);
}

MetricTreeModel::Node *MetricTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex MetricTreeModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node);
}

QModelIndex MetricTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *node = nodeOf(parent);
    if (row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children.at(row).get());
}

QModelIndex MetricTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int MetricTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int MetricTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MetricTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    const Metric &metric = node->metric;
    if (role == MetricKeyRole)
        return node->level == MetricLevel ? metricKey(metric) : QVariant();
    if (role == Qt::CheckStateRole && index.column() == NameColumn && node->level == MetricLevel)
        return node->checked ? Qt::Checked : Qt::Unchecked;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (node->level) {
    case NamespaceLevel:
        if (index.column() == NameColumn)
            return node->key;
        return metricCountText(node->leafCount());
    case DimensionSetLevel:
        if (index.column() == NameColumn)
            return dimensionSetLabel(metric.dimensions);
        return metricCountText(node->leafCount());
    case MetricLevel:
        if (index.column() == NameColumn)
            return metric.metricName;
        return dimensionValuesLabel(metric.dimensions);
    }
    return {};
}

bool MetricTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (!index.isValid() || role != Qt::CheckStateRole || node->level != MetricLevel)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (node->checked == checked)
        return true;
    node->checked = checked;
    const QString key = metricKey(node->metric);
    m_checkOrder.removeAll(key);
    if (checked)
        m_checkOrder.append(key);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedMetricsChanged();
    return true;
}

Qt::ItemFlags MetricTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeOf(index)->level == MetricLevel && index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant MetricTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Metric");
    case DimensionsColumn:
        return tr("Dimensions");
    }
    return {};
}

} // namespace Gui::CloudWatch
