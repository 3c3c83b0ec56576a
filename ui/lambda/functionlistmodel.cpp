// SPDX-License-Identifier: MIT
#include "ui/lambda/functionlistmodel.h"

#include <QDateTime>
#include <QLocale>

namespace Gui::Lambda {

FunctionListModel::FunctionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int FunctionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_functions.size());
}

int FunctionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FunctionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Core::Lambda::FunctionConfiguration &function = m_functions.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return function.functionName;
        case Runtime:
            return function.runtime;
        case LastModified:
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(function.lastModifiedMs), QLocale::ShortFormat);
        case CodeSize:
            return QLocale().formattedDataSize(function.codeSize);
        case State:
            return function.state;
        }
    } else if (role == Qt::UserRole) {
        switch (index.column()) {
        case LastModified:
            return function.lastModifiedMs;
        case CodeSize:
            return function.codeSize;
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::ToolTipRole && index.column() == Name) {
        return function.functionArn;
    }
    return {};
}

QVariant FunctionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Function name");
    case Runtime:
        return tr("Runtime");
    case LastModified:
        return tr("Last modified");
    case CodeSize:
        return tr("Code size");
    case State:
        return tr("State");
    }
    return {};
}

void FunctionListModel::setFunctions(const QList<Core::Lambda::FunctionConfiguration> &functions)
{
    // Remove rows that are gone, update the ones that stay, insert the new ones (sorted by name
    // on both sides, as ListFunctions returns them).
    for (int row = int(m_functions.size()) - 1; row >= 0; --row) {
        const QString &name = m_functions.at(row).functionName;
        const bool kept = std::any_of(functions.cbegin(), functions.cend(), [&](const auto &f) {
            return f.functionName == name;
        });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_functions.removeAt(row);
            endRemoveRows();
        }
    }
    for (const Core::Lambda::FunctionConfiguration &function : functions) {
        const int existing = rowOf(function.functionName);
        if (existing >= 0) {
            m_functions[existing] = function;
            emit dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
            continue;
        }
        int row = 0;
        while (row < m_functions.size() && m_functions.at(row).functionName < function.functionName)
            ++row;
        beginInsertRows({}, row, row);
        m_functions.insert(row, function);
        endInsertRows();
    }
}

const Core::Lambda::FunctionConfiguration *FunctionListModel::function(int row) const
{
    if (row < 0 || row >= m_functions.size())
        return nullptr;
    return &m_functions.at(row);
}

int FunctionListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_functions.size(); ++row) {
        if (m_functions.at(row).functionName == name)
            return row;
    }
    return -1;
}

} // namespace Gui::Lambda
