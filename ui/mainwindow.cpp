// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "ui/s3/bucketspane.h"

#include <QLabel>

namespace Gui {

MainWindow::MainWindow(const Context &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    setWindowTitle(tr("Cloudbench"));
    if (context.s3) {
        auto *buckets = new S3::BucketsPane(context.s3, this);
        buckets->setEndpointUrl(context.endpointUrl);
        setCentralWidget(buckets);
        resize(1280, 760);
    } else {
        setCentralWidget(new QLabel(tr("Endpoint: %1").arg(context.endpointUrl), this));
    }
}

MainWindow::~MainWindow() = default;

} // namespace Gui
