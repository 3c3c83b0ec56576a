// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "core/journal/journalservice.h"
#include "ui/activity/activitypane.h"
#include "ui/common/endpointsetupdialog.h"
#include "ui/common/icons.h"
#include "ui/common/placeholderpane.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

constexpr int PaneRole = Qt::UserRole + 1;
constexpr int AlertCountRole = Qt::UserRole + 2;
constexpr QRgb AlertText = 0xffff7b72; // readable red on the navigator's navy
constexpr int NavigatorWidth = 212;
constexpr QRgb NavigatorText = 0xffd5dbdb;
constexpr QRgb StatusIconColor = 0xff545b64;

struct PaneInfo
{
    MainWindow::Pane pane;
    const char *iconName;
};

constexpr PaneInfo Panes[] = {
    {MainWindow::Pane::Buckets, "buckets"},
    {MainWindow::Pane::Queues, "queues"},
    {MainWindow::Pane::Tables, "tables"},
    {MainWindow::Pane::Functions, "functions"},
    {MainWindow::Pane::Alarms, "alarms"},
    {MainWindow::Pane::Activity, "activity"},
};

int indexOf(MainWindow::Pane pane)
{
    return int(pane);
}

QString paneTitle(MainWindow::Pane pane)
{
    switch (pane) {
    case MainWindow::Pane::Buckets:
        return MainWindow::tr("Buckets");
    case MainWindow::Pane::Queues:
        return MainWindow::tr("Queues");
    case MainWindow::Pane::Tables:
        return MainWindow::tr("Tables");
    case MainWindow::Pane::Functions:
        return MainWindow::tr("Functions");
    case MainWindow::Pane::Alarms:
        return MainWindow::tr("Alarms");
    case MainWindow::Pane::Activity:
        return MainWindow::tr("Activity");
    }
    return {};
}

PlaceholderPane::Description placeholderDescription(MainWindow::Pane pane)
{
    switch (pane) {
    case MainWindow::Pane::Buckets:
        return {u"buckets"_s,
            paneTitle(pane),
            u"Amazon S3"_s,
            MainWindow::tr("Object storage: buckets holding files of any size, addressed by "
                           "key."),
            {MainWindow::tr("Create and delete buckets, and browse their objects by prefix "
                            "like folders"),
                MainWindow::tr("Upload, download and delete objects, and read their metadata"),
                MainWindow::tr("See objects written by the CLI or your code the moment they "
                               "land")}};
    case MainWindow::Pane::Queues:
        return {u"queues"_s,
            paneTitle(pane),
            u"Amazon SQS"_s,
            MainWindow::tr("Message queues that decouple the parts of an application."),
            {MainWindow::tr("Create standard and FIFO queues and edit their attributes"),
                MainWindow::tr("Send messages, and peek at them without consuming them"),
                MainWindow::tr("Watch visibility timeouts and dead-letter queues at work")}};
    case MainWindow::Pane::Tables:
        return {u"tables"_s,
            paneTitle(pane),
            u"Amazon DynamoDB"_s,
            MainWindow::tr("A key-value and document database with single-digit "
                           "millisecond reads."),
            {MainWindow::tr("Create tables with a partition key and an optional sort key"),
                MainWindow::tr("Scan and query items, and edit them as JSON"),
                MainWindow::tr("Follow item counts as your code writes")}};
    case MainWindow::Pane::Functions:
        return {u"functions"_s,
            paneTitle(pane),
            u"AWS Lambda"_s,
            MainWindow::tr("Functions that run your code on demand, without servers."),
            {MainWindow::tr("Create Python and Node.js functions from a handler file"),
                MainWindow::tr("Invoke them with a test event and read the result and the logs"),
                MainWindow::tr("Run them with this machine's python3 and node, offline")}};
    case MainWindow::Pane::Alarms:
        return {u"alarms"_s,
            paneTitle(pane),
            u"Amazon CloudWatch"_s,
            MainWindow::tr("Metrics, alarms and logs for everything your application does."),
            {MainWindow::tr("Chart the metrics your code sends with PutMetricData"),
                MainWindow::tr("Create alarms and watch them change state"),
                MainWindow::tr("Browse log groups and read their log streams")}};
    case MainWindow::Pane::Activity:
        break;
    }
    return {};
}

} // namespace

MainWindow::MainWindow(const Context &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    setWindowIcon(Icons::icon(u"cloudbench"_s, QColor(0xff, 0x99, 0x00)));
    createPages();
    createNavigator();

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigator->parentWidget());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    createMenus();
    createStatusBar();
    showPane(Pane::Activity);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages()
{
    m_pages = new QStackedWidget(this);
    for (const PaneInfo &info : Panes) {
        QWidget *page = nullptr;
        if (info.pane == Pane::Activity) {
            m_activityPane =
                new Activity::ActivityPane(m_context.journal, m_context.endpointUrl, m_pages);
            page = m_activityPane;
        } else {
            page = new PlaceholderPane(placeholderDescription(info.pane), m_pages);
        }
        m_panes[indexOf(info.pane)] = page;
        m_pages->addWidget(page);
    }
}

void MainWindow::createNavigator()
{
    auto *frame = new QWidget(this);
    frame->setObjectName(u"navigator"_s);
    frame->setAttribute(Qt::WA_StyledBackground);
    frame->setFixedWidth(NavigatorWidth);
    frame->setStyleSheet(
        u"QWidget#navigator { background: #232f3e; }"
        "QLabel#brandTitle { color: #ffffff; }"
        "QLabel#brandSubtitle { color: #95a5b5; }"
        "QListWidget#navigatorList { background: transparent; border: none; color: #d5dbdb;"
        " outline: 0; }"
        "QListWidget#navigatorList::item { padding: 7px 10px; border-left: 3px solid transparent; }"
        "QListWidget#navigatorList::item:hover { background: #2f3e51; }"
        "QListWidget#navigatorList::item:selected { background: #3a4b61; color: #ffffff;"
        " border-left: 3px solid #ff9900; }"
        "QListWidget#navigatorList::item:disabled { color: #8a9bab; padding: 16px 13px 4px 13px;"
        " background: transparent; }"_s);

    auto *brandIcon = new QLabel(frame);
    brandIcon->setPixmap(
        Icons::pixmap(u"cloudbench"_s, QColor(0xff, 0x99, 0x00), 30, devicePixelRatioF()));
    auto *brandTitle = new QLabel(tr("Cloudbench"), frame);
    brandTitle->setObjectName(u"brandTitle"_s);
    QFont brandFont = brandTitle->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.35);
    brandFont.setWeight(QFont::DemiBold);
    brandTitle->setFont(brandFont);
    auto *brandSubtitle = new QLabel(tr("Offline AWS console"), frame);
    brandSubtitle->setObjectName(u"brandSubtitle"_s);
    auto *brandText = new QVBoxLayout;
    brandText->setSpacing(0);
    brandText->addWidget(brandTitle);
    brandText->addWidget(brandSubtitle);
    auto *brand = new QHBoxLayout;
    brand->setContentsMargins(16, 16, 12, 8);
    brand->setSpacing(10);
    brand->addWidget(brandIcon);
    brand->addLayout(brandText, 1);

    m_navigator = new QListWidget(frame);
    m_navigator->setObjectName(u"navigatorList"_s);
    m_navigator->setIconSize(QSize(20, 20));
    m_navigator->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigator->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigator->setFrameShape(QFrame::NoFrame);
    const auto addSection = [this](const QString &title) {
        auto *item = new QListWidgetItem(title.toUpper(), m_navigator);
        item->setFlags(Qt::NoItemFlags);
        QFont font = m_navigator->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        font.setWeight(QFont::DemiBold);
        font.setLetterSpacing(QFont::PercentageSpacing, 106);
        item->setFont(font);
    };
    addSection(tr("Services"));
    for (const PaneInfo &info : Panes) {
        if (info.pane == Pane::Activity)
            addSection(tr("Endpoint"));
        auto *item = new QListWidgetItem(
            Icons::icon(
                QString::fromLatin1(info.iconName), QColor::fromRgba(NavigatorText), Qt::white),
            paneTitle(info.pane),
            m_navigator);
        item->setData(PaneRole, int(info.pane));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(paneTitle(info.pane)).arg(indexOf(info.pane) + 1));
    }

    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(brand);
    layout->addWidget(m_navigator, 1);

    connect(m_navigator, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(PaneRole).isValid())
            showPane(Pane(item->data(PaneRole).toInt()));
    });
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openFolder = fileMenu->addAction(tr("&Open State Folder"));
    openFolder->setToolTip(tr("Show the folder holding the database and objects"));
    connect(openFolder, &QAction::triggered, this, &MainWindow::openStateFolder);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *group = new QActionGroup(this);
    for (const PaneInfo &info : Panes) {
        if (info.pane == Pane::Activity)
            viewMenu->addSeparator();
        const int index = indexOf(info.pane);
        QAction *action = viewMenu->addAction(
            Icons::icon(QString::fromLatin1(info.iconName), QColor::fromRgba(StatusIconColor)),
            paneTitle(info.pane));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        group->addAction(action);
        m_paneActions[index] = action;
        const Pane pane = info.pane;
        connect(action, &QAction::triggered, this, [this, pane] { showPane(pane); });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *setup = helpMenu->addAction(tr("&Endpoint Set-up…"));
    connect(setup, &QAction::triggered, this, &MainWindow::showEndpointSetup);
    helpMenu->addSeparator();
    QAction *about = helpMenu->addAction(tr("&About Cloudbench"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, this, [this] { QMessageBox::aboutQt(this); });
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    bar->setStyleSheet(u"QStatusBar::item { border: none; }"
                       "QStatusBar QToolButton, QStatusBar QLabel { padding: 2px 6px; }"_s);
    bar->setSizeGripEnabled(false);

    m_endpointButton = new QToolButton(bar);
    m_endpointButton->setObjectName(u"endpointButton"_s);
    m_endpointButton->setAutoRaise(true);
    m_endpointButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_endpointButton->setIcon(Icons::icon(u"copy"_s, QColor::fromRgba(StatusIconColor)));
    m_endpointButton->setText(m_context.endpointUrl);
    m_endpointButton->setToolTip(tr("Endpoint URL; click to copy it"));
    m_endpointButton->setCursor(Qt::PointingHandCursor);
    connect(m_endpointButton, &QToolButton::clicked, this, &MainWindow::copyEndpoint);

    auto *folderButton = new QToolButton(bar);
    folderButton->setObjectName(u"stateFolderButton"_s);
    folderButton->setAutoRaise(true);
    folderButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    folderButton->setIcon(Icons::icon(u"folder"_s, QColor::fromRgba(StatusIconColor)));
    const QString folder = QDir::toNativeSeparators(m_context.stateDir);
    const QString home = QDir::toNativeSeparators(QDir::homePath());
    const QString shortFolder =
        folder.startsWith(home + QDir::separator()) ? u"~"_s + folder.mid(home.size()) : folder;
    folderButton->setText(fontMetrics().elidedText(shortFolder, Qt::ElideMiddle, 360));
    folderButton->setToolTip(tr("State folder %1; click to open it").arg(folder));
    folderButton->setCursor(Qt::PointingHandCursor);
    connect(folderButton, &QToolButton::clicked, this, &MainWindow::openStateFolder);

    auto *regionLabel = new QToolButton(bar);
    regionLabel->setObjectName(u"regionLabel"_s);
    regionLabel->setAutoRaise(true);
    regionLabel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    regionLabel->setIcon(Icons::icon(u"region"_s, QColor::fromRgba(StatusIconColor)));
    regionLabel->setText(m_context.region);
    regionLabel->setToolTip(tr("Default region"));
    regionLabel->setFocusPolicy(Qt::NoFocus);

    m_rateLabel = new QLabel(bar);
    m_rateLabel->setObjectName(u"requestRate"_s);
    m_rateLabel->setToolTip(tr("Requests answered per second, over the last five seconds"));
    updateRequestRate(0);

    bar->addWidget(m_endpointButton);
    bar->addWidget(folderButton);
    bar->addWidget(regionLabel);
    bar->addPermanentWidget(m_rateLabel);

    if (m_context.journal) {
        connect(m_context.journal,
            &Core::Journal::JournalService::requestRateChanged,
            this,
            &MainWindow::updateRequestRate);
    }
}

void MainWindow::setServicePane(Pane pane, QWidget *widget)
{
    const int index = indexOf(pane);
    QWidget *old = m_panes[index];
    if (!widget || widget == old)
        return;
    const bool wasCurrent = m_pages->currentWidget() == old;
    m_pages->insertWidget(index, widget);
    m_pages->removeWidget(old);
    if (old == m_activityPane)
        m_activityPane = nullptr;
    old->deleteLater();
    m_panes[index] = widget;
    if (wasCurrent)
        m_pages->setCurrentWidget(widget);
}

void MainWindow::setPaneAlertCount(Pane pane, int count)
{
    QListWidgetItem *item = navigatorItem(pane);
    if (!item)
        return;
    item->setData(AlertCountRole, count);
    item->setText(count > 0 ? tr("%1  (%2)").arg(paneTitle(pane)).arg(count) : paneTitle(pane));
    if (count > 0)
        item->setForeground(QColor::fromRgba(AlertText));
    else
        item->setData(Qt::ForegroundRole, QVariant());
}

int MainWindow::paneAlertCount(Pane pane) const
{
    const QListWidgetItem *item = navigatorItem(pane);
    return item ? item->data(AlertCountRole).toInt() : 0;
}

QListWidgetItem *MainWindow::navigatorItem(Pane pane) const
{
    for (int row = 0; row < m_navigator->count(); ++row) {
        QListWidgetItem *item = m_navigator->item(row);
        if (item->data(PaneRole).isValid() && item->data(PaneRole).toInt() == int(pane))
            return item;
    }
    return nullptr;
}

QWidget *MainWindow::servicePane(Pane pane) const
{
    return m_panes[indexOf(pane)];
}

void MainWindow::showPane(Pane pane)
{
    const int index = indexOf(pane);
    m_pages->setCurrentWidget(m_panes[index]);
    if (m_paneActions[index])
        m_paneActions[index]->setChecked(true);
    if (QListWidgetItem *item = navigatorItem(pane); item && m_navigator->currentItem() != item)
        m_navigator->setCurrentItem(item);
    setWindowTitle(tr("%1 — Cloudbench").arg(paneTitle(pane)));
}

MainWindow::Pane MainWindow::currentPane() const
{
    const int index = m_pages->currentIndex();
    return Pane(index < 0 ? 0 : index);
}

QString MainWindow::requestRateText() const
{
    return m_rateLabel->text();
}

void MainWindow::copyEndpoint()
{
    QApplication::clipboard()->setText(m_context.endpointUrl);
    m_endpointButton->setText(tr("Copied to the clipboard"));
    QTimer::singleShot(1500, this, [this] { m_endpointButton->setText(m_context.endpointUrl); });
}

void MainWindow::openStateFolder()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_context.stateDir));
}

void MainWindow::showEndpointSetup()
{
    EndpointSetupDialog dialog(m_context.endpointUrl, m_context.region, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
        tr("About Cloudbench"),
        tr("<h3>Cloudbench %1</h3>"
           "<p>An AWS console that works offline. Cloudbench emulates S3, SQS, DynamoDB, Lambda "
           "and CloudWatch on this machine, keeps their state in one folder, and serves them on an "
           "AWS-compatible endpoint for the AWS CLI and SDKs.</p>"
           "<p>Endpoint: %2<br>State folder: %3</p>")
            .arg(QStringLiteral(CB_VERSION),
                m_context.endpointUrl.toHtmlEscaped(),
                QDir::toNativeSeparators(m_context.stateDir).toHtmlEscaped()));
}

void MainWindow::updateRequestRate(double requestsPerSecond)
{
    m_rateLabel->setText(tr("%1 requests/s").arg(QLocale().toString(requestsPerSecond, 'f', 1)));
}

} // namespace Gui
