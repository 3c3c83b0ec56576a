// SPDX-License-Identifier: MIT
#include "ui/s3/restoreobjectdialog.h"

#include "core/s3/s3service.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::S3 {

RestoreObjectDialog::RestoreObjectDialog(
    const QString &key, const QString &storageClass, QWidget *parent)
    : QDialog(parent)
    , m_storageClass(storageClass)
    , m_days(new QSpinBox(this))
    , m_tier(new QComboBox(this))
    , m_hint(new QLabel(this))
{
    setWindowTitle(tr("Restore %1").arg(key));
    setMinimumWidth(460);
    m_days->setRange(1, 365);
    m_days->setValue(1);
    m_days->setSuffix(tr(" day(s)"));
    for (const QString &tier : tiers(storageClass))
        m_tier->addItem(tier, tier);
    m_tier->setCurrentIndex(m_tier->findData(u"Standard"_s));
    m_hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Storage class"), new QLabel(storageClass, this));
    form->addRow(tr("Keep the restored copy for"), m_days);
    form->addRow(tr("Retrieval tier"), m_tier);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Initiate restore"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tier, &QComboBox::currentIndexChanged, this, &RestoreObjectDialog::updateHint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    updateHint();
}

int RestoreObjectDialog::days() const
{
    return m_days->value();
}

QString RestoreObjectDialog::tier() const
{
    return m_tier->currentData().toString();
}

QStringList RestoreObjectDialog::tiers(const QString &storageClass)
{
    QStringList offered;
    for (const QString &tier : {u"Expedited"_s, u"Standard"_s, u"Bulk"_s}) {
        if (Core::S3::S3Service::retrievalMs(storageClass, tier))
            offered.append(tier);
    }
    return offered;
}

void RestoreObjectDialog::updateHint()
{
    const auto retrieval = Core::S3::S3Service::retrievalMs(m_storageClass, tier());
    if (!retrieval) {
        m_hint->clear();
        return;
    }
    const qint64 minutes = *retrieval / 60'000;
    const QString duration = minutes < 60 ? tr("%n minute(s)", nullptr, int(minutes))
                                          : tr("%n hour(s)", nullptr, int(minutes / 60));
    m_hint->setText(tr("The object becomes readable %1 after the restore starts (by the engine's "
                       "clock), and stays readable for the days above.")
                        .arg(duration));
}

} // namespace Gui::S3
