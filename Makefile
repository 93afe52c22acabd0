# tonghop — the two commands of the README:
#   make demo   install what is missing, build (release), roll up the sample inputs/ into outputs/
#   make test   install what is missing, build, run every test
# and the portal's: make serve-demo (the web portal on loopback over the sample data).
SWIFT ?= swift
BIN_RELEASE := .build/release/tonghop
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo sudo)

# Debian packages the build needs: libxlsxwriter (the .xlsx writer), FreeXL (the .xls reader),
# SQLite headers (GRDB), OpenSSL's libcrypto headers (SHA-256 of input files), pkg-config (to
# find them). Installed only when absent.
DEBIAN_PACKAGES := libxlsxwriter-dev libfreexl-dev libsqlite3-dev libssl-dev libmimalloc-dev pkg-config
# What the tests need besides: LibreOffice, to lay out the workbooks as the committee prints them
# (scripts/row-height-check.py, through the system Python's UNO bridge) and to save CSV forms as
# .xls, .ods and workbooks of several sheets the way offices do (scripts/office-workbooks.py),
# and the metric twin of Times New Roman it lays them out with. And a real browser for the
# portal (scripts/browser-test.py): Debian's chromium, its driver, and its Vietnamese words,
# driven by Debian's selenium. These scripts run under the system Python (/usr/bin/python3),
# which Debian's python3-uno and python3-selenium are built for, whatever python3 a PATH finds
# first: a pip install into Debian's Python is refused (PEP 668).
TEST_PACKAGES := libreoffice-calc-nogui python3-uno fonts-liberation2 chromium chromium-driver chromium-l10n python3-selenium
SYSTEM_PYTHON := /usr/bin/python3

.PHONY: demo test deps test-deps install-packages build build-debug sample recalc-check bench serve-demo screenshots clean

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(DEBIAN_PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

# Installs the Debian packages of $(PACKAGES) that are absent.
install-packages:
	@missing=""; \
	for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Cài các gói còn thiếu:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product tonghop

build-debug: test-deps
	$(SWIFT) build --build-tests

demo: build
	@rc=0; $(BIN_RELEASE) rollup || rc=$$?; \
	if [ $$rc -ne 0 ] && [ $$rc -ne 2 ]; then exit $$rc; fi; \
	echo; echo "Bảng tính đã ghi trong outputs/ (mỗi kỳ một thư mục), ví dụ:"; \
	ls outputs/2024-H1/*.xlsx outputs/2024/*.xlsx

# The tests make a home folder per case under $TMPDIR; they get a folder of their own, removed
# afterwards, so repeated runs do not fill /tmp. Then the portal in a real browser, and under
# load with its server killed half-way (both over loopback, with the debug build).
test: build-debug
	@scratch=$$(mktemp -d -t tonghop-tests.XXXXXX); \
	TMPDIR=$$scratch $(SWIFT) test --skip-build \
	  && TMPDIR=$$scratch $(SYSTEM_PYTHON) scripts/browser-test.py --binary .build/debug/tonghop \
	  && TMPDIR=$$scratch $(SYSTEM_PYTHON) scripts/portal-load-test.py --binary .build/debug/tonghop; rc=$$?; \
	rm -rf "$$scratch"; exit $$rc

# The portal on 127.0.0.1:8080 over a copy of the sample data, with three accounts (a commune, a
# province, the nation) whose passwords it prints.
serve-demo: build
	scripts/serve-demo.sh

# Refreshes the README's screenshots of the portal (docs/screenshots/).
screenshots: build-debug
	$(SYSTEM_PYTHON) scripts/browser-test.py --binary .build/debug/tonghop --screenshots docs/screenshots

# Regenerates the committed sample inputs/ (deterministic: the same files every time).
sample: build
	rm -rf inputs/20*
	$(BIN_RELEASE) sample --out inputs

# The national-scale speed and memory targets, each beside a floor measured in the same run;
# BASELINE=path/to/an/earlier/tonghop also runs that build and this one in turns (scripts/compare.sh).
bench: build
	scripts/bench.sh
	@if [ -n "$(BASELINE)" ]; then scripts/compare.sh "$(BASELINE)" $(BIN_RELEASE) $${BENCH_RUNS:-3}; fi

# Opens the demo's workbooks in LibreOffice with recalculation forced and checks that every
# formula recalculates to the value stored in it (needs libreoffice-calc-nogui and openpyxl).
recalc-check:
	@command -v libreoffice >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libreoffice-calc-nogui; }
	@python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl
	python3 scripts/recalc-check.py outputs/*/*.xlsx

clean:
	rm -rf .build outputs/20* outputs/nhat-ky outputs/lan-chay-cuoi.json tonghop.sqlite tonghop.sqlite-* tonghop.sqlite.lock
