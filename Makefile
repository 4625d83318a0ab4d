# The two commands a new user needs: `make run` and `make test`. Everything else is optional.
#
# Every Python package is installed strictly from uv.lock (`uv sync --frozen`), by a uv that is
# itself pinned with hashes (scripts/uv-requirements.txt). `make run` installs what serving
# needs and nothing more; `make test` adds the test toolchain. `make lock` refreshes uv.lock.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UVDIR  := .cache/uv-tool
UV     := $(UVDIR)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)
export UV_NO_PROGRESS := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-fast serve nginx check lint lock browser bench bench-axis bench-draft bench-import bench-production load lighthouse screenshots settings messages clean

$(UV): scripts/uv-requirements.txt
	rm -rf $(UVDIR) && $(PYTHON) -m venv $(UVDIR)
	PIP_CONFIG_FILE=/dev/null $(UVDIR)/bin/python -m pip install --quiet --no-deps --require-hashes \
	  -r scripts/uv-requirements.txt
	touch $@

# What serving needs (the runtime dependencies); --inexact leaves the test toolchain alone.
$(VENV)/.run: uv.lock pyproject.toml $(UV)
	$(UV) sync --quiet --frozen --no-default-groups --inexact
	touch $@

# Everything: runtime, the test toolchain and gunicorn.
$(VENV)/.test: uv.lock pyproject.toml $(UV)
	$(UV) sync --quiet --frozen --all-groups
	touch $@ $(VENV)/.run

$(VENV)/.serve: uv.lock pyproject.toml $(UV)
	$(UV) sync --quiet --frozen --no-default-groups --group serve --inexact
	touch $@

# npm test tools, strictly from package-lock.json: axe-core (accessibility), ical.js (calendars).
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## run: set up and serve the timeline on http://127.0.0.1:5000 (development server)
run: $(VENV)/.run
	$(BIN)/timeline check events.yaml
	$(BIN)/flask --app timeline run --host 127.0.0.1 --port 5000

HTTPS_PORT ?= 8443
HTTP_PORT  ?= 8080
## serve: the production shape: nginx (TLS) in front of gunicorn, https://127.0.0.1:8443 (see deploy/README.md)
serve: $(VENV)/.serve
	@sh scripts/ensure-nginx.sh
	TIMELINE_BASE_URL=$${TIMELINE_BASE_URL:-https://127.0.0.1:$(HTTPS_PORT)} \
	  $(BIN)/python deploy/serve.py --https-port $(HTTPS_PORT) --http-port $(HTTP_PORT) \
	  $(if $(TLS_CERT),--cert "$(TLS_CERT)" --key "$(TLS_KEY)") $(SERVE_ARGS)

## test: set up (Chromium and nginx included) and run every test, real-browser tests too
test: $(VENV)/.test browser nginx
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/timeline check events.yaml
	$(BIN)/pytest -n auto

## test-fast: the inner loop: every test but the real-browser ones, in parallel
test-fast: $(VENV)/.test node_modules/.installed
	$(BIN)/pytest -n auto -m "not browser"

## check: validate events.yaml (and its quotes, when the seed articles are beside the repo)
check: $(VENV)/.run
	$(BIN)/timeline check events.yaml $(if $(wildcard ../shared/seeds),--archive ../shared/seeds)

lint: $(VENV)/.test
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

## messages: extract the messages readers see (babel.cfg) into every catalog; then translate the new ones
messages: $(VENV)/.test
	$(BIN)/pybabel -q extract -F babel.cfg --add-location=file --sort-by-file --project=timeline \
	  --copyright-holder="the editors of the timeline" -o .cache/messages.pot .
	$(BIN)/pybabel -q update -i .cache/messages.pot -d timeline/translations --width=100 --ignore-obsolete --no-fuzzy-matching \
	  --ignore-pot-creation-date

## lock: re-resolve uv.lock from pyproject.toml (newest versions allowed by its ranges)
lock: $(UV)
	$(UV) lock --upgrade

## settings: every TIMELINE_* setting with its type, default and help
settings: $(VENV)/.run
	$(BIN)/timeline settings

## nginx: Debian's nginx for `make serve` and its test (installed where root and apt-get allow)
nginx:
	@sh scripts/ensure-nginx.sh || echo "(the test of make serve will be skipped)"

## browser: Chromium for the browser tests, and the npm test tools (axe-core, ical.js, TimelineJS)
browser: node_modules/.installed
	@sh scripts/ensure-chromium.sh

## screenshots: render the timeline to docs/screenshots/ (desktop, 320 px, dark mode, print, the axis; desktop and 320 px in Russian)
screenshots: $(VENV)/.test browser
	$(BIN)/python scripts/screenshots.py

## lighthouse: Lighthouse (mobile) scores of the timeline page, and its first-view transfer size
lighthouse: $(VENV)/.test browser
	$(BIN)/python bench/lighthouse.py

## bench-draft: recall and wrong dates of `timeline draft` on the seed articles and the held-out texts
bench-draft: $(VENV)/.test
	$(BIN)/python bench/draft_recall.py

## bench-import: time of `timeline import` reading our CSV export back, and whether the round trip is exact
bench-import: $(VENV)/.test
	$(BIN)/python bench/importing.py

## bench: load time, filter latency and the time axis at 1k, 10k and 100k events; each export's time and
## memory at 100k; the timeline page's render time at 10k (bench/exports.py and bench/render.py take --against REV)
bench: $(VENV)/.test
	$(BIN)/python bench/run.py
	$(BIN)/python bench/exports.py
	$(BIN)/python bench/render.py

## bench-production: the production figures at 100,000 events through make serve (minutes; needs wrk, nginx)
bench-production: $(VENV)/.test
	@sh scripts/ensure-nginx.sh
	$(BIN)/python bench/production.py $(BENCH_ARGS)

## bench-axis: a zoom or pan step of the time axis in Chromium, gesture to swap, at 10,000 events
bench-axis: $(VENV)/.test browser
	$(BIN)/python bench/axis_browser.py

## load: wrk against the app under gunicorn on loopback, 30 s a target (needs wrk; not in `make test`)
load: $(VENV)/.test
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) $(UVDIR) .pytest_cache .mypy_cache .ruff_cache bench/out
