#!/usr/bin/python3
"""Checks that every row of tonghop's workbooks is tall enough for its wrapped text, the way
LibreOffice lays it out: each workbook is opened in a headless LibreOffice, and each row's height
is compared with the height LibreOffice finds optimal for its cells ("Optimal Row Height").

    /usr/bin/python3 scripts/row-height-check.py outputs/2024/*.xlsx

Needs Debian's libreoffice-calc-nogui and python3-uno (the system Python: UNO is not on PyPI).
Exit code 1, and one line per row cut short, when a row would cut its text on paper.
"""
import os
import sys

import uno
from headless_office import connect, prop, stop

# 1/100 mm: a row may be this much shorter than LibreOffice's optimum (rounding of points).
TOLERANCE = 40


def check(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    short = []
    try:
        sheets = doc.Sheets
        for i in range(sheets.Count):
            sheet = sheets.getByIndex(i)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last_row = cursor.RangeAddress.EndRow
            last_col = cursor.RangeAddress.EndColumn
            rows = sheet.Rows
            for r in range(last_row + 1):
                row = rows.getByIndex(r)
                height = row.Height
                row.OptimalHeight = True
                optimal = row.Height
                if optimal > height + TOLERANCE:
                    texts = [sheet.getCellByPosition(c, r).String for c in range(last_col + 1)]
                    longest = max(texts, key=len)
                    short.append("%s, trang %s, dòng %d: cao %.1f pt, cần %.1f pt — \"%s\""
                                 % (os.path.basename(path), sheet.Name, r + 1, height / 35.28, optimal / 35.28, longest[:80]))
    finally:
        doc.close(True)
    return short


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit(__doc__)
    office, desktop = connect()
    problems = []
    try:
        for path in paths:
            problems += check(desktop, path)
    finally:
        stop(office, desktop)
    for p in problems:
        print(p)
    print("%d bảng tính, %d dòng thiếu chiều cao." % (len(paths), len(problems)))
    sys.exit(1 if problems else 0)


main()
