// SPDX-License-Identifier: MIT
#pragma once

#include "core/cloudwatch/cloudwatchtypes.h"
#include "core/common/awserror.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace Core::CloudWatch {

// A CloudWatch search expression, the first argument of the metric math function SEARCH():
//   {AWS/EC2,InstanceId} MetricName="CPUUtilization" NOT InstanceId=i-0abc
// An optional schema first ({Namespace, DimensionName, ...}: metrics of that namespace with
// exactly those dimension names), then terms joined by AND (also implied between terms), OR
// and NOT, with parentheses. A term is a bare word (a partial, case-insensitive match of the
// namespace, metric name, a dimension name or value) or a "quoted phrase" (an exact match of
// one of them), optionally with a designator: MetricName=, Namespace= or DimensionName=.
class MetricSearch final
{
public:
    struct Node;

    static Result<MetricSearch> parse(const QString &text);
    bool matches(const Metric &metric) const;

private:
    std::shared_ptr<const Node> m_root; // null: every metric
    bool m_hasSchema = false;
    QString m_schemaNamespace;
    QStringList m_schemaDimensions; // sorted
};

} // namespace Core::CloudWatch
