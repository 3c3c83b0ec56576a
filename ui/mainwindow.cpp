// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include <QLabel>

namespace Gui {

MainWindow::MainWindow(const Context &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    setWindowTitle(tr("Cloudbench"));
    setCentralWidget(new QLabel(tr("Endpoint: %1").arg(context.endpointUrl), this));
}

MainWindow::~MainWindow() = default;

} // namespace Gui
