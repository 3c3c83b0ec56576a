// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/createalarmdialog.h"

#include "ui/cloudwatch/metricchoices.h"

#include "core/cloudwatch/cloudwatchservice.h"
#include "core/common/async.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

#include <limits>

using namespace Qt::StringLiterals;
using Core::CloudWatch::Alarm;

namespace Gui::CloudWatch {

namespace {

QStringList splitArns(const QString &text)
{
    return text.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
}

bool isStandardStatistic(const QString &statistic)
{
    static const QStringList standard{
        u"Average"_s, u"Sum"_s, u"Minimum"_s, u"Maximum"_s, u"SampleCount"_s};
    return standard.contains(statistic);
}

} // namespace

CreateAlarmDialog::CreateAlarmDialog(Core::CloudWatch::CloudWatchService *service, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_metricName(new QLineEdit(this))
    , m_dimensions(new QLineEdit(this))
    , m_statistic(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_thresholdType(new QComboBox(this))
    , m_comparison(new QComboBox(this))
    , m_threshold(new QDoubleSpinBox(this))
    , m_bandWidth(new QDoubleSpinBox(this))
    , m_bandWidthLabel(new QLabel(tr("standard deviations"), this))
    , m_datapoints(new QSpinBox(this))
    , m_evaluationPeriods(new QSpinBox(this))
    , m_missingData(new QComboBox(this))
    , m_alarmActions(new QLineEdit(this))
    , m_okActions(new QLineEdit(this))
    , m_insufficientActions(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create alarm"));
    setMinimumWidth(620);
    m_name->setObjectName(u"alarmName"_s);
    m_name->setPlaceholderText(tr("high-error-rate"));
    m_namespace->setObjectName(u"namespace"_s);
    m_namespace->setPlaceholderText(u"MyApp"_s);
    m_metricName->setObjectName(u"metricName"_s);
    m_metricName->setPlaceholderText(u"Errors"_s);
    m_dimensions->setObjectName(u"dimensions"_s);
    m_dimensions->setPlaceholderText(u"FunctionName=orders, Resource=orders:live"_s);
    MetricChoices::addStatistics(m_statistic, false);
    MetricChoices::addPeriods(m_period, {10, 30, 60, 300, 900, 3600, 6 * 3600, 86400});
    m_thresholdType->setObjectName(u"thresholdType"_s);
    m_thresholdType->addItem(tr("Static"), u"static"_s);
    m_thresholdType->addItem(tr("Anomaly detection"), u"anomaly"_s);
    m_thresholdType->setToolTip(
        tr("Anomaly detection compares the metric with a band of expected values learnt from "
           "its last two weeks instead of a fixed threshold."));
    m_comparison->setObjectName(u"comparison"_s);
    m_bandWidth->setObjectName(u"bandWidth"_s);
    m_bandWidth->setRange(0.1, 100);
    m_bandWidth->setDecimals(1);
    m_bandWidth->setSingleStep(0.5);
    m_bandWidth->setValue(2);
    m_bandWidth->setToolTip(
        tr("The width of the band: a higher number of standard deviations makes a thicker band "
           "and fewer alarms."));
    m_threshold->setObjectName(u"threshold"_s);
    m_threshold->setRange(-1e15, 1e15);
    m_threshold->setDecimals(3);
    m_datapoints->setObjectName(u"datapointsToAlarm"_s);
    m_evaluationPeriods->setObjectName(u"evaluationPeriods"_s);
    // Not bounded by each other: the service explains what is wrong, as AWS would.
    m_datapoints->setRange(1, 100);
    m_evaluationPeriods->setRange(1, 100);
    m_datapoints->setValue(1);
    m_evaluationPeriods->setValue(1);
    m_missingData->setObjectName(u"missingData"_s);
    m_missingData->addItem(tr("Treat missing data as missing"), u"missing"_s);
    m_missingData->addItem(tr("Treat missing data as good (not breaching)"), u"notBreaching"_s);
    m_missingData->addItem(tr("Treat missing data as bad (breaching)"), u"breaching"_s);
    m_missingData->addItem(tr("Ignore (keep the current state)"), u"ignore"_s);
    const QString arnHint = tr("Lambda function or SNS topic ARNs, separated by spaces, e.g. "
                               "arn:aws:lambda:us-east-1:000000000000:function:notify");
    for (QLineEdit *actions : {m_alarmActions, m_okActions, m_insufficientActions}) {
        actions->setPlaceholderText(u"arn:aws:lambda:…"_s);
        actions->setToolTip(arnHint);
    }
    m_alarmActions->setObjectName(u"alarmActions"_s);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"QLabel { color: #d13212; font-weight: bold; }"_s);
    m_error->hide();

    auto *form = new QFormLayout(this);
    form->addRow(tr("Alarm name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Namespace"), m_namespace);
    form->addRow(tr("Metric name"), m_metricName);
    form->addRow(tr("Dimensions"), m_dimensions);
    auto *statRow = new QHBoxLayout;
    statRow->addWidget(m_statistic, 1);
    statRow->addWidget(new QLabel(tr("over"), this));
    statRow->addWidget(m_period, 1);
    form->addRow(tr("Statistic"), statRow);
    form->addRow(tr("Threshold type"), m_thresholdType);
    auto *conditionRow = new QHBoxLayout;
    conditionRow->addWidget(m_comparison, 1);
    conditionRow->addWidget(m_threshold, 1);
    conditionRow->addWidget(m_bandWidth);
    conditionRow->addWidget(m_bandWidthLabel);
    form->addRow(tr("Whenever the metric is"), conditionRow);
    auto *datapointsRow = new QHBoxLayout;
    datapointsRow->addWidget(m_datapoints);
    datapointsRow->addWidget(new QLabel(tr("out of"), this));
    datapointsRow->addWidget(m_evaluationPeriods);
    datapointsRow->addWidget(new QLabel(tr("datapoints"), this));
    datapointsRow->addStretch();
    form->addRow(tr("Datapoints to alarm"), datapointsRow);
    form->addRow(tr("Missing data"), m_missingData);
    form->addRow(tr("In alarm, notify"), m_alarmActions);
    form->addRow(tr("OK, notify"), m_okActions);
    form->addRow(tr("Insufficient data, notify"), m_insufficientActions);
    auto *hint = new QLabel(arnHint, this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    form->addRow(QString(), hint);
    form->addRow(m_error);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create alarm"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateAlarmDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateAlarmDialog::validate);
    connect(m_thresholdType,
        &QComboBox::currentIndexChanged,
        this,
        &CreateAlarmDialog::showThresholdType);
    showThresholdType();
    validate();
}

// Static: a comparison with a threshold. Anomaly detection: a side of the band and its width,
// as the console's "Conditions" step offers them.
void CreateAlarmDialog::showThresholdType()
{
    const bool anomaly = m_thresholdType->currentData().toString() == u"anomaly";
    m_comparison->clear();
    if (anomaly) {
        m_comparison->addItem(
            tr("Outside of the band"), u"LessThanLowerOrGreaterThanUpperThreshold"_s);
        m_comparison->addItem(tr("Greater than the band"), u"GreaterThanUpperThreshold"_s);
        m_comparison->addItem(tr("Lower than the band"), u"LessThanLowerThreshold"_s);
    } else {
        m_comparison->addItem(tr("Greater than (>)"), u"GreaterThanThreshold"_s);
        m_comparison->addItem(tr("Greater than or equal (>=)"), u"GreaterThanOrEqualToThreshold"_s);
        m_comparison->addItem(tr("Less than (<)"), u"LessThanThreshold"_s);
        m_comparison->addItem(tr("Less than or equal (<=)"), u"LessThanOrEqualToThreshold"_s);
    }
    m_threshold->setVisible(!anomaly);
    m_bandWidth->setVisible(anomaly);
    m_bandWidthLabel->setVisible(anomaly);
}

void CreateAlarmDialog::setMetric(
    const Core::CloudWatch::Metric &metric, const QString &statistic, int period)
{
    m_namespace->setText(metric.metricNamespace);
    m_metricName->setText(metric.metricName);
    QStringList pairs;
    for (const auto &dimension : metric.dimensions)
        pairs.append(dimension.name + u'=' + dimension.value);
    m_dimensions->setText(pairs.join(u", "_s));
    if (!statistic.isEmpty())
        m_statistic->setCurrentText(statistic);
    if (const int index = m_period->findData(period); index >= 0)
        m_period->setCurrentIndex(index);
    if (m_name->text().isEmpty())
        m_name->setText(metric.metricName + u"-alarm"_s);
}

Alarm CreateAlarmDialog::alarm() const
{
    Alarm alarm;
    alarm.name = m_name->text().trimmed();
    alarm.description = m_description->text().trimmed();
    alarm.metric.metricNamespace = m_namespace->text().trimmed();
    alarm.metric.metricName = m_metricName->text().trimmed();
    for (const QString &pair : m_dimensions->text().split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals < 0)
            alarm.metric.dimensions.append(Core::CloudWatch::Dimension{pair.trimmed(), QString()});
        else
            alarm.metric.dimensions.append(Core::CloudWatch::Dimension{
                pair.left(equals).trimmed(), pair.mid(equals + 1).trimmed()});
    }
    const QString statistic = m_statistic->currentText().trimmed();
    if (isStandardStatistic(statistic))
        alarm.statistic = statistic;
    else
        alarm.extendedStatistic = statistic;
    alarm.period = m_period->currentData().toInt();
    alarm.comparisonOperator = m_comparison->currentData().toString();
    alarm.threshold = m_threshold->value();
    alarm.datapointsToAlarm = m_datapoints->value();
    alarm.evaluationPeriods = m_evaluationPeriods->value();
    alarm.treatMissingData = m_missingData->currentData().toString();
    if (m_thresholdType->currentData().toString() == u"anomaly") {
        // The metric and its band go into Metrics; the band's Id is the threshold.
        Core::CloudWatch::MetricDataQuery watched;
        watched.id = u"m1"_s;
        watched.metricStat =
            Core::CloudWatch::MetricStat{alarm.metric, alarm.period, statistic, QString()};
        Core::CloudWatch::MetricDataQuery band;
        band.id = u"ad1"_s;
        band.expression =
            u"ANOMALY_DETECTION_BAND(m1, %1)"_s.arg(QString::number(m_bandWidth->value(), 'g', 6));
        band.label = alarm.metric.metricName + u" (expected)"_s;
        alarm.metrics = {watched, band};
        alarm.thresholdMetricId = band.id;
        alarm.metric = {};
        alarm.statistic.clear();
        alarm.extendedStatistic.clear();
        alarm.period = 0;
        alarm.threshold.reset();
    }
    alarm.alarmActions = splitArns(m_alarmActions->text());
    alarm.okActions = splitArns(m_okActions->text());
    alarm.insufficientDataActions = splitArns(m_insufficientActions->text());
    return alarm;
}

QString CreateAlarmDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CreateAlarmDialog::submit()
{
    const Alarm request = alarm();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    Core::CloudWatch::CloudWatchService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, request]() -> QString {
            const auto result = service->putMetricAlarm(request);
            return result ? QString() : result.error().code + u": "_s + result.error().message;
        },
        [this, name = request.name](const QString &error) {
            validate();
            if (!error.isEmpty()) {
                m_error->setText(error);
                m_error->show();
                return;
            }
            m_error->hide();
            emit alarmCreated(name);
            accept();
        });
}

void CreateAlarmDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
}

} // namespace Gui::CloudWatch
