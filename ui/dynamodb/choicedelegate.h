// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Gui::DynamoDb {

// Edits a cell with a combo box when the model offers a fixed list of choices for it under
// ChoicesRole (a QStringList of values; the labels under ChoiceLabelsRole when present), and
// with the default editor otherwise. Used by the filter rows and the index list of the
// create-table dialog.
class ChoiceDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceDelegate)

public:
    static constexpr int ChoicesRole = Qt::UserRole + 10;
    static constexpr int ChoiceLabelsRole = Qt::UserRole + 11;

    explicit ChoiceDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent,
        const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(
        QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace Gui::DynamoDb
