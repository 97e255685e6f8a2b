"""QA tools: call transcripts recorded, exported, redacted, replayed and diffed; test calls.

* `transcript`: the transcript of a call (from the store's entries) and its YAML file;
* `testcall`: hand-written `*.call.yaml` test calls and their expectations;
* `replay`: replaying both against the current flows and scripts, hermetically;
* `redact` and `export`: synthetic identifiers that keep a call's path;
* `coverage`, `junit`: reports over a set of replays;
* `commands`: `ivr replay` and `ivr transcripts export`; `pytest_plugin`: plain `pytest` runs them.

Documented in docs/test-calls.md.
"""
