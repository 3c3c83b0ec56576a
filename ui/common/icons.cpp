// SPDX-License-Identifier: MIT
#include "ui/common/icons.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace Gui::Icons {

namespace {

constexpr int IconSizes[] = {16, 20, 24, 32, 48};

QByteArray coloredSvg(const QString &name, const QColor &color)
{
    QFile file(u":/icons/"_s + name + u".svg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    return svg;
}

void addPixmaps(QIcon &icon, const QByteArray &svg, QIcon::Mode mode)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return;
    for (const int size : IconSizes) {
        for (const qreal ratio : {1.0, 2.0}) {
            QPixmap pixmap(QSize(size, size) * ratio);
            pixmap.fill(Qt::transparent);
            {
                QPainter painter(&pixmap);
                painter.setRenderHint(QPainter::Antialiasing);
                renderer.render(&painter);
            }
            pixmap.setDevicePixelRatio(ratio);
            icon.addPixmap(pixmap, mode);
        }
    }
}

} // namespace

QPixmap pixmap(const QString &name, const QColor &color, int size, qreal devicePixelRatio)
{
    QSvgRenderer renderer(coloredSvg(name, color));
    QPixmap result(QSize(size, size) * devicePixelRatio);
    result.fill(Qt::transparent);
    if (renderer.isValid()) {
        QPainter painter(&result);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    result.setDevicePixelRatio(devicePixelRatio);
    return result;
}

QIcon icon(const QString &name, const QColor &color)
{
    QIcon result;
    addPixmaps(result, coloredSvg(name, color), QIcon::Normal);
    return result;
}

QIcon icon(const QString &name, const QColor &color, const QColor &activeColor)
{
    QIcon result;
    addPixmaps(result, coloredSvg(name, color), QIcon::Normal);
    const QByteArray active = coloredSvg(name, activeColor);
    addPixmaps(result, active, QIcon::Selected);
    addPixmaps(result, active, QIcon::Active);
    return result;
}

} // namespace Gui::Icons
