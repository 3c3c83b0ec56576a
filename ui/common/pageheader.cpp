// SPDX-License-Identifier: MIT
#include "ui/common/pageheader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

PageHeader::PageHeader(const QString &title, const QString &subtitle, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_subtitle(new QLabel(subtitle, this))
    , m_actions(new QHBoxLayout)
{
    m_title->setObjectName(u"pageTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.55);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(u"pageSubtitle"_s);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_subtitle);

    m_actions->setSpacing(8);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(text, 1);
    layout->addLayout(m_actions);
}

void PageHeader::addAction(QWidget *widget)
{
    m_actions->addWidget(widget, 0, Qt::AlignBottom);
}

QString PageHeader::title() const
{
    return m_title->text();
}

} // namespace Gui
