// SPDX-License-Identifier: MIT
#include "ui/common/endpointsetupdialog.h"

#include "ui/common/codesnippet.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QWidget *tab(QWidget *parent, const QList<std::pair<QString, QString>> &steps)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(8);
    for (const auto &[text, code] : steps) {
        if (layout->count() > 0)
            layout->addSpacing(6);
        layout->addWidget(caption(text, page));
        layout->addWidget(new CodeSnippet(code, page));
    }
    layout->addStretch(1);
    return page;
}

} // namespace

EndpointSetupDialog::EndpointSetupDialog(
    const QString &endpointUrl, const QString &region, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Endpoint set-up"));

    auto *intro = new QLabel(tr("Cloudbench answers AWS API calls at <b>%1</b>. Point your "
                                "tools at it; any access key and secret are accepted, the "
                                "account is 000000000000.")
                                 .arg(endpointUrl.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(
        tab(tabs,
            {
                {tr("Store dummy credentials and the region once:"), cliConfiguration(region)},
                {tr("Point the CLI and the SDKs at Cloudbench in this shell (AWS CLI "
                    "2.13 or later, recent SDKs):"),
                    cliEnvironment(endpointUrl)},
                {tr("Or name the endpoint in each command, which works with every "
                    "version:"),
                    cliExample(endpointUrl)},
            }),
        tr("AWS CLI"));
    tabs->addTab(
        tab(tabs,
            {
                {tr("Create clients with the endpoint URL:"), pythonExample(endpointUrl, region)},
            }),
        tr("Python (boto3)"));
    tabs->addTab(tab(tabs,
                     {
                         {tr("Create clients with the endpoint; S3 clients also need "
                             "forcePathStyle: true."),
                             javaScriptExample(endpointUrl, region)},
                     }),
        tr("JavaScript (SDK v3)"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(680, 460);
}

QStringList EndpointSetupDialog::snippets() const
{
    QStringList codes;
    const QList<CodeSnippet *> boxes = findChildren<CodeSnippet *>();
    for (const CodeSnippet *box : boxes)
        codes.append(box->code());
    return codes;
}

QString EndpointSetupDialog::cliConfiguration(const QString &region)
{
    return u"aws configure set aws_access_key_id test\n"
           u"aws configure set aws_secret_access_key test\n"
           u"aws configure set region %1"_s.arg(region);
}

QString EndpointSetupDialog::cliEnvironment(const QString &endpointUrl)
{
    return u"export AWS_ENDPOINT_URL=%1"_s.arg(endpointUrl);
}

QString EndpointSetupDialog::cliExample(const QString &endpointUrl)
{
    return u"aws --endpoint-url %1 sts get-caller-identity"_s.arg(endpointUrl);
}

QString EndpointSetupDialog::pythonExample(const QString &endpointUrl, const QString &region)
{
    return uR"(import boto3

session = boto3.Session(
    aws_access_key_id="test",
    aws_secret_access_key="test",
    region_name="%2",
)
sts = session.client("sts", endpoint_url="%1")
print(sts.get_caller_identity()["Account"])
)"_s.arg(endpointUrl, region)
        .trimmed();
}

QString EndpointSetupDialog::javaScriptExample(const QString &endpointUrl, const QString &region)
{
    return uR"(import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";

const sts = new STSClient({
  endpoint: "%1",
  region: "%2",
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});
const identity = await sts.send(new GetCallerIdentityCommand({}));
console.log(identity.Account);
)"_s.arg(endpointUrl, region)
        .trimmed();
}

} // namespace Gui
