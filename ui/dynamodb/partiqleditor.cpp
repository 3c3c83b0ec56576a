// SPDX-License-Identifier: MIT
#include "ui/dynamodb/partiqleditor.h"

#include "core/common/async.h"
#include "core/dynamodb/dynamodbservice.h"
#include "ui/dynamodb/itemsmodel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui::DynamoDb {

PartiqlEditor::PartiqlEditor(Core::DynamoDb::DynamoDbService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_statement(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_results(new ItemsModel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_statement->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_statement->setPlaceholderText(u"SELECT * FROM \"Music\" WHERE Artist = 'Ada'"_s);
    m_statement->setMaximumHeight(110);
    layout->addWidget(m_statement);
    auto *actions = new QHBoxLayout;
    auto *runButton = new QPushButton(tr("Run"), this);
    actions->addWidget(runButton);
    m_status->setWordWrap(true);
    actions->addWidget(m_status, 1);
    layout->addLayout(actions);
    auto *view = new QTableView(this);
    view->setModel(m_results);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view, 1);
    connect(runButton, &QPushButton::clicked, this, &PartiqlEditor::run);
}

void PartiqlEditor::setStatement(const QString &statement)
{
    m_statement->setPlainText(statement);
}

QString PartiqlEditor::statusText() const
{
    return m_status->text();
}

void PartiqlEditor::run()
{
    const QJsonObject request{
        {u"Statement"_s, m_statement->toPlainText()}, {u"ReturnConsumedCapacity"_s, u"TOTAL"_s}};
    Core::DynamoDb::DynamoDbService *service = m_service;
    Core::callAsync(
        service,
        this,
        [service, request] { return service->executeStatement(request); },
        [this](const Core::Result<QJsonObject> &result) {
            if (!result) {
                m_status->setStyleSheet(u"color: #d13212;"_s);
                m_status->setText(result.error().code + u": "_s + result.error().message);
                m_results->setItems({}, {});
                emit finished();
                return;
            }
            QList<QJsonObject> items;
            for (const QJsonValue &item : result->value(u"Items"_s).toArray())
                items.append(item.toObject());
            m_results->setItems(items, {});
            m_status->setStyleSheet(QString());
            m_status->setText(
                tr("Statement completed · Items returned: %1 · Capacity units consumed: %2")
                    .arg(items.size())
                    .arg(result->value(u"ConsumedCapacity"_s)[u"CapacityUnits"_s].toDouble()));
            emit finished();
        });
}

} // namespace Gui::DynamoDb
