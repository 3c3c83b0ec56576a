// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/functionurl.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace Gui::Lambda {

// "Create function URL" / "Edit function URL" as in the Lambda console: the qualifier ($LATEST or
// an alias; fixed when editing), the auth type, and CORS (allowed origins, methods and headers,
// comma-separated; no origins means no CORS).
class FunctionUrlDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionUrlDialog)

public:
    // qualifiers: $LATEST and the function's aliases; existing: the URL to edit.
    FunctionUrlDialog(const QStringList &qualifiers,
        const std::optional<Core::Lambda::FunctionUrlConfig> &existing,
        QWidget *parent = nullptr);

    QString qualifier() const;
    QString authType() const;
    QJsonObject cors() const;

private:
    QComboBox *m_qualifier;
    QComboBox *m_authType;
    QLineEdit *m_origins;
    QLineEdit *m_methods;
    QLineEdit *m_headers;
    QSpinBox *m_maxAge;
};

} // namespace Gui::Lambda
