// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Gui {

// A few lines of code or shell in a monospace box with a Copy button, for set-up instructions
// and empty states. The code itself is never translated.
class CodeSnippet final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeSnippet)

public:
    explicit CodeSnippet(const QString &code, QWidget *parent = nullptr);

    QString code() const { return m_code; }
    void setCode(const QString &code);

signals:
    void copied();

private:
    QString m_code;
    QLabel *m_label;
    QToolButton *m_copyButton;
};

} // namespace Gui
