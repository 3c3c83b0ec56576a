// SPDX-License-Identifier: MIT
#pragma once

#include "core/logs/logtypes.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Core::Logs {
class LogsService;
}

namespace Gui::CloudWatch {

// "Create metric filter" for one log group, as the console's form on one page: the filter
// pattern (pre-filled from the events filter box), the filter name, and the metric it feeds
// (namespace, name, value: 1 or a field such as $.latency, optional default value and unit).
// Create sends PutMetricFilter to the service on the core thread; the service's error (AWS's
// message) is shown in the dialog, which closes only once the filter exists.
class CreateMetricFilterDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateMetricFilterDialog)

public:
    CreateMetricFilterDialog(
        Core::Logs::LogsService *service, const QString &group, QWidget *parent = nullptr);

    void setPattern(const QString &pattern);
    // The PutMetricFilter request the form describes; nullopt (and errorText() says why) when a
    // field is not filled in or the default value is not a number.
    std::optional<Core::Logs::MetricFilter> filter() const;
    QString errorText() const;
    void submit();

private:
    Core::Logs::LogsService *m_service;
    QString m_group;
    QLineEdit *m_pattern;
    QLineEdit *m_name;
    QLineEdit *m_namespace;
    QLineEdit *m_metricName;
    QLineEdit *m_value;
    QLineEdit *m_defaultValue;
    QComboBox *m_unit;
    QLabel *m_error;
};

} // namespace Gui::CloudWatch
