// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/httprequest.h"

namespace Core::Api {

// One HTTP response. The body is either in memory or a byte range of a file, which the server
// streams without loading it (S3 GetObject of large objects).
struct HttpResponse
{
    // The status line's phrase ("Not Found").
    static const char *reasonPhrase(int status);

    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    QString bodyFile;
    qint64 bodyFileOffset = 0;
    qint64 bodyFileLength = 0;
    // For HEAD: the Content-Length to announce though no body is sent.
    qint64 headContentLength = -1;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;
    qint64 bodySize() const { return bodyFile.isEmpty() ? body.size() : bodyFileLength; }
};

} // namespace Core::Api
