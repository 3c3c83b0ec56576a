// SPDX-License-Identifier: MIT
#include "ui/lambda/codehighlighter.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace Gui::Lambda {

CodeHighlighter::CodeHighlighter(QTextDocument *document, Language language)
    : QSyntaxHighlighter(document)
    , m_language(language)
{
    setLanguage(language);
}

void CodeHighlighter::setLanguage(Language language)
{
    m_language = language;
    m_rules.clear();
    QTextCharFormat keyword;
    keyword.setForeground(QColor(0x00, 0x33, 0xb3));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat string;
    string.setForeground(QColor(0x06, 0x7d, 0x17));
    QTextCharFormat number;
    number.setForeground(QColor(0x17, 0x50, 0xeb));
    QTextCharFormat builtin;
    builtin.setForeground(QColor(0x87, 0x10, 0x94));
    m_commentFormat.setForeground(QColor(0x8c, 0x8c, 0x8c));
    m_commentFormat.setFontItalic(true);

    const QString keywords = language == Language::Python
        ? u"and|as|assert|async|await|break|class|continue|def|del|elif|else|except|False|finally|"
          u"for|from|global|if|import|in|is|lambda|None|nonlocal|not|or|pass|raise|return|True|"
          u"try|while|with|yield"_s
        : u"async|await|break|case|catch|class|const|continue|default|delete|do|else|export|"
          u"extends|false|finally|for|function|if|import|in|instanceof|let|new|null|return|"
          u"switch|this|throw|true|try|typeof|undefined|var|void|while|yield"_s;
    const QString builtins = language == Language::Python
        ? u"print|len|dict|list|str|int|float|json|os|self"_s
        : u"console|require|module|exports|process|JSON|Promise|Error"_s;
    m_rules.append({QRegularExpression(u"\\b(?:"_s + keywords + u")\\b"_s), keyword});
    m_rules.append({QRegularExpression(u"\\b(?:"_s + builtins + u")\\b"_s), builtin});
    m_rules.append({QRegularExpression(u"\\b\\d+(?:\\.\\d+)?\\b"_s), number});
    m_rules.append(
        {QRegularExpression(u"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'"_s), string});
    if (language == Language::JavaScript)
        m_rules.append({QRegularExpression(u"`(?:[^`\\\\]|\\\\.)*`"_s), string});
    m_rules.append({QRegularExpression(language == Language::Python ? u"#[^\n]*"_s : u"//[^\n]*"_s),
        m_commentFormat});
    m_blockStart = QRegularExpression(language == Language::Python ? u"\"\"\""_s : u"/\\*"_s);
    m_blockEnd = QRegularExpression(language == Language::Python ? u"\"\"\""_s : u"\\*/"_s);
    rehighlight();
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    // Multi-line comments/docstrings: state 1 means "inside" at the end of the block.
    setCurrentBlockState(0);
    qsizetype start = 0;
    if (previousBlockState() != 1) {
        const auto match = m_blockStart.match(text);
        start = match.hasMatch() ? match.capturedStart() : -1;
    }
    while (start >= 0) {
        const qsizetype searchFrom = previousBlockState() == 1 && start == 0 ? 0 : start + 3;
        const auto end = m_blockEnd.match(text, searchFrom);
        qsizetype length = 0;
        if (!end.hasMatch()) {
            setCurrentBlockState(1);
            length = text.size() - start;
        } else {
            length = end.capturedEnd() - start;
        }
        setFormat(int(start), int(length), m_commentFormat);
        const auto next = m_blockStart.match(text, start + length);
        start = next.hasMatch() ? next.capturedStart() : -1;
    }
}

} // namespace Gui::Lambda
