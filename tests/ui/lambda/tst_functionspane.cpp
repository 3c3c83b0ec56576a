// SPDX-License-Identifier: MIT
// The Functions pane: both models pass QAbstractItemModelTester through inserts, updates and
// removals; the pane lists a function created in the service, shows its handler source, runs
// the Test tab against a real python3 and adds the invocation to the Monitor list.
#include "core/common/clock.h"
#include "core/lambda/lambdaservice.h"
#include "core/logs/logsservice.h"
#include "tests/support/tempdatabase.h"
#include "ui/lambda/functionlistmodel.h"
#include "ui/lambda/functionspane.h"
#include "ui/lambda/invocationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

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
};

QTEST_MAIN(tst_FunctionsPane)
#include "tst_functionspane.moc"
