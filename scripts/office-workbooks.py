#!/usr/bin/python3
"""Makes workbooks the way an office does: a headless LibreOffice opens CSV files as Calc opens
them (numbers become numbers, dates dates), gathers them as the sheets of one workbook, beside
sheets typed cell by cell (a cover page, instructions), and saves it as .xlsx, .xls or .ods, as
the file's name says, or its first sheet as CSV UTF-8 (.csv).

    /usr/bin/python3 scripts/office-workbooks.py spec.json

spec.json lists the workbooks:

    [{"out": "/tmp/huyen-347.xls",
      "sheets": [{"name": "Bìa", "rows": [["BÁO CÁO"], ["Ngày", 45455]]},
                 {"name": "Xã 13285", "csv": "/tmp/13285.csv"},
                 {"name": "Trống", "rows": []}]}]

A row's numbers are typed as numbers, its strings as text, a string starting with "=" as a
formula (LibreOffice computes it, and saves its result with it). A CSV sheet's "options" are
LibreOffice's CSV import options (default "44,34,76,1": comma, double quote, UTF-8, from line
1); the third is the character set the file is opened in, and "44,34,12,1" (Latin-1; 1 is
Windows-1252, 40 Windows-1258) garbles a UTF-8 form as a clerk's computer does when nobody
chooses it. Needs Debian's libreoffice-calc-nogui and python3-uno (the system Python: UNO is
not on PyPI). Used by the end-to-end tests (OfficeWorkbookEndToEndTests) and to make
Tests/TonghopIngestTests/Inputs/*.xls.
"""
import json
import os
import sys

import uno
from headless_office import connect, prop, stop
from com.sun.star.sheet.SheetLinkMode import NONE as NO_LINK, VALUE as VALUES

# LibreOffice's export filters by extension.
FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".xls": "MS Excel 97", ".ods": "calc8", ".csv": "Text - txt - csv (StarCalc)"}
# CSV as Excel's "CSV UTF-8": comma, double quote, UTF-8 (76), from line 1.
CSV_OPTIONS = "44,34,76,1"


def make(desktop, spec):
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    try:
        sheets = doc.Sheets
        # The new document's own sheet ("Sheet1", or its translation) is renamed out of the way
        # first: a spec may name a sheet so, and a name cannot be inserted twice.
        blank = []
        for n, existing in enumerate(list(sheets.ElementNames)):
            sheets.getByName(existing).Name = "tonghop-blank-%d" % n
            blank.append("tonghop-blank-%d" % n)
        for position, sheet in enumerate(spec["sheets"]):
            name = sheet["name"]
            if "csv" in sheet:
                # Calc's own CSV import into the sheet (as File > Sheet from file does), its
                # values kept and the link dropped. Opening the CSV as a document of its own and
                # importing its sheet made LibreOffice die now and then while closing it.
                url = uno.systemPathToFileUrl(os.path.abspath(sheet["csv"]))
                sheets.insertNewByName(name, position)
                target = sheets.getByName(name)
                target.link(url, "", "Text - txt - csv (StarCalc)", sheet.get("options", CSV_OPTIONS), VALUES)
                target.setLinkMode(NO_LINK)
            else:
                sheets.insertNewByName(name, position)
                target = sheets.getByName(name)
                for r, row in enumerate(sheet.get("rows", [])):
                    for c, value in enumerate(row):
                        cell = target.getCellByPosition(c, r)
                        if isinstance(value, (int, float)) and not isinstance(value, bool):
                            cell.Value = value
                        elif isinstance(value, str) and value.startswith("="):
                            cell.Formula = value
                        elif value is not None:
                            cell.String = value
        for name in blank:
            sheets.removeByName(name)
        out = os.path.abspath(spec["out"])
        extension = os.path.splitext(out)[1].lower()
        store = (prop("FilterName", FILTERS[extension]),)
        if extension == ".csv":
            # Comma, double quote, UTF-8.
            store += (prop("FilterOptions", "44,34,76"),)
        doc.storeToURL(uno.systemPathToFileUrl(out), store)
    finally:
        doc.close(True)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        specs = json.load(f)
    office, desktop = connect()
    try:
        for spec in specs:
            # LibreOffice now and then dies while closing an imported CSV ("Binary URP bridge
            # disposed"), more often on a loaded machine: the workbook is made again by a new
            # LibreOffice, once. What is tested is tonghop reading the file, not this crash.
            try:
                make(desktop, spec)
            except Exception as first:
                print("LibreOffice failed (%s); starting it again" % first.__class__.__name__, file=sys.stderr)
                stop(office, desktop)
                office, desktop = connect()
                make(desktop, spec)
    finally:
        stop(office, desktop)


if __name__ == "__main__":
    main()
