// SPDX-License-Identifier: MIT
#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcCore, "cloudbench.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "cloudbench.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "cloudbench.api", QtInfoMsg)
