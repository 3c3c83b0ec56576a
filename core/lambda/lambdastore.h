// SPDX-License-Identifier: MIT
#pragma once

#include "core/lambda/functionurl.h"
#include "core/lambda/lambdatypes.h"

#include <QJsonObject>

#include <optional>

namespace Core::Storage {
class Database;
}

namespace Core::Lambda {

// An asynchronous invocation waiting in the queue (lambda_event_queue).
struct StoredEvent
{
    QString requestId;
    QString functionName;
    QString qualifier;
    QByteArray payload;
    int attempts = 0;
    qint64 enqueuedMs = 0;
    qint64 dueMs = 0;
};

// The only SQL touching the lambda_* tables. Core thread, inside the caller's transaction.
class LambdaStore final
{
public:
    enum class Document {
        Tags,
        Policy,
    };

    explicit LambdaStore(const Storage::Database &database);

    bool insertFunction(const QString &name, qint64 createdMs);
    bool deleteFunction(const QString &name);
    bool functionExists(const QString &name) const;
    int nextVersionNumber(const QString &name);

    bool putVersion(const FunctionConfiguration &config);
    bool deleteVersion(const QString &name, const QString &version);
    std::optional<FunctionConfiguration> version(const QString &name, const QString &version) const;
    QList<FunctionConfiguration> versions(const QString &name) const;
    // $LATEST of the functions whose name sorts after `after`.
    QList<FunctionConfiguration> latest(const QString &after, int limit) const;

    std::optional<int> reservedConcurrency(const QString &name) const;
    // Allow or Terminate (the default); empty for a missing function.
    QString recursiveLoop(const QString &name) const;
    bool setRecursiveLoop(const QString &name, const QString &value);
    void setReservedConcurrency(const QString &name, std::optional<int> value);
    qint64 totalReservedConcurrency(const QString &exceptName) const;
    int functionCount() const;
    // CodeSize summed over every version, $LATEST and published (each keeps its own package).
    qint64 totalCodeSize() const;

    QJsonObject document(const QString &name, Document which) const;
    void setDocument(const QString &name, Document which, const QJsonObject &value);

    // Asynchronous invocation configs, keyed by qualifier ($LATEST, a version or an alias).
    QJsonObject eventInvokeConfig(const QString &name, const QString &qualifier) const;
    bool putEventInvokeConfig(
        const QString &name, const QString &qualifier, const QJsonObject &config);
    bool deleteEventInvokeConfig(const QString &name, const QString &qualifier);
    // (qualifier, config) of one function, by qualifier.
    QList<std::pair<QString, QJsonObject>> eventInvokeConfigs(const QString &name) const;

    // Function URLs (lambdaurlstore.cpp), keyed by qualifier ($LATEST or an alias) or url id.
    bool putFunctionUrl(const FunctionUrlConfig &config);
    bool deleteFunctionUrl(const QString &function, const QString &qualifier);
    std::optional<FunctionUrlConfig> functionUrl(
        const QString &function, const QString &qualifier) const;
    std::optional<FunctionUrlConfig> functionUrlById(const QString &urlId) const;
    QList<FunctionUrlConfig> functionUrls(const QString &function) const;

    bool putAlias(const QString &function, const AliasConfiguration &alias);
    bool deleteAlias(const QString &function, const QString &alias);
    std::optional<AliasConfiguration> alias(const QString &function, const QString &alias) const;
    QList<AliasConfiguration> aliases(const QString &function) const;

    bool putMapping(const QString &uuid, const QString &function, const QJsonObject &config);
    bool deleteMapping(const QString &uuid);
    std::optional<QJsonObject> mapping(const QString &uuid) const;
    // All mappings, or those of one function.
    QList<QJsonObject> mappings(const QString &function) const;

    void insertInvocation(const InvocationRecord &record);
    QList<InvocationRecord> recentInvocations(const QString &function, int limit) const;
    void insertEventFailure(const QString &function,
        qint64 timeMs,
        const QString &requestId,
        const QString &destination,
        const QByteArray &payload,
        const QString &error);
    int eventFailureCount(const QString &function) const;

    // Inserts or replaces (attempts, due time) a queued asynchronous invocation.
    bool putQueuedEvent(const StoredEvent &event);
    bool deleteQueuedEvent(const QString &requestId);
    QList<StoredEvent> queuedEvents() const;

    // The console's saved test events: (name, event JSON), by name.
    bool putTestEvent(
        const QString &function, const QString &name, const QString &event, qint64 ms);
    bool deleteTestEvent(const QString &function, const QString &name);
    QList<std::pair<QString, QString>> testEvents(const QString &function) const;

private:
    const Storage::Database &m_database;
};

} // namespace Core::Lambda
