// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/journalentry.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;

namespace Gui::Activity {

// The selected request in full: a summary, then the request and the response side by side as raw
// HTTP (start line, headers, pretty-printed body), with a note when the journal did not keep the
// bodies or cut them short. Shows value snapshots only; ActivityPane fetches them.
class RequestDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestDetailView)

public:
    explicit RequestDetailView(QWidget *parent = nullptr);

    // Nothing selected.
    void showPlaceholder();
    // The summary is known, the headers and bodies are on their way.
    void showEntry(const Core::Journal::JournalEntry &entry);
    void showDetail(const Core::Journal::JournalDetail &detail);
    // The journal no longer holds the request (cleared or pruned).
    void showMissing(const Core::Journal::JournalEntry &entry);

    qint64 entryId() const { return m_entryId; }
    QString requestText() const;
    QString responseText() const;
    QString noteText() const;

private:
    // One side of the exchange: the body (shown first, it is what people look for) and the
    // start line with the headers on a second tab.
    struct Panel
    {
        QLabel *kind = nullptr;
        QTabWidget *tabs = nullptr;
        QPlainTextEdit *body = nullptr;
        QPlainTextEdit *headers = nullptr;
        QString rawText; // start line, headers, body: what Copy puts on the clipboard
    };

    QWidget *createPanel(const QString &title, const QString &copyToolTip, Panel *panel);
    void setSummary(const Core::Journal::JournalEntry &entry);
    void setNote(const QString &note);
    static void fillPanel(Panel *panel,
        const QString &startLine,
        const QString &headers,
        const QString &body,
        bool wrapBody,
        const QString &emptyBodyText);

    QStackedWidget *m_stack = nullptr;
    QLabel *m_statusBadge = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_note = nullptr;
    Panel m_request;
    Panel m_response;
    qint64 m_entryId = 0;
};

} // namespace Gui::Activity
