// SPDX-License-Identifier: MIT
#include "core/api/handlers/servicehandler.h"

namespace Core::Api {

ServiceHandler::ServiceHandler(QObject *parent)
    : QObject(parent)
{}

} // namespace Core::Api
