#!/usr/bin/env python3
"""Opens workbooks in LibreOffice with recalculation forced, and checks that every formula
recalculates to the value tonghop stored with it.

    python3 scripts/recalc-check.py outputs/2024-H1/*.xlsx

Needs LibreOffice (Debian: libreoffice-calc-nogui) and openpyxl (PyPI). Exit 0 when every
formula agrees, 1 otherwise. Not part of `make test`: LibreOffice is a large install.
"""
import os, subprocess, sys, tempfile
import openpyxl

PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

def main(paths):
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE_XCU)
    out = tempfile.mkdtemp(prefix="recalc-")
    failures = checked = 0
    for path in paths:
        subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "xlsx", "--outdir", out, path], check=True, capture_output=True)
        ours_f = openpyxl.load_workbook(path)                 # formulas
        ours_v = openpyxl.load_workbook(path, data_only=True) # the values tonghop stored
        theirs = openpyxl.load_workbook(os.path.join(out, os.path.basename(path)), data_only=True)
        for ws in ours_f.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        checked += 1
                        stored = ours_v[ws.title][cell.coordinate].value
                        recalculated = theirs[ws.title][cell.coordinate].value
                        if stored is None or recalculated is None or abs(float(stored) - float(recalculated)) > 1e-9:
                            failures += 1
                            print(f"{path} {ws.title}!{cell.coordinate} {cell.value}: stored {stored}, LibreOffice {recalculated}")
    print(f"{checked} formulas checked in {len(paths)} workbooks, {failures} differ")
    return 1 if failures or not checked else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
