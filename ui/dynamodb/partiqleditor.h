// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Core::DynamoDb {
class DynamoDbService;
}

namespace Gui::DynamoDb {

class ItemsModel;

// The PartiQL editor tab: one statement (SELECT, INSERT, UPDATE, DELETE), run with
// ExecuteStatement; SELECT results in the items grid, AWS's errors inline.
class PartiqlEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartiqlEditor)

public:
    explicit PartiqlEditor(Core::DynamoDb::DynamoDbService *service, QWidget *parent = nullptr);

    void setStatement(const QString &statement);
    void run();
    ItemsModel *results() const { return m_results; }
    QString statusText() const;

signals:
    void finished();

private:
    Core::DynamoDb::DynamoDbService *m_service;
    QPlainTextEdit *m_statement;
    QLabel *m_status;
    ItemsModel *m_results;
};

} // namespace Gui::DynamoDb
