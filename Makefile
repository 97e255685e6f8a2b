# The two commands a newcomer needs: `make run` and `make test`.
# Each creates .venv the first time and installs what it needs, and again
# whenever pyproject.toml changes: `make run` only what running needs (no
# test tools, no PostgreSQL driver), `make test` the test extras on top.
# `make test`, `make serve` and `make bench` also compile the understanding of
# callers' words with mypyc (`ivr native`: about a minute the first time, nothing
# while its sources are unchanged); without a C compiler it says so in one line
# and the simulator runs as pure Python, as the demo of `make run` does unless a
# build is already there.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP   := $(VENV)/.run-stamp
TEST_STAMP  := $(VENV)/.installed-stamp
SERVE_STAMP := $(VENV)/.serve-stamp
STAMP  := $(TEST_STAMP)
HOST   ?= 127.0.0.1
PORT   ?= 5000

NATIVE = $(BIN)/ivr native || echo "make: going on with the pure Python understanding"

.PHONY: run serve test bench lint clean

$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,postgres,native]'
	touch $(TEST_STAMP)

$(SERVE_STAMP): pyproject.toml $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[postgres,native]'
	touch $(SERVE_STAMP)

run: $(RUN_STAMP)
	$(BIN)/ivr serve --demo --host $(HOST) --port $(PORT)

# A real Twilio number: gunicorn, sensible workers (needs TWILIO_AUTH_TOKEN; see docs/live-line.md).
serve: $(SERVE_STAMP)
	$(NATIVE)
	$(BIN)/ivr serve --production --host $(HOST) --port $(PORT)

test: $(TEST_STAMP)
	$(NATIVE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Capacity on this machine (a few minutes; wrk from the system: apt-get install wrk).
bench: $(SERVE_STAMP)
	$(NATIVE)
	$(BIN)/ivr bench

clean:
	rm -rf $(VENV) instance .pytest_cache
