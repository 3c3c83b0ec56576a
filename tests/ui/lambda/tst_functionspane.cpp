// SPDX-License-Identifier: MIT
// The Functions pane: both models pass QAbstractItemModelTester through inserts, updates and
// removals; the pane lists a function created in the service, shows its handler source, runs
// the Test tab against a real python3 and adds the invocation to the Monitor list.
#include "core/common/clock.h"
#include "core/lambda/lambdaservice.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"
#include "ui/lambda/aliasdialog.h"
#include "ui/lambda/deploymentpanel.h"
#include "ui/lambda/functionlistmodel.h"
#include "ui/lambda/functionspane.h"
#include "ui/lambda/functionurlpanel.h"
#include "ui/lambda/invocationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Core::Lambda;

namespace {

FunctionConfiguration function(const QString &name, const QString &runtime = u"python3.12"_s)
{
    FunctionConfiguration config;
    config.functionName = name;
    config.runtime = runtime;
    config.codeSize = 1234;
    return config;
}

CreateFunctionRequest helloRequest(const QString &name)
{
    CreateFunctionRequest request;
    request.functionName = name;
    request.runtime = u"python3.12"_s;
    request.role = u"arn:aws:iam::000000000000:role/r"_s;
    request.handler = u"lambda_function.lambda_handler"_s;
    request.zipFile = LambdaService::packageSource(
        u"lambda_function.py"_s, "def lambda_handler(event, context):\n    return event\n");
    return request;
}

} // namespace

class tst_FunctionsPane : public QObject
{
    Q_OBJECT

private slots:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void functionModel()
    {
        Gui::Lambda::FunctionListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFunctions({function(u"b"_s), function(u"d"_s)});
        QCOMPARE(model.rowCount(), 2);
        model.setFunctions({function(u"a"_s), function(u"b"_s, u"nodejs20.x"_s), function(u"c"_s)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data().toString(), u"a"_s);
        QCOMPARE(model.index(1, Gui::Lambda::FunctionListModel::Runtime).data().toString(),
            u"nodejs20.x"_s);
        QCOMPARE(model.rowOf(u"d"_s), -1);
        model.setFunctions({});
        QCOMPARE(model.rowCount(), 0);
    }

    void invocationModel()
    {
        Gui::Lambda::InvocationListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        InvocationRecord record;
        record.status = u"Success"_s;
        record.requestId = u"r1"_s;
        model.setInvocations({record});
        record.status = u"Timeout"_s;
        record.requestId = u"r2"_s;
        record.initDurationMs = 12.5;
        model.prepend(record);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(
            model.index(0, Gui::Lambda::InvocationListModel::RequestId).data().toString(), u"r2"_s);
        QVERIFY(!model.index(0, Gui::Lambda::InvocationListModel::InitDuration)
                     .data()
                     .toString()
                     .isEmpty());
        QVERIFY(model.index(1, Gui::Lambda::InvocationListModel::InitDuration)
                    .data()
                    .toString()
                    .isEmpty());
    }

    void paneRunsTest()
    {
        if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
            QSKIP("python3 is not installed");
        Tests::TempDatabase db;
        QVERIFY(db.isOpen());
        Core::ManualClock clock;
        Core::Logs::LogsService logs(db.database(), &clock, u"us-east-1"_s, u"000000000000"_s);
        LambdaService service(
            db.database(), &clock, &logs, db.dirPath(), u"us-east-1"_s, u"000000000000"_s);
        Gui::Lambda::FunctionsPane pane(&service, &logs);
        QAbstractItemModelTester tester(
            pane.functionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        CreateFunctionRequest request;
        request.functionName = u"hello"_s;
        request.runtime = u"python3.12"_s;
        request.role = u"arn:aws:iam::000000000000:role/r"_s;
        request.handler = u"lambda_function.lambda_handler"_s;
        request.zipFile = LambdaService::packageSource(u"lambda_function.py"_s,
            "def lambda_handler(event, context):\n    print('pane test')\n    return "
            "event['key1']\n");
        QVERIFY(service.createFunction(request));
        QTRY_COMPARE(pane.functionModel()->rowCount(), 1);
        pane.selectFunction(u"hello"_s);
        QCOMPARE(pane.currentFunction(), u"hello"_s);
        auto *editor = pane.findChild<QPlainTextEdit *>(u"codeEditor"_s);
        QVERIFY(editor);
        QTRY_VERIFY(editor->toPlainText().contains(u"pane test"_s));
        auto *deployment = pane.findChild<QLabel *>(u"deploymentSummary"_s);
        QVERIFY(deployment);
        QTRY_VERIFY(deployment->text().contains(u"$LATEST"_s));

        QSignalSpy finished(&pane, &Gui::Lambda::FunctionsPane::testFinished);
        pane.setTestEvent(u"{\"key1\": \"value1\"}"_s);
        pane.invokeTest();
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE(pane.invocationModel()->rowCount(), 1);
        QCOMPARE(pane.invocationModel()
                     ->index(0, Gui::Lambda::InvocationListModel::Status)
                     .data()
                     .toString(),
            u"Succeeded"_s);
    }

    // The alias dialog builds RoutingConfig from its fields; editing starts from the alias.
    void aliasDialog()
    {
        AliasConfiguration existing;
        existing.name = u"live"_s;
        existing.functionVersion = u"1"_s;
        existing.additionalVersionWeights.insert(u"2"_s, 0.25);
        Gui::Lambda::AliasDialog dialog({u"$LATEST"_s, u"1"_s, u"2"_s}, existing);
        QCOMPARE(dialog.findChild<QLineEdit *>(u"aliasName"_s)->text(), u"live"_s);
        QVERIFY(dialog.findChild<QLineEdit *>(u"aliasName"_s)->isReadOnly());
        QCOMPARE(dialog.alias().functionVersion, u"1"_s);
        QCOMPARE(dialog.alias().additionalVersionWeights.value(u"2"_s), 0.25);
        dialog.findChild<QDoubleSpinBox *>(u"aliasWeight"_s)->setValue(40);
        QCOMPARE(dialog.alias().additionalVersionWeights.value(u"2"_s), 0.4);
        dialog.findChild<QComboBox *>(u"aliasAdditionalVersion"_s)->setCurrentIndex(0);
        QVERIFY(dialog.alias().additionalVersionWeights.isEmpty());

        Gui::Lambda::AliasDialog create({u"$LATEST"_s, u"1"_s}, std::nullopt);
        QVERIFY(!create.findChild<QLineEdit *>(u"aliasName"_s)->isReadOnly());
    }

    // The Configuration tab creates and updates a weighted alias and enables and disables an
    // event source mapping through the service.
    void aliasesAndTriggers()
    {
        Tests::TempDatabase db;
        QVERIFY(db.isOpen());
        Core::ManualClock clock;
        LambdaService service(
            db.database(), &clock, nullptr, db.dirPath(), u"us-east-1"_s, u"000000000000"_s);
        QVERIFY(service.createFunction(helloRequest(u"aliased"_s)));
        QVERIFY(service.publishVersion(u"aliased"_s, {}, {}));
        QVERIFY(service.updateFunctionConfiguration(u"aliased"_s, [] {
            UpdateConfigurationRequest request;
            request.timeout = 5;
            return request;
        }()));
        QVERIFY(service.publishVersion(u"aliased"_s, {}, {}));
        const auto mapping = service.createEventSourceMapping(QJsonObject{
            {u"FunctionName"_s, u"aliased"_s},
            {u"EventSourceArn"_s, u"arn:aws:sqs:us-east-1:000000000000:jobs"_s},
        });
        QVERIFY(mapping);
        const QString uuid = mapping->value(u"UUID"_s).toString();

        Gui::Lambda::FunctionsPane pane(&service, nullptr);
        QTRY_COMPARE(pane.functionModel()->rowCount(), 1);
        pane.selectFunction(u"aliased"_s);
        Gui::Lambda::DeploymentPanel *panel = pane.deploymentPanel();
        auto *triggers = pane.findChild<QTreeWidget *>(u"triggerList"_s);
        auto *aliases = pane.findChild<QTreeWidget *>(u"aliasList"_s);
        QVERIFY(triggers && aliases);
        QTRY_COMPARE(triggers->topLevelItemCount(), 1);
        QCOMPARE(triggers->topLevelItem(0)->text(0), u"jobs"_s);

        AliasConfiguration alias;
        alias.name = u"live"_s;
        alias.functionVersion = u"1"_s;
        alias.additionalVersionWeights.insert(u"2"_s, 0.1);
        panel->saveAlias(alias, false);
        QTRY_VERIFY(service.getAlias(u"aliased"_s, u"live"_s).has_value());
        QCOMPARE(
            service.getAlias(u"aliased"_s, u"live"_s)->additionalVersionWeights.value(u"2"_s), 0.1);
        QTRY_COMPARE(aliases->topLevelItemCount(), 1);
        QCOMPARE(aliases->topLevelItem(0)->text(1), u"1"_s);

        alias.functionVersion = u"2"_s;
        alias.additionalVersionWeights.clear();
        panel->saveAlias(alias, true);
        QTRY_COMPARE(service.getAlias(u"aliased"_s, u"live"_s)->functionVersion, u"2"_s);
        QVERIFY(service.getAlias(u"aliased"_s, u"live"_s)->additionalVersionWeights.isEmpty());
        QTRY_COMPARE(aliases->topLevelItem(0)->text(1), u"2"_s);

        panel->setMappingEnabled(uuid, false);
        QTRY_COMPARE(
            service.getEventSourceMapping(uuid)->value(u"State"_s).toString(), u"Disabled"_s);
        QTRY_COMPARE(triggers->topLevelItem(0)->text(1), u"Disabled"_s);
        panel->setMappingEnabled(uuid, true);
        QTRY_COMPARE(
            service.getEventSourceMapping(uuid)->value(u"State"_s).toString(), u"Enabled"_s);
    }

    // The Configuration tab shows and saves EphemeralStorage next to memory and timeout, and its
    // Function URL section creates, shows (as a link), updates and deletes the URL.
    void ephemeralStorageAndFunctionUrl()
    {
        Tests::TempDatabase db;
        QVERIFY(db.isOpen());
        Core::ManualClock clock;
        LambdaService service(
            db.database(), &clock, nullptr, db.dirPath(), u"us-east-1"_s, u"000000000000"_s);
        service.setEndpointUrl(u"http://127.0.0.1:4566"_s);
        CreateFunctionRequest request = helloRequest(u"web"_s);
        request.ephemeralStorageMb = 2048;
        QVERIFY(service.createFunction(request));

        Gui::Lambda::FunctionsPane pane(&service, nullptr);
        QTRY_COMPARE(pane.functionModel()->rowCount(), 1);
        pane.selectFunction(u"web"_s);
        auto *storage = pane.findChild<QSpinBox *>(u"ephemeralStorage"_s);
        QVERIFY(storage);
        QCOMPARE(storage->value(), 2048);
        storage->setValue(4096);
        auto *save = pane.findChild<QPushButton *>(u"saveConfiguration"_s);
        QVERIFY(save);
        save->click();
        QTRY_COMPARE(service.getFunctionConfiguration(u"web"_s, {})->ephemeralStorageMb, 4096);

        Gui::Lambda::FunctionUrlPanel *panel = pane.functionUrlPanel();
        auto *link = pane.findChild<QLabel *>(u"functionUrl"_s);
        auto *details = pane.findChild<QLabel *>(u"functionUrlDetails"_s);
        QVERIFY(link && details);
        QTRY_VERIFY(link->text().contains(u"No function URL"_s));
        FunctionUrlChanges changes;
        changes.authType = u"NONE"_s;
        panel->saveUrl(u"$LATEST"_s, changes, false);
        QTRY_COMPARE(panel->urls().size(), 1);
        const QString url = service.getFunctionUrlConfig(u"web"_s, {})->functionUrl;
        QVERIFY(url.contains(u".lambda-url.us-east-1.localhost:4566/"_s));
        QTRY_VERIFY(link->text().contains(u"<a href=\""_s + url));
        QVERIFY(details->text().contains(u"NONE"_s));

        changes.authType = u"AWS_IAM"_s;
        panel->saveUrl(u"$LATEST"_s, changes, true);
        QTRY_VERIFY(details->text().contains(u"AWS_IAM"_s));
        QCOMPARE(service.getFunctionUrlConfig(u"web"_s, {})->authType, u"AWS_IAM"_s);
        panel->deleteUrl(u"$LATEST"_s);
        QTRY_VERIFY(link->text().contains(u"No function URL"_s));
        QVERIFY(!service.getFunctionUrlConfig(u"web"_s, {}));
    }

    // Saved test events are stored per function in the database, survive a new pane and a new
    // service on the same database, and load into the event editor.
    void savedTestEvents()
    {
        Tests::TempDatabase db;
        QVERIFY(db.isOpen());
        Core::ManualClock clock;
        {
            LambdaService service(
                db.database(), &clock, nullptr, db.dirPath(), u"us-east-1"_s, u"000000000000"_s);
            QVERIFY(service.createFunction(helloRequest(u"tested"_s)));
            Gui::Lambda::FunctionsPane pane(&service, nullptr);
            QTRY_COMPARE(pane.functionModel()->rowCount(), 1);
            pane.selectFunction(u"tested"_s);
            QTRY_COMPARE(pane.currentFunction(), u"tested"_s);
            QSignalSpy changed(&pane, &Gui::Lambda::FunctionsPane::savedEventsChanged);
            pane.setTestEvent(u"{\"order\": 1}"_s);
            pane.saveTestEvent(u"order-one"_s);
            QTRY_COMPARE(pane.savedTestEventNames(), QStringList{u"order-one"_s});
            pane.setTestEvent(u"{\"order\": 2}"_s);
            pane.saveTestEvent(u"order-two"_s);
            QTRY_COMPARE(pane.savedTestEventNames().size(), 2);
            pane.setTestEvent(u"not json"_s);
            pane.saveTestEvent(u"broken"_s);
            pane.saveTestEvent(u"bad name!"_s);
            pane.deleteTestEvent(u"order-two"_s);
            QTRY_COMPARE(pane.savedTestEventNames(), QStringList{u"order-one"_s});
            QVERIFY(!service.saveTestEvent(u"tested"_s, u"broken"_s, "not json"));
            QVERIFY(!service.saveTestEvent(u"tested"_s, u"bad name!"_s, "{}"));
        }
        LambdaService service(
            db.database(), &clock, nullptr, db.dirPath(), u"us-east-1"_s, u"000000000000"_s);
        Gui::Lambda::FunctionsPane pane(&service, nullptr);
        QTRY_COMPARE(pane.functionModel()->rowCount(), 1);
        pane.selectFunction(u"tested"_s);
        QTRY_COMPARE(pane.savedTestEventNames(), QStringList{u"order-one"_s});
        pane.selectSavedTestEvent(u"order-one"_s);
        const auto editors = pane.findChildren<QPlainTextEdit *>();
        bool loaded = false;
        for (auto *editor : editors)
            loaded = loaded || editor->toPlainText() == u"{\"order\": 1}"_s;
        QVERIFY(loaded);
        QVERIFY(service.deleteFunction(u"tested"_s, {}));
        QVERIFY(service.createFunction(helloRequest(u"tested"_s)));
        QCOMPARE(service.testEvents(u"tested"_s)->size(), 0); // deleted with the function
    }
};

QTEST_MAIN(tst_FunctionsPane)
#include "tst_functionspane.moc"
