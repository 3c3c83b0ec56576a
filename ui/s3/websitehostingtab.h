// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/websiteconfig.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace Gui::S3 {

// The "Static website hosting" tab of the bucket properties, as in the S3 console: on or off,
// the index and error documents, and the website endpoint as a link. Redirects configured
// through the API (RedirectAllRequestsTo, routing rules) are shown and kept as they are.
class WebsiteHostingTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebsiteHostingTab)

public:
    // apiEndpoint: the app's endpoint URL, whose port the website endpoint shares.
    WebsiteHostingTab(const QString &bucket, const QString &apiEndpoint, QWidget *parent = nullptr);

    void setConfig(const std::optional<Core::S3::WebsiteConfig> &config);
    // nullopt when hosting is off.
    std::optional<Core::S3::WebsiteConfig> config() const;
    bool isChanged() const { return config() != m_loaded; }
    // "" when the form can be saved, else why not.
    QString problem() const;

    // http://<bucket>.s3-website.localhost:<port>/ (browsers resolve *.localhost to loopback).
    static QString websiteUrl(const QString &bucket, const QString &apiEndpoint);

signals:
    // The user changed a field (the dialog clears its last message then).
    void edited();

private:
    void updateState();

    std::optional<Core::S3::WebsiteConfig> m_loaded;
    QCheckBox *m_enabled;
    QLineEdit *m_index;
    QLineEdit *m_error;
    QLabel *m_endpoint;
    QLabel *m_note;
};

} // namespace Gui::S3
