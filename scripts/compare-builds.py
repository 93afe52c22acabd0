#!/usr/bin/env python3
"""Runs two builds of tonghop on the same inputs and compares everything they produce: every
workbook part by part, every CSV, error slip and export byte by byte, the JSON run summary and
the log without their clock times, the store's tables row by row (times and the build's own
identity left out), and what each command printed.

    scripts/compare-builds.py OLD NEW                      # the sample inputs/ of this checkout
    scripts/compare-builds.py OLD NEW --inputs bench/cache/vn-2024-*/inputs --period 2024

OLD and NEW are tonghop binaries (copy .build/release/tonghop aside before rebuilding).
Exit 0 when nothing differs; otherwise one line per difference, and exit 1.
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Columns that hold a clock time or the identity of the build that wrote them.
VOLATILE = {"run": {"startedAt", "finishedAt", "command", "summary"}, "inputFile": {"ingestedAt", "modifiedAt"},
            "writtenPeriod": {"madeWith", "writtenAt"}}
JSON_VOLATILE = {"startedAt", "finishedAt", "seconds", "paths", "command", "runId"}


def run(binary, home, inputs, periods):
    """Every command of the job, in a fresh home; returns {name: (exit code, output)}."""
    os.makedirs(os.path.join(home, "outputs"))
    os.symlink(os.path.join(ROOT, "templates"), os.path.join(home, "templates"))
    os.symlink(os.path.abspath(inputs), os.path.join(home, "inputs"))
    env = dict(os.environ, TONGHOP_TODAY="2026-11-23")
    printed = {}

    def cmd(name, *args):
        p = subprocess.run([binary, *args], cwd=home, env=env, capture_output=True, text=True)
        printed[name] = (p.returncode, (p.stdout + p.stderr).replace(home, "HOME"))

    period_args = [a for p in periods for a in ("--period", p)]
    cmd("run", "run", "--home", home, *period_args)
    cmd("run-again", "run", "--home", home, *period_args)
    for period in periods or ["2024", "2024-H1", "2025"]:
        for scope in ["VN", "35", "38", "24"]:
            cmd(f"export {period} {scope}", "export", "--home", home, "--period", period, "--scope", scope,
                "-o", os.path.join(home, "exports", f"{period}-{scope}.csv"))
        cmd(f"status {period}", "status", "--home", home, "--period", period)
        cmd(f"status {period} 35", "status", "--home", home, "--period", period, "--scope", "35")
        cmd(f"report {period} VN", "report", "--home", home, "--period", period, "--scope", "VN")
    cmd("history 13285", "history", "--home", home, "--unit", "13285")
    cmd("history 13285 2024", "history", "--home", home, "--unit", "13285", "--period", "2024")
    # `rollup` in a home of its own: it writes every report, where `run` writes the stale ones.
    rollup_home = os.path.join(home, "rollup-home")
    os.makedirs(rollup_home)
    for name in ("templates", "inputs"):
        os.symlink(os.path.join(home, name), os.path.join(rollup_home, name))
    p = subprocess.run([binary, "rollup", "--home", rollup_home, *period_args], cwd=home, env=env, capture_output=True, text=True)
    printed["rollup"] = (p.returncode, (p.stdout + p.stderr).replace(home, "HOME"))
    some = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(inputs) for f in fs)[:40]
    cmd("check", "check", "--home", home, *some)
    cmd("check en", "check", "--home", home, "--lang", "en", *some)
    return printed


def files(home):
    found = {}
    for base in ["outputs", "exports", "rollup-home/outputs"]:
        top = os.path.join(home, base)
        for dp, _, fs in os.walk(top):
            for f in fs:
                found[os.path.relpath(os.path.join(dp, f), home)] = os.path.join(dp, f)
    return found


def compare_file(name, a, b, out):
    if name.endswith(".xlsx"):
        za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
        pa, pb = set(za.namelist()), set(zb.namelist())
        for part in sorted(pa ^ pb):
            out.append(f"{name}: part {part} only in {'old' if part in pa else 'new'}")
        for part in sorted(pa & pb):
            if za.read(part) != zb.read(part):
                out.append(f"{name}: part {part} differs")
    elif os.path.basename(name) == "tonghop.log":
        def clean(p):
            text = open(p, encoding="utf-8").read().replace(os.path.dirname(os.path.dirname(os.path.dirname(p))), "HOME")
            return re.sub(r"^\S+ ", "", re.sub(r"seconds=[0-9.]+", "", text), flags=re.M)
        if clean(a) != clean(b):
            out.append(f"{name} differs (times left out)")
    elif name.endswith(".json"):
        def clean(p):
            def strip(x):
                if isinstance(x, dict):
                    return {k: strip(v) for k, v in x.items() if k not in JSON_VOLATILE}
                if isinstance(x, list):
                    return [strip(v) for v in x]
                return x
            return strip(json.load(open(p, encoding="utf-8")))
        if clean(a) != clean(b):
            out.append(f"{name} differs (times left out)")
    elif open(a, "rb").read() != open(b, "rb").read():
        out.append(f"{name} differs")


def store_rows(path, other):
    """Each table's rows, in the columns both stores have (a newer schema may add columns)."""
    db, db2 = sqlite3.connect(path), sqlite3.connect(other)
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'"
    tables = [r[0] for r in db.execute(query)]
    theirs_tables = {r[0] for r in db2.execute(query)}
    rows = {}
    for t in sorted(tables):
        if t not in theirs_tables:
            # A table a newer schema adds (the portal's accounts...): its rows, all columns.
            rows[t] = (["*"], db.execute(f"SELECT * FROM {t}").fetchall())
            continue
        theirs = {r[1] for r in db2.execute(f"PRAGMA table_info({t})")}
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({t})") if r[1] not in VOLATILE.get(t, set()) and r[1] in theirs]
        rows[t] = (cols, db.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY rowid").fetchall())
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--inputs", default=os.path.join(ROOT, "inputs"))
    parser.add_argument("--period", action="append", default=[])
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="tonghop-compare-")
    homes = {k: os.path.join(work, k) for k in ("old", "new")}
    printed = {k: run(os.path.abspath(getattr(args, k)), homes[k], args.inputs, args.period) for k in homes}
    out = []
    for name in printed["old"]:
        if printed["old"][name][0] != printed["new"][name][0]:
            out.append(f"`{name}` exit code {printed['old'][name][0]} → {printed['new'][name][0]}")
        clean = lambda s: re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "TIME", re.sub(r"\d+(\.\d+)? ?(s|giây)\b", "T", s))
        if clean(printed["old"][name][1]) != clean(printed["new"][name][1]):
            out.append(f"`{name}` printed something else")
    fa, fb = files(homes["old"]), files(homes["new"])
    for name in sorted(set(fa) ^ set(fb)):
        out.append(f"{name} only in {'old' if name in fa else 'new'}")
    for name in sorted(set(fa) & set(fb)):
        compare_file(name, fa[name], fb[name], out)
    a, b = os.path.join(homes["old"], "tonghop.sqlite"), os.path.join(homes["new"], "tonghop.sqlite")
    sa, sb = store_rows(a, b), store_rows(b, a)
    for t in sorted(set(sa) | set(sb)):
        if sa.get(t, (["*"], [])) != sb.get(t, (["*"], [])):
            out.append(f"store table {t} differs")
    for line in out:
        print(line)
    print(f"{len(fa)} files, {len(printed['old'])} commands, {len(sa)} store tables compared: "
          + ("identical" if not out else f"{len(out)} differences") + f" (homes in {work})")
    sys.exit(1 if out else 0)


main()
