// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace Gui {

// Help › Endpoint set-up: the lines that point the AWS CLI, boto3 and the AWS SDK for JavaScript
// at this endpoint, each in a box with a Copy button.
class EndpointSetupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointSetupDialog)

public:
    explicit EndpointSetupDialog(
        const QString &endpointUrl, const QString &region, QWidget *parent = nullptr);

    // Every snippet the dialog shows, in order (the CLI ones first).
    QStringList snippets() const;

    static QString cliConfiguration(const QString &region);
    static QString cliEnvironment(const QString &endpointUrl);
    static QString cliExample(const QString &endpointUrl);
    static QString pythonExample(const QString &endpointUrl, const QString &region);
    static QString javaScriptExample(const QString &endpointUrl, const QString &region);
};

} // namespace Gui
