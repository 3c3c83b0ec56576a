// SPDX-License-Identifier: MIT
#include "ui/s3/websitehostingtab.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

WebsiteHostingTab::WebsiteHostingTab(
    const QString &bucket, const QString &apiEndpoint, QWidget *parent)
    : QWidget(parent)
    , m_enabled(new QCheckBox(tr("Use this bucket to host a website"), this))
    , m_index(new QLineEdit(this))
    , m_error(new QLineEdit(this))
    , m_endpoint(new QLabel(this))
    , m_note(new QLabel(this))
{
    m_enabled->setObjectName(u"websiteEnabled"_s);
    m_index->setObjectName(u"websiteIndex"_s);
    m_error->setObjectName(u"websiteError"_s);
    m_endpoint->setObjectName(u"websiteEndpoint"_s);
    m_note->setObjectName(u"websiteNote"_s);
    m_index->setPlaceholderText(u"index.html"_s);
    m_error->setPlaceholderText(tr("error.html (optional)"));
    const QString url = websiteUrl(bucket, apiEndpoint);
    m_endpoint->setText(u"<a href=\"%1\">%1</a>"_s.arg(url.toHtmlEscaped()));
    m_endpoint->setTextFormat(Qt::RichText);
    m_endpoint->setOpenExternalLinks(true);
    m_endpoint->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Static website hosting"), m_enabled);
    form->addRow(tr("Index document"), m_index);
    form->addRow(tr("Error document"), m_error);
    form->addRow(tr("Bucket website endpoint"), m_endpoint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addStretch();
    connect(m_enabled, &QCheckBox::toggled, this, &WebsiteHostingTab::updateState);
    connect(m_enabled, &QCheckBox::clicked, this, &WebsiteHostingTab::edited);
    connect(m_index, &QLineEdit::textEdited, this, &WebsiteHostingTab::edited);
    connect(m_error, &QLineEdit::textEdited, this, &WebsiteHostingTab::edited);
    updateState();
}

QString WebsiteHostingTab::websiteUrl(const QString &bucket, const QString &apiEndpoint)
{
    const int port = QUrl(apiEndpoint).port(80);
    const QString host = bucket + u".s3-website.localhost"_s;
    return port == 80 ? u"http://%1/"_s.arg(host) : u"http://%1:%2/"_s.arg(host).arg(port);
}

void WebsiteHostingTab::setConfig(const std::optional<Core::S3::WebsiteConfig> &config)
{
    m_loaded = config;
    m_enabled->setChecked(config.has_value());
    m_index->setText(config ? config->indexSuffix : QString());
    m_error->setText(config ? config->errorKey : QString());
    updateState();
}

std::optional<Core::S3::WebsiteConfig> WebsiteHostingTab::config() const
{
    if (!m_enabled->isChecked())
        return std::nullopt;
    Core::S3::WebsiteConfig config = m_loaded.value_or(Core::S3::WebsiteConfig{});
    if (config.redirectAll)
        return config;
    config.indexSuffix = m_index->text().trimmed();
    config.errorKey = m_error->text().trimmed();
    return config;
}

QString WebsiteHostingTab::problem() const
{
    const auto wanted = config();
    if (!wanted || wanted->redirectAll)
        return {};
    if (wanted->indexSuffix.isEmpty())
        return tr("Enter an index document, such as index.html.");
    if (wanted->indexSuffix.contains(u'/'))
        return tr("The index document is a name such as index.html, without '/'.");
    return {};
}

void WebsiteHostingTab::updateState()
{
    const bool enabled = m_enabled->isChecked();
    const bool redirectAll = m_loaded && m_loaded->redirectAll;
    m_index->setEnabled(enabled && !redirectAll);
    m_error->setEnabled(enabled && !redirectAll);
    m_endpoint->setEnabled(enabled);
    QStringList lines;
    if (enabled && redirectAll) {
        const QString protocol = m_loaded->redirectAll->protocol;
        lines.append(tr("Every request is redirected to %1 (RedirectAllRequestsTo).")
                         .arg((protocol.isEmpty() ? u"http"_s : protocol) + u"://"_s
                             + m_loaded->redirectAll->hostName));
    } else if (enabled && m_loaded && !m_loaded->routingRules.isEmpty()) {
        lines.append(tr("%n redirection rule(s) set through the API are kept.",
            nullptr,
            int(m_loaded->routingRules.size())));
    }
    if (enabled)
        lines.append(tr("Visitors are anonymous: turn off Block Public Access and add a bucket "
                        "policy that allows s3:GetObject to Principal \"*\", or they get 403 "
                        "Forbidden."));
    else
        lines.append(tr("Static website hosting is off. When it is on, the bucket's objects are "
                        "served to browsers at the endpoint above."));
    m_note->setText(lines.join(u"\n\n"_s));
}

} // namespace Gui::S3
