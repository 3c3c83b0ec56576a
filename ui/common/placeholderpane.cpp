// SPDX-License-Identifier: MIT
#include "ui/common/placeholderpane.h"

#include "ui/common/icons.h"
#include "ui/common/pageheader.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

PlaceholderPane::PlaceholderPane(const Description &description, QWidget *parent)
    : QWidget(parent)
    , m_description(description)
{
    auto *header = new PageHeader(description.title, description.productName, this);

    auto *card = new QFrame(this);
    card->setObjectName(u"placeholderCard"_s);
    card->setStyleSheet(u"QFrame#placeholderCard { background: palette(base);"
                        " border: 1px solid #dde1e6; border-radius: 8px; }"
                        "QFrame#placeholderCard QLabel { background: transparent; }"_s);
    card->setMaximumWidth(680);
    card->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);

    auto *icon = new QLabel(card);
    icon->setPixmap(
        Icons::pixmap(description.iconName, QColor(0x54, 0x5b, 0x64), 48, devicePixelRatioF()));
    icon->setAlignment(Qt::AlignHCenter | Qt::AlignTop);

    auto *headline = new QLabel(
        tr("%1 is not available in this version yet").arg(description.productName), card);
    headline->setObjectName(u"placeholderHeadline"_s);
    QFont headlineFont = headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.25);
    headlineFont.setWeight(QFont::DemiBold);
    headline->setFont(headlineFont);
    headline->setWordWrap(true);

    auto *summary = new QLabel(description.summary, card);
    summary->setWordWrap(true);

    QString items;
    for (const QString &feature : description.features)
        items += u"<li style=\"margin-bottom:4px\">"_s + feature.toHtmlEscaped() + u"</li>"_s;
    auto *features = new QLabel(
        u"<p style=\"margin-bottom:4px\">%1</p><ul style=\"margin-left:-18px\">%2</ul>"_s.arg(
            tr("When it arrives, this pane will let you:").toHtmlEscaped(), items),
        card);
    features->setTextFormat(Qt::RichText);
    features->setWordWrap(true);

    auto *note = new QLabel(tr("Until then, the endpoint answers every %1 operation with "
                               "HTTP 501 NotImplemented, so clients fail fast with a clear error "
                               "instead of hanging. Each such request still shows up in Activity.")
                                .arg(description.productName),
        card);
    note->setObjectName(u"placeholderNote"_s);
    note->setWordWrap(true);
    note->setStyleSheet(u"QLabel#placeholderNote { background: #eef5fc; color: #0b3b66;"
                        " border: 1px solid #c6dcf2; border-radius: 6px; padding: 8px 12px; }"_s);

    auto *text = new QVBoxLayout;
    text->setSpacing(10);
    text->addWidget(headline);
    text->addWidget(summary);
    text->addWidget(features);
    text->addWidget(note);

    auto *cardLayout = new QHBoxLayout(card);
    cardLayout->setContentsMargins(24, 24, 28, 24);
    cardLayout->setSpacing(20);
    cardLayout->addWidget(icon, 0, Qt::AlignTop);
    cardLayout->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(28);
    layout->addWidget(header);
    // Stretches on both sides centre the card; aligning it instead would give it its size hint,
    // which for word-wrapped labels is too narrow.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card, 100);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(1);
}

} // namespace Gui
