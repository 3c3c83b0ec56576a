#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Fails when clang-format (with the repository's .clang-format) would change a C++ source."""
import os
import subprocess
import sys

FOLDERS = ("app", "core", "ui", "tests", "bench")


def main():
    clang_format, root = sys.argv[1], sys.argv[2]
    files = []
    for folder in FOLDERS:
        for base, dirs, names in os.walk(os.path.join(root, folder)):
            dirs[:] = [d for d in dirs if d not in ("node_modules", "out")]
            files += [os.path.join(base, n) for n in names if n.endswith((".cpp", ".h"))]
    bad = []
    for path in sorted(files):
        result = subprocess.run([clang_format, "--dry-run", "-Werror", path], cwd=root,
                                capture_output=True)
        if result.returncode != 0:
            bad.append(os.path.relpath(path, root))
    for path in bad:
        print("needs clang-format:", path)
    print(f"format: {len(files)} files checked, {len(bad)} need formatting")
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main())
