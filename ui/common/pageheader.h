// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace Gui {

// The title block at the top of every pane: a large title, a one-line explanation below it, and
// room on the right for the pane's main actions (addAction). Panes use it so they line up.
class PageHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageHeader)

public:
    explicit PageHeader(const QString &title, const QString &subtitle, QWidget *parent = nullptr);

    void addAction(QWidget *widget);
    QString title() const;

private:
    QLabel *m_title;
    QLabel *m_subtitle;
    QHBoxLayout *m_actions;
};

} // namespace Gui
