// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace Gui::Activity {

// Filters an ActivityModel by service, status class and a text matched against the operation
// and the error code. Sorts on ActivityModel::SortRole (numbers as numbers).
class ActivityFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityFilterProxy)

public:
    enum class StatusFilter {
        All,
        Errors,
        Success,
        ClientErrors,
        ServerErrors,
    };

    explicit ActivityFilterProxy(QObject *parent = nullptr);

    QString serviceFilter() const { return m_service; }
    // An id as the journal records it ("sqs"); empty shows every service.
    void setServiceFilter(const QString &serviceId);
    StatusFilter statusFilter() const { return m_status; }
    void setStatusFilter(StatusFilter filter);
    QString textFilter() const { return m_text; }
    void setTextFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_service;
    StatusFilter m_status = StatusFilter::All;
    QString m_text;
};

} // namespace Gui::Activity
