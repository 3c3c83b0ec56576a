// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Core::Journal {
class JournalService;
}

namespace Gui::Activity {

class ActivityFilterProxy;
class ActivityModel;
class RequestDetailView;

// The Activity pane: every request the endpoint answered, live, newest first, with filters, a
// pause switch, and the selected request's headers and bodies below. Talks to the journal on the
// core thread only through its signals and Core::callAsync.
class ActivityPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPane)

public:
    explicit ActivityPane(Core::Journal::JournalService *journal,
        const QString &endpointUrl,
        QWidget *parent = nullptr);

    ActivityModel *model() const { return m_model; }
    ActivityFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    RequestDetailView *detailView() const { return m_detail; }
    // True while the "no requests yet" page is shown instead of the table.
    bool isShowingEmptyState() const;

private:
    QWidget *createToolbar();
    QWidget *createEmptyState(const QString &endpointUrl);
    void updateState();
    void updatePauseButton();
    void showCurrent();
    void confirmClear();

    Core::Journal::JournalService *m_journal;
    ActivityModel *m_model;
    ActivityFilterProxy *m_proxy;
    QComboBox *m_serviceFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    RequestDetailView *m_detail = nullptr;
};

} // namespace Gui::Activity
