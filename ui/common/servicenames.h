// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace Gui::ServiceNames {

// The endpoint's service ids as the journal records them ("s3", "sqs", "dynamodb", "lambda",
// "cloudwatch", "logs", "sts"), in the order the console lists them.
const QStringList &knownIds();
// AWS's short product name for an id ("dynamodb" -> "DynamoDB"); brand names are not translated.
// Unknown ids come back unchanged.
QString displayName(const QString &serviceId);

} // namespace Gui::ServiceNames
