// SPDX-License-Identifier: MIT
#include "ui/cloudwatch/metricchoices.h"

#include <QComboBox>

using namespace Qt::StringLiterals;

namespace Gui::CloudWatch {

void MetricChoices::addStatistics(QComboBox *combo, bool withMedian)
{
    for (const QString &stat : {u"Average"_s,
             u"Sum"_s,
             u"Minimum"_s,
             u"Maximum"_s,
             u"SampleCount"_s,
             u"p50"_s,
             u"p90"_s,
             u"p95"_s,
             u"p99"_s}) {
        if (withMedian || stat != u"p50")
            combo->addItem(stat, stat);
    }
    combo->setEditable(true);
}

void MetricChoices::addPeriods(QComboBox *combo, std::initializer_list<int> seconds)
{
    for (const int period : seconds)
        combo->addItem(periodLabel(period), period);
    combo->setCurrentIndex(combo->findData(60));
}

QString MetricChoices::periodLabel(int seconds)
{
    switch (seconds) {
    case 1:
        return tr("1 second");
    case 10:
        return tr("10 seconds");
    case 30:
        return tr("30 seconds");
    case 60:
        return tr("1 minute");
    case 300:
        return tr("5 minutes");
    case 900:
        return tr("15 minutes");
    case 3600:
        return tr("1 hour");
    case 6 * 3600:
        return tr("6 hours");
    case 86400:
        return tr("1 day");
    }
    return tr("%1 s").arg(seconds);
}

} // namespace Gui::CloudWatch
