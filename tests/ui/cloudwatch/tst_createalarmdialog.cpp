// SPDX-License-Identifier: MIT
// Pins the create-alarm dialog: the form becomes the PutMetricAlarm request (statistic or
// extended statistic, M of N, missing data, actions), the service's error is shown in the dialog
// which stays open, and from the metrics browser the pane opens it pre-filled and selects the new
// alarm once created. Threshold type "Anomaly detection" turns the form into a band alarm.
#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/clock.h"
#include "tests/support/tempdatabase.h"
#include "ui/cloudwatch/alarmlistmodel.h"
#include "ui/cloudwatch/alarmspane.h"
#include "ui/cloudwatch/createalarmdialog.h"
#include "ui/cloudwatch/metricsbrowser.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::CloudWatch;
using Gui::CloudWatch::CreateAlarmDialog;

namespace {

template<typename T> T *field(QObject *dialog, const QString &name)
{
    auto *widget = dialog->findChild<T *>(name);
    if (!widget)
        qFatal("no field %s", qPrintable(name));
    return widget;
}

std::optional<Alarm> storedAlarm(CloudWatchService &service, const QString &name)
{
    DescribeAlarmsRequest request;
    request.alarmNames = {name};
    const auto alarms = service.describeAlarms(request);
    if (!alarms || alarms->metricAlarms.isEmpty())
        return std::nullopt;
    return alarms->metricAlarms.front();
}

} // namespace

class tst_CreateAlarmDialog final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // The offscreen platform cannot propagate size hints and says so when a window is shown.
        QTest::failOnWarning(
            QRegularExpression(u"^(?!This plugin does not support propagateSizeHints).*"_s));
    }

    void serviceErrorsStayInTheDialog()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        CreateAlarmDialog dialog(&service);
        dialog.show();
        field<QLineEdit>(&dialog, u"alarmName"_s)->setText(u"no-metric"_s);
        dialog.submit();
        QTRY_VERIFY(!dialog.errorText().isEmpty());
        QVERIFY2(dialog.errorText().contains(u"MetricName"_s), qPrintable(dialog.errorText()));
        QVERIFY(dialog.isVisible());
        QVERIFY(!storedAlarm(service, u"no-metric"_s));

        field<QLineEdit>(&dialog, u"namespace"_s)->setText(u"MyApp"_s);
        field<QLineEdit>(&dialog, u"metricName"_s)->setText(u"Errors"_s);
        field<QSpinBox>(&dialog, u"datapointsToAlarm"_s)->setValue(4);
        field<QSpinBox>(&dialog, u"evaluationPeriods"_s)->setValue(3);
        dialog.submit();
        QTRY_VERIFY(dialog.errorText().contains(u"DatapointsToAlarm"_s));
        QVERIFY(dialog.isVisible());
        QVERIFY(!storedAlarm(service, u"no-metric"_s));
    }

    void formBecomesThePutMetricAlarmRequest()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        CreateAlarmDialog dialog(&service);
        dialog.show();
        dialog.setMetric(Metric{u"AWS/Lambda"_s, u"Duration"_s, {{u"FunctionName"_s, u"orders"_s}}},
            u"p99"_s,
            300);
        QCOMPARE(field<QLineEdit>(&dialog, u"alarmName"_s)->text(), u"Duration-alarm"_s);
        field<QDoubleSpinBox>(&dialog, u"threshold"_s)->setValue(250.5);
        field<QSpinBox>(&dialog, u"datapointsToAlarm"_s)->setValue(2);
        field<QSpinBox>(&dialog, u"evaluationPeriods"_s)->setValue(3);
        auto *missing = field<QComboBox>(&dialog, u"missingData"_s);
        missing->setCurrentIndex(missing->findData(u"breaching"_s));
        field<QLineEdit>(&dialog, u"alarmActions"_s)
            ->setText(u"arn:aws:lambda:us-east-1:000000000000:function:notify"_s);
        QSignalSpy created(&dialog, &CreateAlarmDialog::alarmCreated);
        dialog.submit();
        QTRY_COMPARE(created.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto alarm = storedAlarm(service, u"Duration-alarm"_s);
        QVERIFY(alarm);
        QCOMPARE(alarm->metric.metricNamespace, u"AWS/Lambda"_s);
        QCOMPARE(alarm->metric.dimensions.size(), 1);
        QCOMPARE(alarm->metric.dimensions.front().value, u"orders"_s);
        QCOMPARE(alarm->extendedStatistic, u"p99"_s);
        QVERIFY(alarm->statistic.isEmpty());
        QCOMPARE(alarm->period, 300);
        QCOMPARE(alarm->threshold.value_or(0), 250.5);
        QCOMPARE(alarm->comparisonOperator, u"GreaterThanThreshold"_s);
        QCOMPARE(alarm->datapointsToAlarm.value_or(0), 2);
        QCOMPARE(alarm->evaluationPeriods, 3);
        QCOMPARE(alarm->treatMissingData, u"breaching"_s);
        QCOMPARE(alarm->alarmActions,
            QStringList{u"arn:aws:lambda:us-east-1:000000000000:function:notify"_s});
        QCOMPARE(alarm->stateValue, u"INSUFFICIENT_DATA"_s);
    }

    void anomalyDetectionThresholdType()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        CreateAlarmDialog dialog(&service);
        dialog.show();
        dialog.setMetric(Metric{u"App"_s, u"Latency"_s, {}}, u"Average"_s, 60);
        auto *type = field<QComboBox>(&dialog, u"thresholdType"_s);
        auto *comparison = field<QComboBox>(&dialog, u"comparison"_s);
        QVERIFY(field<QDoubleSpinBox>(&dialog, u"bandWidth"_s)->isHidden());
        type->setCurrentIndex(type->findData(u"anomaly"_s));
        QVERIFY(field<QDoubleSpinBox>(&dialog, u"threshold"_s)->isHidden());
        QVERIFY(!field<QDoubleSpinBox>(&dialog, u"bandWidth"_s)->isHidden());
        QCOMPARE(comparison->count(), 3);
        comparison->setCurrentIndex(comparison->findData(u"GreaterThanUpperThreshold"_s));
        field<QDoubleSpinBox>(&dialog, u"bandWidth"_s)->setValue(3);
        QSignalSpy created(&dialog, &CreateAlarmDialog::alarmCreated);
        dialog.submit();
        QTRY_COMPARE(created.size(), 1);
        const auto alarm = storedAlarm(service, u"Latency-alarm"_s);
        QVERIFY(alarm);
        QCOMPARE(alarm->comparisonOperator, u"GreaterThanUpperThreshold"_s);
        QCOMPARE(alarm->thresholdMetricId, u"ad1"_s);
        QVERIFY(!alarm->threshold);
        QCOMPARE(alarm->metrics.size(), 2);
        QCOMPARE(alarm->metrics.at(0).metricStat->stat, u"Average"_s);
        QCOMPARE(alarm->metrics.at(0).metricStat->period, 60);
        QCOMPARE(alarm->metrics.at(1).expression, u"ANOMALY_DETECTION_BAND(m1, 3)"_s);
        QCOMPARE(alarm->metrics.at(1).label, u"Latency (expected)"_s);

        type->setCurrentIndex(type->findData(u"static"_s));
        QCOMPARE(comparison->count(), 4);
        QVERIFY(dialog.alarm().threshold.has_value());
        QVERIFY(dialog.alarm().thresholdMetricId.isEmpty());
    }

    void paneCreatesAnAlarmFromTheMetricsBrowser()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        CloudWatchService service(temp.database(), &clock, u"000000000000"_s, u"us-east-1"_s);
        MetricDatum datum;
        datum.metricName = u"QueueDepth"_s;
        datum.value = 3;
        QVERIFY(service.putMetricData(u"MyApp"_s, {datum}));
        Gui::CloudWatch::AlarmsPane pane(&service);
        pane.show();
        pane.showTab(Gui::CloudWatch::AlarmsPane::MetricsTab);
        QSignalSpy opened(&pane, &Gui::CloudWatch::AlarmsPane::createAlarmDialogOpened);
        emit pane.metricsBrowser()->createAlarmRequested(
            Metric{u"MyApp"_s, u"QueueDepth"_s, {}}, u"Maximum"_s, 60);
        QCOMPARE(opened.size(), 1);
        auto *dialog = qobject_cast<CreateAlarmDialog *>(opened.front().front().value<QDialog *>());
        QVERIFY(dialog);
        QCOMPARE(dialog->alarm().metric.metricName, u"QueueDepth"_s);
        QCOMPARE(dialog->alarm().statistic, u"Maximum"_s);
        field<QDoubleSpinBox>(dialog, u"threshold"_s)->setValue(100);
        dialog->submit();
        QTRY_COMPARE(pane.model()->rowCount(), 1);
        QCOMPARE(pane.tabs()->currentIndex(), int(Gui::CloudWatch::AlarmsPane::AlarmsTab));
        auto *table = pane.findChild<QTableView *>(u"alarmTable"_s);
        QTRY_COMPARE(table->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(table->selectionModel()->selectedRows().front().data(
                     Gui::CloudWatch::AlarmListModel::NameRole),
            u"QueueDepth-alarm"_s);
    }
};

QTEST_MAIN(tst_CreateAlarmDialog)
#include "tst_createalarmdialog.moc"
