// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

#include <array>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QToolButton;

namespace Core::Journal {
class JournalService;
}

namespace Gui {

namespace Activity {
class ActivityPane;
}

// The console window, laid out like the AWS Management Console: a service navigator on the left,
// the selected pane on the right, and the endpoint, state folder, region and request rate in the
// status bar. Every service starts with a placeholder page; a service's pane plugs in with
// setServicePane() (see there). Lives on the GUI thread; reaches the core only through signals
// and Core::callAsync.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Context
    {
        Core::Journal::JournalService *journal = nullptr;
        QString endpointUrl;
        QString stateDir;
        QString region;
    };

    // The navigator's entries, in order; Ctrl+1 .. Ctrl+6 select them.
    enum class Pane {
        Buckets,
        Queues,
        Tables,
        Functions,
        Alarms,
        Activity,
    };
    static constexpr int PaneCount = 6;

    explicit MainWindow(const Context &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Puts a service's real pane in place of its placeholder page. The window takes ownership of
    // `widget` and deletes what was there before. Call it once per service right after creating
    // the window (app/application.cpp), e.g.
    //     window->setServicePane(Gui::MainWindow::Pane::Queues,
    //                            new Gui::Sqs::SqsPane(engine->sqs()));
    // The pane should open with a Gui::PageHeader (ui/common/pageheader.h) and use the same outer
    // margins (24, 20, 24, 12) as the Activity pane so pages line up.
    void setServicePane(Pane pane, QWidget *widget);
    // A count shown beside the pane's name in the navigator, in red (the console's "In alarm"
    // count); 0 hides it.
    void setPaneAlertCount(Pane pane, int count);
    int paneAlertCount(Pane pane) const;
    QWidget *servicePane(Pane pane) const;

    void showPane(Pane pane);
    Pane currentPane() const;
    Activity::ActivityPane *activityPane() const { return m_activityPane; }
    QString requestRateText() const;

private:
    QListWidgetItem *navigatorItem(Pane pane) const;
    void createNavigator();
    void createPages();
    void createMenus();
    void createStatusBar();
    void copyEndpoint();
    void openStateFolder();
    void showEndpointSetup();
    void showAbout();
    void updateRequestRate(double requestsPerSecond);

    Context m_context;
    QListWidget *m_navigator = nullptr;
    QStackedWidget *m_pages = nullptr;
    std::array<QWidget *, PaneCount> m_panes{};
    std::array<QAction *, PaneCount> m_paneActions{};
    Activity::ActivityPane *m_activityPane = nullptr;
    QToolButton *m_endpointButton = nullptr;
    QLabel *m_rateLabel = nullptr;
};

} // namespace Gui
