// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/createmetricfilterdialog.h"

#include "core/common/async.h"
#include "core/logs/logsservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

CreateMetricFilterDialog::CreateMetricFilterDialog(
    Core::Logs::LogsService *service, const QString &group, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_group(group)
    , m_pattern(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_metricName(new QLineEdit(this))
    , m_value(new QLineEdit(u"1"_s, this))
    , m_defaultValue(new QLineEdit(this))
    , m_unit(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Create metric filter: %1").arg(group));
    resize(560, 0);
    m_pattern->setObjectName(u"pattern"_s);
    m_name->setObjectName(u"filterName"_s);
    m_namespace->setObjectName(u"metricNamespace"_s);
    m_metricName->setObjectName(u"metricName"_s);
    m_value->setObjectName(u"metricValue"_s);
    m_defaultValue->setObjectName(u"defaultValue"_s);
    m_pattern->setPlaceholderText(tr("ERROR, { $.latency > 100 }, [ip, user, status = 5*] ..."));
    m_namespace->setPlaceholderText(tr("for example MyApp"));
    m_metricName->setPlaceholderText(tr("for example ErrorCount"));
    m_value->setToolTip(tr("1 counts matching events; $.field (JSON) or $name (space-delimited) "
                           "publishes a value from the event."));
    m_defaultValue->setPlaceholderText(tr("optional: published for events that do not match"));
    m_unit->addItem(tr("None"), QString());
    for (const char *unit : {"Count",
             "Seconds",
             "Milliseconds",
             "Microseconds",
             "Bytes",
             "Kilobytes",
             "Megabytes",
             "Percent",
             "Count/Second",
             "Bytes/Second"})
        m_unit->addItem(QString::fromLatin1(unit), QString::fromLatin1(unit));
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"QLabel { color: #d13212; }"_s);

    auto *intro = new QLabel(tr("Events ingested from now on that match the pattern become "
                                "datapoints of the metric. Events already stored are not "
                                "counted."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Filter pattern"), m_pattern);
    form->addRow(tr("Filter name"), m_name);
    form->addRow(tr("Metric namespace"), m_namespace);
    form->addRow(tr("Metric name"), m_metricName);
    form->addRow(tr("Metric value"), m_value);
    form->addRow(tr("Default value"), m_defaultValue);
    form->addRow(tr("Unit"), m_unit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Create metric filter"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &CreateMetricFilterDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void CreateMetricFilterDialog::setPattern(const QString &pattern)
{
    m_pattern->setText(pattern);
}

std::optional<Core::Logs::MetricFilter> CreateMetricFilterDialog::filter() const
{
    const QString name = m_name->text().trimmed();
    const QString metricNamespace = m_namespace->text().trimmed();
    const QString metricName = m_metricName->text().trimmed();
    const QString value = m_value->text().trimmed();
    if (name.isEmpty() || metricNamespace.isEmpty() || metricName.isEmpty() || value.isEmpty())
        return std::nullopt;
    Core::Logs::MetricFilter filter;
    filter.groupName = m_group;
    filter.name = name;
    filter.pattern = m_pattern->text().trimmed();
    filter.transformation.metricNamespace = metricNamespace;
    filter.transformation.metricName = metricName;
    filter.transformation.metricValue = value;
    filter.transformation.unit = m_unit->currentData().toString();
    const QString defaultText = m_defaultValue->text().trimmed();
    if (!defaultText.isEmpty()) {
        bool ok = false;
        const double defaultValue = QLocale::c().toDouble(defaultText, &ok);
        if (!ok)
            return std::nullopt;
        filter.transformation.defaultValue = defaultValue;
    }
    return filter;
}

QString CreateMetricFilterDialog::errorText() const
{
    return m_error->text();
}

void CreateMetricFilterDialog::submit()
{
    const auto request = filter();
    if (!request) {
        m_error->setText(tr("Fill in the filter name, the metric namespace, name and value; a "
                            "default value must be a number."));
        return;
    }
    m_error->clear();
    Core::Logs::LogsService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, filter = *request] { return service->putMetricFilter(filter); },
        [this](const Core::Status &done) {
            if (done)
                accept();
            else
                m_error->setText(done.error().message);
        });
}

} // namespace Gui::CloudWatch
