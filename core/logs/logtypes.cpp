// SPDX-License-Identifier: MIT
#include "core/logs/logtypes.h"

using namespace Qt::StringLiterals;

namespace Core::Logs {

QJsonObject toJson(const MetricTransformation &transformation)
{
    QJsonObject json{
        {u"metricName"_s, transformation.metricName},
        {u"metricNamespace"_s, transformation.metricNamespace},
        {u"metricValue"_s, transformation.metricValue},
    };
    if (transformation.defaultValue)
        json.insert(u"defaultValue"_s, *transformation.defaultValue);
    if (!transformation.dimensions.isEmpty()) {
        QJsonObject dimensions;
        for (auto it = transformation.dimensions.cbegin(); it != transformation.dimensions.cend();
             ++it)
            dimensions.insert(it.key(), it.value());
        json.insert(u"dimensions"_s, dimensions);
    }
    if (!transformation.unit.isEmpty())
        json.insert(u"unit"_s, transformation.unit);
    return json;
}

MetricTransformation transformationFromJson(const QJsonObject &json)
{
    MetricTransformation transformation;
    transformation.metricName = json.value(u"metricName"_s).toString();
    transformation.metricNamespace = json.value(u"metricNamespace"_s).toString();
    transformation.metricValue = json.value(u"metricValue"_s).toString();
    if (json.value(u"defaultValue"_s).isDouble())
        transformation.defaultValue = json.value(u"defaultValue"_s).toDouble();
    const QJsonObject dimensions = json.value(u"dimensions"_s).toObject();
    for (auto it = dimensions.constBegin(); it != dimensions.constEnd(); ++it)
        transformation.dimensions.insert(it.key(), it.value().toString());
    transformation.unit = json.value(u"unit"_s).toString();
    return transformation;
}

} // namespace Core::Logs
