#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The layering rules of STYLE.md section 2, checked by grepping includes.

- core/ never includes QtGui or QtWidgets headers, nor anything from ui/ or app/;
  its CMake target links no Gui or Widgets.
- ui/ never includes core/storage/, core/api/, core/engine.h or a service's *store.h.
- core/api/handlers/ never include a store, core/storage/ or QtSql.
Runs a self-test on a synthetic tree first, so a checker that stopped finding anything fails.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
QT_DIR = "/usr/include/x86_64-linux-gnu/qt6"


def qt_headers(module):
    folder = os.path.join(QT_DIR, module)
    names = {module}
    if os.path.isdir(folder):
        names.update(n for n in os.listdir(folder) if not n.endswith(".h") or n.startswith("q"))
    return names


GUI_HEADERS = qt_headers("QtGui") | qt_headers("QtWidgets")


def sources(root, folder):
    for base, _, files in os.walk(os.path.join(root, folder)):
        for name in files:
            if name.endswith((".h", ".cpp")):
                yield os.path.join(base, name)


def check(root):
    problems = []
    for path in sources(root, "core"):
        rel = os.path.relpath(path, root)
        for inc in INCLUDE.findall(open(path, encoding="utf-8", errors="replace").read()):
            head = inc.split("/")[0]
            leaf = inc.split("/")[-1]
            if head in ("QtGui", "QtWidgets") or (("/" not in inc) and leaf in GUI_HEADERS
                                                  and leaf.startswith("Q")):
                problems.append(f"{rel}: core/ includes the GUI header {inc}")
            if inc.startswith(("ui/", "app/")):
                problems.append(f"{rel}: core/ includes {inc}")
            if rel.startswith(os.path.join("core", "api", "handlers")):
                if inc.startswith("core/storage/") or inc.endswith("store.h") or inc.startswith("QSql"):
                    problems.append(f"{rel}: a handler includes {inc} (handlers call services only)")
    cmake = os.path.join(root, "core", "CMakeLists.txt")
    if os.path.exists(cmake) and re.search(r"Qt6::(Gui|Widgets)", open(cmake).read()):
        problems.append("core/CMakeLists.txt: cb_core links Qt6::Gui or Qt6::Widgets")
    for path in sources(root, "ui"):
        rel = os.path.relpath(path, root)
        for inc in INCLUDE.findall(open(path, encoding="utf-8", errors="replace").read()):
            if inc.startswith(("core/storage/", "core/api/")) or inc == "core/engine.h" \
                    or (inc.startswith("core/") and inc.endswith("store.h")):
                problems.append(f"{rel}: ui/ includes {inc}")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        files = {
            "core/s3/bad.cpp": '#include <QWidget>\n#include "ui/mainwindow.h"\n',
            "core/api/handlers/badhandler.cpp": '#include "core/s3/s3store.h"\n#include <QSqlQuery>\n',
            "core/CMakeLists.txt": "target_link_libraries(cb_core PUBLIC Qt6::Widgets)\n",
            "ui/s3/pane.cpp": '#include "core/storage/database.h"\n#include "core/api/dispatcher.h"\n',
            "core/s3/good.cpp": '#include <QString>\n#include "core/common/clock.h"\n',
            "ui/s3/good.cpp": '#include "core/s3/s3service.h"\n#include <QWidget>\n',
        }
        for rel, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(text)
        found = check(root)
        expected = 7
        if len(found) != expected or any("good.cpp" in p for p in found):
            print("layering self-test failed; found:", *found, sep="\n  ")
            return False
    return True


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    if not self_test():
        return 1
    problems = check(root)
    for problem in problems:
        print(problem)
    print(f"layering: {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
