#!/usr/bin/env python3
"""The portal in a real browser (run by `make test`).

Debian's chromium, driven by selenium through Debian's chromedriver, with JavaScript switched
off (the pages must work without it), against `tonghop serve` on loopback over a home holding
Hà Nam's sample reports for the second quarters of 2023 and 2024, in which one commune, Xã Liêm
Cần (13456), has not reported for 2024-Q2:

  1. the province (tong-hop) signs in and reads the status: Liêm Cần is missing;
  2. Liêm Cần's clerk (nhap-lieu) signs in, uploads its form with a word where TT01's number
     belongs, and reads the message: line, column, what was found, what to do;
  3. uploads the corrected form and sees it accepted;
  4. the province reads the status again: nobody missing, one more complete;
  5. the workbooks are rewritten in the background: the report page stops saying they wait.

The pages are saved as screenshots, each at a phone's width or a desktop's, into the folder given
(`make screenshots` refreshes the README's, docs/screenshots/). The server is stopped with SIGTERM
and must exit 0.

usage: browser-test.py [--binary .build/debug/tonghop] [--screenshots DIR]
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "mat-khau-thu-nghiem"
PHONE = (390, 844)
DESKTOP = (1280, 900)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_home(binary, home):
    """Templates, Hà Nam's second quarters, the store and workbooks, three accounts."""
    os.symlink(os.path.join(ROOT, "templates"), os.path.join(home, "templates"))
    for folder in ["2024/35-ha-nam/2024-Q2", "2023/35-ha-nam/2023-Q2"]:
        shutil.copytree(os.path.join(ROOT, "inputs", folder), os.path.join(home, "inputs", folder))
    run = subprocess.run([binary, "run", "--home", home], capture_output=True, text=True)
    assert run.returncode in (0, 2), f"tonghop run: {run.returncode}\n{run.stderr}"
    for login, unit, role in [("xa-13456", "13456", "nhap-lieu"), ("tinh-35", "35", "tong-hop")]:
        add = subprocess.run([binary, "user", "add", login, "--unit", unit, "--role", role, "--password-stdin", "--home", home],
                             input=PASSWORD + "\n", capture_output=True, text=True)
        assert add.returncode == 0, add.stderr


def liem_can_form(tt01):
    """Xã Liêm Cần's 2024-Q2 form: a neighbour's sample form (Xã Liêm Phong, 13450, same
    district) given Liêm Cần's code and name, with TT01 set to `tt01`."""
    with open(os.path.join(ROOT, "inputs/2024/35-ha-nam/2024-Q2/xa/13450.csv"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    for line in lines:
        if line.startswith("don_vi,"):
            line = "don_vi,13456"
        elif line.startswith("ten_don_vi,"):
            line = "ten_don_vi,Xã Liêm Cần"
        elif line.startswith("TT01,"):
            cells = line.split(",")
            cells[-2] = tt01
            line = ",".join(cells)
        out.append(line)
    return "\n".join(out)


class Browser:
    def __init__(self, base, shots):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=vi-VN",
                  "--font-render-hinting=none", "--hide-scrollbars"]:
            options.add_argument(a)
        # No JavaScript at all: every page must work without it.
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        # The browser's own words (the file chooser's button) in Vietnamese, as a clerk sees them.
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver",
                          env=dict(os.environ, LANGUAGE="vi", LANG="vi_VN.UTF-8"))
        self.driver = webdriver.Chrome(options=options, service=service)
        self.base = base
        self.shots = shots
        self.size = PHONE

    def open(self, path):
        self.driver.get(self.base + path)
        return self.text()

    def text(self):
        return WebDriverWait(self.driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "body")).text

    def submit(self, css):
        """Clicks a form's button and waits for the page it leads to."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, css).click()
        WebDriverWait(self.driver, 20).until(expected_conditions.staleness_of(old))

    def sign_in(self, login):
        self.open("/")
        self.driver.find_element(By.ID, "dang-nhap").send_keys(login)
        self.driver.find_element(By.ID, "mat-khau").send_keys(PASSWORD)
        self.submit("button[type=submit]")
        assert "Đăng xuất" in self.text(), f"{login} is signed in:\n" + self.text()

    def sign_out(self):
        self.submit("form.signout button")
        assert "Tên đăng nhập" in self.text(), "signed out: the sign-in form again"

    def upload(self, path):
        self.open("/gui-bao-cao")
        self.driver.find_element(By.ID, "tep").send_keys(path)
        self.submit("form[action='/gui-bao-cao'] button[type=submit]")
        return self.text()

    def shot(self, name, sizes=(PHONE,)):
        """The whole page, at each width: the viewport is stretched to the page's height."""
        if not self.shots:
            return
        for width, height in sizes:
            mobile = width < 600
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
            full = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": width, "height": int(max(height, full)), "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
            suffix = "dien-thoai" if mobile else "may-tinh"
            self.driver.save_screenshot(os.path.join(self.shots, f"{name}-{suffix}.png"))
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def quit(self):
        self.driver.quit()


def status_counts(text):
    m = re.search(r"(\d+)\s*phải báo cáo\s*(\d+)\s*đủ kỳ\s*(\d+)\s*chưa đủ kỳ\s*(\d+)\s*chưa báo cáo", text)
    assert m, "the status page shows its counts:\n" + text[:600]
    return tuple(int(g) for g in m.groups())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/tonghop"))
    parser.add_argument("--screenshots", default=None, help="folder for the screenshots (none taken when not given)")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    shots = os.path.abspath(args.screenshots) if args.screenshots else None
    if shots:
        os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="tonghop-browser-")
    home = os.path.join(work, "home")
    os.makedirs(home)
    server = None
    browser = None
    started = time.time()
    try:
        make_home(binary, home)
        port = free_port()
        log = open(os.path.join(work, "serve.log"), "w")
        server = subprocess.Popen([binary, "serve", "--home", home, "--listen", f"127.0.0.1:{port}"], stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        browser = Browser(base, shots)

        # The sign-in page, as a visitor sees it.
        browser.open("/")
        browser.shot("dang-nhap")

        # 1. The province: Liêm Cần is missing.
        browser.sign_in("tinh-35")
        before = browser.open("/tinh-hinh?ky=2024-Q2&don-vi=35")
        expected, complete, partial, missing = status_counts(before)
        assert "Chưa báo cáo: Xã Liêm Cần (13456)" in before, "the province sees Liêm Cần named as missing"
        assert missing >= 1
        browser.shot("tinh-hinh-truoc", (DESKTOP,))
        browser.sign_out()

        # 2. Liêm Cần's clerk sends a form with a mistake and reads what is wrong.
        browser.sign_in("xa-13456")
        bad = os.path.join(work, "13456-quy-2.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(liem_can_form("ba"))
        text = browser.upload(bad)
        assert "Bị từ chối" in text, "the file with a word for a number is refused"
        assert "dòng 27, cột 5 (E):" in text, "the message places the mistake"
        assert 'Tìm thấy: "ba"' in text and "Cần: số nguyên không âm" in text and "Cách sửa:" in text, \
            "the message says what was found, what is expected and how to fix it:\n" + text
        browser.shot("gui-loi")

        # 3. The corrected form is accepted.
        good = os.path.join(work, "13456-quy-2-da-sua.csv")
        with open(good, "w", encoding="utf-8") as f:
            f.write(liem_can_form("4"))
        text = browser.upload(good)
        assert "Đã nhận" in text and "Đã lưu 1 báo cáo" in text, "the corrected file is accepted:\n" + text
        browser.shot("gui-dung")
        browser.open("/don-vi")
        browser.shot("don-vi")
        browser.sign_out()

        # 4. The province's status has changed.
        browser.sign_in("tinh-35")
        after = browser.open("/tinh-hinh?ky=2024-Q2&don-vi=35")
        assert status_counts(after) == (expected, complete + 1, partial, missing - 1), \
            f"one more complete, one fewer missing: {status_counts(after)} after {(expected, complete, partial, missing)}"
        assert "Xã Liêm Cần (13456)" not in after, "Liêm Cần is no longer named missing"
        browser.shot("tinh-hinh-sau", (DESKTOP,))
        # 5. The workbooks are rewritten in the background once uploads stop (3 s): the report
        #    page's notice that they wait for new figures goes away.
        deadline = time.time() + 30
        while "bảng tính đang được lập lại" in browser.open("/bao-cao?ky=2024-Q2&don-vi=35"):
            assert time.time() < deadline, "the workbooks are rewritten within 30 s of the last upload"
            time.sleep(0.5)
        assert "Số liệu chủ yếu so với cùng kỳ" in browser.text()
        browser.shot("bao-cao", (DESKTOP,))
        browser.quit()
        browser = None

        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=30)
        server = None
        assert code == 0, f"the server stops cleanly on SIGTERM (exit {code})"
        print(f"browser test: passed in {time.time() - started:.1f} s" + (f"; screenshots in {shots}" if shots else ""))
    finally:
        if browser:
            browser.quit()
        if server:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"browser test FAILED: {e}", file=sys.stderr)
        sys.exit(1)
