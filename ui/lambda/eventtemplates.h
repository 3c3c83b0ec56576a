// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Gui::Lambda {

// Test event templates in the shapes AWS services send (the console's Test tab list), and the
// hello-world code a new function starts with.
struct EventTemplate
{
    QString name;
    QString json;
};

QList<EventTemplate> eventTemplates();
// File name and source of the hello-world handler for a runtime ("python3.12", "nodejs20.x").
std::pair<QString, QString> helloWorld(const QString &runtime);

} // namespace Gui::Lambda
