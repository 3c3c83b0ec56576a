// SPDX-License-Identifier: MIT
#pragma once

#include "ui/common/nofocusdelegate.h"

namespace Gui::Activity {

// Paints an HTTP status as a small tinted badge in ActivityModel::statusColor.
class StatusDelegate final : public NoFocusDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDelegate)

public:
    explicit StatusDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter,
        const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Gui::Activity
