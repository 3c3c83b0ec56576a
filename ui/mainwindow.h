// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

namespace Core::Journal {
class JournalService;
}
namespace Core::S3 {
class S3Service;
}

namespace Gui {

// The console window. Placeholder shell; the full console lands with the UI work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Context
    {
        Core::Journal::JournalService *journal = nullptr;
        Core::S3::S3Service *s3 = nullptr;
        QString endpointUrl;
        QString stateDir;
        QString region;
    };

    explicit MainWindow(const Context &context, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    Context m_context;
};

} // namespace Gui
