// SPDX-License-Identifier: MIT
#include "ui/activity/requestdetailview.h"

#include "ui/activity/activitymodel.h"
#include "ui/activity/payloadformatter.h"
#include "ui/common/servicenames.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Core::Journal::JournalDetail;
using Core::Journal::JournalEntry;

namespace Gui::Activity {

namespace {

enum Page {
    PlaceholderPage,
    DetailPage,
};

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return u"OK"_s;
    case 201:
        return u"Created"_s;
    case 202:
        return u"Accepted"_s;
    case 204:
        return u"No Content"_s;
    case 206:
        return u"Partial Content"_s;
    case 301:
        return u"Moved Permanently"_s;
    case 304:
        return u"Not Modified"_s;
    case 307:
        return u"Temporary Redirect"_s;
    case 400:
        return u"Bad Request"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 409:
        return u"Conflict"_s;
    case 412:
        return u"Precondition Failed"_s;
    case 413:
        return u"Payload Too Large"_s;
    case 416:
        return u"Range Not Satisfiable"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 501:
        return u"Not Implemented"_s;
    case 503:
        return u"Service Unavailable"_s;
    default:
        return {};
    }
}

QString kindText(const PayloadFormatter::Formatted &formatted, qint64 size)
{
    if (formatted.kind == PayloadFormatter::Kind::Empty)
        return RequestDetailView::tr("No body");
    return RequestDetailView::tr("%1 body, %2")
        .arg(PayloadFormatter::kindLabel(formatted.kind), ActivityModel::formatSize(size));
}

QString requestLine(const JournalEntry &entry)
{
    return u"%1 %2"_s.arg(entry.method, entry.path);
}

QString statusLine(const JournalEntry &entry)
{
    return u"HTTP/1.1 %1 %2"_s.arg(entry.status).arg(reasonPhrase(entry.status)).trimmed();
}

QString joinHttp(const QString &startLine, const QString &headers, const QString &body)
{
    QString text = startLine + u'\n' + headers.trimmed();
    if (!body.isEmpty())
        text += u"\n\n"_s + body;
    return text;
}

} // namespace

RequestDetailView::RequestDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    auto *placeholder = new QLabel(tr("Select a request to see its headers and bodies."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(placeholder);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 10, 0, 0);
    detailLayout->setSpacing(8);

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    m_statusBadge = new QLabel(detail);
    m_statusBadge->setObjectName(u"statusBadge"_s);
    m_title = new QLabel(detail);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(detail);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titleRow->addWidget(m_statusBadge);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_subtitle, 1);
    detailLayout->addLayout(titleRow);

    m_facts = new QLabel(detail);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    detailLayout->addWidget(m_facts);

    m_note = new QLabel(detail);
    m_note->setObjectName(u"detailNote"_s);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(u"QLabel#detailNote { background: #fff4e0; color: #6b4a00;"
                          " border: 1px solid #f0d9a8; border-radius: 4px; padding: 6px 10px; }"_s);
    m_note->hide();
    detailLayout->addWidget(m_note);

    auto *splitter = new QSplitter(Qt::Horizontal, detail);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(
        createPanel(tr("Request"), tr("Copy the request to the clipboard"), &m_request));
    splitter->addWidget(
        createPanel(tr("Response"), tr("Copy the response to the clipboard"), &m_response));
    detailLayout->addWidget(splitter, 1);
    m_stack->addWidget(detail);

    showPlaceholder();
}

QWidget *RequestDetailView::createPanel(
    const QString &title, const QString &copyToolTip, Panel *panel)
{
    auto *widget = new QWidget(this);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *header = new QHBoxLayout;
    auto *caption = new QLabel(title, widget);
    QFont captionFont = caption->font();
    captionFont.setBold(true);
    caption->setFont(captionFont);
    panel->kind = new QLabel(widget);
    panel->kind->setForegroundRole(QPalette::PlaceholderText);
    auto *copy = new QToolButton(widget);
    copy->setText(tr("Copy"));
    copy->setToolTip(copyToolTip);
    copy->setAutoRaise(true);
    header->addWidget(caption);
    header->addWidget(panel->kind, 1);
    header->addWidget(copy);
    layout->addLayout(header);

    const auto makeText = [widget] {
        auto *text = new QPlainTextEdit(widget);
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setFrameShape(QFrame::NoFrame);
        return text;
    };
    panel->body = makeText();
    panel->headers = makeText();
    panel->headers->setLineWrapMode(QPlainTextEdit::NoWrap);
    panel->tabs = new QTabWidget(widget);
    panel->tabs->setDocumentMode(true);
    panel->tabs->addTab(panel->body, tr("Body"));
    panel->tabs->addTab(panel->headers, tr("Headers"));
    layout->addWidget(panel->tabs, 1);

    connect(copy, &QToolButton::clicked, this, [panel] {
        QApplication::clipboard()->setText(panel->rawText);
    });
    return widget;
}

void RequestDetailView::fillPanel(Panel *panel,
    const QString &startLine,
    const QString &headers,
    const QString &body,
    bool wrapBody,
    const QString &emptyBodyText)
{
    panel->rawText = joinHttp(startLine, headers, body);
    panel->headers->setPlainText(startLine + u'\n' + headers.trimmed());
    panel->body->setLineWrapMode(wrapBody ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    panel->body->setPlaceholderText(emptyBodyText);
    panel->body->setPlainText(body);
}

void RequestDetailView::showPlaceholder()
{
    m_entryId = 0;
    m_stack->setCurrentIndex(PlaceholderPage);
}

void RequestDetailView::showEntry(const JournalEntry &entry)
{
    setSummary(entry);
    setNote({});
    m_request.kind->clear();
    m_response.kind->clear();
    fillPanel(&m_request, requestLine(entry), {}, {}, true, {});
    fillPanel(&m_response, statusLine(entry), {}, {}, true, {});
    m_stack->setCurrentIndex(DetailPage);
}

void RequestDetailView::showDetail(const JournalDetail &detail)
{
    const JournalEntry &entry = detail.entry;
    setSummary(entry);
    PayloadFormatter::Formatted request;
    PayloadFormatter::Formatted response;
    if (detail.bodiesKept) {
        request = PayloadFormatter::format(detail.requestBody,
            PayloadFormatter::headerValue(detail.requestHeaders, u"Content-Type"));
        response = PayloadFormatter::format(detail.responseBody,
            PayloadFormatter::headerValue(detail.responseHeaders, u"Content-Type"));
        m_request.kind->setText(kindText(request, detail.requestBody.size()));
        m_response.kind->setText(kindText(response, detail.responseBody.size()));
    } else {
        m_request.kind->clear();
        m_response.kind->clear();
    }
    // Hex dumps keep their columns; everything else wraps so long values stay readable.
    const QString emptyText = detail.bodiesKept ? tr("No body") : tr("Not kept");
    fillPanel(&m_request,
        requestLine(entry),
        detail.requestHeaders,
        request.text,
        request.kind != PayloadFormatter::Kind::Binary,
        emptyText);
    fillPanel(&m_response,
        statusLine(entry),
        detail.responseHeaders,
        response.text,
        response.kind != PayloadFormatter::Kind::Binary,
        emptyText);

    QStringList notes;
    if (!detail.bodiesKept) {
        notes.append(tr("Headers and bodies are kept for the most recent requests only; this "
                        "request is older, so only its summary is shown."));
    }
    if (detail.bodiesKept && detail.requestTruncated)
        notes.append(tr("Only the start of the request body was kept (%1): the journal keeps "
                        "the start of each body, and none of an upload streamed to disk.")
                         .arg(QLocale().formattedDataSize(detail.requestBody.size())));
    if (detail.bodiesKept && detail.responseTruncated)
        notes.append(tr("Only the start of the response body was kept (%1): the journal keeps "
                        "the start of each body, and none of a download streamed from disk.")
                         .arg(QLocale().formattedDataSize(detail.responseBody.size())));
    setNote(notes.join(u'\n'));
    m_stack->setCurrentIndex(DetailPage);
}

void RequestDetailView::showMissing(const JournalEntry &entry)
{
    showEntry(entry);
    setNote(tr("The journal no longer holds this request."));
}

QString RequestDetailView::requestText() const
{
    return m_request.rawText;
}

QString RequestDetailView::responseText() const
{
    return m_response.rawText;
}

QString RequestDetailView::noteText() const
{
    return m_note->isHidden() ? QString() : m_note->text();
}

void RequestDetailView::setSummary(const JournalEntry &entry)
{
    m_entryId = entry.id;
    const QColor color = ActivityModel::statusColor(entry.status);
    m_statusBadge->setText(QString::number(entry.status));
    m_statusBadge->setStyleSheet(
        u"QLabel { color: white; background: %1; border-radius: 4px; padding: 2px 8px;"
        " font-weight: bold; }"_s.arg(color.name()));
    m_title->setText(entry.operation.isEmpty() ? tr("Unknown operation") : entry.operation);
    m_subtitle->setText(
        u"%1 · %2 %3"_s.arg(ServiceNames::displayName(entry.service), entry.method, entry.path));

    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const auto fact = [&muted](const QString &caption, const QString &value) {
        return u"<span style=\"color:%1\">%2</span>&nbsp;%3"_s.arg(
            muted, caption.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QStringList facts{
        fact(tr("Time"),
            QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(entry.timeMs), u"yyyy-MM-dd HH:mm:ss.zzz"_s)),
        fact(tr("Duration"), ActivityModel::formatDuration(entry.durationUs)),
        fact(tr("Client"), entry.client),
        fact(tr("Protocol"), entry.protocol),
    };
    QStringList identifiers;
    if (!entry.errorCode.isEmpty())
        identifiers.append(fact(tr("Error"), entry.errorCode));
    if (!entry.requestId.isEmpty())
        identifiers.append(fact(tr("Request ID"), entry.requestId));
    const QString gap = u"&nbsp;&nbsp;&nbsp;&nbsp;"_s;
    m_facts->setText(
        facts.join(gap) + (identifiers.isEmpty() ? QString() : u"<br>"_s + identifiers.join(gap)));
}

void RequestDetailView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

} // namespace Gui::Activity
