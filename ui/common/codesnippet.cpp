// SPDX-License-Identifier: MIT
#include "ui/common/codesnippet.h"

#include "ui/common/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Gui {

CodeSnippet::CodeSnippet(const QString &code, QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_copyButton(new QToolButton(this))
{
    setObjectName(u"codeSnippet"_s);
    setStyleSheet(u"QFrame#codeSnippet { background: #f4f6f8; border: 1px solid #dde1e6;"
                  " border-radius: 6px; }"
                  "QFrame#codeSnippet QLabel { color: #16191f; background: transparent; }"_s);
    m_label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_label->setCursor(Qt::IBeamCursor);

    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy to the clipboard"));
    m_copyButton->setIcon(Icons::icon(u"copy"_s, QColor(0x54, 0x5b, 0x64)));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setAutoRaise(true);
    m_copyButton->setCursor(Qt::PointingHandCursor);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 6, 8);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copyButton, 0, Qt::AlignTop);

    connect(m_copyButton, &QToolButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_code);
        m_copyButton->setText(tr("Copied"));
        QTimer::singleShot(1500, this, [this] { m_copyButton->setText(tr("Copy")); });
        emit copied();
    });
    setCode(code);
}

void CodeSnippet::setCode(const QString &code)
{
    m_code = code;
    m_label->setText(code);
}

} // namespace Gui
