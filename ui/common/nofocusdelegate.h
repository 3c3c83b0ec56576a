// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Gui {

// A plain item delegate that leaves out the dotted focus frame around the current cell: tables
// that select whole rows show the row highlight, and the extra frame on one cell is only noise.
// Keyboard navigation is unaffected.
class NoFocusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoFocusDelegate)

public:
    explicit NoFocusDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Gui
