// SPDX-License-Identifier: MIT
// Pins the Tables pane: its models pass QAbstractItemModelTester, the items grid's columns are
// the union of attributes with keys first, Explore items pages through a table 50 items at a
// time with the consumed capacity shown, Query and several AND-ed filter rows build working
// expressions, the create-table dialog defines several GSIs and LSIs within AWS's limits, AWS
// errors show inline, writes from elsewhere appear without a refresh, and the Backups tab
// creates, restores and deletes backups and turns point-in-time recovery on and restores with it.
#include "core/common/clock.h"
#include "core/dynamodb/dynamodbservice.h"
#include "core/dynamodb/dynamodbstreamsservice.h"
#include "tests/support/tempdatabase.h"
#include "ui/dynamodb/backupsview.h"
#include "ui/dynamodb/createtabledialog.h"
#include "ui/dynamodb/dynamodbjson.h"
#include "ui/dynamodb/filterconditionsmodel.h"
#include "ui/dynamodb/indexdefinitionsmodel.h"
#include "ui/dynamodb/itemeditordialog.h"
#include "ui/dynamodb/itemsmodel.h"
#include "ui/dynamodb/partiqleditor.h"
#include "ui/dynamodb/streamrecordsview.h"
#include "ui/dynamodb/tablelistmodel.h"
#include "ui/dynamodb/tablespane.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using Core::DynamoDb::DynamoDbService;

namespace {

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class tst_TablesPane final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Tests::TempDatabase> m_temp;
    std::unique_ptr<Core::ManualClock> m_clock;
    std::unique_ptr<DynamoDbService> m_service;

    void fill(int count)
    {
        QVERIFY(m_service->createTable(
            json("{\"TableName\":\"people\",\"BillingMode\":\"PAY_PER_REQUEST\","
                 "\"AttributeDefinitions\":[{\"AttributeName\":\"team\",\"AttributeType\":\"S\"},"
                 "{\"AttributeName\":\"id\",\"AttributeType\":\"N\"}],"
                 "\"KeySchema\":[{\"AttributeName\":\"team\",\"KeyType\":\"HASH\"},"
                 "{\"AttributeName\":\"id\",\"KeyType\":\"RANGE\"}]}")));
        for (int i = 0; i < count; ++i) {
            QJsonObject item{{u"team"_s, QJsonObject{{u"S"_s, i % 2 ? u"red"_s : u"blue"_s}}},
                {u"id"_s, QJsonObject{{u"N"_s, QString::number(i)}}}};
            if (i % 3 == 0)
                item.insert(u"nick"_s, QJsonObject{{u"S"_s, u"n%1"_s.arg(i)}});
            QVERIFY(
                m_service->putItem(QJsonObject{{u"TableName"_s, u"people"_s}, {u"Item"_s, item}}));
        }
    }

private slots:
    void init()
    {
        m_temp = std::make_unique<Tests::TempDatabase>();
        QVERIFY(m_temp->isOpen());
        m_clock = std::make_unique<Core::ManualClock>();
        m_service = std::make_unique<DynamoDbService>(
            m_temp->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
    }

    void cleanup()
    {
        m_service.reset();
        m_clock.reset();
        m_temp.reset();
    }

    void modelsPassTheModelTester()
    {
        fill(7);
        Gui::DynamoDb::TableListModel tables;
        QAbstractItemModelTester tablesTester(
            &tables, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tables.setTables(m_service->tables());
        QCOMPARE(tables.rowCount(), 1);
        QCOMPARE(tables.index(0, Gui::DynamoDb::TableListModel::PartitionKey).data().toString(),
            u"team (S)"_s);
        QCOMPARE(
            tables.index(0, Gui::DynamoDb::TableListModel::Items).data(Qt::UserRole).toLongLong(),
            7);
        tables.setTables(m_service->tables());
        tables.setTables({});
        QCOMPARE(tables.rowCount(), 0);

        Gui::DynamoDb::ItemsModel items;
        QAbstractItemModelTester itemsTester(
            &items, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonObject scanned = *m_service->scan(json("{\"TableName\":\"people\"}"));
        QList<QJsonObject> list;
        for (const QJsonValue &item : scanned[u"Items"_s].toArray())
            list.append(item.toObject());
        items.setItems(list, {u"team"_s, u"id"_s});
        QCOMPARE(items.columns(), QStringList({u"team"_s, u"id"_s, u"nick"_s}));
        QCOMPARE(items.rowCount(), 7);
        int empty = 0;
        for (int row = 0; row < items.rowCount(); ++row)
            empty += items.index(row, 2).data().isNull() ? 1 : 0;
        QCOMPARE(empty, 4);
    }

    void dynamoDbJsonToggleRoundTrips()
    {
        const QJsonObject typed = json("{\"a\":{\"N\":\"1.5\"},\"b\":{\"M\":{\"c\":{\"L\":[{\"S\":"
                                       "\"x\"},{\"BOOL\":true},{\"NULL\":true}]}}}}");
        const QJsonObject plain = Gui::DynamoDb::DynamoDbJson::toPlain(typed);
        QCOMPARE(QJsonDocument(plain).toJson(QJsonDocument::Compact),
            QByteArray("{\"a\":1.5,\"b\":{\"c\":[\"x\",true,null]}}"));
        QCOMPARE(Gui::DynamoDb::DynamoDbJson::fromPlain(plain), typed);
    }

    void streamRecordsFollowWrites()
    {
        Core::DynamoDb::DynamoDbStreamsService streams(
            m_temp->database(), m_clock.get(), u"us-east-1"_s, u"000000000000"_s);
        QVERIFY(m_service->createTable(
            json("{\"TableName\":\"orders\",\"BillingMode\":\"PAY_PER_REQUEST\","
                 "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                 "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                 "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":"
                 "\"NEW_AND_OLD_IMAGES\"}}")));
        Gui::DynamoDb::TablesPane pane(m_service.get(), &streams);
        pane.resize(1200, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_COMPARE(pane.currentTable(), u"orders"_s);
        auto *tabs = pane.findChild<QTabWidget *>();
        Gui::DynamoDb::StreamRecordsView *view = pane.streamRecords();
        QVERIFY(view);
        tabs->setCurrentWidget(view);
        QTRY_VERIFY(view->statusText().contains(u"NEW_AND_OLD_IMAGES"_s));
        QCOMPARE(view->recordCount(), 0);
        QVERIFY(m_service->putItem(json(
            "{\"TableName\":\"orders\",\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}}")));
        QVERIFY(m_service->updateItem(
            json("{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"a\"}},\"UpdateExpression\":"
                 "\"SET n = :n\",\"ExpressionAttributeValues\":{\":n\":{\"N\":\"2\"}}}")));
        // The pane follows the writes: newest first.
        QTRY_COMPARE(view->recordCount(), 2);
        auto *table = view->findChild<QTableWidget *>();
        QCOMPARE(table->item(0, 1)->text(), u"MODIFY"_s);
        QCOMPARE(table->item(0, 3)->text(), u"{\"id\":\"a\",\"n\":2}"_s);
        QCOMPARE(table->item(0, 4)->text(), u"{\"id\":\"a\",\"n\":1}"_s);
        QCOMPARE(table->item(1, 1)->text(), u"INSERT"_s);
        const QString dir = qEnvironmentVariable("CB_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(pane.grab().save(QDir(dir).filePath(u"dynamodb-stream-records.png"_s)));
    }

    void backupsTab()
    {
        fill(3);
        Gui::DynamoDb::TablesPane pane(m_service.get());
        pane.resize(1200, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_COMPARE(pane.currentTable(), u"people"_s);
        Gui::DynamoDb::BackupsView *view = pane.backups();
        QVERIFY(view);
        QSignalSpy refreshed(view, &Gui::DynamoDb::BackupsView::refreshed);
        pane.findChild<QTabWidget *>()->setCurrentWidget(view);
        QTRY_VERIFY(view->pitrText().startsWith(u"Off."_s));
        QCOMPARE(view->backupCount(), 0);

        view->createBackup(u"x"_s); // AWS's name rule: 3 to 255 characters
        QTRY_VERIFY(view->messageText().contains(u"backupName"_s));
        view->createBackup(u"people-1"_s);
        QTRY_COMPARE(view->backupCount(), 1);
        auto *table = view->findChild<QTableWidget *>(u"backups"_s);
        QCOMPARE(table->item(0, 0)->text(), u"people-1"_s);
        QCOMPARE(table->item(0, 1)->text(), u"USER"_s);
        QCOMPARE(table->item(0, 3)->text(), u"3"_s);
        view->restoreBackup(0, u"people-copy"_s);
        QTRY_VERIFY(view->messageText().contains(u"into the new table people-copy"_s));
        QCOMPARE(m_service->describeTable(json("{\"TableName\":\"people-copy\"}"))
                     ->value(u"Table"_s)[u"ItemCount"_s]
                     .toInt(),
            3);

        view->setPointInTimeRecovery(true);
        QTRY_VERIFY(view->pitrText().startsWith(u"On."_s));
        m_clock->advance(10 * 60 * 1000);
        view->restoreToPointInTime(u"people-pitr"_s, {});
        QTRY_VERIFY(view->messageText().contains(u"into the new table people-pitr"_s));
        QVERIFY(m_service->describeTable(json("{\"TableName\":\"people-pitr\"}")).has_value());
        const QString dir = qEnvironmentVariable("CB_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(pane.grab().save(QDir(dir).filePath(u"dynamodb-backups.png"_s)));

        refreshed.clear();
        view->deleteBackup(0);
        QTRY_VERIFY(view->messageText().startsWith(u"Deleted backup people-1"_s));
        QTRY_COMPARE(view->backupCount(), 0);
    }

    void explorePagesQueriesAndFollowsWrites()
    {
        QSignalSpy changed(m_service.get(), &DynamoDbService::itemsChanged);
        fill(120);
        // Let the coalesced change signal of the fill go by, so only the pane's own runs count.
        QTRY_COMPARE(changed.count(), 1);
        Gui::DynamoDb::TablesPane pane(m_service.get());
        QSignalSpy shown(&pane, &Gui::DynamoDb::TablesPane::pageShown);
        QTRY_COMPARE(pane.currentTable(), u"people"_s);
        QTRY_VERIFY(shown.count() >= 1);
        QCOMPARE(pane.itemsModel()->rowCount(), Gui::DynamoDb::TablesPane::PageSize);
        QVERIFY2(
            pane.statusText().contains(u"Items returned: 50"_s), qPrintable(pane.statusText()));
        QVERIFY(pane.statusText().contains(u"Read capacity units consumed:"_s));
        pane.nextPage();
        QTRY_COMPARE(shown.count(), 2);
        pane.nextPage();
        QTRY_COMPARE(shown.count(), 3);
        QCOMPARE(pane.itemsModel()->rowCount(), 20);
        pane.previousPage();
        QTRY_COMPARE(shown.count(), 4);
        QCOMPARE(pane.itemsModel()->rowCount(), 50);

        pane.setQuery(u"red"_s, u">="_s, u"100"_s);
        pane.setFilter(u"nick"_s, u"attribute_exists"_s, u"S"_s, QString());
        pane.runFirstPage();
        QTRY_COMPARE(shown.count(), 5);
        QCOMPARE(pane.errorText(), QString());
        // red ids >= 100: 101, 103, ... 119 (10 items); with a nick (id % 3 == 0): 105, 111, 117.
        QCOMPARE(pane.itemsModel()->rowCount(), 3);
        QVERIFY(pane.statusText().contains(u"Items scanned: 10"_s));

        // A write from elsewhere (a client on the endpoint) refreshes the page.
        QVERIFY(
            m_service->putItem(json("{\"TableName\":\"people\",\"Item\":{\"team\":{\"S\":\"red\"},"
                                    "\"id\":{\"N\":\"201\"},\"nick\":{\"S\":\"new\"}}}")));
        QTRY_COMPARE(pane.itemsModel()->rowCount(), 4);

        pane.setQuery(QString());
        pane.runFirstPage();
        QTRY_VERIFY(!pane.errorText().isEmpty());
        QCOMPARE(pane.errorText(), u"Enter a value for the partition key team."_s);
    }

    void itemEditorShowsAwsErrorsInline()
    {
        fill(1);
        Gui::DynamoDb::ItemEditorDialog dialog(m_service.get(), u"people"_s, QJsonObject());
        QSignalSpy saved(&dialog, &Gui::DynamoDb::ItemEditorDialog::saved);
        dialog.setText(u"{\"team\":{\"S\":\"\"},\"id\":{\"N\":\"1\"}}"_s);
        dialog.save();
        QTRY_VERIFY(!dialog.errorText().isEmpty());
        QCOMPARE(dialog.errorText(),
            u"ValidationException: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: team"_s);
        dialog.setText(u"{\"team\":{\"S\":\"green\"},\"id\":{\"N\":\"1\"}}"_s);
        dialog.save();
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(m_service
                    ->getItem(json("{\"TableName\":\"people\",\"Key\":{\"team\":{\"S\":\"green\"},"
                                   "\"id\":{\"N\":\"1\"}}}"))
                    ->contains(u"Item"_s));
    }
    void partiqlEditorRunsStatements()
    {
        fill(4);
        Gui::DynamoDb::PartiqlEditor editor(m_service.get());
        QSignalSpy finished(&editor, &Gui::DynamoDb::PartiqlEditor::finished);
        editor.setStatement(u"SELECT id FROM people WHERE team = 'red'"_s);
        editor.run();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(editor.results()->rowCount(), 2);
        QCOMPARE(editor.results()->columns(), QStringList({u"id"_s}));
        editor.setStatement(u"INSERT INTO people VALUE {'team': 'red', 'id': 1}"_s);
        editor.run();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(editor.statusText(),
            u"DuplicateItemException: Duplicate primary key exists in table"_s);
    }
    void createTableDialogBuildsIndexesAndShowsErrors()
    {
        Gui::DynamoDb::CreateTableDialog dialog(m_service.get());
        QSignalSpy created(&dialog, &Gui::DynamoDb::CreateTableDialog::created);
        dialog.setValues(u"ab"_s, u"pk"_s, QString());
        dialog.create();
        QTRY_VERIFY(!dialog.errorText().isEmpty());
        QCOMPARE(dialog.errorText(),
            u"ValidationException: 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"_s);
        dialog.setValues(u"orders"_s, u"pk"_s, u"sk"_s);
        Gui::DynamoDb::IndexDefinitionsModel *indexes = dialog.indexModel();
        QAbstractItemModelTester tester(indexes);
        Gui::DynamoDb::IndexDefinition byCustomer;
        byCustomer.name = u"byCustomer"_s;
        byCustomer.partitionKey = u"customer"_s;
        byCustomer.sortKey = u"sk"_s;
        QVERIFY(indexes->addIndex(byCustomer));
        Gui::DynamoDb::IndexDefinition byStatus;
        byStatus.name = u"byStatus"_s;
        byStatus.partitionKey = u"status"_s;
        byStatus.projection = u"INCLUDE"_s;
        byStatus.nonKeyAttributes = u"total, customer"_s;
        QVERIFY(indexes->addIndex(byStatus));
        Gui::DynamoDb::IndexDefinition byDate;
        byDate.global = false;
        byDate.name = u"byDate"_s;
        byDate.partitionKey = u"ignored"_s;
        byDate.sortKey = u"createdAt"_s;
        byDate.sortType = u"N"_s;
        byDate.projection = u"KEYS_ONLY"_s;
        QVERIFY(indexes->addIndex(byDate));
        // Edited through the model as the view's delegate does; a local index's partition key
        // is the table's and cannot be edited.
        QVERIFY(indexes->setData(
            indexes->index(1, Gui::DynamoDb::IndexDefinitionsModel::SortKey), u"createdAt"_s));
        QVERIFY(indexes->setData(
            indexes->index(1, Gui::DynamoDb::IndexDefinitionsModel::SortType), u"N"_s));
        QVERIFY(!indexes->setData(
            indexes->index(1, Gui::DynamoDb::IndexDefinitionsModel::Projection), u"SOME"_s));
        QVERIFY(!indexes->setData(
            indexes->index(2, Gui::DynamoDb::IndexDefinitionsModel::PartitionKey), u"x"_s));
        QCOMPARE(indexes->index(2, Gui::DynamoDb::IndexDefinitionsModel::PartitionKey).data(),
            QVariant(u"pk"_s));

        const QJsonObject request = dialog.request();
        QCOMPARE(QJsonDocument(request[u"GlobalSecondaryIndexes"_s].toArray())
                     .toJson(QJsonDocument::Compact),
            QByteArray(
                "[{\"IndexName\":\"byCustomer\",\"KeySchema\":[{\"AttributeName\":\"customer\","
                "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                "\"Projection\":{\"ProjectionType\":\"ALL\"}},{\"IndexName\":\"byStatus\","
                "\"KeySchema\":[{\"AttributeName\":\"status\",\"KeyType\":\"HASH\"},"
                "{\"AttributeName\":\"createdAt\",\"KeyType\":\"RANGE\"}],\"Projection\":{"
                "\"NonKeyAttributes\":[\"total\",\"customer\"],\"ProjectionType\":\"INCLUDE\"}}]"));
        QCOMPARE(QJsonDocument(request[u"LocalSecondaryIndexes"_s].toArray())
                     .toJson(QJsonDocument::Compact),
            QByteArray(
                "[{\"IndexName\":\"byDate\",\"KeySchema\":[{\"AttributeName\":\"pk\","
                "\"KeyType\":\"HASH\"},{\"AttributeName\":\"createdAt\",\"KeyType\":\"RANGE\"}],"
                "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}]"));
        // pk, sk, customer, status, createdAt: each defined once.
        QCOMPARE(request[u"AttributeDefinitions"_s].toArray().size(), 5);

        dialog.create();
        QTRY_COMPARE(created.count(), 1);
        const QList<Core::DynamoDb::TableInfo> tables = m_service->tables();
        QCOMPARE(tables.size(), 1);
        QCOMPARE(tables.first().indexes.size(), 3);
        const Core::DynamoDb::SecondaryIndex *global = tables.first().index(u"byCustomer"_s);
        QVERIFY(global);
        QCOMPARE(global->key.hashName, u"customer"_s);
        const Core::DynamoDb::SecondaryIndex *local = tables.first().index(u"byDate"_s);
        QVERIFY(local);
        QVERIFY(!local->global);
        QCOMPARE(local->key.hashName, u"pk"_s);
        QCOMPARE(tables.first().attributeDefinitions.size(), 5);
    }

    // The dialog stops at AWS's limits: 20 global and 5 local secondary indexes.
    void indexDefinitionsKeepAwsLimits()
    {
        Gui::DynamoDb::IndexDefinitionsModel model;
        QAbstractItemModelTester tester(&model);
        Gui::DynamoDb::IndexDefinition global;
        for (int i = 0; i < Gui::DynamoDb::IndexDefinitionsModel::MaxGlobalIndexes; ++i)
            QVERIFY(model.addIndex(global));
        QVERIFY(!model.addIndex(global));
        Gui::DynamoDb::IndexDefinition local;
        local.global = false;
        for (int i = 0; i < Gui::DynamoDb::IndexDefinitionsModel::MaxLocalIndexes; ++i)
            QVERIFY(model.addIndex(local));
        QVERIFY(!model.canAdd(false));
        QVERIFY(!model.addIndex(local));
        QCOMPARE(model.rowCount(), 25);
        model.removeIndex(24);
        QVERIFY(model.canAdd(false));
        QVERIFY(!model.canAdd(true));
    }

    // Several filter rows become one FilterExpression joined with AND, with one placeholder
    // pair per row; rows without an attribute name are ignored.
    void filterConditionsBuildOneExpression()
    {
        Gui::DynamoDb::FilterConditionsModel model;
        QAbstractItemModelTester tester(&model);
        QCOMPARE(model.expression().expression, QString());
        model.addCondition();
        QVERIFY(model.setData(
            model.index(0, Gui::DynamoDb::FilterConditionsModel::Attribute), u"age"_s));
        QVERIFY(model.setData(
            model.index(0, Gui::DynamoDb::FilterConditionsModel::Condition), u"between"_s));
        QVERIFY(!model.setData(
            model.index(0, Gui::DynamoDb::FilterConditionsModel::Condition), u"like"_s));
        QVERIFY(model.setData(model.index(0, Gui::DynamoDb::FilterConditionsModel::Type), u"N"_s));
        QVERIFY(
            model.setData(model.index(0, Gui::DynamoDb::FilterConditionsModel::Value), u"18"_s));
        QVERIFY(model.setData(
            model.index(0, Gui::DynamoDb::FilterConditionsModel::SecondValue), u"65"_s));
        model.addCondition(
            Gui::DynamoDb::FilterCondition{u"name"_s, u"begins_with"_s, u"S"_s, u"A"_s, {}});
        model.addCondition(); // no attribute: ignored
        model.addCondition(Gui::DynamoDb::FilterCondition{
            u"deleted"_s, u"attribute_not_exists"_s, u"S"_s, {}, {}});
        model.addCondition(
            Gui::DynamoDb::FilterCondition{u"tags"_s, u"not_contains"_s, u"S"_s, u"old"_s, {}});
        QVERIFY(!(model.flags(model.index(3, Gui::DynamoDb::FilterConditionsModel::Value))
            & Qt::ItemIsEditable));
        const Gui::DynamoDb::FilterExpression filter = model.expression();
        QCOMPARE(filter.expression,
            u"#f0 BETWEEN :f0 AND :f0b AND begins_with(#f1, :f1) AND attribute_not_exists(#f2) "
            u"AND NOT contains(#f3, :f3)"_s);
        QCOMPARE(QJsonDocument(filter.names).toJson(QJsonDocument::Compact),
            QByteArray("{\"#f0\":\"age\",\"#f1\":\"name\",\"#f2\":\"deleted\",\"#f3\":\"tags\"}"));
        QCOMPARE(QJsonDocument(filter.values).toJson(QJsonDocument::Compact),
            QByteArray("{\":f0\":{\"N\":\"18\"},\":f0b\":{\"N\":\"65\"},\":f1\":{\"S\":\"A\"},\":"
                       "f3\":{\"S\":\"old\"}}"));
        model.removeCondition(0);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.expression().expression.startsWith(u"begins_with(#f0, :f0)"_s));
    }

    // The pane runs a Scan with two filter rows: only items matching both come back.
    void exploreWithSeveralFilters()
    {
        fill(30);
        Gui::DynamoDb::TablesPane pane(m_service.get());
        QSignalSpy shown(&pane, &Gui::DynamoDb::TablesPane::pageShown);
        QTRY_COMPARE(pane.currentTable(), u"people"_s);
        pane.setScan();
        pane.setFilter(u"nick"_s, u"attribute_exists"_s, u"S"_s, QString());
        pane.filterModel()->addCondition(
            Gui::DynamoDb::FilterCondition{u"id"_s, u">="_s, u"N"_s, u"15"_s, {}});
        pane.runFirstPage();
        QTRY_VERIFY(shown.count() >= 1);
        QCOMPARE(pane.errorText(), QString());
        // ids 15..29 with id % 3 == 0: 15, 18, 21, 24, 27.
        QTRY_COMPARE(pane.itemsModel()->rowCount(), 5);
    }
};

QTEST_MAIN(tst_TablesPane)
#include "tst_tablespane.moc"
