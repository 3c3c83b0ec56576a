// SPDX-License-Identifier: MIT
// Update expressions: SET, REMOVE, ADD and DELETE sections.
#include "core/dynamodb/expressiongrammar.h"

#include "core/dynamodb/dynamodberrors.h"

using namespace Qt::StringLiterals;

namespace Core::DynamoDb {

QList<UpdateAction> ExpressionGrammar::update()
{
    QList<UpdateAction> actions;
    QSet<QString> seenSections;
    while (!failed() && peek().type != Type::End) {
        const ExpressionToken &keyword = peek();
        UpdateAction::Kind kind = UpdateAction::Kind::Set;
        if (keyword.isKeyword(u"SET"))
            kind = UpdateAction::Kind::Set;
        else if (keyword.isKeyword(u"REMOVE"))
            kind = UpdateAction::Kind::Remove;
        else if (keyword.isKeyword(u"ADD"))
            kind = UpdateAction::Kind::Add;
        else if (keyword.isKeyword(u"DELETE"))
            kind = UpdateAction::Kind::Delete;
        else {
            syntaxError();
            break;
        }
        const QString section = keyword.text.toUpper();
        if (seenSections.contains(section)) {
            fail(u"The \"%1\" section can only be used once in an update expression;"_s.arg(
                section));
            break;
        }
        seenSections.insert(section);
        advance();
        do {
            UpdateAction action;
            action.kind = kind;
            action.path = path();
            if (failed())
                break;
            if (kind == UpdateAction::Kind::Set) {
                if (!expect(Type::Equal))
                    break;
                action.value = setValue();
            } else if (kind != UpdateAction::Kind::Remove) {
                action.value = valueOperand(section);
            }
            actions.append(std::move(action));
        } while (!failed() && accept(Type::Comma));
    }
    if (!failed() && actions.isEmpty())
        syntaxError();
    if (!failed())
        checkOverlaps(actions);
    return actions;
}

ExpressionNode ExpressionGrammar::setOperand()
{
    if (peek().type == Type::ValuePlaceholder)
        return valueNode();
    if (atFunction())
        return function(true);
    ExpressionNode node;
    node.kind = Kind::Path;
    node.path = path();
    return node;
}

ExpressionNode ExpressionGrammar::setValue()
{
    ExpressionNode left = setOperand();
    if (failed())
        return left;
    if (peek().type != Type::Plus && peek().type != Type::Minus)
        return left;
    ExpressionNode node;
    node.kind = advance().type == Type::Plus ? Kind::Plus : Kind::Minus;
    node.children.push_back(std::move(left));
    node.children.push_back(setOperand());
    for (const ExpressionNode &child : node.children) {
        if (child.kind == Kind::Value && child.value.type != AttributeType::N) {
            fail(u"Incorrect operand type for operator or function; operator: %1, operand "
                 u"type: %2"_s.arg(
                     node.kind == Kind::Plus ? u"+"_s : u"-"_s, longTypeName(child.value.type)));
            break;
        }
    }
    return node;
}

QString ExpressionGrammar::pathForMessage(const DocumentPath &path)
{
    QStringList parts;
    for (const PathElement &element : path)
        parts.append(element.isIndex() ? u"[%1]"_s.arg(element.index) : element.name);
    return u"["_s + parts.join(u", "_s) + u']';
}

void ExpressionGrammar::checkOverlaps(const QList<UpdateAction> &actions)
{
    for (qsizetype i = 0; i < actions.size(); ++i) {
        for (qsizetype j = i + 1; j < actions.size(); ++j) {
            const DocumentPath &a = actions[i].path;
            const DocumentPath &b = actions[j].path;
            const qsizetype common = std::min(a.size(), b.size());
            bool prefix = true;
            for (qsizetype k = 0; k < common && prefix; ++k)
                prefix = a[k] == b[k];
            if (prefix) {
                fail(u"Two document paths overlap with each other; must remove or rewrite one "
                     u"of these paths; path one: %1, path two: %2"_s.arg(
                         pathForMessage(a), pathForMessage(b)));
                return;
            }
        }
    }
}

} // namespace Core::DynamoDb
