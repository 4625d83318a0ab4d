# The two commands a new user needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run test serve check lint browser bench load lighthouse screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $@

## run: set up and serve the timeline on http://127.0.0.1:5000 (development server)
run: $(STAMP)
	$(BIN)/timeline check events.yaml
	$(BIN)/flask --app timeline run --host 127.0.0.1 --port 5000

## serve: production-style serving under gunicorn on 127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/gunicorn --bind 127.0.0.1:8000 --workers $$(( $$(nproc) * 2 + 1 )) --preload --no-control-socket \
	  --access-logfile - "timeline:create_app()"

## test: set up (Chromium included) and run every test, real-browser tests too
test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/timeline check events.yaml
	$(BIN)/pytest

## check: validate events.yaml (and its quotes, when the seed articles are beside the repo)
check: $(STAMP)
	$(BIN)/timeline check events.yaml $(if $(wildcard ../shared/seeds),--archive ../shared/seeds)

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/mypy

## browser: Chromium for the browser tests, and axe-core (npm) for the accessibility tests
browser:
	@sh scripts/ensure-chromium.sh
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

## screenshots: render the timeline to docs/screenshots/ (desktop, 320 px, dark mode, print)
screenshots: $(STAMP) browser
	$(BIN)/python scripts/screenshots.py

## lighthouse: Lighthouse (mobile) scores of the timeline page, and its first-view transfer size
lighthouse: $(STAMP) browser
	$(BIN)/python bench/lighthouse.py

## bench: load time and filter latency at 1k, 10k and 100k events
bench: $(STAMP)
	$(BIN)/python bench/run.py

## load: wrk against the app under gunicorn on loopback, 30 s a target (needs wrk; not in `make test`)
load: $(STAMP)
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench/out
