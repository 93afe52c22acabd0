#!/usr/bin/env python3
"""Load and faults on loopback (run by `make test`): eight clients upload Hà Nam's sample year
(2024, every quarter, half, year and the June action month: some 460 files) through the API at
once; the server is killed with SIGKILL in the middle; restarted, the unanswered files are
sent again — with cron's `tonghop run` on the same store meanwhile. Then:

  - every file is answered, every answer 200, and each upload answered before the kill is in
    the store (nothing answered is lost);
  - the store is sound (PRAGMA integrity_check, foreign_key_check), and no temporary file is
    left under inputs/tai-len/ or outputs/ (no half-written file);
  - every file kept under inputs/tai-len/ holds the bytes of a file sent;
  - the figures the API exports equal those of a `tonghop rollup` of the same files dropped into
    another home's inputs/ (quarters, halves, the year), and the province's CSV the server
    rewrote in the background equals the rollup's.

usage: portal-load-test.py [--binary .build/debug/tonghop] [--seed N]
"""
import argparse
import difflib
import hashlib
import http.client
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = "inputs/2024/35-ha-nam"
CLIENTS = 8
PERIODS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-H1", "2024-H2", "2024"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, *args, input=None, ok=(0,)):
    p = subprocess.run([binary, *args], input=input, capture_output=True, text=True)
    assert p.returncode in ok, f"tonghop {' '.join(args)}: exit {p.returncode}\n{p.stderr}"
    return p


class Server:
    def __init__(self, binary, home, port, log):
        self.binary, self.home, self.port, self.log = binary, home, port, log
        self.process = None

    def start(self):
        self.process = subprocess.Popen([self.binary, "serve", "--home", self.home, "--listen", f"127.0.0.1:{self.port}"],
                                        stdout=self.log, stderr=self.log)
        for _ in range(200):
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                c.request("GET", "/")
                c.getresponse().read()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=60)
        assert code == 0, f"the server stops cleanly on SIGTERM (exit {code})"


def upload(port, token, path, data):
    """POST /api/v1/files; (status, JSON) or None when the connection failed."""
    boundary = uuid.uuid4().hex
    name = os.path.basename(path)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        c.request("POST", "/api/v1/files", body=body,
                  headers={"Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
        r = c.getresponse()
        return r.status, json.loads(r.read())
    except (OSError, http.client.HTTPException, json.JSONDecodeError):
        return None


def api_get(port, token, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request("GET", path, headers={"Authorization": f"Bearer {token}"})
    r = c.getresponse()
    return r.status, r.read().decode("utf-8")


def send_all(port, tokens, files, stop_after=None, on_answer=None):
    """Each client sends its share of `files` in turn; returns {file: answer} and the files
    left unanswered (a connection failed: the client stops there)."""
    answers, unanswered, lock = {}, [], threading.Lock()

    def client(k):
        share = files[k::CLIENTS]
        for i, f in enumerate(share):
            with open(os.path.join(ROOT, SAMPLE, f), "rb") as fh:
                data = fh.read()
            answer = upload(port, tokens[k], f, data)
            with lock:
                if answer is None:
                    unanswered.extend(share[i:])
                    return
                answers[f] = answer
                if on_answer:
                    on_answer(len(answers))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers, unanswered


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/tonghop"))
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    started = time.time()
    work = tempfile.mkdtemp(prefix="tonghop-load-")
    server = None
    try:
        files = sorted(os.path.relpath(os.path.join(d, n), os.path.join(ROOT, SAMPLE))
                       for d, _, names in os.walk(os.path.join(ROOT, SAMPLE)) for n in names)
        rng.shuffle(files)
        sent = {hashlib.sha256(open(os.path.join(ROOT, SAMPLE, f), "rb").read()).hexdigest() for f in files}

        home = os.path.join(work, "portal")
        os.makedirs(os.path.join(home, "inputs"))
        os.symlink(os.path.join(ROOT, "templates"), os.path.join(home, "templates"))
        tokens = []
        for k in range(CLIENTS):
            login = f"tinh-35-{k + 1}"
            run(binary, "user", "add", login, "--unit", "35", "--role", "tong-hop", "--password-stdin", "--home", home, input="mat-khau-tai\n")
            tokens.append(run(binary, "user", "token", login, "--home", home).stdout.strip().split("\n")[-1])

        log = open(os.path.join(work, "serve.log"), "w")
        server = Server(binary, home, free_port(), log)
        server.start()

        # 1. Eight clients at once; SIGKILL once a random share of the files is answered.
        kill_at = rng.randint(len(files) // 5, len(files) // 2)
        killed = threading.Event()

        def maybe_kill(count):
            if count >= kill_at and not killed.is_set():
                killed.set()
                server.kill()

        before, unanswered = send_all(server.port, tokens, files, on_answer=maybe_kill)
        assert killed.is_set(), "the server was killed in the middle"
        assert all(status == 200 for status, _ in before.values()), "every answer before the kill is 200"

        # 2. Restarted, the rest sent again — and cron's run on the same store meanwhile.
        server.start()
        cron = subprocess.Popen([binary, "run", "--home", home], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        after, still = send_all(server.port, tokens, unanswered)
        cron_out, cron_err = cron.communicate(timeout=300)
        assert cron.returncode in (0, 2, 3), f"cron's run beside the server: exit {cron.returncode}\n{cron_err}"
        assert not still, f"{len(still)} files unanswered after the restart"
        answers = {**before, **after}
        assert set(answers) == set(files), "every file is answered"
        bad = {f: a for f, a in answers.items() if a[0] != 200}
        assert not bad, f"every answer is 200: {list(bad.items())[:3]}"
        rejected = [f for f, (_, j) in answers.items() if j["status"] == "rejected"]
        assert not rejected, f"the sample's files are good: {rejected[:3]}"

        # 3. Nothing answered is lost; the store is sound; no half-written file.
        store = sqlite3.connect(os.path.join(home, "tonghop.sqlite"))
        assert store.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "PRAGMA integrity_check"
        assert store.execute("PRAGMA foreign_key_check").fetchall() == [], "PRAGMA foreign_key_check"
        stored = {p for (p,) in store.execute("SELECT path FROM inputFile")}
        lost = [f for f, (_, j) in before.items() if j["path"] not in stored]
        assert not lost, f"uploads answered before the kill are in the store: {lost[:3]}"
        store.close()
        for d, _, names in os.walk(os.path.join(home, "inputs", "tai-len")):
            for n in names:
                path = os.path.join(d, n)
                assert not n.endswith(".tmp"), f"a temporary file is left: {path}"
                digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
                assert digest in sent, f"{path} holds the bytes of a file sent"

        # 4. The figures equal a rollup of the same files, computed the folder's way.
        reference = os.path.join(work, "rollup")
        shutil.copytree(os.path.join(ROOT, SAMPLE), os.path.join(reference, "inputs", "35-ha-nam"))
        os.symlink(os.path.join(ROOT, "templates"), os.path.join(reference, "templates"))
        run(binary, "rollup", "--home", reference, *[a for p in PERIODS for a in ("--period", p)])
        for period in PERIODS:
            status, exported = api_get(server.port, tokens[0], f"/api/v1/export?period={period}&scope=35")
            assert status == 200, f"export {period}: {status}"
            expected = run(binary, "export", "--home", reference, "--period", period, "--scope", "35").stdout
            assert exported == expected, f"{period}: the portal's figures equal the rollup's:\n" + "".join(
                list(difflib.unified_diff(expected.splitlines(True), exported.splitlines(True), "rollup", "portal"))[:40])
        # The province's CSV beside its workbook, rewritten by the server in the background.
        deadline = time.time() + 120
        for period in PERIODS:
            name = f"{period}/so-lieu-35-ha-nam-{period}.csv"
            expected = open(os.path.join(reference, "outputs", name), encoding="utf-8").read()
            while True:
                path = os.path.join(home, "outputs", name)
                if os.path.exists(path) and open(path, encoding="utf-8").read() == expected:
                    break
                assert time.time() < deadline, f"{name}: rewritten in the background, equal to the rollup's"
                time.sleep(0.5)
        server.stop()
        for d, _, names in os.walk(os.path.join(home, "outputs")):
            assert not [n for n in names if n.endswith(".tmp")], f"no temporary file left in {d}"
        print(f"load and fault test: passed in {time.time() - started:.1f} s — {len(files)} files, {CLIENTS} clients, "
              f"SIGKILL after {len(before)} answers ({len(unanswered)} sent again), seed {args.seed}")
    finally:
        if server and server.process and server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"load and fault test FAILED: {e}", file=sys.stderr)
        sys.exit(1)
