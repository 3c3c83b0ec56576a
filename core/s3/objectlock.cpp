// SPDX-License-Identifier: MIT
#include "core/s3/objectlock.h"

#include "core/s3/s3errors.h"
#include "core/s3/xmlelement.h"

#include <QDateTime>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Core::S3 {

namespace {

// Days or Years: a positive integer; 0 when absent, -1 when not a positive integer.
int period(const XmlElement *element)
{
    if (!element)
        return 0;
    bool ok = false;
    const int value = element->text.toInt(&ok);
    return ok && value > 0 ? value : -1;
}

} // namespace

bool isObjectLockMode(const QString &mode)
{
    return mode == QLatin1StringView(Governance) || mode == QLatin1StringView(Compliance);
}

Result<ObjectLockConfig> ObjectLockConfig::parse(const QByteArray &xml)
{
    const auto root = XmlElement::parse(xml);
    if (!root || root->name != u"ObjectLockConfiguration"_s
        || root->childText(u"ObjectLockEnabled") != u"Enabled"_s)
        return std::unexpected(Errors::malformedXml());
    ObjectLockConfig config;
    const XmlElement *rule = root->child(u"Rule");
    if (!rule)
        return config;
    const XmlElement *retention = rule->child(u"DefaultRetention");
    if (!retention)
        return std::unexpected(Errors::malformedXml());
    config.mode = retention->childText(u"Mode");
    const XmlElement *days = retention->child(u"Days");
    const XmlElement *years = retention->child(u"Years");
    // DefaultRetention: a mode and exactly one of Days and Years.
    if (!isObjectLockMode(config.mode) || (days && years) || (!days && !years))
        return std::unexpected(Errors::malformedXml());
    config.days = period(days);
    config.years = period(years);
    if (config.days < 0 || config.years < 0)
        return std::unexpected(Errors::invalidArgument(
            u"Default retention period must be a positive integer value."_s));
    return config;
}

QByteArray ObjectLockConfig::toXml() const
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.writeStartDocument();
    writer.writeStartElement(u"ObjectLockConfiguration"_s);
    writer.writeDefaultNamespace(u"http://s3.amazonaws.com/doc/2006-03-01/"_s);
    writer.writeTextElement(u"ObjectLockEnabled"_s, u"Enabled"_s);
    if (!mode.isEmpty()) {
        writer.writeStartElement(u"Rule"_s);
        writer.writeStartElement(u"DefaultRetention"_s);
        writer.writeTextElement(u"Mode"_s, mode);
        if (days > 0)
            writer.writeTextElement(u"Days"_s, QString::number(days));
        else
            writer.writeTextElement(u"Years"_s, QString::number(years));
        writer.writeEndElement();
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

qint64 ObjectLockConfig::defaultRetainUntilMs(qint64 nowMs) const
{
    if (mode.isEmpty())
        return -1;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    return (days > 0 ? now.addDays(days) : now.addYears(years)).toMSecsSinceEpoch();
}

} // namespace Core::S3
