// SPDX-License-Identifier: MIT
// Pins the Buckets pane's models and flows: the bucket list merges snapshots row by row and
// follows the service's coalesced signals; the object browser shows folders then objects, pages
// with fetchMore, shows versions and delete markers; an upload through the pane lands in the
// bucket; dialog validation matches the API's rules; bucket properties show encryption, object
// ownership, public access block and lifecycle rules, and edit event notifications and static
// website hosting and replication rules. Models
// checked with QAbstractItemModelTester.
#include "core/common/clock.h"
#include "core/s3/eventdestinations.h"
#include "core/s3/s3service.h"
#include "tests/support/tempdatabase.h"
#include "ui/s3/bucketlistmodel.h"
#include "ui/s3/bucketpropertiesdialog.h"
#include "ui/s3/bucketspane.h"
#include "ui/s3/createbucketdialog.h"
#include "ui/s3/objectdetailsdialog.h"
#include "ui/s3/objectlistmodel.h"
#include "ui/s3/objecttransfer.h"
#include "ui/s3/replicationtab.h"
#include "ui/s3/restoreobjectdialog.h"
#include "ui/s3/websitehostingtab.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Core::S3;
using Gui::S3::BucketListModel;
using Gui::S3::ObjectListModel;

namespace {

// Every label's and text view's text in a dialog, one per line.
QString shownTexts(const QWidget &dialog)
{
    QStringList all;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        all.append(label->text());
    for (const QPlainTextEdit *edit : dialog.findChildren<QPlainTextEdit *>())
        all.append(edit->toPlainText());
    return all.join(u'\n');
}

ObjectBody bodyOf(const QByteArray &data)
{
    return {data,
        {},
        data.size(),
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex()),
        {}};
}

} // namespace

class tst_S3Models final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QTest::failOnWarning(
            QRegularExpression(u"^(?!.*(XDG_RUNTIME_DIR|propagateSizeHints)).*"_s));
    }

    void bucketListMergesSnapshots()
    {
        BucketListModel model(nullptr);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBuckets({{u"b"_s, u"us-east-1"_s, 1}, {u"d"_s, u"us-east-1"_s, 2}});
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Bucket d{u"d"_s, u"us-east-1"_s, 2};
        d.objectCount = 5;
        model.setBuckets({{u"a"_s, u"us-east-1"_s, 3}, {u"c"_s, u"eu-west-1"_s, 4}, d});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, BucketListModel::Name).data().toString(), u"a"_s);
        QCOMPARE(model.index(2, BucketListModel::Objects).data().toString(), u"5"_s);
    }

    void bucketListFollowsService()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        BucketListModel model(&service);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(service.createBucket(u"live-one"_s, {}).has_value());
        QVERIFY(service.createBucket(u"live-two"_s, {}).has_value());
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(service.putObject(u"live-two"_s, u"k"_s, {}, {}, bodyOf("12345")).has_value());
        QTRY_COMPARE(model.index(1, BucketListModel::Objects).data().toString(), u"1"_s);
    }

    void objectBrowserFoldersPagingAndVersions()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"browse"_s, {}).has_value());
        for (int i = 0; i < 1200; ++i)
            QVERIFY(service.putObject(
                u"browse"_s, u"many/%1"_s.arg(i, 5, 10, QChar(u'0')), {}, {}, bodyOf("x")));
        QVERIFY(service.putObject(u"browse"_s, u"top.txt"_s, {}, {}, bodyOf("t")));
        QVERIFY(service.putObject(u"browse"_s, u"folder/inner.txt"_s, {}, {}, bodyOf("i")));

        ObjectListModel model(&service);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLocation(u"browse"_s, {});
        QTRY_COMPARE(model.rowCount(), 3);
        QVERIFY(model.index(0, 0).data(ObjectListModel::IsFolderRole).toBool());
        QCOMPARE(model.index(0, 0).data().toString(), u"folder/"_s);
        QCOMPARE(model.index(2, 0).data().toString(), u"top.txt"_s);
        QVERIFY(!model.canFetchMore({}));

        // The tester itself calls fetchMore(); page by hand on a second, untested model.
        ObjectListModel paged(&service);
        paged.setLocation(u"browse"_s, u"many/"_s);
        QTRY_COMPARE(paged.rowCount(), ObjectListModel::PageSize);
        QVERIFY(paged.canFetchMore({}));
        paged.fetchMore({});
        QTRY_COMPARE(paged.rowCount(), 2 * ObjectListModel::PageSize);
        paged.fetchMore({});
        QTRY_COMPARE(paged.rowCount(), 1200);
        QVERIFY(!paged.canFetchMore({}));
        QCOMPARE(paged.index(1199, ObjectListModel::Name).data().toString(), u"01199"_s);

        model.setLocation(u"browse"_s, u"many/"_s);
        QTRY_COMPARE(model.rowCount(), 1200);
        model.setFilter(u"0001"_s);
        QTRY_COMPARE(model.rowCount(), 10);

        QVERIFY(service.putBucketVersioning(u"browse"_s, Versioning::Enabled));
        QVERIFY(service.putObject(u"browse"_s, u"top.txt"_s, {}, {}, bodyOf("t2")));
        QVERIFY(service.deleteObject(u"browse"_s, u"top.txt"_s));
        model.setLocation(u"browse"_s, {});
        QTRY_COMPARE(model.rowCount(), 2); // top.txt is hidden behind its delete marker
        model.setShowVersions(true);
        QTRY_COMPARE(model.rowCount(), 5); // 2 folders, marker, 2 versions
        QVERIFY(model.index(2, 0).data(ObjectListModel::IsDeleteMarkerRole).toBool());
        QCOMPARE(model.index(4, ObjectListModel::VersionId).data().toString(), u"null"_s);
    }

    void uploadThroughThePaneLandsInTheBucket()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"uploads"_s, {}).has_value());
        Gui::S3::BucketsPane pane(&service);
        QAbstractItemModelTester tester(
            pane.objectModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.openBucket(u"uploads"_s, u"in/"_s);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"data.bin"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray data(3 * 1024 * 1024 + 5, 'u');
        file.write(data);
        file.close();
        pane.uploadFiles({path});
        QTRY_VERIFY_WITH_TIMEOUT(
            service.getObject(u"uploads"_s, u"in/data.bin"_s).has_value(), 20000);
        const auto object = service.getObject(u"uploads"_s, u"in/data.bin"_s);
        QCOMPARE(object->size, data.size());
        QCOMPARE(object->etag,
            u"\"%1\""_s.arg(QString::fromLatin1(
                QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex())));
        QTRY_COMPARE(pane.objectModel()->rowCount(), 1); // live update from objectsChanged
    }

    // The Restore button acts on archived objects only; its dialog offers the tiers the storage
    // class has, and the pane starts the restore and says when the object becomes readable.
    void restoreThroughThePane()
    {
        using Gui::S3::RestoreObjectDialog;
        QCOMPARE(RestoreObjectDialog::tiers(u"GLACIER"_s),
            (QStringList{u"Expedited"_s, u"Standard"_s, u"Bulk"_s}));
        QCOMPARE(
            RestoreObjectDialog::tiers(u"DEEP_ARCHIVE"_s), (QStringList{u"Standard"_s, u"Bulk"_s}));
        RestoreObjectDialog dialog(u"k"_s, u"DEEP_ARCHIVE"_s);
        QCOMPARE(dialog.tier(), u"Standard"_s);
        QCOMPARE(dialog.days(), 1);
        QVERIFY(shownTexts(dialog).contains(u"12 hour(s)"_s));

        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"cold"_s, {}).has_value());
        ObjectHeaders archived;
        archived.storageClass = u"GLACIER"_s;
        QVERIFY(service.putObject(u"cold"_s, u"a-frozen"_s, archived, {}, bodyOf("x")));
        QVERIFY(service.putObject(u"cold"_s, u"b-warm"_s, {}, {}, bodyOf("y")));
        Gui::S3::BucketsPane pane(&service);
        pane.openBucket(u"cold"_s);
        QTRY_COMPARE(pane.objectModel()->rowCount(), 2);
        QPushButton *restore = nullptr;
        for (QPushButton *button : pane.findChildren<QPushButton *>()) {
            if (button->text() == u"Restore…"_s)
                restore = button;
        }
        QVERIFY(restore);
        auto *view = pane.findChild<QTableView *>(u"objectView"_s);
        QVERIFY(view);
        view->selectRow(1); // b-warm
        QVERIFY(!restore->isEnabled());
        view->selectRow(0); // a-frozen
        QVERIFY(restore->isEnabled());

        pane.restoreObject(u"a-frozen"_s, 2, u"Expedited"_s);
        QTRY_VERIFY(pane.statusText().startsWith(u"Restoring a-frozen: readable from"_s));
        QVERIFY(service.isRestoring(*service.getObject(u"cold"_s, u"a-frozen"_s)));
        pane.restoreObject(u"a-frozen"_s, 2, u"Bulk"_s);
        QTRY_VERIFY(pane.statusText().startsWith(u"Cannot restore a-frozen:"_s));
        clock.advance(60'000);
        pane.restoreObject(u"a-frozen"_s, 3, u"Bulk"_s);
        QTRY_VERIFY(pane.statusText().startsWith(u"a-frozen is restored: readable until"_s));
    }

    void bucketNameValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << u"my-bucket"_s << true;
        QTest::newRow("short") << u"ab"_s << false;
        QTest::newRow("upper") << u"MyBucket"_s << false;
        QTest::newRow("ip") << u"10.0.0.1"_s << false;
    }

    void bucketNameValidation()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(Gui::S3::CreateBucketDialog::validationMessage(name).isEmpty(), valid);
    }

    void bucketPropertiesShowConfigurations()
    {
        using Gui::S3::BucketPropertiesDialog;
        QVERIFY(BucketPropertiesDialog::encryptionSummary({}).contains(u"SSE-S3"_s));
        QVERIFY(BucketPropertiesDialog::ownershipSummary(u"BucketOwnerEnforced"_s)
                    .contains(u"ACLs disabled"_s));
        QVERIFY(BucketPropertiesDialog::publicAccessSummary(Core::S3::PublicAccessBlock{})
                    .startsWith(u"On"_s));
        QVERIFY(BucketPropertiesDialog::publicAccessSummary(std::nullopt).startsWith(u"Off"_s));
        QCOMPARE(BucketPropertiesDialog::publicAccessSummary(
                     Core::S3::PublicAccessBlock{true, true, false, false}),
            u"Partly on: block new public ACLs, ignore public ACLs"_s);

        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::S3::S3Service service(
            temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"props"_s, {}).has_value());
        QVERIFY(service
                    .putBucketDocument(u"props"_s,
                        Core::S3::BucketDocument::Lifecycle,
                        u"<LifecycleConfiguration><Rule><ID>logs</ID><Status>Enabled</Status>"
                        u"<Filter><Prefix>logs/</Prefix></Filter><Expiration><Days>365</Days>"
                        u"</Expiration><Transition><Days>30</Days><StorageClass>STANDARD_IA"
                        u"</StorageClass></Transition></Rule></LifecycleConfiguration>"_s)
                    .has_value());
        Core::S3::BucketEncryption kms;
        kms.algorithm = u"aws:kms"_s;
        kms.kmsKeyId = u"alias/class"_s;
        QVERIFY(service.putBucketEncryption(u"props"_s, kms).has_value());
        BucketPropertiesDialog dialog(&service, u"props"_s);
        const auto texts = [&dialog] {
            return shownTexts(dialog);
        };
        QTRY_VERIFY(texts().contains(u"Rule \"logs\" (enabled)"_s));
        const QString shown = texts();
        QVERIFY2(shown.contains(u"Applies to objects with prefix \"logs/\""_s), qPrintable(shown));
        QVERIFY(shown.contains(u"Move to STANDARD_IA 30 day(s) after creation"_s));
        QVERIFY(shown.contains(u"Expire current versions 365 day(s) after creation"_s));
        QVERIFY(shown.contains(u"KMS key: alias/class"_s));
        QVERIFY(shown.contains(u"Bucket owner enforced"_s));
        QVERIFY(shown.contains(u"On: all public access is blocked"_s));
    }

    // Event notifications: the summary names each destination, its events and filter; a
    // configuration typed into the dialog is stored through the service, and a destination the
    // service refuses shows AWS's message with the reason.
    void bucketPropertiesEditNotifications()
    {
        using Gui::S3::BucketPropertiesDialog;
        const auto config = Core::S3::NotificationConfig::parse(
            "<NotificationConfiguration><QueueConfiguration><Id>new-photos</Id><Queue>"
            "arn:aws:sqs:us-east-1:000000000000:photos</Queue><Event>s3:ObjectCreated:*</Event>"
            "<Filter><S3Key><FilterRule><Name>prefix</Name><Value>img/</Value></FilterRule>"
            "</S3Key></Filter></QueueConfiguration></NotificationConfiguration>");
        QVERIFY(config.has_value());
        QCOMPARE(BucketPropertiesDialog::notificationSummary(*config),
            u"\"new-photos\": s3:ObjectCreated:* events to the SQS queue "
            u"arn:aws:sqs:us-east-1:000000000000:photos for keys with prefix \"img/\""_s);
        QCOMPARE(BucketPropertiesDialog::notificationSummary({}),
            u"No event notifications are configured."_s);

        // The "Add" row: a destination appended to the document, with an id; a bad ARN or an
        // overlap with what is there is refused with the reason.
        QString error;
        const QString one = BucketPropertiesDialog::withNotification({},
            u"s3:ObjectCreated:*"_s,
            u"arn:aws:sqs:us-east-1:000000000000:photos"_s,
            u"img/"_s,
            {},
            &error);
        QVERIFY2(!one.isEmpty(), qPrintable(error));
        const QString two = BucketPropertiesDialog::withNotification(one,
            u"s3:ObjectRemoved:*"_s,
            u"arn:aws:lambda:us-east-1:000000000000:function:cleanup"_s,
            {},
            {},
            &error);
        const auto both = Core::S3::NotificationConfig::parse(two.toUtf8());
        QVERIFY(both.has_value());
        QCOMPARE(both->targets.size(), 2);
        QCOMPARE(both->targets.at(0).prefix, u"img/"_s);
        QCOMPARE(both->targets.at(1).kind, Core::S3::NotificationTarget::Kind::Function);
        QVERIFY(!both->targets.at(1).id.isEmpty());
        QVERIFY(BucketPropertiesDialog::withNotification(
            one, u"s3:ObjectCreated:Put"_s, u"arn:aws:sqs:us-east-1:0:q"_s, u"img/a"_s, {}, &error)
                    .isEmpty());
        QVERIFY2(error.contains(u"ambiguously defined"_s), qPrintable(error));
        QVERIFY(BucketPropertiesDialog::withNotification(
            {}, u"s3:ObjectCreated:*"_s, u"my-queue"_s, {}, {}, &error)
                    .isEmpty());
        QVERIFY(error.contains(u"Enter the ARN"_s));

        // Accepts every destination except the queue named "refused".
        class Destinations final : public Core::S3::EventDestinations
        {
        public:
            QString refusal(const QString &arn, const QString &, const QString &) const override
            {
                return arn.endsWith(u":refused"_s) ? u"The destination queue does not exist"_s
                                                   : QString();
            }
            bool deliver(const QString &arn, const QByteArray &, const QString &) override
            {
                delivered.append(arn);
                return true;
            }
            QStringList delivered;
        } destinations;
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::S3::S3Service service(
            temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        service.setEventDestinations(&destinations, u"000000000000"_s);
        QVERIFY(service.createBucket(u"photos"_s, {}).has_value());
        const QString xml = u"<NotificationConfiguration><QueueConfiguration><Queue>arn:aws:sqs:"
                            u"us-east-1:000000000000:%1</Queue><Event>s3:ObjectCreated:Put"
                            u"</Event></QueueConfiguration></NotificationConfiguration>"_s;
        const auto saveIn = [](BucketPropertiesDialog &dialog, const QString &text) {
            auto *editor = dialog.findChild<QPlainTextEdit *>(u"notificationEditor"_s);
            QVERIFY(editor);
            editor->setPlainText(text);
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        };
        {
            BucketPropertiesDialog dialog(&service, u"photos"_s);
            auto *summary = dialog.findChild<QLabel *>(u"notificationSummary"_s);
            QTRY_COMPARE(summary->text(), u"No event notifications are configured."_s);
            saveIn(dialog, xml.arg(u"refused"_s));
            auto *message = dialog.findChild<QLabel *>(u"message"_s);
            QTRY_VERIFY(!message->text().isEmpty());
            QCOMPARE(message->text(),
                u"Unable to validate the following destination configurations\n"
                u"arn:aws:sqs:us-east-1:000000000000:refused: The destination queue does not "
                u"exist"_s);
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            // The Add row writes the document; Save stores it.
            auto *editor = dialog.findChild<QPlainTextEdit *>(u"notificationEditor"_s);
            editor->clear();
            auto *event = dialog.findChild<QComboBox *>(u"notificationEvent"_s);
            event->setCurrentIndex(event->findData(u"s3:ObjectCreated:Put"_s));
            dialog.findChild<QLineEdit *>(u"notificationArn"_s)
                ->setText(u"arn:aws:sqs:us-east-1:000000000000:photos"_s);
            dialog.findChild<QPushButton *>(u"addNotification"_s)->click();
            QVERIFY(editor->toPlainText().contains(u"<Event>s3:ObjectCreated:Put</Event>"_s));
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(
            destinations.delivered, QStringList{u"arn:aws:sqs:us-east-1:000000000000:photos"_s});
        BucketPropertiesDialog reopened(&service, u"photos"_s);
        auto *summary = reopened.findChild<QLabel *>(u"notificationSummary"_s);
        QTRY_VERIFY(summary->text().contains(u"s3:ObjectCreated:Put events to the SQS queue "
                                             u"arn:aws:sqs:us-east-1:000000000000:photos"_s));
    }

    // Archived objects show their restore status, and no preview until a restore finished.
    // Static website hosting: the tab links the bucket's website endpoint on the app's port,
    // turns hosting on with index and error documents (stored through the service), refuses an
    // index document with '/', keeps redirects set through the API, and turns hosting off.
    void bucketPropertiesWebsiteHosting()
    {
        using Gui::S3::BucketPropertiesDialog;
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::S3::S3Service service(
            temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"site"_s, {}).has_value());
        QCOMPARE(Gui::S3::WebsiteHostingTab::websiteUrl(u"site"_s, u"http://127.0.0.1:4599"_s),
            u"http://site.s3-website.localhost:4599/"_s);
        const auto save = [](BucketPropertiesDialog &dialog) {
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        };
        {
            BucketPropertiesDialog dialog(&service, u"site"_s, u"http://127.0.0.1:4599"_s);
            auto *enabled = dialog.findChild<QCheckBox *>(u"websiteEnabled"_s);
            auto *index = dialog.findChild<QLineEdit *>(u"websiteIndex"_s);
            auto *endpoint = dialog.findChild<QLabel *>(u"websiteEndpoint"_s);
            QVERIFY(enabled && index && endpoint);
            QVERIFY(
                endpoint->text().contains(u"href=\"http://site.s3-website.localhost:4599/\""_s));
            QVERIFY(!enabled->isChecked());
            QVERIFY(!index->isEnabled());
            enabled->setChecked(true);
            QVERIFY(index->isEnabled());
            index->setText(u"docs/index.html"_s);
            save(dialog);
            auto *message = dialog.findChild<QLabel *>(u"message"_s);
            QVERIFY(message->text().contains(u"without '/'"_s));
            // Typing again clears what Save refused.
            index->clear();
            QTest::keyClicks(index, u"index.html"_s);
            QVERIFY(message->text().isEmpty());
            dialog.findChild<QLineEdit *>(u"websiteError"_s)->setText(u"error.html"_s);
            const QString dir = qEnvironmentVariable("CB_SCREENSHOT_DIR");
            if (!dir.isEmpty()) {
                dialog.findChild<QTabWidget *>()->setCurrentWidget(
                    dialog.findChild<Gui::S3::WebsiteHostingTab *>());
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                QVERIFY(dialog.grab().save(QDir(dir).filePath(u"s3-website-hosting.png"_s)));
            }
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        auto stored = service.getBucketWebsite(u"site"_s).value();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->indexSuffix, u"index.html"_s);
        QCOMPARE(stored->errorKey, u"error.html"_s);

        // Routing rules set through the API survive an edit in the dialog.
        stored->routingRules.append({false, std::nullopt, u"404"_s, {}});
        stored->routingRules.last().redirect.hostName = u"example.com"_s;
        QVERIFY(service.putBucketWebsite(u"site"_s, stored));
        {
            BucketPropertiesDialog dialog(&service, u"site"_s);
            auto *enabled = dialog.findChild<QCheckBox *>(u"websiteEnabled"_s);
            QTRY_VERIFY(enabled->isChecked());
            QCOMPARE(dialog.findChild<QLineEdit *>(u"websiteIndex"_s)->text(), u"index.html"_s);
            QVERIFY(shownTexts(dialog).contains(u"1 redirection rule(s) set through the API"_s));
            dialog.findChild<QLineEdit *>(u"websiteError"_s)->setText(u"404.html"_s);
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        stored = service.getBucketWebsite(u"site"_s).value();
        QCOMPARE(stored->errorKey, u"404.html"_s);
        QCOMPARE(stored->routingRules.size(), 1);
        {
            BucketPropertiesDialog dialog(&service, u"site"_s);
            auto *enabled = dialog.findChild<QCheckBox *>(u"websiteEnabled"_s);
            QTRY_VERIFY(enabled->isChecked());
            enabled->setChecked(false);
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!service.getBucketWebsite(u"site"_s).value().has_value());
    }

    // Replication rules: the tab lists the rules, adds one to another bucket (stored through the
    // service on Save, whose refusal for an unversioned destination is shown), and removes them.
    void bucketPropertiesReplicationRules()
    {
        using Gui::S3::BucketPropertiesDialog;
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::S3::S3Service service(
            temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        for (const QString &name : {u"source"_s, u"backup"_s})
            QVERIFY(service.createBucket(name, {}).has_value());
        QVERIFY(service.putBucketVersioning(u"source"_s, Versioning::Enabled).has_value());
        const auto save = [](BucketPropertiesDialog &dialog) {
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        };
        {
            BucketPropertiesDialog dialog(&service, u"source"_s);
            auto *rules = dialog.findChild<QTableWidget *>(u"replicationRules"_s);
            auto *destination = dialog.findChild<QComboBox *>(u"replicationDestination"_s);
            auto *message = dialog.findChild<QLabel *>(u"replicationMessage"_s);
            QVERIFY(rules && destination && message);
            QTRY_COMPARE(destination->count(), 1); // every bucket but this one
            QCOMPARE(destination->currentText(), u"backup"_s);
            QCOMPARE(rules->rowCount(), 0);
            QVERIFY(message->text().contains(u"No replication rules"_s));
            dialog.findChild<QPushButton *>(u"addReplicationRule"_s)->click();
            QCOMPARE(message->text(), u"Enter a name for the rule."_s);
            dialog.findChild<QLineEdit *>(u"replicationId"_s)->setText(u"to-backup"_s);
            dialog.findChild<QLineEdit *>(u"replicationPrefix"_s)->setText(u"docs/"_s);
            dialog.findChild<QCheckBox *>(u"replicationDeleteMarkers"_s)->setChecked(true);
            dialog.findChild<QPushButton *>(u"addReplicationRule"_s)->click();
            QCOMPARE(rules->rowCount(), 1);
            QCOMPARE(rules->item(0, 0)->text(), u"to-backup"_s);
            QCOMPARE(rules->item(0, 2)->text(), u"prefix \"docs/\""_s);
            QCOMPARE(rules->item(0, 3)->text(), u"backup"_s);
            // AWS refuses a destination without versioning; the dialog shows why and stays.
            save(dialog);
            auto *dialogMessage = dialog.findChild<QLabel *>(u"message"_s);
            QTRY_VERIFY(dialogMessage->text().contains(u"must have versioning enabled"_s));
            QVERIFY(service.putBucketVersioning(u"backup"_s, Versioning::Enabled).has_value());
            const QString dir = qEnvironmentVariable("CB_SCREENSHOT_DIR");
            if (!dir.isEmpty()) {
                dialog.findChild<QTabWidget *>()->setCurrentWidget(
                    dialog.findChild<Gui::S3::ReplicationTab *>());
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                QVERIFY(dialog.grab().save(QDir(dir).filePath(u"s3-replication-rules.png"_s)));
            }
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const auto stored = service.getBucketReplication(u"source"_s).value();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->rules.size(), 1);
        QCOMPARE(stored->rules[0].id, u"to-backup"_s);
        QCOMPARE(stored->rules[0].prefix, u"docs/"_s);
        QVERIFY(stored->rules[0].deleteMarkerReplication);
        QCOMPARE(stored->role, Gui::S3::ReplicationTab::defaultRole());
        {
            BucketPropertiesDialog dialog(&service, u"source"_s);
            auto *rules = dialog.findChild<QTableWidget *>(u"replicationRules"_s);
            QTRY_COMPARE(rules->rowCount(), 1);
            rules->selectRow(0);
            dialog.findChild<QPushButton *>(u"removeReplicationRule"_s)->click();
            QCOMPARE(rules->rowCount(), 0);
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!service.getBucketReplication(u"source"_s).value().has_value());
    }

    // Server access logging: the Properties tab picks a target bucket and prefix (stored through
    // the service on Save) and turns logging off again.
    void bucketPropertiesServerAccessLogging()
    {
        using Gui::S3::BucketPropertiesDialog;
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        Core::S3::S3Service service(
            temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        for (const QString &name : {u"site"_s, u"logs"_s})
            QVERIFY(service.createBucket(name, {}).has_value());
        const auto save = [](BucketPropertiesDialog &dialog) {
            dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        };
        {
            BucketPropertiesDialog dialog(&service, u"site"_s);
            auto *target = dialog.findChild<QComboBox *>(u"loggingTarget"_s);
            QVERIFY(target);
            QTRY_VERIFY(target->findData(u"logs"_s) >= 0);
            QCOMPARE(target->currentText(), u"Off"_s);
            target->setCurrentIndex(target->findData(u"logs"_s));
            dialog.findChild<QLineEdit *>(u"loggingPrefix"_s)->setText(u"site/"_s);
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        const auto stored = service.getBucketLogging(u"site"_s).value();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->targetBucket, u"logs"_s);
        QCOMPARE(stored->targetPrefix, u"site/"_s);
        {
            BucketPropertiesDialog dialog(&service, u"site"_s);
            auto *target = dialog.findChild<QComboBox *>(u"loggingTarget"_s);
            QTRY_COMPARE(target->currentText(), u"logs"_s);
            QCOMPARE(dialog.findChild<QLineEdit *>(u"loggingPrefix"_s)->text(), u"site/"_s);
            target->setCurrentIndex(0);
            save(dialog);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!service.getBucketLogging(u"site"_s).value().has_value());
    }

    void objectDetailsShowRestoreStatus()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"cold"_s, {}).has_value());
        ObjectHeaders headers;
        headers.storageClass = u"GLACIER"_s;
        headers.contentType = u"text/plain"_s;
        QVERIFY(service.putObject(u"cold"_s, u"notes.txt"_s, headers, {}, bodyOf("frozen notes"))
                    .has_value());
        const auto shown = [&service] {
            Gui::S3::ObjectDetailsDialog dialog(&service, u"cold"_s, u"notes.txt"_s, {});
            const auto texts = [&dialog] {
                return shownTexts(dialog);
            };
            if (!QTest::qWaitFor([&] { return texts().contains(u"GLACIER"_s); }))
                return QString();
            return texts();
        };
        QString text = shown();
        QVERIFY2(text.contains(u"Archived: restore the object"_s), qPrintable(text));
        QVERIFY(!text.contains(u"frozen notes"_s));
        QVERIFY(service.restoreObject(u"cold"_s, u"notes.txt"_s, {}, 1, u"Expedited"_s));
        text = shown();
        QVERIFY2(text.contains(u"Restore in progress: readable from"_s), qPrintable(text));
        QVERIFY(!text.contains(u"frozen notes"_s));
        QTemporaryDir dir;
        const auto download = [&] {
            Gui::S3::ObjectTransfer transfer(&service,
                Gui::S3::ObjectTransfer::Direction::Download,
                u"cold"_s,
                u"notes.txt"_s,
                dir.filePath(u"notes.txt"_s));
            QSignalSpy finished(&transfer, &Gui::S3::ObjectTransfer::finished);
            transfer.start();
            return finished.wait(5000) ? finished.at(0) : QVariantList{};
        };
        const QVariantList refused = download(); // an archived object cannot be downloaded
        QCOMPARE(refused.value(0).toBool(), false);
        QVERIFY2(refused.value(1).toString().contains(u"storage class"_s),
            qPrintable(refused.value(1).toString()));
        clock.advance(60'000);
        text = shown();
        QVERIFY2(text.contains(u"Restored copy readable until"_s), qPrintable(text));
        QVERIFY(text.contains(u"frozen notes"_s));
        QCOMPARE(download().value(0).toBool(), true);
        QFile saved(dir.filePath(u"notes.txt"_s));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), "frozen notes");
    }

    void objectDetailsShowObjectLock()
    {
        Tests::TempDatabase temp;
        Core::ManualClock clock;
        S3Service service(temp.database(), &clock, temp.dirPath() + u"/objects"_s, u"us-east-1"_s);
        QVERIFY(service.createBucket(u"vault"_s, {}, true).has_value());
        const ObjectLock lock{u"COMPLIANCE"_s, clock.nowMs() + 3'600'000, u"ON"_s};
        QVERIFY(service.putObject(u"vault"_s, u"k"_s, {}, {}, bodyOf("x"), lock).has_value());
        QVERIFY(service.putObject(u"vault"_s, u"plain"_s, {}, {}, bodyOf("x")).has_value());
        const auto shown = [&service](const QString &key) {
            Gui::S3::ObjectDetailsDialog dialog(&service, u"vault"_s, key, {});
            [[maybe_unused]] const bool loaded =
                QTest::qWaitFor([&] { return shownTexts(dialog).contains(u"STANDARD"_s); });
            return shownTexts(dialog);
        };
        QString text = shown(u"k"_s);
        QVERIFY2(text.contains(u"COMPLIANCE until"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Legal hold"_s), qPrintable(text));
        QVERIFY(!shown(u"plain"_s).contains(u"Object Lock"_s));
        clock.advance(3'600'001);
        text = shown(u"k"_s);
        QVERIFY2(text.contains(u"COMPLIANCE, ended"_s), qPrintable(text));
    }

    void previewPrettyPrintsJson()
    {
        const QString text = Gui::S3::ObjectDetailsDialog::previewText(
            u"application/json"_s, u"a.json"_s, "{\"a\":1}");
        QVERIFY(text.contains(u"\"a\": 1"_s));
        QVERIFY(
            Gui::S3::ObjectDetailsDialog::previewText(u"image/png"_s, u"a.png"_s, "x").isEmpty());
    }
};

QTEST_MAIN(tst_S3Models)
#include "tst_s3models.moc"
