// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Core::Tracing {

// Lambda's recursive loop detection (LAM-*, "Lambda recursive loop detection"): AWS SDKs running
// in a function copy its _X_AMZN_TRACE_ID into the X-Amzn-Trace-Id header of their requests,
// and the header's Lineage field counts how many invocations the chain of events has caused so
// far. An event that would cause more than MaxInvocations is dropped.
inline constexpr int MaxInvocations = 16;

// The Lineage count of an X-Amzn-Trace-Id header ("Root=...;Lineage=a87bd80c:3" -> 3; the
// largest when several are listed with '|'); 0 when there is none.
int lineageCount(const QString &traceHeader);

// A trace header for an invocation that is the `count`th of its chain (Root with the engine
// clock's time, Parent, Sampled=0 and Lineage), as the function's _X_AMZN_TRACE_ID.
QString invocationTraceHeader(int count, qint64 nowMs);

} // namespace Core::Tracing
