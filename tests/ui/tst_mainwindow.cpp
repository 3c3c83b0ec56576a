// SPDX-License-Identifier: MIT
// The console shell against a real engine: a request sent to the endpoint over HTTP shows up in
// the Activity pane with its headers and bodies, panes switch with Ctrl+1..6, a service pane
// replaces its placeholder, and the status bar follows the request rate.

#include "core/engine.h"
#include "tests/support/enginethread.h"
#include "ui/activity/activityfilterproxy.h"
#include "ui/activity/activitymodel.h"
#include "ui/activity/activitypane.h"
#include "ui/activity/requestdetailview.h"
#include "ui/common/endpointsetupdialog.h"
#include "ui/common/placeholderpane.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;
using Gui::MainWindow;
using Gui::Activity::ActivityModel;

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void startsOnActivityWithEmptyState();
    void requestAppearsInActivity();
    void failedRequestIsFilteredAsError();
    void requestRateReachesStatusBar();
    void shortcutsSwitchPanes();
    void servicePaneReplacesPlaceholder();
    void endpointSetupShowsEndpoint();
    void alertCountShowsInNavigator();
    void clearingJournalEmptiesActivity();

private:
    int post(const QByteArray &body,
        const QByteArray &contentType,
        const QList<std::pair<QByteArray, QByteArray>> &headers = {});

    QTemporaryDir m_stateDir;
    Tests::EngineThread m_core;
    Core::Engine *m_engine = nullptr;
    QString m_endpointUrl;
    std::unique_ptr<MainWindow> m_window;
    QNetworkAccessManager m_network;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_stateDir.isValid());
    Core::EngineOptions options;
    options.stateDir = m_stateDir.path();
    options.port = 0;
    const QString failure = m_core.start(options);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_engine = m_core.engine();
    m_endpointUrl = m_core.endpointUrl();
}

void tst_MainWindow::init()
{
    // The offscreen platform cannot propagate size hints and says so when a window is shown.
    QTest::failOnWarning(
        QRegularExpression(u"^(?!This plugin does not support propagateSizeHints).*"_s));
    MainWindow::Context context;
    context.journal = m_engine->journal();
    context.endpointUrl = m_endpointUrl;
    context.stateDir = m_stateDir.path();
    context.region = u"us-east-1"_s;
    m_window = std::make_unique<MainWindow>(context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
}

void tst_MainWindow::cleanupTestCase()
{
    m_core.stop();
}

int tst_MainWindow::post(const QByteArray &body,
    const QByteArray &contentType,
    const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_endpointUrl + u"/"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.post(request, body);
    QPointer<QNetworkReply> guard(reply);
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10'000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

void tst_MainWindow::startsOnActivityWithEmptyState()
{
    QCOMPARE(m_window->currentPane(), MainWindow::Pane::Activity);
    Gui::Activity::ActivityPane *pane = m_window->activityPane();
    QVERIFY(pane);
    QTRY_VERIFY(!pane->model()->isLoading());
    QCOMPARE(pane->model()->rowCount(), 0);
    QVERIFY(pane->isShowingEmptyState());
    QVERIFY(m_window->windowTitle().contains(u"Activity"_s));
}

void tst_MainWindow::requestAppearsInActivity()
{
    Gui::Activity::ActivityPane *pane = m_window->activityPane();
    ActivityModel *model = pane->model();
    QTRY_VERIFY(!model->isLoading());
    const int before = model->rowCount();

    QCOMPARE(post("Action=GetCallerIdentity&Version=2011-06-15",
                 "application/x-www-form-urlencoded; charset=utf-8"),
        200);
    QTRY_COMPARE(model->rowCount(), before + 1);
    QVERIFY(!pane->isShowingEmptyState());
    QCOMPARE(model->index(0, ActivityModel::Service).data().toString(), u"STS"_s);
    QCOMPARE(model->index(0, ActivityModel::Operation).data().toString(), u"GetCallerIdentity"_s);
    QCOMPARE(model->index(0, ActivityModel::Status).data().toInt(), 200);

    pane->view()->setCurrentIndex(pane->proxy()->index(0, 0));
    Gui::Activity::RequestDetailView *detail = pane->detailView();
    QTRY_VERIFY(detail->responseText().contains(u"GetCallerIdentityResponse"_s));
    QVERIFY2(detail->requestText().contains(u"Action = GetCallerIdentity"_s),
        qPrintable(detail->requestText()));
    QVERIFY(detail->requestText().startsWith(u"POST /"_s));
    QVERIFY(detail->responseText().startsWith(u"HTTP/1.1 200 OK"_s));
    QCOMPARE(detail->noteText(), QString());
}

void tst_MainWindow::failedRequestIsFilteredAsError()
{
    Gui::Activity::ActivityPane *pane = m_window->activityPane();
    ActivityModel *model = pane->model();
    QTRY_VERIFY(!model->isLoading());
    const int before = model->rowCount();
    QCOMPARE(post(R"({"QueueName":"none"})",
                 "application/x-amz-json-1.0",
                 {{"X-Amz-Target", "AmazonSQS.GetQueueUrl"}}),
        400);
    QTRY_COMPARE(model->rowCount(), before + 1);
    QCOMPARE(model->index(0, ActivityModel::Error).data().toString(), u"QueueDoesNotExist"_s);

    pane->proxy()->setStatusFilter(Gui::Activity::ActivityFilterProxy::StatusFilter::Errors);
    for (int row = 0; row < pane->proxy()->rowCount(); ++row)
        QVERIFY(pane->proxy()->index(row, 0).data(ActivityModel::StatusCodeRole).toInt() >= 400);
    QCOMPARE(pane->proxy()->index(0, ActivityModel::Operation).data().toString(), u"GetQueueUrl"_s);
    pane->proxy()->setServiceFilter(u"sts"_s);
    QCOMPARE(pane->proxy()->rowCount(), 0);
}

void tst_MainWindow::requestRateReachesStatusBar()
{
    const QString idle = m_window->requestRateText();
    QVERIFY(!idle.isEmpty());
    QCOMPARE(
        post("Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded"),
        200);
    QTRY_VERIFY(m_window->requestRateText() != idle);
}

void tst_MainWindow::shortcutsSwitchPanes()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const std::pair<Qt::Key, MainWindow::Pane> keys[] = {
        {Qt::Key_1, MainWindow::Pane::Buckets},
        {Qt::Key_2, MainWindow::Pane::Queues},
        {Qt::Key_3, MainWindow::Pane::Tables},
        {Qt::Key_4, MainWindow::Pane::Functions},
        {Qt::Key_5, MainWindow::Pane::Alarms},
        {Qt::Key_6, MainWindow::Pane::Activity},
    };
    for (const auto &[key, pane] : keys) {
        QTest::keyClick(m_window.get(), key, Qt::ControlModifier);
        QCOMPARE(m_window->currentPane(), pane);
    }
    m_window->showPane(MainWindow::Pane::Tables);
    QCOMPARE(m_window->currentPane(), MainWindow::Pane::Tables);
    QVERIFY(qobject_cast<Gui::PlaceholderPane *>(m_window->servicePane(MainWindow::Pane::Tables)));
}

void tst_MainWindow::servicePaneReplacesPlaceholder()
{
    m_window->showPane(MainWindow::Pane::Queues);
    QPointer<QWidget> placeholder = m_window->servicePane(MainWindow::Pane::Queues);
    QVERIFY(qobject_cast<Gui::PlaceholderPane *>(placeholder));

    auto *queues = new QLabel(u"queues"_s);
    m_window->setServicePane(MainWindow::Pane::Queues, queues);
    QCOMPARE(m_window->servicePane(MainWindow::Pane::Queues), queues);
    QCOMPARE(m_window->currentPane(), MainWindow::Pane::Queues);
    QVERIFY(queues->isVisible());
    QTRY_VERIFY(placeholder.isNull());

    m_window->showPane(MainWindow::Pane::Activity);
    QCOMPARE(m_window->currentPane(), MainWindow::Pane::Activity);
    m_window->showPane(MainWindow::Pane::Queues);
    QCOMPARE(m_window->currentPane(), MainWindow::Pane::Queues);
    QVERIFY(queues->isVisible());
}

void tst_MainWindow::alertCountShowsInNavigator()
{
    auto *navigator = m_window->findChild<QListWidget *>(u"navigatorList"_s);
    QVERIFY(navigator);
    const auto alarmsItem = [navigator]() -> QListWidgetItem * {
        for (int row = 0; row < navigator->count(); ++row)
            if (navigator->item(row)->text().startsWith(u"Alarms"_s))
                return navigator->item(row);
        return nullptr;
    };
    QVERIFY(alarmsItem());
    QCOMPARE(alarmsItem()->text(), u"Alarms"_s);
    m_window->setPaneAlertCount(MainWindow::Pane::Alarms, 3);
    QCOMPARE(m_window->paneAlertCount(MainWindow::Pane::Alarms), 3);
    QCOMPARE(alarmsItem()->text(), u"Alarms  (3)"_s);
    QVERIFY(alarmsItem()->data(Qt::ForegroundRole).isValid());
    m_window->setPaneAlertCount(MainWindow::Pane::Alarms, 0);
    QCOMPARE(alarmsItem()->text(), u"Alarms"_s);
    QVERIFY(!alarmsItem()->data(Qt::ForegroundRole).isValid());
}

void tst_MainWindow::endpointSetupShowsEndpoint()
{
    Gui::EndpointSetupDialog dialog(m_endpointUrl, u"us-east-1"_s);
    const QString all = dialog.snippets().join(u'\n');
    QVERIFY(all.contains(u"aws configure set aws_access_key_id test"_s));
    QVERIFY(all.contains(u"aws configure set aws_secret_access_key test"_s));
    QVERIFY(all.contains(u"aws configure set region us-east-1"_s));
    QVERIFY(all.contains(u"export AWS_ENDPOINT_URL="_s + m_endpointUrl));
    QVERIFY(all.contains(u"aws --endpoint-url "_s + m_endpointUrl + u" sts get-caller-identity"_s));
    QVERIFY(all.contains(u"endpoint_url=\""_s + m_endpointUrl));
    QVERIFY(all.contains(u"endpoint: \""_s + m_endpointUrl));
}

void tst_MainWindow::clearingJournalEmptiesActivity()
{
    Gui::Activity::ActivityPane *pane = m_window->activityPane();
    QTRY_VERIFY(pane->model()->rowCount() > 0);
    QMetaObject::invokeMethod(
        m_engine->journal(),
        [journal = m_engine->journal()] { journal->clear(); },
        Qt::QueuedConnection);
    QTRY_COMPARE(pane->model()->rowCount(), 0);
    QVERIFY(pane->isShowingEmptyState());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
