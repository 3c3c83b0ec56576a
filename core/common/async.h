// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <type_traits>
#include <utility>

namespace Core {

// Runs work() on the thread of `target` (a service on the core thread) and hands its result to
// then() on the thread of `context` (a pane on the GUI thread). If the context object is gone by
// then, the result is dropped. Never blocks either thread.
template<typename Work, typename Then>
void callAsync(QObject *target, QObject *context, Work work, Then then)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        target,
        [guard, work = std::move(work), then = std::move(then)]() mutable {
            if constexpr (std::is_void_v<std::invoke_result_t<Work>>) {
                work();
                if (guard)
                    QMetaObject::invokeMethod(guard.data(), std::move(then), Qt::QueuedConnection);
            } else {
                auto result = work();
                if (guard) {
                    QMetaObject::invokeMethod(
                        guard.data(),
                        [then = std::move(then), result = std::move(result)]() mutable {
                            then(std::move(result));
                        },
                        Qt::QueuedConnection);
                }
            }
        },
        Qt::QueuedConnection);
}

} // namespace Core
