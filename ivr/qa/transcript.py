"""Call transcripts: what one call heard and did, as data and as a readable YAML file.

The store keeps a transcript per call as entries (`ivr.calls`): a `call`
header, then one `step` per caller event.  This module owns turning those
entries into a `Transcript`, writing it as a `*.transcript.yaml` file and
reading such a file back (strictly, with `file:line` errors).

A transcript replays hermetically: besides the caller's inputs and what the
call said, it keeps the simulated time of every step, the settings that
change a call's path (script pins, tier routing), the case data the call read
(as it was when first read), what a later step read that the call's own steps
do not explain (another call changed the case meanwhile: a step's `cases`,
only the fields changed and the service requests read for the first time)
and the sequence numbers it drew.

The file format (version 1)::

    version: 1
    call: {sid: CA…, channel: phone, flow: uscis_contact_center, flow_version: 3f2a…,
           started_at: '2026-11-23T10:00:00-05:00', caller: '+15555500001', redacted: true}
    settings: {SCRIPT_PINS: {}, TIER_ROUTING: {}}
    cases: [ … ]             # CASES_FILE format: the case data the call read
    sequences: [[service_request, 1]]
    steps:
      - press: '1'            # the input: start, press, say, silence, hang_up, resume, or agent (a console action as JSON)
        at: '2026-11-23T10:00:05-05:00'
        in: language          # the state the input arrived in
        heard:
          - {prompt: main_menu.prompt, text: 'Main menu. …'}
        state: main_menu
        tier: ivr
        language: en
        entered: [main_menu]
        actions: [gather dtmf speech]
        effects: [{kind: service_request_created, …}]
        tier_changes: [{from: ivr, to: tier1, reason: caller_requested_live_assistance, state: …}]
        scripts: [case-status@2]
        cases:                # only when another call changed a case since the call read it: what this step read
          - receipt_number: WAC2690250102   # a case of `cases` above
            biometrics: {appointment: '2026-11-25T09:00:00-08:00', location: …, times_rescheduled: 2}
            service_requests: [{reference: '2611230001', type: expedite, created: '2026-11-23', status: open}]  # added
      - say: um my finger prints appointment
        confidence: 0.92      # the recogniser's, replayed with the words
        understood: {outcome: route, choice: '2', score: 1.0, alternatives: [['2', 1.0], ['3', 0.25]]}
      - say: my green card never came in the mail    # at the Tier 1 topic question: the script read
        understood: {outcome: route, score: 0.97, choice: card-not-received, alternatives: [[card-not-received, 0.97],
                     [notice-not-received, 0.41]], by: scripts}

It does no replaying (`ivr.qa.replay`) and no redaction (`ivr.qa.redact`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ivr.core import agent as agent_events
from ivr.core.events import CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech
from ivr.definitions import yamlsource
from ivr.definitions.checks import Checker, join, kind_of
from ivr.definitions.yamlsource import line_of, load_file

_Made = TypeVar("_Made")

TRANSCRIPT_VERSION = 1
SUFFIX = ".transcript.yaml"

INPUT_KINDS = ("start", "press", "say", "silence", "hang_up", "resume", "agent")
"""What a caller can do at a step, as the files name it."""

VALUED_INPUTS = ("press", "say", "agent")
_INPUT_SET = frozenset(INPUT_KINDS)
_INPUT_NAMES = {kind: kind for kind in INPUT_KINDS}
TOP_KEYS = ("version", "call", "settings", "cases", "sequences", "steps")
CALL_KEYS = ("sid", "channel", "flow", "flow_version", "started_at", "caller", "redacted")
SETTING_KEYS = ("SCRIPT_PINS", "TIER_ROUTING")
"""The settings that change a call's path, recorded with it and replayed with it."""

STEP_KEYS = INPUT_KINDS + (
    "at",
    "in",
    "heard",
    "state",
    "tier",
    "language",
    "entered",
    "actions",
    "effects",
    "tier_changes",
    "scripts",
    "fault",
    "confidence",  # with `say`: the recogniser's confidence, when low enough to change the path
    "understood",
    "cases",  # what the step read that the call's own steps do not explain (another call's change)
)
HEARD_KEYS = ("prompt", "text", "language")
CASE_KEYS = (
    "receipt_number", "form", "status", "date_of_birth", "applicant_name", "office", "biometrics",
    "field_office_appointment", "service_requests", "a_number", "phone", "country", "outside_us", "representative",
)
"""What a step's read of a case may hold: the case data's keys (docs/test-calls.md)."""
UNDERSTOOD_KEYS = ("outcome", "choice", "score", "alternatives", "by")
"""An `understood:` entry's keys: `by` names what decided when not the keywords (`Understanding.to_data`)."""

_EVENT_INPUTS = {
    "call_started": "start",
    "digits": "press",
    "speech": "say",
    "no_input": "silence",
    "hang_up": "hang_up",
    "resume": "resume",
    "agent": "agent",
}

_HEADER = (
    "# A recorded call (ivr transcript). `ivr replay` runs it against the current flows and\n"
    "# scripts and shows the first place where the call would now go another way.\n"
)


# --- values ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallerInput:
    """What the caller did at one step: `press "1"`, `say "english"`, silence, hang up…"""

    kind: str
    value: str | None = None
    confidence: float | None = None  # `say` only, and only when the recogniser was unsure

    def event(self, now: dt.datetime, caller: str | None = None) -> Event:
        """The engine event this input stands for, observed at `now`."""
        if self.kind == "press":
            return Digits(now, self.value or "")
        if self.kind == "say":
            return Speech(now, self.value or "", self.confidence)
        if self.kind == "silence":
            return NoInput(now)
        if self.kind == "hang_up":
            return HangUp(now)
        if self.kind == "resume":
            return Resume(now)
        if self.kind == "agent":
            return agent_events.from_json(now, self.value or "{}")
        return CallStarted(now, caller)

    def describe(self) -> str:
        """The input in words, for diffs: `pressed "1"`, `said "english"`."""
        match self.kind:
            case "press":
                return f"pressed {json.dumps(self.value, ensure_ascii=False)}"
            case "say":
                return f"said {json.dumps(self.value, ensure_ascii=False)}"
            case "silence":
                return "said nothing"
            case "hang_up":
                return "hung up"
            case "resume":
                return "came back from live assistance"
            case "agent":
                return f"agent did {self.value}"
        return "called"

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {self.kind: self.value if self.kind in VALUED_INPUTS else True}
        if self.confidence is not None:
            data["confidence"] = self.confidence
        return data

    @classmethod
    def from_entry(cls, described: Mapping[str, Any]) -> CallerInput:
        """The input of a store entry (`{"kind": "digits", "value": "1"}`)."""
        kind = _EVENT_INPUTS.get(str(described.get("kind")), "start")
        value = described.get("value")
        confidence = _confidence(described.get("confidence")) if kind == "say" else None
        return cls(kind, str(value) if kind in VALUED_INPUTS and value is not None else None, confidence)


@dataclass(frozen=True)
class Heard:
    """One prompt the caller heard: its id, the text spoken and its language."""

    prompt: str
    text: str
    language: str


def _heard(prompt: str, text: str, language: str) -> Heard:
    """`Heard(prompt, text, language)`, without the frozen dataclass's per-field setattr."""
    heard = object.__new__(Heard)
    fields = heard.__dict__
    fields["prompt"] = prompt
    fields["text"] = text
    fields["language"] = language
    return heard


def made(cls: type[_Made], fields: dict[str, Any]) -> _Made:
    """`cls(**fields)` for a frozen dataclass without `__post_init__`, given every field (defaults
    included), made without its `__init__`'s `object.__setattr__` per field.

    The same object: a frozen dataclass's `__init__` only sets each field in the instance's
    `__dict__`.  A replay reads a test call's or a transcript's steps, expectations and inputs
    for every file, thousands of them, and the per-field calls were a few percent of reading it."""
    thing = object.__new__(cls)
    thing.__dict__.update(fields)
    return thing


@dataclass(frozen=True)
class Observation:
    """What one step of a call produced: what was said, where the call went, what it changed."""

    heard: tuple[Heard, ...]
    state: str
    tier: str
    language: str
    entered: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    effects: tuple[Mapping[str, Any], ...] = ()
    tier_changes: tuple[Mapping[str, Any], ...] = ()
    scripts: tuple[str, ...] = ()
    fault: str | None = None
    understood: Mapping[str, Any] | None = None  # how the caller's words were understood (not compared on replay)

    @property
    def hung_up(self) -> bool:
        return "hang_up" in self.actions

    @property
    def text(self) -> str:
        """Everything said in the step, as one string."""
        return " ".join(heard.text for heard in self.heard)

    def comparable(self) -> tuple[Any, ...]:
        """The parts replay holds against the recording (not the states passed through on the way)."""
        return (
            self.heard,
            self.state,
            self.tier,
            self.language,
            self.actions,
            self.effects,
            tuple((c.get("from"), c.get("to"), c.get("reason")) for c in self.tier_changes),
            self.scripts,
            self.fault,
        )

    def lines(self) -> list[str]:
        """The observation as diff lines: one per prompt, state, effect…"""
        lines = [f"say {h.prompt}{'' if h.language == self.language else f' ({h.language})'}: {_quote(h.text)}" for h in self.heard]
        lines += [f"script {ref}" for ref in self.scripts]
        lines += [
            f"tier change {c.get('from')} -> {c.get('to')} ({c.get('reason')}) in {c.get('state')}" for c in self.tier_changes
        ]
        lines += [f"effect {e.get('kind')} {_compact_json({k: v for k, v in e.items() if k != 'kind'})}" for e in self.effects]
        lines += [f"then {action}" for action in self.actions if not action.startswith("gather")]
        if self.fault:
            lines.append(f"fault {self.fault}")
        if self.understood:
            lines.append(f"understood {understood_text(self.understood)}")
        lines.append(f"state {self.state} (tier {self.tier}, language {self.language})")
        return lines

    @classmethod
    def from_entry(cls, entry: Mapping[str, Any]) -> Observation:
        """The observation of a store `step` entry (`ivr.calls`)."""
        language = str(entry.get("language", "en"))
        # Made as the frozen dataclass's own `__init__` would make it, without its per-field setattr:
        # replay makes one per step.  Lists made first (a generator inside `tuple()` costs more), and
        # nothing made for what a step seldom has (effects, tier changes).
        effects = entry.get("effects")
        changes = entry.get("tier_changes")
        understood = entry.get("understood")
        seen = object.__new__(cls)
        fields = seen.__dict__
        fields["heard"] = tuple([
            _heard(str(p["id"]), str(p["text"]), str(p.get("language") or language)) for p in entry.get("prompts", ())
        ])
        fields["state"] = str(entry["state"])
        fields["tier"] = str(entry["tier"])
        fields["language"] = language
        fields["entered"] = tuple(entry.get("entered", ()))
        fields["actions"] = tuple([action_text(a) for a in entry.get("actions", ())])
        fields["effects"] = tuple([_plain_json(e) for e in effects]) if effects else ()
        fields["tier_changes"] = tuple([_tier_change(c) for c in changes]) if changes else ()
        fields["scripts"] = tuple(entry.get("scripts", ()))
        fields["fault"] = entry.get("fault")
        fields["understood"] = _plain_json(understood) if understood else None
        return seen


@dataclass(frozen=True)
class TranscriptStep:
    """One caller input, when it happened, where the call was, and what it produced."""

    at: dt.datetime
    input: CallerInput
    state_before: str
    observed: Observation
    line: int = 0
    cases: tuple[Mapping[str, Any], ...] = ()  # the step's reads of cases another call changed: fields, requests added


@dataclass(frozen=True)
class Transcript:
    """A recorded call, ready to replay: inputs, what was heard, and the world it ran in."""

    call_sid: str
    flow_id: str
    flow_version: str
    started_at: str
    steps: tuple[TranscriptStep, ...]
    channel: str = "phone"
    caller: str | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    cases: tuple[Mapping[str, Any], ...] = ()
    sequences: tuple[tuple[str, int], ...] = ()
    redacted: bool = False
    path: str = ""

    @property
    def scripts(self) -> tuple[str, ...]:
        """Every script `id@version` the call heard, in order."""
        return tuple(ref for step in self.steps for ref in step.observed.scripts)


def action_text(action: Mapping[str, Any]) -> str:
    """A store action entry as a short text: `gather dtmf speech`, `enqueue tier1 (queue tier1)`, `hang_up`."""
    kind = str(action.get("kind"))
    if kind == "gather":
        return f"gather {action.get('input')}"
    if kind == "enqueue":
        return f"enqueue {action.get('tier')} (queue {action.get('queue')})"
    if kind == "dial":
        return f"dial {action.get('tier')}"
    if kind == "redirect":
        return f"redirect ({action.get('reason')})"
    return kind


# --- from the store ------------------------------------------------------------------------------


def from_entries(entries: Iterable[Mapping[str, Any]]) -> list[Transcript]:
    """The transcripts in a call's store entries: one per `call` header (a call id may be reused)."""
    groups: list[tuple[Mapping[str, Any], list[Mapping[str, Any]]]] = []
    for entry in entries:
        if entry.get("type") == "call":
            groups.append((entry, []))
        elif entry.get("type") == "step" and groups:
            groups[-1][1].append(entry)
    return [_from_group(header, steps) for header, steps in groups if steps]


def _from_group(header: Mapping[str, Any], entries: list[Mapping[str, Any]]) -> Transcript:
    reads = _Reads()
    sequences: list[tuple[str, int]] = []
    steps = []
    for entry in entries:
        read = reads.step(entry.get("cases") or {})
        reads.after(entry.get("effects") or ())
        sequences += [(str(name), int(value)) for name, value in entry.get("sequences", ())]
        steps.append(
            TranscriptStep(
                at=dt.datetime.fromisoformat(entry["at"]),
                input=CallerInput.from_entry(entry.get("input") or {}),
                state_before=str(entry.get("state_before", "")),
                observed=Observation.from_entry(entry),
                cases=read,
            )
        )
    flow = header.get("flow") or {}
    settings = {
        "SCRIPT_PINS": dict(header.get("script_pins") or {}),
        "TIER_ROUTING": dict(header.get("tier_routing") or {}),
    }
    return Transcript(
        call_sid=str(header.get("call_sid", "")),
        channel=str(header.get("channel", "phone")),
        flow_id=str(flow.get("id", "")),
        flow_version=str(flow.get("version", "")),
        started_at=str(header.get("started_at", "")),
        caller=header.get("caller"),
        settings=settings,
        cases=tuple(reads.first.values()),
        sequences=tuple(sequences),
        steps=tuple(steps),
    )


class _Reads:
    """What a call's steps read of cases, as replay will hand it back.

    The first read of a case is the call's snapshot (`Transcript.cases`).  A later read is what
    replay would hand the step (the last read, with what the call's own effects changed since)
    unless another call changed the case meanwhile: then the step keeps the difference only
    (the fields that differ; the service requests read for the first time, which join the
    snapshot from that step on), never the whole case.  Requests the call made itself are left
    out: replay makes them again.
    """

    def __init__(self) -> None:
        self.first: dict[str, dict[str, Any]] = {}
        self.seen: dict[str, dict[str, Any]] = {}  # receipt -> what replay hands a step that reads it
        self.own: dict[str, dict[str, Any]] = {}  # receipt -> fields the call's own effects set since
        self.made: set[str] = set()

    def step(self, read: Mapping[str, Any]) -> tuple[dict[str, Any], ...]:
        """The differences of one step's reads (`{receipt: case as read}`) from what replay would hand it."""
        found = []
        for receipt, snapshot in read.items():
            case = dict(_plain_json(snapshot))
            requests = [item for item in case.pop("service_requests", None) or () if str(item.get("reference")) not in self.made]
            view = self.seen.get(receipt)
            if view is None:
                first = _plain_json(snapshot)
                if first.get("service_requests"):
                    first["service_requests"] = requests or None
                self.first[receipt] = first
                self.seen[receipt] = {**case, "service_requests": requests}
                continue
            expected = {**view, **self.own.get(receipt, {})}
            keys = [*case, *(key for key in expected if key not in case and key != "service_requests")]
            # a field the read lacks was emptied (a cancelled appointment is left out of a case's data)
            changed = {key: case.get(key) for key in keys if key != "receipt_number" and expected.get(key) != case.get(key)}
            have = {str(item.get("reference")) for item in view["service_requests"]}
            added = [item for item in requests if str(item.get("reference")) not in have]
            if not changed and not added:
                continue
            view.update(changed)
            view["service_requests"] = view["service_requests"] + added
            for key in changed:
                self.own.get(receipt, {}).pop(key, None)
            found.append({"receipt_number": case.get("receipt_number", receipt), **changed, **({"service_requests": added} if added else {})})
        return tuple(found)

    def after(self, effects: Iterable[Mapping[str, Any]]) -> None:
        """Note what the step's own effects changed: replay changes it again."""
        for effect in effects:
            if effect.get("kind") == "case_updated" and isinstance(effect.get("changes"), Mapping):
                self.own.setdefault(str(effect.get("receipt")), {}).update(_plain_json(effect["changes"]))
            elif effect.get("kind") == "service_request_created":
                self.made.add(str(effect.get("reference")))


# --- writing -------------------------------------------------------------------------------------


def to_data(transcript: Transcript) -> dict[str, Any]:
    """The transcript as plain data in the file's shape."""
    call: dict[str, Any] = {
        "sid": transcript.call_sid,
        "channel": transcript.channel,
        "flow": transcript.flow_id,
        "flow_version": transcript.flow_version,
        "started_at": transcript.started_at,
        "caller": transcript.caller,
        "redacted": transcript.redacted,
    }
    return {
        "version": TRANSCRIPT_VERSION,
        "call": call,
        "settings": {key: _plain_json(transcript.settings.get(key) or {}) for key in SETTING_KEYS},
        "cases": [_plain_json(case) for case in transcript.cases],
        "sequences": [[name, value] for name, value in transcript.sequences],
        "steps": [_step_data(step) for step in transcript.steps],
    }


def _step_data(step: TranscriptStep) -> dict[str, Any]:
    seen = step.observed
    data: dict[str, Any] = step.input.to_data()
    data["at"] = step.at.isoformat()
    data["in"] = step.state_before
    data["heard"] = [
        {"prompt": h.prompt, "text": h.text, **({"language": h.language} if h.language != seen.language else {})}
        for h in seen.heard
    ]
    data.update(state=seen.state, tier=seen.tier, language=seen.language, entered=list(seen.entered))
    data["actions"] = list(seen.actions)
    optional = {
        "effects": [_plain_json(e) for e in seen.effects],
        "tier_changes": [_plain_json(c) for c in seen.tier_changes],
        "scripts": list(seen.scripts),
    }
    data.update((key, value) for key, value in optional.items() if value)
    if seen.fault:
        data["fault"] = seen.fault
    if seen.understood:
        data["understood"] = _plain_json(seen.understood)
    if step.cases:
        data["cases"] = [_plain_json(case) for case in step.cases]
    return data


def dumps(transcript: Transcript, title: str | None = None) -> str:
    """The transcript as the text of a `*.transcript.yaml` file (its title, if given, on the first line)."""
    body = yaml.dump(to_data(transcript), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    heading = f"# {' '.join(title.split())}\n" if title else ""
    return heading + _HEADER + body


def write(transcript: Transcript, path: Path | str, title: str | None = None) -> Path:
    """Write the transcript to `path`; return it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dumps(transcript, title), encoding="utf-8")
    return target


def file_name(transcript: Transcript, index: int = 0, title_slug: str = "") -> str:
    """`<title>--CA….transcript.yaml` (with `-2`, `-3`… when a call id carried several calls)."""
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in transcript.call_sid) or "call"
    prefix = f"{title_slug}--" if title_slug else ""
    return f"{prefix}{stem}{f'-{index + 1}' if index else ''}{SUFFIX}"


class _Dumper(yaml.SafeDumper):
    """Block style, with short flat lists inline (`entered: [main_menu]`)."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flat = all(isinstance(item, (str, int)) for item in data) and sum(len(str(i)) for i in data) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat or not data)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data))


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(yamlsource.Text, _represent_str)


# --- reading -------------------------------------------------------------------------------------


def load_transcript(path: Path | str, flows: Iterable[str] | None = None) -> Transcript:
    """Read and check a `*.transcript.yaml` file; raise `DefinitionError` listing every problem.

    Given the ids of the loaded `flows`, the call's flow must be one of them."""
    data, shown = load_file(path)
    checker = Checker(shown)
    transcript = _read(checker, data, shown, None if flows is None else {flow_id.partition("@")[0] for flow_id in flows})
    checker.raise_if_any()
    assert transcript is not None
    return transcript


def _read(checker: Checker, data: Any, shown: str, flows: set[str] | None = None) -> Transcript | None:
    top = checker.mapping(data, "top level", line_of(data))
    if top is None:
        return None
    if top.get("version") != TRANSCRIPT_VERSION:
        checker.problem(top.line_of("version"), "version", f"unsupported or missing version (allowed: {TRANSCRIPT_VERSION})")
        return None
    checker.keys(top, "", TOP_KEYS, required=("version", "call", "steps"))
    call = checker.mapping(top.get("call"), "call", top.line_of("call")) if "call" in top else None
    header: dict[str, Any] = {}
    if call is not None:
        checker.keys(call, "call", CALL_KEYS, required=("sid", "flow", "started_at"))
        for key in ("sid", "channel", "flow", "flow_version", "started_at", "caller"):
            header[key] = checker.text(call, key, "call", required=False) if call.get(key) is not None else None
        if "started_at" in call:
            checker.instant(call, "started_at", "call")
        header["redacted"] = checker.boolean(call, "redacted", "call") if "redacted" in call else False
        if flows is not None and header["flow"] and str(header["flow"]).partition("@")[0] not in flows:
            checker.problem(call.line_of("flow"), "call.flow", f"unknown flow '{header['flow']}' (known: {', '.join(sorted(flows))})")
    settings = _settings(checker, top)
    cases = _cases(checker, top)
    snapshots = {str(case.get("receipt_number")): dict(case) for case in cases}  # each case as the steps read it
    sequences = _sequences(checker, top)
    raw_steps = checker.sequence(top.get("steps"), "steps", top.line_of("steps")) if "steps" in top else None
    steps: list[TranscriptStep] = []
    if raw_steps is not None:
        if not raw_steps:
            checker.problem(raw_steps.line, "steps", "a transcript needs at least one step")
        for index, raw in enumerate(raw_steps):
            step = _read_step(checker, raw, f"steps[{index}]", raw_steps.line_of(index), snapshots)
            if step is not None:
                steps.append(step)
    if checker.problems or call is None:
        return None
    return Transcript(
        call_sid=header["sid"] or "",
        channel=header["channel"] or "phone",
        flow_id=header["flow"] or "",
        flow_version=header["flow_version"] or "",
        started_at=header["started_at"] or "",
        caller=header["caller"],
        settings=settings,
        cases=cases,
        sequences=sequences,
        steps=tuple(steps),
        redacted=bool(header["redacted"]),
        path=shown,
    )


def _settings(checker: Checker, top: yamlsource.Mapping) -> dict[str, Any]:
    if top.get("settings") is None:
        return {}
    raw = checker.mapping(top["settings"], "settings", top.line_of("settings"))
    if raw is None:
        return {}
    checker.keys(raw, "settings", SETTING_KEYS)
    result: dict[str, Any] = {}
    for key in SETTING_KEYS:
        if raw.get(key) is not None and checker.mapping(raw[key], join("settings", key), raw.line_of(key)) is not None:
            result[key] = plain(raw[key])
    return result


def _cases(checker: Checker, top: yamlsource.Mapping) -> tuple[Mapping[str, Any], ...]:
    if top.get("cases") is None:
        return ()
    raw = checker.sequence(top["cases"], "cases", top.line_of("cases"))
    if raw is None:
        return ()
    from ivr.definitions.cases import Case

    cases = []
    for index, item in enumerate(raw):
        where = f"cases[{index}]"
        if checker.mapping(item, where, raw.line_of(index)) is None:
            continue
        try:
            Case.from_dict(item)
        except (KeyError, ValueError, TypeError) as exc:
            checker.problem(raw.line_of(index), where, f"not a case snapshot ({type(exc).__name__}: {exc})")
            continue
        cases.append(plain(item))
    return tuple(cases)


def _sequences(checker: Checker, top: yamlsource.Mapping) -> tuple[tuple[str, int], ...]:
    if top.get("sequences") is None:
        return ()
    raw = checker.sequence(top["sequences"], "sequences", top.line_of("sequences"))
    if raw is None:
        return ()
    result = []
    for index, item in enumerate(raw):
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and type(item[1]) is int):
            checker.problem(raw.line_of(index), f"sequences[{index}]", "expected [name, number]")
            continue
        result.append((str(item[0]), int(item[1])))
    return tuple(result)


def _read_step(
    checker: Checker, raw: Any, where: str, line: int, snapshots: dict[str, dict[str, Any]] | None = None
) -> TranscriptStep | None:
    step = checker.mapping(raw, where, line)
    if step is None:
        return None
    before = len(checker.problems)
    checker.keys(step, where, STEP_KEYS, required=("at", "state", "tier"))
    caller_input = read_input(checker, step, where)
    if caller_input is not None and "confidence" in step:
        confidence = step["confidence"]
        if caller_input.kind != "say" or isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
            checker.problem(step.line_of("confidence"), join(where, "confidence"), "expected the recogniser's confidence in a 'say', a number from 0 to 1")
        else:
            caller_input = CallerInput(caller_input.kind, caller_input.value, float(confidence))
    at = checker.instant(step, "at", where) if "at" in step else None
    heard: list[Heard] = []
    language = checker.text(step, "language", where) if "language" in step else "en"
    raw_heard = checker.sequence(step.get("heard", _empty()), join(where, "heard"), step.line_of("heard"))
    for index, item in enumerate(raw_heard or ()):
        hwhere = f"{where}.heard[{index}]"
        mapping = checker.mapping(item, hwhere, raw_heard.line_of(index) if raw_heard is not None else line)
        if mapping is None:
            continue
        checker.keys(mapping, hwhere, HEARD_KEYS, required=("prompt", "text"))
        prompt = checker.text(mapping, "prompt", hwhere)
        text = mapping.get("text")
        if "text" in mapping and not isinstance(text, str):
            checker.problem(mapping.line_of("text"), f"{hwhere}.text", f"expected text, found {kind_of(text)}")
        spoken = checker.text(mapping, "language", hwhere) if "language" in mapping else language
        if prompt is not None and isinstance(text, str):
            heard.append(_heard(prompt, str(text), spoken or "en"))
    texts = {key: checker.text(step, key, where) if key in step else None for key in ("in", "state", "tier", "fault")}
    lists = {key: _text_list(checker, step, key, where) for key in ("entered", "actions", "scripts")}
    mappings = {key: _mapping_list(checker, step, key, where) for key in ("effects", "tier_changes")}
    read = _step_reads(checker, step, where, {} if snapshots is None else snapshots)
    if len(checker.problems) > before or caller_input is None or at is None:
        return None
    observed = made(Observation, {
        "heard": tuple(heard),
        "state": texts["state"] or "",
        "tier": texts["tier"] or "",
        "language": language or "en",
        "entered": lists["entered"],
        "actions": lists["actions"],
        "effects": mappings["effects"],
        "tier_changes": mappings["tier_changes"],
        "scripts": lists["scripts"],
        "fault": texts["fault"],
        "understood": _understood(checker, step, where),
    })
    return made(TranscriptStep, {
        "at": at, "input": caller_input, "state_before": texts["in"] or "", "observed": observed,
        "line": step.line, "cases": read,
    })


def _step_reads(
    checker: Checker, step: yamlsource.Mapping, where: str, snapshots: dict[str, dict[str, Any]]
) -> tuple[Mapping[str, Any], ...]:
    """A step's `cases`: for cases of the snapshot, the fields another call changed and requests added."""
    if step.get("cases") is None:
        return ()
    raw = checker.sequence(step["cases"], join(where, "cases"), step.line_of("cases"))
    if raw is None:
        return ()
    from ivr.definitions.cases import Case

    found = []
    for index, item in enumerate(raw):
        iwhere = f"{join(where, 'cases')}[{index}]"
        mapping = checker.mapping(item, iwhere, raw.line_of(index))
        if mapping is None:
            continue
        checker.keys(mapping, iwhere, CASE_KEYS, required=("receipt_number",))
        read = plain(mapping)
        receipt = str(read.get("receipt_number", ""))
        if receipt not in snapshots:
            known = ", ".join(sorted(snapshots)) or "none"
            checker.problem(mapping.line, iwhere, f"case '{receipt[:40]}' is not one of the transcript's cases (known: {known})")
            continue
        merged = merge_read(snapshots[receipt], read)
        try:
            Case.from_dict(merged)
        except (KeyError, ValueError, TypeError) as exc:
            checker.problem(mapping.line, iwhere, f"not a case read ({type(exc).__name__}: {exc})")
            continue
        snapshots[receipt] = merged
        found.append(read)
    return tuple(found)


def merge_read(case: Mapping[str, Any], read: Mapping[str, Any]) -> dict[str, Any]:
    """A case snapshot after a step's read of it: its fields replaced, its service requests added."""
    merged = {**case, **{key: value for key, value in read.items() if key != "service_requests"}}
    if read.get("service_requests"):
        merged["service_requests"] = [*(case.get("service_requests") or ()), *read["service_requests"]]
    return merged


def understood_text(understood: Mapping[str, Any]) -> str:
    """How the caller's words were understood, in one line: `route 2 0.93 (3 0.41, 7 0.22)`, with what decided when
    not the keywords (`route case-status 0.98 by examples (…)`)."""
    alternatives = ", ".join(f"{choice} {score}" for choice, score in understood.get("alternatives", ()))
    choice = f" {understood['choice']}" if understood.get("choice") is not None else ""
    by = f" by {understood['by']}" if understood.get("by") else ""
    return f"{understood.get('outcome')}{choice} {understood.get('score')}{by}" + (f" ({alternatives})" if alternatives else "")


def _understood(checker: Checker, step: yamlsource.Mapping, where: str) -> Mapping[str, Any] | None:
    if "understood" not in step:
        return None
    mapping = checker.mapping(step["understood"], join(where, "understood"), step.line_of("understood"))
    if mapping is None:
        return None
    checker.keys(mapping, join(where, "understood"), UNDERSTOOD_KEYS, required=("outcome", "score"))
    understood: dict[str, Any] = _plain_json(dict(mapping))
    return understood


def read_input(checker: Checker, step: yamlsource.Mapping, where: str) -> CallerInput | None:
    """The one input key of a step (`press: "1"`, `say: …`, `silence: true`…); a problem unless exactly one."""
    found = step.keys() & _INPUT_SET  # in C: most steps hold one input and a few other keys
    if len(found) != 1:
        given = [kind for kind in INPUT_KINDS if kind in step]
        what = "has no input" if not given else f"has {len(given)} inputs ({', '.join(given)})"
        checker.problem(step.line, where, f"step {what}: give exactly one of {', '.join(INPUT_KINDS)}")
        return None
    (key,) = found
    kind = _INPUT_NAMES[key]  # the name itself, not the file's key (text that knows its line)
    if kind in VALUED_INPUTS:
        value = step[kind]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            checker.problem(step.line_of(kind), join(where, kind), f"expected text, found {kind_of(value)} (quote keys: \"1\")")
            return None
        if type(value) is int:
            checker.problem(step.line_of(kind), join(where, kind), f"write keys as quoted text: \"{value}\"")
            return None
        if not str(value):
            checker.problem(step.line_of(kind), join(where, kind), "must not be empty")
            return None
        confidence = None
        if "confidence" in step:
            confidence = _confidence(step["confidence"]) if kind == "say" else None
            if confidence is None:
                checker.problem(step.line_of("confidence"), join(where, "confidence"),
                                "a number from 0 to 1, with 'say' only")
                return None
        return made(CallerInput, {"kind": kind, "value": str(value), "confidence": confidence})
    if step[kind] is not True:
        checker.problem(step.line_of(kind), join(where, kind), f"write '{kind}: true'")
        return None
    return made(CallerInput, {"kind": kind, "value": None, "confidence": None})


def _confidence(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if 0.0 <= number <= 1.0 else None


def _text_list(checker: Checker, step: yamlsource.Mapping, key: str, where: str) -> tuple[str, ...]:
    if step.get(key) is None:
        return ()
    raw = checker.sequence(step[key], join(where, key), step.line_of(key))
    if raw is None:
        return ()
    for index, item in enumerate(raw):
        if not isinstance(item, str):
            checker.problem(raw.line_of(index), f"{join(where, key)}[{index}]", f"expected text, found {kind_of(item)}")
    return tuple(str(item) for item in raw)


def _mapping_list(checker: Checker, step: yamlsource.Mapping, key: str, where: str) -> tuple[Mapping[str, Any], ...]:
    if step.get(key) is None:
        return ()
    raw = checker.sequence(step[key], join(where, key), step.line_of(key))
    if raw is None:
        return ()
    result = []
    for index, item in enumerate(raw):
        if checker.mapping(item, f"{join(where, key)}[{index}]", raw.line_of(index)) is not None:
            result.append(plain(item))
    return tuple(result)


# --- helpers -------------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """Loaded YAML (line-aware `Mapping`/`Sequence`/`Text`) as plain dicts, lists and strings."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def _plain_json(value: Any) -> Any:
    """JSON's view of a value (tuples become lists, dates text), as the store would give it back.

    That is `json.loads(json.dumps(plain(value), default=str))`, worked out without the text in
    between (`_json_view`): replay takes this view of every effect and understanding a step
    records, and the round trip through JSON text was about 3% of a replay's CPU."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return _json_view(value)


def _json_view(value: Any) -> Any:
    """What `json.loads(json.dumps(plain(value), default=str))` gives back, built directly."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if isinstance(value, dict):  # `plain` names every key by `str`
        return {str(key): _json_view(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_view(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):  # JSON writes an int subclass (an IntEnum) as its number
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)  # `default=str`: dates, times, anything else JSON cannot write


def _tier_change(change: Mapping[str, Any]) -> dict[str, Any]:
    data = {key: change.get(key) for key in ("from", "to", "reason", "state")}
    context = {key: value for key, value in (change.get("context") or {}).items() if key != "path"}
    if context:
        data["context"] = _plain_json(context)
    return data


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "), default=str)


def _empty() -> yamlsource.Sequence:
    empty = yamlsource.Sequence()
    empty.line = 0
    empty.item_lines = []
    return empty


__all__ = [
    "INPUT_KINDS",
    "SUFFIX",
    "TRANSCRIPT_VERSION",
    "CallerInput",
    "Heard",
    "Observation",
    "Transcript",
    "TranscriptStep",
    "action_text",
    "dumps",
    "file_name",
    "from_entries",
    "load_transcript",
    "merge_read",
    "plain",
    "read_input",
    "to_data",
    "write",
]
