// SPDX-License-Identifier: MIT
// Shared by the S3Store sources (s3store*.cpp) only; not part of the store's interface.
#pragma once

#include <QSqlQuery>
#include <QString>

namespace Core::S3::StoreSql {

// A null QString binds as SQL NULL; the text columns are NOT NULL with '' for "none".
QString text(const QString &value);
// Executes a prepared query; on failure logs it, finishes it and returns false.
bool run(QSqlQuery &query);

} // namespace Core::S3::StoreSql
