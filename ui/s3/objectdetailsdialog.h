// SPDX-License-Identifier: MIT
#pragma once

#include "core/s3/s3object.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace Core::S3 {
class S3Service;
}

namespace Gui::S3 {

// Object details: properties, metadata, tags, checksums, the key's versions, the restore status
// of archived objects, the version's Object Lock (retention and legal hold), and a preview of text,
// JSON (pretty-printed) and images.
class ObjectDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectDetailsDialog)

public:
    static constexpr qint64 PreviewLimit = 2 * 1024 * 1024;
    // An object's place in the archive tiers (GLACIER, DEEP_ARCHIVE).
    enum class Archive {
        None, // not archived
        Archived, // no restored copy
        Restoring, // a restore's retrieval is running
        Restored, // a restored copy is readable
    };

    ObjectDetailsDialog(Core::S3::S3Service *service,
        const QString &bucket,
        const QString &key,
        const QString &versionId,
        QWidget *parent = nullptr);

    // The preview text for a body: pretty JSON, text, or "" when not previewable as text.
    static QString previewText(
        const QString &contentType, const QString &key, const QByteArray &data);

private:
    // retained: the version's retention is still running on the engine clock.
    void show(const Core::S3::S3Object &object,
        const QList<Core::S3::S3Object> &versions,
        Archive archive,
        bool retained);

    QFormLayout *m_form;
    QPlainTextEdit *m_preview;
    QLabel *m_image;
};

} // namespace Gui::S3
