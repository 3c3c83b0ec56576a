// SPDX-License-Identifier: MIT
#include "ui/activity/activityfilterproxy.h"

#include "ui/activity/activitymodel.h"

namespace Gui::Activity {

namespace {

bool statusMatches(ActivityFilterProxy::StatusFilter filter, int status)
{
    switch (filter) {
    case ActivityFilterProxy::StatusFilter::All:
        return true;
    case ActivityFilterProxy::StatusFilter::Errors:
        return status >= 400;
    case ActivityFilterProxy::StatusFilter::Success:
        return status >= 200 && status < 300;
    case ActivityFilterProxy::StatusFilter::ClientErrors:
        return status >= 400 && status < 500;
    case ActivityFilterProxy::StatusFilter::ServerErrors:
        return status >= 500 && status < 600;
    }
    return true;
}

} // namespace

ActivityFilterProxy::ActivityFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ActivityModel::SortRole);
}

void ActivityFilterProxy::setServiceFilter(const QString &serviceId)
{
    if (m_service == serviceId)
        return;
    m_service = serviceId;
    invalidateRowsFilter();
}

void ActivityFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (m_status == filter)
        return;
    m_status = filter;
    invalidateRowsFilter();
}

void ActivityFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool ActivityFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_service.isEmpty() && index.data(ActivityModel::ServiceIdRole).toString() != m_service)
        return false;
    if (!statusMatches(m_status, index.data(ActivityModel::StatusCodeRole).toInt()))
        return false;
    if (m_text.isEmpty())
        return true;
    return index.data(ActivityModel::OperationRole).toString().contains(m_text, Qt::CaseInsensitive)
        || index.data(ActivityModel::ErrorCodeRole)
               .toString()
               .contains(m_text, Qt::CaseInsensitive);
}

} // namespace Gui::Activity
