// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/functionurl.h"
#include "core/lambda/lambdaservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Gui::Lambda {

// The Configuration tab's Function URL section, as in the Lambda console: the URL of $LATEST or
// an alias (a link to open, with a Copy button), its auth type and CORS, and Create / Edit /
// Delete through a FunctionUrlDialog. Reads and writes through queued calls to the service.
class FunctionUrlPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionUrlPanel)

public:
    explicit FunctionUrlPanel(Core::Lambda::LambdaService *service, QWidget *parent = nullptr);

    void setFunction(const QString &name);
    void refresh();
    QList<Core::Lambda::FunctionUrlConfig> urls() const { return m_urls; }
    // CreateFunctionUrlConfig (existing false) or UpdateFunctionUrlConfig of the current function.
    void saveUrl(
        const QString &qualifier, const Core::Lambda::FunctionUrlChanges &changes, bool existing);
    void deleteUrl(const QString &qualifier);

signals:
    void refreshed();
    void messageReady(const QString &text, bool error);

private:
    void showSelected();
    void edit(bool existing);
    void deleteSelected();
    const Core::Lambda::FunctionUrlConfig *selected() const;

    Core::Lambda::LambdaService *m_service;
    QString m_function;
    QStringList m_qualifiers;
    QList<Core::Lambda::FunctionUrlConfig> m_urls;
    QComboBox *m_choice;
    QLabel *m_url;
    QLabel *m_details;
    QPushButton *m_copy;
    QPushButton *m_create;
    QPushButton *m_edit;
    QPushButton *m_delete;
};

} // namespace Gui::Lambda
