// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace Gui::Sqs {

// "Create queue": type, name and every attribute with AWS's ranges (spin boxes cannot leave
// them), a dead-letter queue of the same type with maxReceiveCount. Validates the name as AWS
// does before OK is enabled; the service's answer is shown with showError().
class CreateQueueDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateQueueDialog)

public:
    // queues: existing queue name -> is FIFO, the dead-letter choices; arnPrefix + name = ARN.
    CreateQueueDialog(
        const QMap<QString, bool> &queues, const QString &arnPrefix, QWidget *parent = nullptr);

    QString queueName() const;
    QMap<QString, QString> attributes() const;
    void showError(const QString &message);
    QLineEdit *nameEdit() const { return m_name; }
    QRadioButton *fifoButton() const { return m_fifo; }

private:
    void updateState();

    QMap<QString, bool> m_queues;
    QString m_arnPrefix;
    QRadioButton *m_standard;
    QRadioButton *m_fifo;
    QLineEdit *m_name;
    QLabel *m_nameHint;
    QSpinBox *m_visibility;
    QSpinBox *m_retention;
    QSpinBox *m_delay;
    QSpinBox *m_maxSize;
    QSpinBox *m_wait;
    QCheckBox *m_contentDedup;
    QComboBox *m_deadLetter;
    QSpinBox *m_maxReceive;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui::Sqs
