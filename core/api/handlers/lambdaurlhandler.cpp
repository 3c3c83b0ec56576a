// SPDX-License-Identifier: MIT
// LambdaHandler: function URL configs (Create/Get/Update/Delete/ListFunctionUrlConfigs) and the
// function URLs themselves (<url-id>.lambda-url.<region>.localhost), which invoke the function
// with a payload format 2.0 event and answer with what it returned.
#include "core/api/handlers/lambdahandler.h"

#include "core/api/handlers/functionurlevent.h"
#include "core/api/handlers/lambdawire.h"
#include "core/common/tracing.h"
#include "core/lambda/lambdaservice.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core::Api {

using namespace LambdaWire;

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz000Z"_s);
}

// FunctionUrlConfig on the wire; CreateFunctionUrlConfig's answer has no LastModifiedTime.
QJsonObject urlWire(const Lambda::FunctionUrlConfig &config, bool withModified = true)
{
    QJsonObject object{
        {u"FunctionUrl"_s, config.functionUrl},
        {u"FunctionArn"_s, config.functionArn},
        {u"AuthType"_s, config.authType},
        {u"CreationTime"_s, isoTime(config.creationMs)},
        {u"InvokeMode"_s, config.invokeMode},
    };
    if (withModified)
        object.insert(u"LastModifiedTime"_s, isoTime(config.lastModifiedMs));
    if (!config.cors.isEmpty())
        object.insert(u"Cors"_s, config.cors);
    return object;
}

Lambda::FunctionUrlChanges changesFrom(const QJsonObject &body)
{
    Lambda::FunctionUrlChanges changes;
    changes.authType = optionalString(body, u"AuthType"_s);
    changes.invokeMode = optionalString(body, u"InvokeMode"_s);
    if (body.contains(u"Cors"_s))
        changes.cors = body.value(u"Cors"_s).toObject();
    return changes;
}

} // namespace

Reply LambdaHandler::createFunctionUrlConfig(const Call &call)
{
    const auto config = m_service->createFunctionUrlConfig(
        call.captures.at(0), call.request.http.queryItem(u"Qualifier"), changesFrom(call.body));
    if (!config)
        return std::unexpected(config.error());
    return ok(201, urlWire(*config, false));
}

Reply LambdaHandler::getFunctionUrlConfig(const Call &call)
{
    const auto config = m_service->getFunctionUrlConfig(
        call.captures.at(0), call.request.http.queryItem(u"Qualifier"));
    if (!config)
        return std::unexpected(config.error());
    return ok(200, urlWire(*config));
}

Reply LambdaHandler::updateFunctionUrlConfig(const Call &call)
{
    const auto config = m_service->updateFunctionUrlConfig(
        call.captures.at(0), call.request.http.queryItem(u"Qualifier"), changesFrom(call.body));
    if (!config)
        return std::unexpected(config.error());
    return ok(200, urlWire(*config));
}

Reply LambdaHandler::deleteFunctionUrlConfig(const Call &call)
{
    if (auto done = m_service->deleteFunctionUrlConfig(
            call.captures.at(0), call.request.http.queryItem(u"Qualifier"));
        !done)
        return std::unexpected(done.error());
    return ok(204);
}

Reply LambdaHandler::listFunctionUrlConfigs(const Call &call)
{
    std::optional<int> maxItems;
    if (call.request.http.hasQueryItem(u"MaxItems"))
        maxItems = call.request.http.queryItem(u"MaxItems").toInt();
    QString nextMarker;
    const auto configs = m_service->listFunctionUrlConfigs(
        call.captures.at(0), call.request.http.queryItem(u"Marker"), maxItems, &nextMarker);
    if (!configs)
        return std::unexpected(configs.error());
    QJsonArray list;
    for (const Lambda::FunctionUrlConfig &config : *configs)
        list.append(urlWire(config));
    QJsonObject output{{u"FunctionUrlConfigs"_s, list}};
    if (!nextMarker.isEmpty())
        output.insert(u"NextMarker"_s, nextMarker);
    return ok(200, output);
}

// A request to a function URL: AWS_IAM wants a SigV4 signature for the lambda service (as
// everywhere in Cloudbench, the signature itself is not verified), NONE lets anyone in. The
// function runs as a synchronous Invoke of the URL's qualifier; the connection stays parked
// until it answers.
void LambdaHandler::serveFunctionUrl(
    const AwsRequest &request, Responder &responder, const QString &urlId)
{
    const QString operation = u"InvokeFunctionUrl"_s;
    const auto config = m_service->functionUrlById(urlId);
    if (!config) {
        responder.send(operation, FunctionUrlEvent::message(403, u"Forbidden"_s));
        return;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    const auto answer = [service = m_service,
                            config = *config,
                            request = request.http,
                            elapsed,
                            requestId = request.requestId,
                            operation](
                            Responder &to, HttpResponse response, bool preflight = false) {
        if (!preflight)
            FunctionUrlEvent::applyCors(request, config.cors, response);
        response.setHeader("x-amzn-RequestId", requestId.toLatin1());
        service->recordUrlRequest(config, response.status, double(elapsed.nsecsElapsed()) / 1e6);
        to.send(operation, std::move(response));
    };
    if (FunctionUrlEvent::isPreflight(request.http, config->cors)) {
        answer(responder, FunctionUrlEvent::preflight(request.http, config->cors), true);
        return;
    }
    const auto &scope = request.route.scope;
    const bool signedForLambda = scope && scope->service == u"lambda"_s;
    if (config->authType != u"NONE"_s && !signedForLambda) {
        answer(responder, FunctionUrlEvent::message(403, u"Forbidden"_s));
        return;
    }
    FunctionUrlEvent::Context context;
    context.urlId = urlId;
    context.accountId = config->authType == u"NONE"_s ? u"anonymous"_s : m_service->accountId();
    if (signedForLambda) {
        context.accessKeyId = scope->accessKeyId;
        context.callerAccountId = m_service->accountId();
    }
    context.requestId = request.requestId;
    context.timeMs = request.receivedAtMs;
    Lambda::InvokeRequest invocation;
    invocation.functionName = config->functionName;
    invocation.qualifier = config->qualifier;
    invocation.payload = QJsonDocument(FunctionUrlEvent::event(request.http, context))
                             .toJson(QJsonDocument::Compact);
    invocation.lineage =
        Tracing::lineageCount(QString::fromLatin1(request.http.header("x-amzn-trace-id")));
    Responder parked = responder;
    m_service->invoke(
        invocation, [parked, answer](Result<Lambda::InvocationResult> result) mutable {
            if (!result) {
                const AwsError &error = result.error();
                if (error.httpStatus == 429)
                    return answer(parked, FunctionUrlEvent::message(429, u"Rate Exceeded."_s));
                if (error.httpStatus == 413)
                    return answer(
                        parked, FunctionUrlEvent::message(413, u"Request Entity Too Large"_s));
                return answer(parked, FunctionUrlEvent::message(502, u"Internal Server Error"_s));
            }
            if (!result->functionError.isEmpty())
                return answer(parked, FunctionUrlEvent::message(502, u"Internal Server Error"_s));
            answer(parked, FunctionUrlEvent::response(result->payload));
        });
}

} // namespace Core::Api
