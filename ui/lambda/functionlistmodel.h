// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/lambdatypes.h"

#include <QAbstractTableModel>

namespace Gui::Lambda {

// The functions shown in the Functions pane ($LATEST of each), as value snapshots. setFunctions()
// replaces the list with row-granular inserts, removals and changes so selections survive
// refreshes. GUI thread.
class FunctionListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionListModel)

public:
    enum Column {
        Name,
        Runtime,
        LastModified,
        CodeSize,
        State,
        ColumnCount,
    };

    explicit FunctionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setFunctions(const QList<Core::Lambda::FunctionConfiguration> &functions);
    const Core::Lambda::FunctionConfiguration *function(int row) const;
    int rowOf(const QString &name) const;

private:
    QList<Core::Lambda::FunctionConfiguration> m_functions;
};

} // namespace Gui::Lambda
