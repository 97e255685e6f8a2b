"""Hand-written test calls (`*.call.yaml`): their format, validation and expectations.

A test call is what a QA analyst writes to pin down one path through a flow:
a date and time, the case data, then the caller's steps (press, say, silence,
hang up), each with optional expectations.  `ivr replay` and the pytest
plugin run it against the current flows and scripts.  Format (documented in
docs/test-calls.md)::

    version: 1
    name: Special lines, TDD number
    description: An English caller asks for the TDD line and hears its number.
    clock: 2026-11-23T10:00:00-05:00     # ISO 8601 with a UTC offset: "now" for the call
    caller: "+15555550100"               # optional: the number the call comes from
    flow: uscis_contact_center           # optional: the default flow otherwise
    cases_file: ../data/cases.yaml        # optional: CASES_FILE format, relative to this file
    cases: [ … ]                          # or inline cases; neither: the bundled demo cases
    settings: {SCRIPT_PINS: {case-status: 1}, TIER_ROUTING: {…}}   # optional
    steps:
      - start: true                       # optional: a call always starts by coming in
        expect: {prompt: language.prompt}
      - press: "1"
        expect:
          state: main_menu
          says: For special phone lines, press 5.

Every problem of a file is reported at once as `file:line: where: what`.
Names a test call uses (states, prompt ids, tiers, reasons) are checked
against the flow by `check_names` before the call runs.

This module reads files and checks expectations; it does not run calls.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, field
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ivr.core.flow import TIER_CHANGE_REASONS, TIERS, Flow
from ivr.definitions import yamlsource
from ivr.core.registry import SERVICE_REQUEST_CREATED
from ivr.definitions.cases import SERVICE_REQUEST_TYPES, Case, CaseBook, check_cases
from ivr.definitions.checks import LANGUAGES, Checker, join
from ivr.definitions.yamlsource import line_of, load_file
from ivr.errors import ConfigError, Problem
from ivr.qa.transcript import INPUT_KINDS, CallerInput, Observation, made, plain, read_input

if TYPE_CHECKING:
    from ivr.definitions.scripts import ScriptLibrary

CALL_VERSION = 1
SUFFIX = ".call.yaml"

TOP_KEYS = ("version", "name", "description", "clock", "caller", "flow", "cases", "cases_file", "settings", "steps")
TOP_REQUIRED = ("version", "name", "clock", "steps")
SETTING_KEYS = ("SCRIPT_PINS", "TIER_ROUTING")
STEP_KEYS = INPUT_KINDS + ("at", "expect")
EXPECT_KEYS = (
    "prompt",
    "says",
    "not_says",
    "state",
    "tier",
    "language",
    "hung_up",
    "service_request",
    "effect",
    "tier_change",
    "script",
    "action",
)
_STEP_KEY_SET = frozenset(STEP_KEYS)
_EXPECT_KEY_SET = frozenset(EXPECT_KEYS)
SERVICE_REQUEST_KEYS = ("type", "office", "receipt", "status")
TIER_CHANGE_KEYS = ("from", "to", "reason")


# --- values ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """What a step must produce; each field left empty is not checked."""

    line: int
    prompts: tuple[str, ...] = ()
    says: tuple[str, ...] = ()
    not_says: tuple[str, ...] = ()
    state: str | None = None
    tier: str | None = None
    language: str | None = None
    hung_up: bool | None = None
    service_request: Mapping[str, str] | None = None
    effects: tuple[str, ...] = ()
    tier_change: Mapping[str, str] | None = None
    scripts: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict)  # expectation key -> line, for errors

    def failures(self, seen: Observation) -> list[tuple[str, str]]:
        """Each unmet expectation as (what was expected, what happened instead)."""
        found: list[tuple[str, str]] = []
        for name, value in (("state", self.state), ("tier", self.tier), ("language", self.language)):
            if value is not None and getattr(seen, name) != value:
                found.append((f"{name} {value}", f"{name} {getattr(seen, name)}"))
        # What the step said is gathered only when something is expected of it (most steps expect a few things).
        if self.prompts:
            ids = [heard.prompt for heard in seen.heard]
            for prompt in self.prompts:
                if prompt not in ids:
                    found.append((f"prompt {prompt}", f"prompts {', '.join(ids) or '(none)'}"))
        if self.says or self.not_says:
            spoken = _folded(seen.text)
            for text in self.says:
                if _folded(text) not in spoken:
                    found.append((f"to hear {_quote(text)}", "not heard"))
            for text in self.not_says:
                if _folded(text) in spoken:
                    found.append((f"not to hear {_quote(text)}", "heard"))
        if self.hung_up is not None and seen.hung_up != self.hung_up:
            found.append(("the call to end" if self.hung_up else "the call to go on", "it ended" if seen.hung_up else "it went on"))
        if self.service_request is not None:
            found += self._service_request(seen)
        if self.effects:
            kinds = [str(effect.get("kind")) for effect in seen.effects]
            for kind in self.effects:
                if kind not in kinds:
                    found.append((f"effect {kind}", f"effects {', '.join(kinds) or '(none)'}"))
        if self.tier_change is not None and not any(_matches(change, self.tier_change) for change in seen.tier_changes):
            changes = [f"{c.get('from')} -> {c.get('to')} ({c.get('reason')})" for c in seen.tier_changes]
            found.append((f"tier change {_described(self.tier_change)}", f"tier changes {', '.join(changes) or '(none)'}"))
        for action in self.actions:
            if not any(done == action or done.startswith(action + " ") for done in seen.actions):
                found.append((f"action {action}", f"actions {', '.join(seen.actions) or '(none)'}"))
        for script in self.scripts:
            if not any(ref == script or ref.split("@")[0] == script for ref in seen.scripts):
                found.append((f"script {script}", f"scripts {', '.join(seen.scripts) or '(none)'}"))
        return found

    def _service_request(self, seen: Observation) -> list[tuple[str, str]]:
        wanted = self.service_request or {}
        created = [e for e in seen.effects if e.get("kind") == SERVICE_REQUEST_CREATED]
        if any(_matches(effect, wanted) for effect in created):
            return []
        described = ", ".join(_compact(e, SERVICE_REQUEST_KEYS) for e in created) or "none created"
        return [(f"service request {_described(wanted) or 'created'}", f"service requests: {described}")]


_EXPECTATION_DEFAULTS = {f.name: f.default for f in dataclass_fields(Expectation) if f.default is not MISSING}
"""What an `Expectation` holds for a field its file leaves out (`lines`, with no default, is always given)."""


@dataclass(frozen=True)
class CallStep:
    """One caller input of a test call, when it happens, and what it must produce."""

    input: CallerInput
    line: int
    at: dt.datetime | None = None
    expect: Expectation | None = None
    index: int = -1  # its place in the file's `steps:` (-1: the implicit start)


@dataclass(frozen=True)
class ScriptedCall:
    """A hand-written test call, checked and ready to run."""

    path: str
    name: str
    clock: dt.datetime
    steps: tuple[CallStep, ...]
    description: str = ""
    caller: str | None = None
    flow_id: str | None = None
    cases: CaseBook | None = None  # inline cases
    cases_file: Path | None = None  # else this file (else the demo cases)
    settings: Mapping[str, Any] = field(default_factory=dict)


# --- reading -------------------------------------------------------------------------------------


def load_call(path: Path | str, flows: Mapping[str, Flow] | None = None, default_flow: str | None = None,
              scripts: ScriptLibrary | None = None) -> ScriptedCall:
    """Read and check a `*.call.yaml` file; raise `DefinitionError` listing every problem.

    Given the loaded `flows`, the call's flow must be one of them and the state and prompt
    names the steps expect are held against it (`default_flow` when it names none); given
    the script library (`scripts`), each `SCRIPT_PINS` entry must name a version of it.  All
    in the same pass, so a file's problems of every kind are reported at once.
    """
    data, shown = load_file(path)
    checker = Checker(shown)
    call = _read(checker, data, shown, os.path.dirname(path), flows, default_flow, scripts)  # a Path only if needed
    checker.raise_if_any()
    assert call is not None
    return call


def _read(
    checker: Checker,
    data: Any,
    shown: str,
    folder: Path | str,
    flows: Mapping[str, Flow] | None = None,
    default_flow: str | None = None,
    scripts: ScriptLibrary | None = None,
) -> ScriptedCall | None:
    top = checker.mapping(data, "top level", line_of(data))
    if top is None:
        return None
    if top.get("version") != CALL_VERSION:
        checker.problem(top.line_of("version"), "version", f"unsupported or missing version (allowed: {CALL_VERSION})")
        return None
    checker.keys(top, "", TOP_KEYS, TOP_REQUIRED)
    name = checker.text(top, "name", "") if "name" in top else None
    description = checker.text(top, "description", "", required=False) if "description" in top else None
    clock = checker.instant(top, "clock", "") if "clock" in top else None
    caller = checker.text(top, "caller", "") if "caller" in top else None
    flow_id = checker.text(top, "flow", "") if "flow" in top else None
    cases, cases_file = _cases(checker, top, folder)
    settings = _settings(checker, top, scripts)
    steps = _steps(checker, top)
    if flows is not None:
        flow = flows.get(flow_id or default_flow or "")
        if flow is not None:
            checker.problems += step_name_problems(shown, steps, flow)
        elif flow_id is not None and flow_id.partition("@")[0] not in {known.partition("@")[0] for known in flows}:
            checker.problem(top.line_of("flow"), "flow", f"unknown flow '{flow_id}' (known: {', '.join(sorted(flows))})")
    if checker.problems or name is None or clock is None:
        return None
    return ScriptedCall(
        path=shown,
        name=name,
        clock=clock,
        steps=steps,
        description=description or "",
        caller=caller,
        flow_id=flow_id,
        cases=cases,
        cases_file=cases_file,
        settings=settings,
    )


def _cases(checker: Checker, top: yamlsource.Mapping, folder: Path | str) -> tuple[CaseBook | None, Path | None]:
    if "cases" in top and "cases_file" in top:
        checker.problem(top.line_of("cases_file"), "cases_file", "give either 'cases' or 'cases_file', not both")
        return None, None
    if "cases_file" in top:
        name = checker.text(top, "cases_file", "")
        if name is None:
            return None, None
        try:
            path = yamlsource.inside(Path(folder), name)
        except ValueError as refused:
            checker.problem(top.line_of("cases_file"), "cases_file", f"cannot use {refused}")
            return None, None
        if not path.is_file():
            checker.problem(top.line_of("cases_file"), "cases_file", f"no such file: {yamlsource.excerpt(name, 60)} (relative to this file)")
            return None, None
        return None, path
    if "cases" not in top:
        return None, None
    # The CASES_FILE validator itself, so inline cases get the same checks and messages as a case-data file.
    cases: list[Case] = check_cases(checker, top["cases"], top.line_of("cases"))
    try:
        return CaseBook(tuple(cases)), None
    except ValueError as exc:  # duplicates were already reported above
        checker.problem(top.line_of("cases"), "cases", str(exc))
        return None, None


def _settings(checker: Checker, top: yamlsource.Mapping, scripts: ScriptLibrary | None = None) -> dict[str, Any]:
    if "settings" not in top:
        return {}
    raw = checker.mapping(top["settings"], "settings", top.line_of("settings"))
    if raw is None:
        return {}
    checker.keys(raw, "settings", SETTING_KEYS)
    result: dict[str, Any] = {}
    if "SCRIPT_PINS" in raw:
        pins = checker.mapping(raw["SCRIPT_PINS"], "settings.SCRIPT_PINS", raw.line_of("SCRIPT_PINS"))
        if pins is not None:
            for script, version in pins.items():
                if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                    checker.problem(pins.line_of(script), join("settings.SCRIPT_PINS", script), "expected a version number (1, 2…)")
                elif scripts is not None and (unknown := _unknown_pin(scripts, str(script), version)):
                    checker.problem(pins.line_of(script), join("settings.SCRIPT_PINS", script), unknown)
            result["SCRIPT_PINS"] = plain(pins)
    if "TIER_ROUTING" in raw:
        from ivr.routing import TierRouting

        routing = plain(raw["TIER_ROUTING"])
        try:
            TierRouting.from_config(routing)
        except ConfigError as exc:
            checker.problem(raw.line_of("TIER_ROUTING"), "settings.TIER_ROUTING", str(exc))
        result["TIER_ROUTING"] = routing
    return result


def _unknown_pin(scripts: ScriptLibrary, script_id: str, version: int) -> str | None:
    """What is wrong with pinning `script_id@version` in the script library `scripts`; None when it exists."""
    versions = scripts.versions.get(script_id) or scripts.wordings.get(script_id)
    if not versions:
        return f"no script '{script_id}'{_suggest(script_id, [*scripts.versions, *scripts.wordings])}"
    if all(known.version != version for known in versions):
        return f"no version {version} of '{script_id}' (known: {', '.join(known.ref for known in versions)})"
    return None


def _steps(checker: Checker, top: yamlsource.Mapping) -> tuple[CallStep, ...]:
    if "steps" not in top:
        return ()
    raw = checker.sequence(top["steps"], "steps", top.line_of("steps"))
    if raw is None:
        return ()
    if not raw:
        checker.problem(raw.line, "steps", "a test call needs at least one step")
    steps: list[CallStep] = []
    for index, item in enumerate(raw):
        where = f"steps[{index}]"
        # `checker.mapping` and `checker.keys`, called only when they may find something (most steps are fine)
        step = item if isinstance(item, yamlsource.Mapping) else checker.mapping(item, where, raw.line_of(index))
        if step is None:
            continue
        if not step.keys() <= _STEP_KEY_SET:
            checker.keys(step, where, STEP_KEYS)
        caller_input = read_input(checker, step, where)
        if caller_input is not None and caller_input.kind == "start" and index > 0:
            checker.problem(step.line, where, "'start' can only be the first step (a test call is one call)")
        at = checker.instant(step, "at", where) if "at" in step else None
        # `join(where, "expect")`, written out: "expect" needs no quoting (join tests each key with a regex)
        expect = _expectation(checker, step["expect"], f"{where}.expect", step.line_of("expect")) if "expect" in step else None
        if caller_input is not None:
            fields = {"input": caller_input, "line": step.line, "at": at, "expect": expect, "index": index}
            steps.append(made(CallStep, fields))
    if steps and steps[0].input.kind != "start":
        steps.insert(0, CallStep(CallerInput("start"), raw.line))
    return tuple(steps)


def _expectation(checker: Checker, raw: Any, where: str, line: int) -> Expectation | None:
    expect = checker.mapping(raw, where, line)
    if expect is None:
        return None
    if not expect.keys() <= _EXPECT_KEY_SET:  # every key known (most expectations): nothing cut, nothing unknown
        cut = [key for key in expect if key not in EXPECT_KEYS and " " in key.strip()]
        for key in cut:
            # `{says: I heard 2 6 9, 0 2 5}` is a mapping with the keys "says" and "0 2 5": YAML split the text.
            checker.problem(
                expect.line_of(key), where, f"'{key}' looks like the end of a text cut at a comma: quote the text (says: \"a, b\")"
            )
        checker.keys(_subset(expect, EXPECT_KEYS) if cut else expect, where, EXPECT_KEYS)  # nothing cut: the subset is all of it
    if not expect:
        checker.problem(expect.line, where, f"nothing expected (allowed: {', '.join(EXPECT_KEYS)})")
    fields: dict[str, Any] = {"line": expect.line, "lines": dict(expect.key_lines)}
    for key, name in (("prompt", "prompts"), ("says", "says"), ("not_says", "not_says"), ("effect", "effects"), ("script", "scripts"), ("action", "actions")):
        if key in expect:
            fields[name] = _texts(checker, expect, key, where)
    if "state" in expect:
        fields["state"] = checker.text(expect, "state", where)
    if "tier" in expect:
        fields["tier"] = checker.choice(expect, "tier", where, TIERS)
    if "language" in expect:
        fields["language"] = checker.choice(expect, "language", where, LANGUAGES)
    if "hung_up" in expect:
        fields["hung_up"] = checker.boolean(expect, "hung_up", where)
    if "service_request" in expect:
        fields["service_request"] = _service_request(checker, expect, where)
    if "tier_change" in expect:
        fields["tier_change"] = _tier_change(checker, expect, where)
    return made(Expectation, {**_EXPECTATION_DEFAULTS, **fields})


def _texts(checker: Checker, mapping: yamlsource.Mapping, key: str, where: str) -> tuple[str, ...]:
    value = mapping[key]
    items = value if isinstance(value, list) else [value]
    result = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
            checker.problem(line_of(item, mapping.line_of(key)), join(where, key), "expected text or a list of texts")
            continue
        result.append(str(item))
    return tuple(result)


def _service_request(checker: Checker, expect: yamlsource.Mapping, where: str) -> Mapping[str, str] | None:
    value = expect["service_request"]
    inner = join(where, "service_request")
    if value is True:
        return {}
    mapping = checker.mapping(value, inner, expect.line_of("service_request"))
    if mapping is None:
        return None
    checker.keys(mapping, inner, SERVICE_REQUEST_KEYS)
    result = {key: checker.text(mapping, key, inner) for key in SERVICE_REQUEST_KEYS if key in mapping}
    if "type" in mapping:
        checker.choice(mapping, "type", inner, SERVICE_REQUEST_TYPES)
    return {key: value for key, value in result.items() if value is not None}


def _tier_change(checker: Checker, expect: yamlsource.Mapping, where: str) -> Mapping[str, str] | None:
    value = expect["tier_change"]
    inner = join(where, "tier_change")
    if isinstance(value, str):
        reason = checker.choice(expect, "tier_change", where, tuple(TIER_CHANGE_REASONS))
        return {"reason": reason} if reason else None
    mapping = checker.mapping(value, inner, expect.line_of("tier_change"))
    if mapping is None:
        return None
    checker.keys(mapping, inner, TIER_CHANGE_KEYS)
    result: dict[str, str] = {}
    for key in ("from", "to"):
        if key in mapping:
            tier = checker.choice(mapping, key, inner, TIERS)
            if tier:
                result[key] = tier
    if "reason" in mapping:
        reason = checker.choice(mapping, "reason", inner, tuple(TIER_CHANGE_REASONS))
        if reason:
            result["reason"] = reason
    return result


def _subset(mapping: yamlsource.Mapping, allowed: tuple[str, ...]) -> yamlsource.Mapping:
    """`mapping` without the keys already reported as cut texts (for `Checker.keys`)."""
    kept = yamlsource.Mapping((key, value) for key, value in mapping.items() if key in allowed or " " not in key.strip())
    kept.line = mapping.line
    kept.key_lines = mapping.key_lines
    return kept


# --- names against a flow ------------------------------------------------------------------------


def check_names(call: ScriptedCall, flow: Flow) -> list[Problem]:
    """Problems with the state and prompt names a test call expects, held against `flow`."""
    return step_name_problems(call.path, call.steps, flow)


def step_name_problems(path: str, steps: tuple[CallStep, ...], flow: Flow) -> list[Problem]:
    """Problems with the state and prompt names that `steps` expect, held against `flow`."""
    states, prompts = _names(flow)
    problems: list[Problem] = []
    for step in steps:
        expect = step.expect
        if expect is None:
            continue
        where = f"steps[{step.index}].expect"
        if expect.state is not None and expect.state not in states:
            problems.append(
                Problem(path, expect.lines.get("state", expect.line), f"{where}.state",
                        f"no state '{expect.state}' in flow {flow.id}{_suggest(expect.state, states)}")
            )
        for prompt in expect.prompts:
            if prompt not in prompts:
                problems.append(
                    Problem(path, expect.lines.get("prompt", expect.line), f"{where}.prompt",
                            f"no prompt '{prompt}' in flow {flow.id}{_suggest(prompt, prompts)}")
                )
    return problems


_NAMES: dict[int, tuple[Flow, frozenset[str], frozenset[str]]] = {}


def _names(flow: Flow) -> tuple[frozenset[str], frozenset[str]]:
    """The state names and prompt ids of `flow`, computed once per loaded flow (a replay checks thousands of calls)."""
    known = _NAMES.get(id(flow))
    if known is None or known[0] is not flow:
        states = set(flow.states) | {f"{name}{flow.confirm_suffix}" for name, s in flow.states.items() if s.confirm is not None}
        known = (flow, frozenset(states), frozenset(prompt_ids(flow)))
        if len(_NAMES) > 64:
            _NAMES.clear()
        _NAMES[id(flow)] = known
    return known[1], known[2]


def prompt_ids(flow: Flow) -> set[str]:
    """Every prompt id a call on `flow` can hear."""
    ids = {f"messages.{name}" for name in flow.messages}
    for name, state in flow.states.items():
        ids.add(f"{name}.prompt")
        for key in ("reprompt", "no_input", "no_match"):
            if getattr(state, key) is not None:
                ids.add(f"{name}.{key}")
        if state.kind == "collect":
            ids.add(f"{name}{flow.confirm_suffix}")
    return ids


def _suggest(name: str, known: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --- helpers -------------------------------------------------------------------------------------


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _matches(data: Mapping[str, Any], wanted: Mapping[str, str]) -> bool:
    return all(str(data.get(key, "")).casefold() == str(value).casefold() for key, value in wanted.items())


def _described(wanted: Mapping[str, str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in wanted.items())


def _compact(data: Mapping[str, Any], keys: tuple[str, ...]) -> str:
    return "{" + ", ".join(f"{key} {data[key]}" for key in keys if key in data) + "}"
