// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace Gui::Icons {

// The line icons in resources/icons are drawn with stroke="currentColor"; these helpers render
// one in the colour a surface needs (light on the dark navigator, dark on a page), sharp at the
// screen's device pixel ratio. name is the file name without ".svg", e.g. u"buckets"_s.
QPixmap pixmap(const QString &name, const QColor &color, int size, qreal devicePixelRatio = 1.0);
QIcon icon(const QString &name, const QColor &color);
// Normal state in `color`, Selected and Active states in `activeColor`.
QIcon icon(const QString &name, const QColor &color, const QColor &activeColor);

} // namespace Gui::Icons
