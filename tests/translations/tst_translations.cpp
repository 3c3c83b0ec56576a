// SPDX-License-Identifier: MIT
// Every shipped translations/*.ts is complete: no unfinished or empty translation, and running
// lupdate over the current sources adds no new untranslated string (a tr() added without its
// translation fails here).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

// Source texts whose translation is missing, unfinished or empty.
QStringList untranslated(const QString &tsPath, QString *error)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QStringList missing;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"source") {
            source = xml.readElementText();
        } else if (name == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            if (type == u"vanished" || type == u"obsolete") {
                xml.skipCurrentElement();
                continue;
            }
            bool empty = false;
            QString direct;
            bool numerus = false;
            while (!xml.atEnd()) {
                const auto token = xml.readNext();
                if (token == QXmlStreamReader::Characters) {
                    direct += xml.text();
                } else if (token == QXmlStreamReader::StartElement
                    && xml.name() == u"numerusform") {
                    numerus = true;
                    if (xml.readElementText().trimmed().isEmpty())
                        empty = true;
                } else if (token == QXmlStreamReader::EndElement && xml.name() == u"translation") {
                    break;
                }
            }
            if (!numerus && direct.trimmed().isEmpty())
                empty = true;
            if (type == u"unfinished" || empty)
                missing.append(context + u": "_s + source);
        }
    }
    if (xml.hasError())
        *error = u"%1 at line %2"_s.arg(xml.errorString()).arg(xml.lineNumber());
    return missing;
}

QStringList shippedTranslations()
{
    const QDir dir(QStringLiteral(CB_TRANSLATIONS_DIR));
    QStringList paths;
    for (const QString &name : dir.entryList({u"*.ts"_s}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void complete_data();
    void complete();
    void upToDate_data();
    void upToDate();
};

void tst_Translations::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void tst_Translations::complete_data()
{
    QTest::addColumn<QString>("path");
    const QStringList paths = shippedTranslations();
    QVERIFY2(!paths.isEmpty(), "no translations/*.ts found");
    for (const QString &path : paths)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void tst_Translations::complete()
{
    QFETCH(QString, path);
    QString error;
    const QStringList missing = untranslated(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(missing.isEmpty(),
        qPrintable(u"%1 untranslated:\n  "_s.arg(missing.size()) + missing.join(u"\n  "_s)));
}

void tst_Translations::upToDate_data()
{
    complete_data();
}

void tst_Translations::upToDate()
{
    QFETCH(QString, path);
    const QString lupdate = QStringLiteral(CB_LUPDATE);
    if (!QFileInfo(lupdate).isExecutable())
        QSKIP("lupdate is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess process;
    process.start(lupdate,
        {u"-silent"_s,
            u"-no-obsolete"_s,
            u"-I"_s,
            QStringLiteral(CB_SOURCE_DIR),
            u"@"_s + QStringLiteral(CB_TRANSLATABLE_SOURCES_LIST),
            u"-ts"_s,
            copy});
    QVERIFY(process.waitForFinished(120'000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        process.readAllStandardError().constData());

    QString error;
    const QStringList missing = untranslated(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(missing.isEmpty(),
        qPrintable(u"strings in the sources but not translated in %1 (build the "
                   "update_translations target, then translate):\n  "_s.arg(path)
            + missing.join(u"\n  "_s)));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
