# Tacitus: `make demo` (set up + run on the bundled example), `make test` (set up + run the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= tacitus.db

.PHONY: demo test install browser bench clean

$(BIN)/tacitus: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(BIN)/tacitus

install: $(BIN)/tacitus

# Debian's Chromium for the browser tests (never a downloaded browser); skipped when it can't be installed.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will skip"; \
	  elif command -v sudo >/dev/null; then (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will skip"; \
	  else echo "chromium not installed: browser tests will skip"; fi; fi

demo: install
	$(BIN)/tacitus ingest --db $(DB) examples/
	$(BIN)/tacitus events --db $(DB)

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/pipeline.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
