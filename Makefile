# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install the project (editable) the first time, and
# again whenever pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: run serve test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ivr serve --demo --host $(HOST) --port $(PORT)

# A real Twilio number: gunicorn, sensible workers (needs TWILIO_AUTH_TOKEN; see docs/live-line.md).
serve: $(STAMP)
	$(BIN)/ivr serve --production --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/ivr bench

clean:
	rm -rf $(VENV) instance .pytest_cache
