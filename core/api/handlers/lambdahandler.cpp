// SPDX-License-Identifier: MIT
// LambdaHandler: routing, Invoke, functions and versions, and the Code.Location download.
#include "core/api/handlers/lambdahandler.h"

#include "core/api/handlers/lambdawire.h"
#include "core/api/protocols/restjsonprotocol.h"
#include "core/api/requestrouter.h"
#include "core/common/tracing.h"
#include "core/lambda/lambdaerrors.h"
#include "core/lambda/lambdaservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Core::Api {

using namespace LambdaWire;

namespace {

// FunctionCode (CreateFunction's Code, or UpdateFunctionCode's body): ZipFile bytes, or where
// the package is in S3.
struct CodeInput
{
    QByteArray zipFile;
    Lambda::S3CodeLocation s3;
};

Result<CodeInput> codeFrom(const QJsonObject &code)
{
    if (code.contains(u"ImageUri"_s))
        return std::unexpected(Lambda::Errors::invalidParameter(
            u"Cloudbench runs functions from ZIP packages only (container images are not "
            u"supported)."_s));
    CodeInput input;
    input.s3 = {code.value(u"S3Bucket"_s).toString(),
        code.value(u"S3Key"_s).toString(),
        code.value(u"S3ObjectVersion"_s).toString()};
    if (!code.contains(u"ZipFile"_s))
        return input;
    const auto decoded = QByteArray::fromBase64Encoding(
        code.value(u"ZipFile"_s).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::unexpected(Lambda::Errors::invalidParameter(
            u"Could not unzip uploaded file. Please check your file, then try to upload again."_s));
    input.zipFile = *decoded;
    return input;
}

// GetFunction's Code.Location: AWS answers a presigned S3 URL; Cloudbench serves the package
// itself, at the host the client reached.
QString codeLocation(const AwsRequest &request,
    const QString &endpointUrl,
    const Lambda::FunctionConfiguration &config)
{
    const QByteArray host = request.http.header("host");
    const QString base = host.isEmpty() ? endpointUrl : u"http://"_s + QString::fromLatin1(host);
    return base + u"/_cloudbench/lambda/functions/"_s
        + QString::fromLatin1(QUrl::toPercentEncoding(config.functionName)) + u"/versions/"_s
        + QString::fromLatin1(QUrl::toPercentEncoding(config.version)) + u"/code.zip"_s;
}

} // namespace

LambdaHandler::LambdaHandler(Lambda::LambdaService *service, QObject *parent)
    : ServiceHandler(parent)
    , m_service(service)
{}

QString LambdaHandler::service() const
{
    return u"lambda"_s;
}

const QList<LambdaHandler::Route> &LambdaHandler::routes()
{
    const QString fn = u"/functions/([^/]+)"_s;
    static const QList<Route> table{
        {"POST",
            QRegularExpression(u"^/2015-03-31/functions/?$"_s),
            u"CreateFunction"_s,
            &LambdaHandler::createFunction},
        {"GET",
            QRegularExpression(u"^/2015-03-31/functions/?$"_s),
            u"ListFunctions"_s,
            &LambdaHandler::listFunctions},
        {"GET",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/?$"_s),
            u"GetFunction"_s,
            &LambdaHandler::getFunction},
        {"DELETE",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/?$"_s),
            u"DeleteFunction"_s,
            &LambdaHandler::deleteFunction},
        {"GET",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/configuration/?$"_s),
            u"GetFunctionConfiguration"_s,
            &LambdaHandler::getFunctionConfiguration},
        {"PUT",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/configuration/?$"_s),
            u"UpdateFunctionConfiguration"_s,
            &LambdaHandler::updateFunctionConfiguration},
        {"PUT",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/code/?$"_s),
            u"UpdateFunctionCode"_s,
            &LambdaHandler::updateFunctionCode},
        {"POST",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/versions/?$"_s),
            u"PublishVersion"_s,
            &LambdaHandler::publishVersion},
        {"GET",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/versions/?$"_s),
            u"ListVersionsByFunction"_s,
            &LambdaHandler::listVersionsByFunction},
        {"POST",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/aliases/?$"_s),
            u"CreateAlias"_s,
            &LambdaHandler::createAlias},
        {"GET",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/aliases/?$"_s),
            u"ListAliases"_s,
            &LambdaHandler::listAliases},
        {"GET",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/aliases/([^/]+)$"_s),
            u"GetAlias"_s,
            &LambdaHandler::getAlias},
        {"PUT",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/aliases/([^/]+)$"_s),
            u"UpdateAlias"_s,
            &LambdaHandler::updateAlias},
        {"DELETE",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/aliases/([^/]+)$"_s),
            u"DeleteAlias"_s,
            &LambdaHandler::deleteAlias},
        {"PUT",
            QRegularExpression(u"^/2017-10-31"_s + fn + u"/concurrency/?$"_s),
            u"PutFunctionConcurrency"_s,
            &LambdaHandler::putFunctionConcurrency},
        {"DELETE",
            QRegularExpression(u"^/2017-10-31"_s + fn + u"/concurrency/?$"_s),
            u"DeleteFunctionConcurrency"_s,
            &LambdaHandler::deleteFunctionConcurrency},
        {"GET",
            QRegularExpression(u"^/2019-09-30"_s + fn + u"/concurrency/?$"_s),
            u"GetFunctionConcurrency"_s,
            &LambdaHandler::getFunctionConcurrency},
        {"PUT",
            QRegularExpression(u"^/2024-08-31"_s + fn + u"/recursion-config/?$"_s),
            u"PutFunctionRecursionConfig"_s,
            &LambdaHandler::putFunctionRecursionConfig},
        {"GET",
            QRegularExpression(u"^/2024-08-31"_s + fn + u"/recursion-config/?$"_s),
            u"GetFunctionRecursionConfig"_s,
            &LambdaHandler::getFunctionRecursionConfig},
        {"PUT",
            QRegularExpression(u"^/2019-09-25"_s + fn + u"/event-invoke-config/?$"_s),
            u"PutFunctionEventInvokeConfig"_s,
            &LambdaHandler::putFunctionEventInvokeConfig},
        {"POST",
            QRegularExpression(u"^/2019-09-25"_s + fn + u"/event-invoke-config/?$"_s),
            u"UpdateFunctionEventInvokeConfig"_s,
            &LambdaHandler::updateFunctionEventInvokeConfig},
        {"GET",
            QRegularExpression(u"^/2019-09-25"_s + fn + u"/event-invoke-config/?$"_s),
            u"GetFunctionEventInvokeConfig"_s,
            &LambdaHandler::getFunctionEventInvokeConfig},
        {"DELETE",
            QRegularExpression(u"^/2019-09-25"_s + fn + u"/event-invoke-config/?$"_s),
            u"DeleteFunctionEventInvokeConfig"_s,
            &LambdaHandler::deleteFunctionEventInvokeConfig},
        {"GET",
            QRegularExpression(u"^/2019-09-25"_s + fn + u"/event-invoke-config/list/?$"_s),
            u"ListFunctionEventInvokeConfigs"_s,
            &LambdaHandler::listFunctionEventInvokeConfigs},
        {"POST",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/policy/?$"_s),
            u"AddPermission"_s,
            &LambdaHandler::addPermission},
        {"GET",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/policy/?$"_s),
            u"GetPolicy"_s,
            &LambdaHandler::getPolicy},
        {"DELETE",
            QRegularExpression(u"^/2015-03-31"_s + fn + u"/policy/([^/]+)$"_s),
            u"RemovePermission"_s,
            &LambdaHandler::removePermission},
        {"POST",
            QRegularExpression(u"^/2017-03-31/tags/(.+)$"_s),
            u"TagResource"_s,
            &LambdaHandler::tagResource},
        {"GET",
            QRegularExpression(u"^/2017-03-31/tags/(.+)$"_s),
            u"ListTags"_s,
            &LambdaHandler::listTags},
        {"DELETE",
            QRegularExpression(u"^/2017-03-31/tags/(.+)$"_s),
            u"UntagResource"_s,
            &LambdaHandler::untagResource},
        {"GET",
            QRegularExpression(u"^/2016-08-19/account-settings/?$"_s),
            u"GetAccountSettings"_s,
            &LambdaHandler::getAccountSettings},
        {"POST",
            QRegularExpression(u"^/2021-10-31"_s + fn + u"/url/?$"_s),
            u"CreateFunctionUrlConfig"_s,
            &LambdaHandler::createFunctionUrlConfig},
        {"GET",
            QRegularExpression(u"^/2021-10-31"_s + fn + u"/url/?$"_s),
            u"GetFunctionUrlConfig"_s,
            &LambdaHandler::getFunctionUrlConfig},
        {"PUT",
            QRegularExpression(u"^/2021-10-31"_s + fn + u"/url/?$"_s),
            u"UpdateFunctionUrlConfig"_s,
            &LambdaHandler::updateFunctionUrlConfig},
        {"DELETE",
            QRegularExpression(u"^/2021-10-31"_s + fn + u"/url/?$"_s),
            u"DeleteFunctionUrlConfig"_s,
            &LambdaHandler::deleteFunctionUrlConfig},
        {"GET",
            QRegularExpression(u"^/2021-10-31"_s + fn + u"/urls/?$"_s),
            u"ListFunctionUrlConfigs"_s,
            &LambdaHandler::listFunctionUrlConfigs},
        {"POST",
            QRegularExpression(u"^/2015-03-31/event-source-mappings/?$"_s),
            u"CreateEventSourceMapping"_s,
            &LambdaHandler::createEventSourceMapping},
        {"GET",
            QRegularExpression(u"^/2015-03-31/event-source-mappings/?$"_s),
            u"ListEventSourceMappings"_s,
            &LambdaHandler::listEventSourceMappings},
        {"GET",
            QRegularExpression(u"^/2015-03-31/event-source-mappings/([^/]+)$"_s),
            u"GetEventSourceMapping"_s,
            &LambdaHandler::getEventSourceMapping},
        {"PUT",
            QRegularExpression(u"^/2015-03-31/event-source-mappings/([^/]+)$"_s),
            u"UpdateEventSourceMapping"_s,
            &LambdaHandler::updateEventSourceMapping},
        {"DELETE",
            QRegularExpression(u"^/2015-03-31/event-source-mappings/([^/]+)$"_s),
            u"DeleteEventSourceMapping"_s,
            &LambdaHandler::deleteEventSourceMapping},
    };
    return table;
}

QStringList LambdaHandler::operations() const
{
    QStringList names{u"Invoke"_s, u"InvokeAsync"_s};
    for (const Route &route : routes()) {
        if (!names.contains(route.operation))
            names.append(route.operation);
    }
    return names;
}

void LambdaHandler::handle(const AwsRequest &request, Responder responder)
{
    if (const QString urlId = functionUrlId(request.http); !urlId.isEmpty()) {
        serveFunctionUrl(request, responder, urlId);
        return;
    }
    const QString path = request.http.decodedPath();
    static const QRegularExpression invokePath(u"^/2015-03-31/functions/([^/]+)/invocations/?$"_s);
    static const QRegularExpression invokeAsyncPath(
        u"^/2014-11-13/functions/([^/]+)/invoke-async/?$"_s);
    static const QRegularExpression codePath(
        u"^/_cloudbench/lambda/functions/([^/]+)/versions/([^/]+)/code\\.zip$"_s);
    if (request.http.method == "GET") {
        if (const auto match = codePath.match(path); match.hasMatch()) {
            downloadCode(responder, match.captured(1), match.captured(2));
            return;
        }
    }
    if (request.http.method == "POST") {
        if (const auto match = invokePath.match(path); match.hasMatch()) {
            invoke(request, responder, match.captured(1));
            return;
        }
        if (const auto match = invokeAsyncPath.match(path); match.hasMatch()) {
            invokeAsync(request, responder, match.captured(1));
            return;
        }
    }
    for (const Route &route : routes()) {
        if (route.method != request.http.method)
            continue;
        const auto match = route.path.match(path);
        if (!match.hasMatch())
            continue;
        QJsonObject body;
        const QByteArray bytes = request.http.bodyBytes();
        if (!bytes.trimmed().isEmpty()) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                responder.fail(route.operation,
                    CommonErrors::serialization(u"Could not parse request body into json"_s));
                return;
            }
            body = document.object();
        }
        const Reply reply =
            (this->*route.function)(Call{request, body, match.capturedTexts().mid(1)});
        if (!reply) {
            responder.fail(route.operation, reply.error());
            return;
        }
        HttpResponse response =
            RestJsonProtocol::json(reply->first, reply->second, request.requestId);
        if (reply->first == 204)
            response.body.clear();
        responder.send(route.operation, std::move(response));
        return;
    }
    if (const QString operation = unemulatedOperation(request.http.method, path, request.http);
        !operation.isEmpty()) {
        responder.fail(operation, CommonErrors::notImplemented(u"lambda"_s, operation));
        return;
    }
    responder.fail(QString::fromLatin1(request.http.method) + u' ' + path,
        {u"ResourceNotFoundException"_s, u"The resource you requested does not exist."_s, 404});
}

void LambdaHandler::invoke(const AwsRequest &request, Responder &responder, const QString &function)
{
    const QString operation = u"Invoke"_s;
    const QString type = QString::fromLatin1(request.http.header("X-Amz-Invocation-Type"));
    const QString logType = QString::fromLatin1(request.http.header("X-Amz-Log-Type"));
    Lambda::InvokeRequest invocation;
    invocation.functionName = function;
    invocation.qualifier = request.http.queryItem(u"Qualifier");
    // An SDK inside a function sends its trace header: recursive loop detection counts it.
    invocation.lineage =
        Tracing::lineageCount(QString::fromLatin1(request.http.header("x-amzn-trace-id")));
    if (type.isEmpty() || type == u"RequestResponse"_s) {
        invocation.type = Lambda::InvocationType::RequestResponse;
    } else if (type == u"Event"_s) {
        invocation.type = Lambda::InvocationType::Event;
    } else if (type == u"DryRun"_s) {
        invocation.type = Lambda::InvocationType::DryRun;
    } else {
        responder.fail(operation,
            Lambda::Errors::validation(type,
                u"invocationType"_s,
                u"Member must satisfy enum value set: [Event, RequestResponse, DryRun]"_s));
        return;
    }
    if (!logType.isEmpty() && logType != u"None"_s && logType != u"Tail"_s) {
        responder.fail(operation,
            Lambda::Errors::validation(
                logType, u"logType"_s, u"Member must satisfy enum value set: [None, Tail]"_s));
        return;
    }
    invocation.logTail =
        logType == u"Tail"_s && invocation.type == Lambda::InvocationType::RequestResponse;
    invocation.payload = request.http.bodyBytes();
    Responder parked = responder;
    m_service->invoke(
        invocation, [parked, operation](Result<Lambda::InvocationResult> result) mutable {
            if (!result) {
                parked.fail(operation, result.error());
                return;
            }
            HttpResponse response;
            response.status = result->statusCode;
            response.setHeader("x-amzn-RequestId", result->requestId.toLatin1());
            if (result->statusCode == 200) {
                response.body = result->payload;
                response.setHeader("Content-Type", "application/json");
                response.setHeader("X-Amz-Executed-Version", result->executedVersion.toUtf8());
                if (!result->functionError.isEmpty())
                    response.setHeader("X-Amz-Function-Error", result->functionError.toLatin1());
                if (!result->logTail.isEmpty())
                    response.setHeader("X-Amz-Log-Result", result->logTail);
            }
            parked.send(operation, std::move(response));
        });
}

// Cloudbench's download of a version's deployment package (GetFunction's Code.Location).
void LambdaHandler::downloadCode(
    Responder &responder, const QString &function, const QString &version)
{
    const QString operation = u"GetFunctionCode"_s;
    const auto zip = m_service->functionCode(function, version);
    if (!zip) {
        responder.fail(operation, zip.error());
        return;
    }
    HttpResponse response;
    response.status = 200;
    response.body = *zip;
    response.setHeader("Content-Type", "application/zip");
    responder.send(operation, std::move(response));
}

// InvokeAsync (deprecated, still served by AWS): an Event invocation answered 202 {"Status": 202}.
void LambdaHandler::invokeAsync(
    const AwsRequest &request, Responder &responder, const QString &function)
{
    const QString operation = u"InvokeAsync"_s;
    Lambda::InvokeRequest invocation;
    invocation.functionName = function;
    invocation.type = Lambda::InvocationType::Event;
    invocation.invokeAsync = true;
    invocation.payload = request.http.bodyBytes();
    invocation.lineage =
        Tracing::lineageCount(QString::fromLatin1(request.http.header("x-amzn-trace-id")));
    Responder parked = responder;
    const QString requestId = request.requestId;
    m_service->invoke(invocation,
        [parked, operation, requestId](Result<Lambda::InvocationResult> result) mutable {
            if (!result) {
                parked.fail(operation, result.error());
                return;
            }
            parked.send(
                operation, RestJsonProtocol::json(202, QJsonObject{{u"Status"_s, 202}}, requestId));
        });
}

Reply LambdaHandler::createFunction(const Call &call)
{
    const QJsonObject &in = call.body;
    Lambda::CreateFunctionRequest request;
    request.functionName = in.value(u"FunctionName"_s).toString();
    request.runtime = in.value(u"Runtime"_s).toString();
    request.role = in.value(u"Role"_s).toString();
    request.handler = in.value(u"Handler"_s).toString();
    request.description = in.value(u"Description"_s).toString();
    request.timeout = optionalInt(in, u"Timeout"_s);
    request.memorySize = optionalInt(in, u"MemorySize"_s);
    request.environment = stringMap(in.value(u"Environment"_s).toObject().value(u"Variables"_s));
    request.publish = in.value(u"Publish"_s).toBool();
    request.tags = stringMap(in.value(u"Tags"_s));
    request.deadLetterTargetArn =
        in.value(u"DeadLetterConfig"_s).toObject().value(u"TargetArn"_s).toString();
    request.architecture = in.value(u"Architectures"_s).toArray().at(0).toString();
    request.ephemeralStorageMb = optionalInt(in.value(u"EphemeralStorage"_s).toObject(), u"Size"_s);
    request.layers = stringList(in.value(u"Layers"_s));
    const auto code = codeFrom(in.value(u"Code"_s).toObject());
    if (!code)
        return std::unexpected(code.error());
    request.zipFile = code->zipFile;
    request.s3Code = code->s3;
    return withConfig(m_service->createFunction(request), 201);
}

Reply LambdaHandler::getFunction(const Call &call)
{
    const QString qualifier = call.request.http.queryItem(u"Qualifier");
    const auto config = m_service->getFunctionConfiguration(call.captures.at(0), qualifier);
    if (!config)
        return std::unexpected(config.error());
    QJsonObject output{
        {u"Configuration"_s, wire(*config)},
        {u"Code"_s,
            QJsonObject{{u"RepositoryType"_s, u"S3"_s},
                {u"Location"_s, codeLocation(call.request, m_service->endpointUrl(), *config)}}},
    };
    if (const auto tags = m_service->listTags(config->functionName); tags && !tags->isEmpty()) {
        QJsonObject object;
        for (auto it = tags->cbegin(); it != tags->cend(); ++it)
            object.insert(it.key(), it.value());
        output.insert(u"Tags"_s, object);
    }
    if (const auto reserved = m_service->getFunctionConcurrency(config->functionName);
        reserved && *reserved)
        output.insert(
            u"Concurrency"_s, QJsonObject{{u"ReservedConcurrentExecutions"_s, **reserved}});
    return ok(200, output);
}

Reply LambdaHandler::getFunctionConfiguration(const Call &call)
{
    return withConfig(m_service->getFunctionConfiguration(
                          call.captures.at(0), call.request.http.queryItem(u"Qualifier")),
        200);
}

Reply LambdaHandler::listFunctions(const Call &call)
{
    QString nextMarker;
    std::optional<int> maxItems;
    if (call.request.http.hasQueryItem(u"MaxItems"))
        maxItems = call.request.http.queryItem(u"MaxItems").toInt();
    const auto page =
        m_service->listFunctions(call.request.http.queryItem(u"Marker"), maxItems, &nextMarker);
    if (!page)
        return std::unexpected(page.error());
    QJsonArray functions;
    for (const Lambda::FunctionConfiguration &config : *page)
        functions.append(wire(config));
    QJsonObject output{{u"Functions"_s, functions}};
    if (!nextMarker.isEmpty())
        output.insert(u"NextMarker"_s, nextMarker);
    return ok(200, output);
}

Reply LambdaHandler::updateFunctionCode(const Call &call)
{
    const auto code = codeFrom(call.body);
    if (!code)
        return std::unexpected(code.error());
    const QString function = call.captures.at(0);
    const bool publish = call.body.value(u"Publish"_s).toBool();
    const QString revisionId = call.body.value(u"RevisionId"_s).toString();
    if (!code->s3.isEmpty()) {
        if (!code->zipFile.isEmpty())
            return std::unexpected(Lambda::Errors::invalidParameter(
                u"Please do not provide other FunctionCode parameters when providing a ZipFile."_s));
        return withConfig(
            m_service->updateFunctionCode(function, code->s3, publish, revisionId), 200);
    }
    return withConfig(
        m_service->updateFunctionCode(function, code->zipFile, publish, revisionId), 200);
}

Reply LambdaHandler::updateFunctionConfiguration(const Call &call)
{
    const QJsonObject &in = call.body;
    Lambda::UpdateConfigurationRequest request;
    request.runtime = optionalString(in, u"Runtime"_s);
    request.role = optionalString(in, u"Role"_s);
    request.handler = optionalString(in, u"Handler"_s);
    request.description = optionalString(in, u"Description"_s);
    request.timeout = optionalInt(in, u"Timeout"_s);
    request.memorySize = optionalInt(in, u"MemorySize"_s);
    if (in.contains(u"Environment"_s))
        request.environment =
            stringMap(in.value(u"Environment"_s).toObject().value(u"Variables"_s));
    if (in.contains(u"DeadLetterConfig"_s))
        request.deadLetterTargetArn =
            in.value(u"DeadLetterConfig"_s).toObject().value(u"TargetArn"_s).toString();
    request.ephemeralStorageMb = optionalInt(in.value(u"EphemeralStorage"_s).toObject(), u"Size"_s);
    if (in.contains(u"Layers"_s))
        request.layers = stringList(in.value(u"Layers"_s));
    request.revisionId = in.value(u"RevisionId"_s).toString();
    return withConfig(m_service->updateFunctionConfiguration(call.captures.at(0), request), 200);
}

Reply LambdaHandler::deleteFunction(const Call &call)
{
    if (auto done = m_service->deleteFunction(
            call.captures.at(0), call.request.http.queryItem(u"Qualifier"));
        !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::publishVersion(const Call &call)
{
    return withConfig(m_service->publishVersion(call.captures.at(0),
                          call.body.value(u"Description"_s).toString(),
                          call.body.value(u"CodeSha256"_s).toString(),
                          call.body.value(u"RevisionId"_s).toString()),
        201);
}

Reply LambdaHandler::listVersionsByFunction(const Call &call)
{
    const auto versions = m_service->listVersionsByFunction(call.captures.at(0));
    if (!versions)
        return std::unexpected(versions.error());
    QJsonArray list;
    for (const Lambda::FunctionConfiguration &config : *versions)
        list.append(wire(config));
    return ok(200, QJsonObject{{u"Versions"_s, list}});
}

} // namespace Core::Api
