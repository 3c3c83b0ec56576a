// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Core::CloudWatch {
class CloudWatchService;
}

namespace Gui::CloudWatch {

// "Create alarm", as the console's wizard on one page: the metric (pre-filled from the metrics
// browser), statistic and period, the condition (threshold type Static with a comparison and a
// threshold, or Anomaly detection with a band width and a side of the band), M out of N
// datapoints, missing-data treatment and actions as ARNs. Create sends PutMetricAlarm to the
// service on the core thread; the service's error (AWS's message) is shown in the dialog, which
// closes only once the alarm exists.
class CreateAlarmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateAlarmDialog)

public:
    explicit CreateAlarmDialog(
        Core::CloudWatch::CloudWatchService *service, QWidget *parent = nullptr);

    void setMetric(const Core::CloudWatch::Metric &metric, const QString &statistic, int period);
    // The PutMetricAlarm request the form describes.
    Core::CloudWatch::Alarm alarm() const;
    QString errorText() const;
    void submit();

signals:
    void alarmCreated(const QString &name);

private:
    void validate();
    void showThresholdType();

    Core::CloudWatch::CloudWatchService *m_service;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QLineEdit *m_namespace;
    QLineEdit *m_metricName;
    QLineEdit *m_dimensions;
    QComboBox *m_statistic;
    QComboBox *m_period;
    QComboBox *m_thresholdType;
    QComboBox *m_comparison;
    QDoubleSpinBox *m_threshold;
    QDoubleSpinBox *m_bandWidth;
    QLabel *m_bandWidthLabel;
    QSpinBox *m_datapoints;
    QSpinBox *m_evaluationPeriods;
    QComboBox *m_missingData;
    QLineEdit *m_alarmActions;
    QLineEdit *m_okActions;
    QLineEdit *m_insufficientActions;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui::CloudWatch
