// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

#include <initializer_list>

class QComboBox;

namespace Gui::CloudWatch {

// The statistic and period pickers of the CloudWatch console, shared by the metrics browser and
// the create-alarm dialog.
class MetricChoices final
{
    Q_DECLARE_TR_FUNCTIONS(MetricChoices)

public:
    // Average ... SampleCount and the common percentiles (p50 only where asked), each with its
    // wire name as data; editable for other percentiles (p99.9) and trimmed means (tm90).
    static void addStatistics(QComboBox *combo, bool withMedian);
    // The given periods, labelled ("1 minute"), seconds as data; 1 minute selected.
    static void addPeriods(QComboBox *combo, std::initializer_list<int> seconds);
    static QString periodLabel(int seconds);
};

} // namespace Gui::CloudWatch
