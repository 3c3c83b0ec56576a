// SPDX-License-Identifier: MIT
#include "ui/dynamodb/choicedelegate.h"

#include <QComboBox>

#include <algorithm>

namespace Gui::DynamoDb {

ChoiceDelegate::ChoiceDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QWidget *ChoiceDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList choices = index.data(ChoicesRole).toStringList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    const QStringList labels = index.data(ChoiceLabelsRole).toStringList();
    auto *combo = new QComboBox(parent);
    for (qsizetype i = 0; i < choices.size(); ++i)
        combo->addItem(i < labels.size() ? labels[i] : choices[i], choices[i]);
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole))));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ChoiceDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace Gui::DynamoDb
