"""Scenarios: a simulated caller's persona, the case, and what a trainee at a seat should do.

A scenario file (`scenarios/*.yaml`, documented in docs/console.md) is data,
validated at load with every problem reported at once as `file:line: where:
what`::

    version: 1
    title: A card that was mailed but never arrived
    seat: tier1                      # the seat the trainee plays: tier1, tier2, supervisor
    clock: 2026-11-23T10:00:00-05:00
    case: YSC2790850108              # a case of the training case data (optional)
    persona:
      language: en                   # en or es
      knows: [receipt, date_of_birth]
      verifies_in_ivr: true          # keys receipt and date of birth in the IVR first
      goal: The card was mailed a month ago and never arrived.
      opening: My card was mailed a month ago but I never got it.
      answers: {card-not-received: "Yes, my address is the same."}   # script id -> reply
      upset_after: decide_good_cause:none    # optional: action[:argument] that upsets them
      asks_for_supervisor: never     # never, opening or when_upset
    before:                          # optional: colleagues at earlier seats
      - {seat: tier1, action: transfer_tier2, reason: Needs an officer.}
    expected:
      scripts: [card-not-received]
      service_request: {type: card_not_received, office: Potomac Service Center}
      escalation: none               # none, tier2 or supervisor
      supervisor_reason: caller_requested_supervisor
      case_details: true
      appointment: booked            # booked or cancelled
      good_cause: illness            # one of seed 000's causes, or none
      untimely: false
      information_verified: true
      office_contacted: true
      office_action: true
      or:                            # optional: another resolution seed 003 allows at the seat, as right
        service_request: {type: other}   # (escalation, supervisor_reason, service_request only; what it does
        escalation: none                 #  not name is expected's; `service_request: none` for no request)

Names are allow-listed: seats, actions, seed 003's supervisor reasons, seed
000's good causes, service request types, the case (against the case data)
and script ids (against the script library).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ivr.core.agent import ACTIONS, NOT_GOOD_CAUSE, SEATS, SUPERVISOR_REASONS
from ivr.definitions.cases import CaseBook
from ivr.definitions.checks import Checker, join
from ivr.definitions.yamlsource import Mapping, line_of, load_file
from ivr.errors import DefinitionError, Problem
from ivr.rules.biometrics import GOOD_CAUSES
from ivr.rules.service_requests import SR_TYPES

SCENARIO_VERSION = 1
SCENARIOS_ROOT = Path(__file__).resolve().parents[2] / "scenarios"
TOP_KEYS = ("version", "title", "seat", "clock", "case", "persona", "before", "expected")
PERSONA_KEYS = ("language", "knows", "verifies_in_ivr", "goal", "opening", "answers", "upset_after", "asks_for_supervisor")
KNOWS = ("receipt", "date_of_birth")
SUPERVISOR_ASKS = ("never", "opening", "when_upset")
ESCALATIONS = ("none", "tier2", "supervisor")
EXPECTED_KEYS = (
    "scripts", "service_request", "escalation", "supervisor_reason", "case_details", "appointment",
    "good_cause", "untimely", "information_verified", "office_contacted", "office_action",
    "answer_within", "resolve_within", "or",
)
ALTERNATIVE_KEYS = ("service_request", "escalation", "supervisor_reason")
"""What an `or:` alternative may say: another way to resolve the inquiry (seed 003's "as appropriate"), or another
of seed 003's reasons for the same supervisor (a caller both upset and asking for one)."""
_INHERITED = ("escalation", "supervisor_reason", "sr_type", "sr_office")
"""What an alternative that does not name it takes from `expected:` (its escalation with the reason, its request)."""
NO_REQUEST = "none"
"""`service_request: none` in an `or:`: the alternative makes no service request where `expected:` makes one."""
APPOINTMENT_OUTCOMES = ("booked", "cancelled")
DEFAULT_ANSWER_WITHIN = 120  # seconds a waiting caller should wait at most for the seat
DEFAULT_RESOLVE_WITHIN = 900  # seconds from answer to resolution


@dataclass(frozen=True)
class Persona:
    """Who calls: their language, what they know and want, and how they react."""

    language: str
    goal: str
    opening: str
    knows: tuple[str, ...] = ()
    verifies_in_ivr: bool = False
    answers: dict[str, str] = field(default_factory=dict, hash=False)
    upset_after: str | None = None
    asks_for_supervisor: str = "never"


@dataclass(frozen=True)
class Colleague:
    """An action a colleague at an earlier seat takes before the trainee's turn."""

    seat: str
    action: str
    args: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Expected:
    """What the trainee at the seat should do (None: the scenario does not judge it)."""

    escalation: str = "none"
    supervisor_reason: str | None = None
    scripts: tuple[str, ...] = ()
    sr_type: str | None = None
    sr_office: str | None = None
    case_details: bool = False
    appointment: str | None = None
    good_cause: str | None = None
    untimely: bool | None = None
    information_verified: bool = False
    office_contacted: bool = False
    office_action: bool = False
    answer_within: int = DEFAULT_ANSWER_WITHIN
    resolve_within: int = DEFAULT_RESOLVE_WITHIN
    alternative: Expected | None = None
    """Another resolution the seat may choose instead (`or:`): its escalation and service request."""


@dataclass(frozen=True)
class Scenario:
    """One practice call for a console seat."""

    id: str
    path: str
    title: str
    seat: str
    clock: dt.datetime
    persona: Persona
    expected: Expected
    case: str | None = None
    before: tuple[Colleague, ...] = ()

    @property
    def console_tiers(self) -> tuple[str, ...]:
        """The tiers this scenario's call sends to the console: the colleagues' seats and the trainee's."""
        return tuple(dict.fromkeys([*(c.seat for c in self.before), self.seat]))


def load_scenarios(cases: CaseBook, script_ids: set[str], root: Path | str = SCENARIOS_ROOT) -> dict[str, Scenario]:
    """Every `*.yaml` scenario under `root`, by id (the file name); every problem of every file at once."""
    problems: list[Problem] = []
    loaded: dict[str, Scenario] = {}
    for path in sorted(Path(root).glob("*.yaml")):
        try:
            scenario = load_scenario(path, cases, script_ids)
        except DefinitionError as error:
            problems += error.problems
            continue
        loaded[scenario.id] = scenario
    if problems:
        raise DefinitionError(problems)
    return loaded


def load_scenario(path: Path | str, cases: CaseBook, script_ids: set[str]) -> Scenario:
    """Read and check one scenario file."""
    data, shown = load_file(path)
    checker = Checker(shown)
    scenario = _read(checker, data, shown, Path(path).stem, cases, script_ids)
    checker.raise_if_any()
    assert scenario is not None
    return scenario


def _read(checker: Checker, data: Any, shown: str, scenario_id: str, cases: CaseBook, script_ids: set[str]) -> Scenario | None:
    top = checker.mapping(data, "top level", line_of(data))
    if top is None:
        return None
    if top.get("version") != SCENARIO_VERSION:
        checker.problem(top.line_of("version"), "version", f"unsupported or missing version (allowed: {SCENARIO_VERSION})")
        return None
    checker.keys(top, "", TOP_KEYS, ("version", "title", "seat", "clock", "persona", "expected"))
    title = checker.text(top, "title", "") if "title" in top else None
    seat = checker.choice(top, "seat", "", SEATS) if "seat" in top else None
    clock = checker.instant(top, "clock", "") if "clock" in top else None
    receipt = checker.text(top, "case", "") if "case" in top else None
    if receipt is not None and cases.get(receipt) is None:
        checker.problem(top.line_of("case"), "case", f"no case '{receipt}' in the case data")
    persona = _persona(checker, top, script_ids)
    if persona is not None and persona.verifies_in_ivr and receipt is None:
        checker.problem(top.line_of("persona"), "persona.verifies_in_ivr", "a caller with no case cannot verify")
    before = _before(checker, top, seat)
    expected = _expected(checker, top, script_ids)
    if checker.problems or None in (title, seat, clock, persona, expected):
        return None
    assert title and seat and clock and persona and expected
    return Scenario(scenario_id, shown, title, seat, clock, persona, expected, receipt.upper() if receipt else None, before)


def _persona(checker: Checker, top: Mapping, script_ids: set[str]) -> Persona | None:
    raw = checker.mapping(top.get("persona"), "persona", top.line_of("persona")) if "persona" in top else None
    if raw is None:
        return None
    where = "persona"
    checker.keys(raw, where, PERSONA_KEYS, ("language", "goal", "opening"))
    language = checker.choice(raw, "language", where, ("en", "es")) if "language" in raw else None
    goal = checker.text(raw, "goal", where) if "goal" in raw else None
    opening = checker.text(raw, "opening", where) if "opening" in raw else None
    knows: list[str] = []
    if "knows" in raw:
        items: list[Any] = checker.sequence(raw["knows"], join(where, "knows"), raw.line_of("knows")) or []
        for item in items:
            if item not in KNOWS:
                checker.problem(raw.line_of("knows"), join(where, "knows"), f"unknown value '{item}' (allowed: {', '.join(KNOWS)})")
            else:
                knows.append(str(item))
    verifies = checker.boolean(raw, "verifies_in_ivr", where) if "verifies_in_ivr" in raw else False
    if verifies and set(knows) != set(KNOWS):
        checker.problem(raw.line_of("verifies_in_ivr"), join(where, "verifies_in_ivr"), "the caller must know receipt and date_of_birth")
    answers: dict[str, str] = {}
    if "answers" in raw:
        mapping = checker.mapping(raw["answers"], join(where, "answers"), raw.line_of("answers"))
        for key in mapping or {}:
            text = checker.text(mapping, key, join(where, "answers")) if mapping is not None else None
            if str(key) not in script_ids:
                checker.problem(raw.line_of("answers"), f"{where}.answers.{key}", _unknown("script", str(key), script_ids))
            if text is not None:
                answers[str(key)] = text
    upset = checker.text(raw, "upset_after", where) if "upset_after" in raw else None
    if upset is not None and upset.split(":", 1)[0] not in ACTIONS:
        checker.problem(raw.line_of("upset_after"), join(where, "upset_after"), _unknown("action", upset.split(":", 1)[0], ACTIONS))
    asks = checker.choice(raw, "asks_for_supervisor", where, SUPERVISOR_ASKS) if "asks_for_supervisor" in raw else "never"
    if language is None or goal is None or opening is None or asks is None:
        return None
    return Persona(language, goal, opening, tuple(knows), bool(verifies), answers, upset, asks)


def _before(checker: Checker, top: Mapping, seat: str | None) -> tuple[Colleague, ...]:
    if "before" not in top:
        return ()
    items = checker.sequence(top["before"], "before", top.line_of("before"))
    result: list[Colleague] = []
    for index, item in enumerate(items or ()):
        where = f"before[{index}]"
        raw = checker.mapping(item, where, line_of(item, top.line_of("before")))
        if raw is None:
            continue
        colleague_seat = checker.choice(raw, "seat", where, SEATS) if "seat" in raw else None
        action = checker.choice(raw, "action", where, sorted(ACTIONS)) if "action" in raw else None
        if colleague_seat is None or action is None:
            checker.problem(raw.line, where, "a colleague's step needs a seat and an action")
            continue
        if seat is not None and SEATS.index(colleague_seat) >= SEATS.index(seat):
            checker.problem(raw.line_of("seat"), join(where, "seat"), f"a colleague's seat comes before the trainee's ({seat})")
        args = {str(key): value for key, value in raw.items() if key not in ("seat", "action")}
        result.append(Colleague(colleague_seat, action, args))
    return tuple(result)


def _expected(
    checker: Checker, top: Mapping, script_ids: set[str], section: str = "expected", first: dict[str, Any] | None = None
) -> Expected | None:
    """The `expected:` section, or (`first`: the values of `expected:`) its `or:` alternative, which names only
    what differs: the escalation (with its reason) and the service request it does not name are `expected:`'s."""
    where = section if section == "expected" else join("expected", section)
    raw = checker.mapping(top.get(section), where, top.line_of(section)) if section in top else None
    if raw is None:
        return None
    checker.keys(raw, where, EXPECTED_KEYS if section == "expected" else ALTERNATIVE_KEYS)
    values: dict[str, Any] = {}
    if first is not None:
        values |= {key: first[key] for key in _INHERITED if key in first}
        if "escalation" in raw:  # another escalation: its own reason, or none
            values.pop("supervisor_reason", None)
        if "service_request" in raw:
            values.pop("sr_type", None)
            values.pop("sr_office", None)
    if "escalation" in raw:
        values["escalation"] = checker.choice(raw, "escalation", where, ESCALATIONS)
    if "supervisor_reason" in raw:
        values["supervisor_reason"] = checker.choice(raw, "supervisor_reason", where, SUPERVISOR_REASONS)
    if (values.get("escalation") == "supervisor") != ("supervisor_reason" in values):
        checker.problem(raw.line, where, "give supervisor_reason exactly when escalation is supervisor")
    if first is not None and all(_resolution(values, key) == _resolution(first, key) for key in _INHERITED):
        checker.problem(raw.line, where, "names the same resolution as expected (an alternative differs in escalation, "
                        "supervisor_reason or service_request)")
    if "scripts" in raw:
        items: list[Any] = checker.sequence(raw["scripts"], join(where, "scripts"), raw.line_of("scripts")) or []
        for item in items:
            if str(item) not in script_ids:
                checker.problem(raw.line_of("scripts"), join(where, "scripts"), _unknown("script", str(item), script_ids))
        values["scripts"] = tuple(str(item) for item in items)
    if "service_request" in raw and first is not None and raw["service_request"] == NO_REQUEST:
        pass  # the alternative makes no service request (where `expected:` makes one)
    elif "service_request" in raw:
        sr = checker.mapping(raw["service_request"], join(where, "service_request"), raw.line_of("service_request"))
        if sr is not None:
            checker.keys(sr, join(where, "service_request"), ("type", "office"), ("type",))
            values["sr_type"] = checker.choice(sr, "type", join(where, "service_request"), SR_TYPES) if "type" in sr else None
            values["sr_office"] = checker.text(sr, "office", join(where, "service_request")) if "office" in sr else None
    if "appointment" in raw:
        values["appointment"] = checker.choice(raw, "appointment", where, APPOINTMENT_OUTCOMES)
    if "good_cause" in raw:
        values["good_cause"] = checker.choice(raw, "good_cause", where, [c.code for c in GOOD_CAUSES] + [NOT_GOOD_CAUSE])
    for key in ("case_details", "untimely", "information_verified", "office_contacted", "office_action"):
        if key in raw:
            values[key] = checker.boolean(raw, key, where)
    for key in ("answer_within", "resolve_within"):
        if key in raw:
            values[key] = checker.integer(raw, key, where, minimum=1)
    if "or" in raw and section == "expected":
        values["alternative"] = _expected(checker, raw, script_ids, "or", values)
    if any(value is None for name, value in values.items() if name not in ("sr_office",)):
        return None
    return Expected(**values)


def _resolution(values: dict[str, Any], key: str) -> Any:
    return values.get(key, "none" if key == "escalation" else None)


def _unknown(what: str, name: str, known: Any) -> str:
    listed = sorted(known)
    return f"unknown {what} '{name}' (known: {', '.join(listed[:12])}{', …' if len(listed) > 12 else ''})"
