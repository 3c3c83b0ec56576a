// SPDX-License-Identifier: MIT
#include "ui/activity/statusdelegate.h"

#include "ui/activity/activitymodel.h"

#include <QApplication>
#include <QPainter>

namespace Gui::Activity {

namespace {

constexpr int BadgePadding = 7;

} // namespace

StatusDelegate::StatusDelegate(QObject *parent)
    : NoFocusDelegate(parent)
{}

void StatusDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const int status = index.data(ActivityModel::StatusCodeRole).toInt();
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    const QColor color = ActivityModel::statusColor(status);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int width = metrics.horizontalAdvance(text) + 2 * BadgePadding;
    const QRect badge(option.rect.left() + 4,
        option.rect.top() + (option.rect.height() - height) / 2,
        width,
        height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlphaF(0.14f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize StatusDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = NoFocusDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const int width =
        QFontMetrics(font).horizontalAdvance(index.data().toString()) + 2 * BadgePadding + 8;
    size.setWidth(std::max(size.width(), width));
    return size;
}

} // namespace Gui::Activity
