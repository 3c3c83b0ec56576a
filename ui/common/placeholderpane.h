// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

namespace Gui {

// The page a service shows until its pane is built: what the service is, that this version does
// not offer it yet, what the pane will offer, and that the endpoint answers the service's
// operations with HTTP 501 NotImplemented meanwhile. MainWindow::setServicePane replaces it.
class PlaceholderPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderPane)

public:
    struct Description
    {
        QString iconName; // file in resources/icons without ".svg"
        QString title; // the pane's name in the navigator, e.g. "Buckets"
        QString productName; // AWS's name, e.g. "Amazon S3" (not translated)
        QString summary; // one sentence about the service
        QStringList features;
    };

    explicit PlaceholderPane(const Description &description, QWidget *parent = nullptr);

    const Description &description() const { return m_description; }

private:
    Description m_description;
};

} // namespace Gui
