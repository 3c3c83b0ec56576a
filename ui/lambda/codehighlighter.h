// SPDX-License-Identifier: MIT
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Gui::Lambda {

// Syntax colours for the Code tab: Python or JavaScript keywords, strings, numbers and comments
// (line comments; Python triple-quoted and JS block comments across lines).
class CodeHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeHighlighter)

public:
    enum class Language {
        Python,
        JavaScript,
    };

    explicit CodeHighlighter(QTextDocument *document, Language language = Language::Python);
    void setLanguage(Language language);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };

    Language m_language;
    QList<Rule> m_rules;
    QRegularExpression m_blockStart;
    QRegularExpression m_blockEnd;
    QTextCharFormat m_commentFormat;
};

} // namespace Gui::Lambda
