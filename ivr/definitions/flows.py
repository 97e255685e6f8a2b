"""Loading and validating flow files (`flows/*.yaml`) into `ivr.core.flow.Flow`.

Owns the flow language: its keys (`*_KEYS` below, held against
`flows/schema.json` by a test), the per-state checks and the graph checks
(unknown targets, unreachable states, states that cannot reach an end, menus
without no-input or no-match handling, missing English or Spanish text,
names missing from the registry, Spanish the glossary avoids:
`ivr.rules.glossary.avoided_forms`).  Every problem of a file is reported at
once as `flows/x.yaml:LINE: where: what (allowed: ...)`.

Runs at start-up only; nothing here is on the per-request path.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
import string
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from ivr.core.flow import (
    ESCALATIONS,
    GLOBAL_PURPOSES,
    KEYED_PURPOSES,
    LANGUAGES,
    STATE_KINDS,
    TIER_CHANGE_REASONS,
    TIERS,
    Branch,
    Flow,
    GlobalKeys,
    InputMode,
    Intent,
    Language,
    Option,
    ScriptLine,
    ScriptLines,
    State,
    StateKind,
    Text,
    Tier,
)
from ivr.core.agent import SEAT_LABELS
from ivr.core.registry import Registry, builtin_registry
from ivr.core.understanding import phrase_words
from ivr.definitions import yamlsource
from ivr.definitions.callback_words import check_callback_messages, records_callback
from ivr.definitions.line_words import check_line_messages
from ivr.definitions.checks import Checker, join, kind_of
from ivr.definitions.examples import read_examples
from ivr.definitions.yamlsource import Mapping, excerpt, load_file, load_text
from ivr.errors import DefinitionError, Problem, display_path
from ivr.notify import SMS_MESSAGES
from ivr.routing import CALLBACK_MESSAGES, CALLBACK_WHO, QUEUE_MESSAGES
from ivr.rules.glossary import avoided_forms

FLOW_FORMAT_VERSION = 1
FLOWS_ROOT = Path(__file__).resolve().parents[2] / "flows"

TOP_KEYS = (
    "version", "id", "title", "start", "defaults", "keys", "intents", "messages", "escalation", "include", "examples", "settled", "states"
)
FRAGMENT_KEYS = ("version", "description", "states")
TOP_REQUIRED = ("version", "id", "start", "keys", "escalation", "states")
DEFAULTS_KEYS = ("max_attempts", "timeout")
KEYS_REQUIRED = KEYED_PURPOSES  # representative, repeat, previous: a key each
KEYS_KEYS = GLOBAL_PURPOSES  # ... and supervisor: phrases only (seed 003: "at any time")
GLOBAL_KEY_KEYS = ("key", "phrases")
FILLED_MESSAGES: dict[str, tuple[str, ...]] = {
    **CALLBACK_MESSAGES,
    **{name: () for name in CALLBACK_WHO.values()},
    **QUEUE_MESSAGES,
    **SMS_MESSAGES,
}
"""The messages code fills with their own placeholders only (`ivr.definitions.callback_words`, `line_words`)."""
MESSAGE_KEYS = ("no_input", "no_match", "global_keys", "confirm", "apology", "clarify", *FILLED_MESSAGES)
MESSAGES_REQUIRED = ("global_keys", "confirm", "apology")
SCRIPT_LINES_KEYS = ("menu", "lines")
SCRIPT_LINE_KEYS = ("scripts", "menu", "choices")
ESCALATION_KEYS = ESCALATIONS
ESCALATION_REQUIRED = ("representative", "max_attempts")
FINISH_KEY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {"#": {"en": ("pound", "hash"), "es": ("numeral", "gato")}, "*": {"en": ("star",), "es": ("asterisco",)}}
"""How a prompt names a finish key: a variable-length keyed answer must announce it."""
DEFAULT_FINISH_KEY = "#"  # Twilio's finishOnKey default
COMMON_STATE_KEYS = ("kind", "tier", "prompt", "description")
WAITING_KEYS = ("reprompt", "no_input", "no_match", "max_attempts", "timeout", "hints")
STATE_KEYS: dict[str, tuple[str, ...]] = {
    "menu": COMMON_STATE_KEYS + WAITING_KEYS + ("options", "bilingual", "announce_keys"),
    "collect": COMMON_STATE_KEYS
    + WAITING_KEYS
    + ("input", "validator", "into", "num_digits", "finish_on_key", "confirm", "goto", "script_lines"),
    "message": COMMON_STATE_KEYS + ("goto",),
    "action": COMMON_STATE_KEYS + ("run", "args", "on"),
    "branch": COMMON_STATE_KEYS + ("branches",),
    "transfer": COMMON_STATE_KEYS + ("to", "reason", "goto"),
    "hangup": COMMON_STATE_KEYS,
}
STATE_REQUIRED: dict[str, tuple[str, ...]] = {
    "menu": ("options",),
    "collect": ("prompt", "validator", "into", "goto"),
    "message": ("prompt", "goto"),
    "action": ("run", "on"),
    "branch": ("branches",),
    "transfer": ("to", "reason", "goto"),
    "hangup": ("prompt",),
}
OPTION_KEYS = ("topic", "phrases", "goto", "when", "language")
INTENT_KEYS = ("topic", "phrases", "goto")
BRANCH_KEYS = ("when", "goto")
INPUT_MODES = ("dtmf", "speech", "dtmf speech")
OPTION_KEY_CHARS = tuple("0123456789*#")

_STATE_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
_FLOW_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_VAR_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MESSAGE_VARIABLES = {
    "messages.confirm": ("value",),
    "messages.clarify": ("first", "second"),
    **{f"messages.{name}": variables for name, variables in FILLED_MESSAGES.items()},
}
"""The placeholders a message fills itself: the value read back, the two topics of a clarifying question, the
call-back, queue and SMS words' (`FILLED_MESSAGES`: those only, `ivr.definitions.callback_words`, `line_words`)."""
ENGINE_VARIABLES = frozenset({"service_item"})
"""Session variables the engine sets itself (the service item of a call-back it records)."""


def load_flow(path: Path | str, registry: Registry | None = None, read: list[Path] | None = None) -> Flow:
    """Load and validate one flow file; raise `DefinitionError` listing every problem.

    `read`, when given, gets the path of every file read: the flow's and its fragments'."""
    data, shown = load_file(path)
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw)
    if read is not None:
        read.append(Path(path))
    return _build(data, shown, digest, registry or builtin_registry(), Path(path).parent, read, _text_of(raw))


def load_flow_text(text: str, shown_path: str, registry: Registry | None = None) -> Flow:
    """Validate flow text (for tests and editors) as if it were the file `shown_path`."""
    data = load_text(text, shown_path)
    return _build(data, shown_path, hashlib.sha256(text.encode()), registry or builtin_registry(), Path(shown_path).parent, None, text)


def load_flows(
    paths: Iterable[Path | str] | None = None, registry: Registry | None = None, read: list[Path] | None = None
) -> dict[str, Flow]:
    """Load every flow (all of `flows/*.yaml` by default); problems of all files at once.

    `read`, when given, gets the path of every file read (flows and their fragments)."""
    files = sorted(FLOWS_ROOT.glob("*.yaml")) if paths is None else [Path(p) for p in paths]
    flows: dict[str, Flow] = {}
    problems: list[Problem] = []
    for file in files:
        try:
            flow = load_flow(file, registry, read)
        except DefinitionError as error:
            problems.extend(error.problems)
            continue
        if flow.id in flows:
            problems.append(Problem(display_path(file), 1, "id", f"flow id '{flow.id}' is used by {flows[flow.id].path} too"))
        flows[flow.id] = flow
    if problems:
        raise DefinitionError(problems)
    return flows


def _text_of(raw: bytes) -> str:
    """A file's text as YAML read it (the loader refused anything else), for problems to name their line."""
    return raw.decode("utf-8", errors="replace").removeprefix("\ufeff")


def _build(
    data: Any, path: str, digest: Any, registry: Registry, base: Path, read: list[Path] | None = None, source: str = ""
) -> Flow:
    check = Checker(path, spanish=avoided_forms, source=source)
    top = check.mapping(data, "", 1)
    if top is None:
        check.raise_if_any()
        raise AssertionError("unreachable")
    if "version" not in top:
        check.problem(top.line, "top level", f"missing required key 'version' (this program reads version {FLOW_FORMAT_VERSION})")
        check.raise_if_any()
    if not _is_format_version(top.get("version")):
        check.problem(
            top.line_of("version"), "version", f"unsupported flow version {_written(top.get('version'))} (this program reads {FLOW_FORMAT_VERSION})"
        )
        check.raise_if_any()
    check.keys(top, "", TOP_KEYS, TOP_REQUIRED)
    fragments = _fragments(check, top, base, digest, read)
    builder = _FlowBuilder(check, registry, top, fragments)
    flow = builder.build(path, digest.hexdigest()[:12])
    taught: list[Checker] = []
    if flow is not None and ("examples" in top or "settled" in top):  # training data (ivr.definitions.examples)
        examples, taught = read_examples(check, top, base, digest, flow, read)  # joins the content hash
        settled, learnt = read_examples(check, top, base, digest, flow, read, "settled")
        taught += learnt
        flow = dataclasses.replace(flow, examples=examples, settled=settled, content_hash=digest.hexdigest()[:12])
    if flow is not None and read is not None and any(state.script_lines for state in flow.states.values()):
        from ivr.definitions.scripts import SCRIPTS_ROOT, LOCK_NAME

        read.append(SCRIPTS_ROOT / LOCK_NAME)  # the script ids `script_lines:` names were checked against it
    problems = [p for c in (check, *(f[0] for f in fragments), *taught) for p in c.problems]
    if problems:
        raise DefinitionError(problems)
    assert flow is not None
    return flow


def _fragments(check: Checker, top: Mapping, base: Path, digest: Any, read: list[Path] | None) -> list[tuple[Checker, Mapping]]:
    """The files named by `include:`, each holding more `states:` (a big flow split by topic)."""
    if "include" not in top:
        return []
    names = check.sequence(top["include"], "include", top.line_of("include"))
    fragments: list[tuple[Checker, Mapping]] = []
    seen: dict[Path, int] = {}
    for index, name in enumerate(names or ()):
        line = names.line_of(index)  # type: ignore[union-attr]
        where = f"include[{index}]"
        if not isinstance(name, str):
            check.problem(line, where, f"expected a file name, found {kind_of(name)}")
            continue
        try:
            path = yamlsource.inside(base, name)
        except ValueError as refused:
            check.problem(line, where, f"cannot include {refused}")
            continue
        if path == Path(check.path).resolve():
            check.problem(line, where, f"include cycle: '{excerpt(name, 60)}' is this flow itself")
            continue
        if path in seen:
            check.problem(line, where, f"'{excerpt(name, 60)}' is already included on line {seen[path]}")
            continue
        seen[path] = line
        try:
            data, shown = load_file(path)
        except DefinitionError as error:
            for problem in error.problems:
                if problem.what in ("file not found", "a folder, not a file"):
                    check.problem(line, where, f"cannot include '{excerpt(name, 60)}': {problem.what}")
                else:
                    check.problems.append(problem)
            continue
        raw = path.read_bytes()
        digest.update(raw)
        if read is not None:
            read.append(path)
        fragment_check = Checker(shown, spanish=avoided_forms, source=_text_of(raw))
        body = fragment_check.mapping(data, "", 1)
        if body is None:
            fragments.append((fragment_check, Mapping()))
            continue
        fragment_check.keys(body, "", FRAGMENT_KEYS, ("version", "states"))
        if "version" in body and not _is_format_version(body["version"]):
            fragment_check.problem(body.line_of("version"), "version", f"unsupported flow version {_written(body['version'])} (this program reads {FLOW_FORMAT_VERSION})")
        states = fragment_check.mapping(body.get("states"), "states", body.line_of("states")) if "states" in body else None
        fragments.append((fragment_check, states if states is not None else _empty_mapping()))
    return fragments


def _published_script_ids() -> frozenset[str]:
    """The ids of the response scripts some published version defines (`scripts/published.lock`)."""
    from ivr.definitions.scripts import published_ids  # the scripts' module reads flows' checks: imported late

    return published_ids()


def _is_format_version(value: Any) -> bool:
    # `true == 1` and `1.0 == 1` in Python; only the whole number 1 is version 1.
    return type(value) is int and value == FLOW_FORMAT_VERSION


def _written(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else repr(value)


def _empty_mapping() -> Mapping:
    empty = Mapping()
    empty.line = 1
    empty.key_lines = {}
    return empty


class _FlowBuilder:
    def __init__(self, check: Checker, registry: Registry, top: Mapping, fragments: list[tuple[Checker, Mapping]]) -> None:
        self.check = check
        self.main_check = check
        self.registry = registry
        self.top = top
        self.fragments = fragments
        self.origin: dict[str, tuple[Checker, Mapping]] = {}
        # Menus named by `script_lines:`, checked once every state is read: (file, line, where, state, its choices named).
        self.menus_named: list[tuple[Checker, int, str, str, tuple[str, ...]]] = []
        # Every `{name}` of a text: (file, where, name) -> (file's checker, mapping, key, the languages naming it).
        self.placeholders: dict[tuple[int, str, str], tuple[Checker, Mapping, str, list[str]]] = {}
        defaults = top.get("defaults")
        self.default_attempts = 3
        self.default_timeout = 6
        if defaults is not None:
            d = check.mapping(defaults, "defaults", top.line_of("defaults"))
            if d is not None:
                check.keys(d, "defaults", DEFAULTS_KEYS)
                if "max_attempts" in d:
                    self.default_attempts = check.integer(d, "max_attempts", "defaults", 1) or 3
                if "timeout" in d:
                    self.default_timeout = check.integer(d, "timeout", "defaults", 1) or 6

    # --- top level --------------------------------------------------------------

    def build(self, path: str, digest: str) -> Flow | None:
        check, top = self.check, self.top
        flow_id = check.text(top, "id", "id") if "id" in top else None
        if flow_id is not None and not _FLOW_ID.match(flow_id):
            check.problem(top.line_of("id"), "id", f"'{flow_id}' is not a flow id (lower-case letters, digits, _)")
        title = (check.text(top, "title", "title") if "title" in top else None) or flow_id or ""
        keys = self._keys()
        intents = self._intents()
        messages = self._messages()
        states_raw = check.mapping(top.get("states"), "states", top.line_of("states")) if "states" in top else None
        states: dict[str, State] = {}
        sources = [(check, states_raw)] + list(self.fragments) if states_raw is not None else list(self.fragments)
        for source_check, source in sources:
            self.check = source_check
            for name, raw in source.items():
                if name in self.origin:
                    other = self.origin[name]
                    source_check.problem(source.line_of(name), f"states.{name}", f"state defined twice (also at {other[0].path}:{other[1].line_of(name)})")
                    continue
                self.origin[name] = (source_check, source)
                state = self._state(name, raw, source.line_of(name), keys, messages)
                if state is not None:
                    states[name] = state
        self.check = check
        start = check.text(top, "start", "start") if "start" in top else None
        escalation = self._escalation()
        if states_raw is None or start is None or keys is None or escalation is None:
            return None
        self._menus_named(states, intents)
        self._graph(states, start, escalation, intents)
        self._placeholders(states)
        if check.problems or any(f[0].problems for f in self.fragments):
            return None
        return Flow(
            id=cast(str, flow_id),
            title=title,
            path=path,
            content_hash=digest,
            start=start,
            keys=keys,
            messages=messages,
            representative_state=escalation["representative"]["ivr"],
            max_attempts_state=escalation["max_attempts"]["ivr"],
            states=states,
            intents=intents,
            escalation=escalation,
        )

    def _keys(self) -> GlobalKeys | None:
        check = self.check
        if "keys" not in self.top:
            return None
        raw = check.mapping(self.top["keys"], "keys", self.top.line_of("keys"))
        if raw is None:
            return None
        check.keys(raw, "keys", KEYS_KEYS, KEYS_REQUIRED)
        chosen: dict[str, str] = {}
        phrases: dict[str, dict[str, tuple[str, ...]]] = {}
        for purpose in KEYS_KEYS:
            if purpose not in raw:
                continue
            where = f"keys.{purpose}"
            entry = check.mapping(raw[purpose], where, raw.line_of(purpose))
            if entry is None:
                continue
            keyed = purpose in KEYS_REQUIRED
            check.keys(entry, where, GLOBAL_KEY_KEYS if keyed else ("phrases",), ("key",) if keyed else ("phrases",))
            key = check.text(entry, "key", where) if keyed and "key" in entry else None
            if key is not None:
                if key not in OPTION_KEY_CHARS:
                    check.problem(entry.line_of("key"), f"{where}.key", f"'{key}' is not a phone key (allowed: {', '.join(OPTION_KEY_CHARS)})")
                elif key in chosen.values():
                    check.problem(entry.line_of("key"), f"{where}.key", f"key '{key}' is already used by another global key")
                chosen[purpose] = key
            phrases[purpose] = self._phrases(entry, where) if "phrases" in entry else {lang: () for lang in LANGUAGES}
        if len(chosen) != len(KEYS_REQUIRED):
            return None
        return GlobalKeys(chosen["representative"], chosen["repeat"], chosen["previous"], phrases)

    def _intents(self) -> dict[str, Intent]:
        """`intents:`: things a caller may say in every waiting state of the tiers each names."""
        check = self.check
        if "intents" not in self.top:
            return {}
        raw = check.mapping(self.top["intents"], "intents", self.top.line_of("intents"))
        if raw is None:
            return {}
        intents: dict[str, Intent] = {}
        for name, value in raw.items():
            where, line = f"intents.{name}", raw.line_of(name)
            if not _VAR_NAME.match(name) or name in KEYS_KEYS:
                check.problem(line, where, f"'{name}' is not an intent name (lower-case words joined by '_', not one of {', '.join(KEYS_KEYS)})")
                continue
            entry = check.mapping(value, where, line)
            if entry is None:
                continue
            check.keys(entry, where, INTENT_KEYS, INTENT_KEYS)
            if not set(INTENT_KEYS) <= set(entry):
                continue
            gotos = check.mapping(entry["goto"], f"{where}.goto", entry.line_of("goto"))
            if gotos is None:
                continue
            check.keys(gotos, f"{where}.goto", TIERS)
            goto: dict[str, str] = {tier: check.text(gotos, tier, f"{where}.goto") or "" for tier in TIERS if tier in gotos}
            topic = self._text(entry, "topic", where, f"intents.{name}.topic")
            if topic is not None:
                intents[name] = Intent(name, topic, self._phrases(entry, where), goto, line)
        return intents

    def _messages(self) -> dict[str, Text]:
        check = self.check
        if "messages" not in self.top:
            check.problem(self.top.line, "top level", "missing required key 'messages'")
            return {}
        raw = check.mapping(self.top["messages"], "messages", self.top.line_of("messages"))
        if raw is None:
            return {}
        check.keys(raw, "messages", MESSAGE_KEYS, MESSAGES_REQUIRED)
        messages: dict[str, Text] = {}
        for name in MESSAGE_KEYS:
            if name in raw:
                text = self._text(raw, name, "messages", f"messages.{name}")
                if text is not None:
                    messages[name] = text
        check_callback_messages(check, raw, messages)
        check_line_messages(check, raw, messages)
        return messages

    def _escalation(self) -> dict[str, dict[str, str]] | None:
        """escalation: each kind leads to a state, or to a state per tier ({ivr: …, tier1: …}; ivr is the default)."""
        check = self.check
        if "escalation" not in self.top:
            return None
        raw = check.mapping(self.top["escalation"], "escalation", self.top.line_of("escalation"))
        if raw is None:
            return None
        check.keys(raw, "escalation", ESCALATION_KEYS, ESCALATION_REQUIRED)
        targets: dict[str, dict[str, str]] = {}
        for kind in ESCALATION_KEYS:
            if kind not in raw:
                continue
            where = f"escalation.{kind}"
            if isinstance(raw[kind], dict):
                by_tier = check.mapping(raw[kind], where, raw.line_of(kind))
                if by_tier is None:
                    continue
                check.keys(by_tier, where, TIERS, ("ivr",))
                found = {tier: check.text(by_tier, tier, where) for tier in TIERS if tier in by_tier}
                targets[kind] = {tier: name for tier, name in found.items() if name is not None}
            else:
                name = check.text(raw, kind, "escalation")
                if name is not None:
                    targets[kind] = {"ivr": name}
        if any("ivr" not in targets.get(kind, {}) for kind in ESCALATION_REQUIRED):
            return None
        keys = self.top.get("keys")
        asks_supervisor = isinstance(keys, dict) and "supervisor" in keys
        if asks_supervisor and "supervisor" not in raw:
            check.problem(raw.line, "escalation", "keys.supervisor needs escalation.supervisor (where the request leads)")
        if "supervisor" in raw and not asks_supervisor:
            check.problem(raw.line_of("supervisor"), "escalation.supervisor", "no keys.supervisor phrases lead here")
        return {kind: by_tier for kind, by_tier in targets.items() if "ivr" in by_tier}

    # --- states -----------------------------------------------------------------

    def _state(
        self, name: str, raw: Any, line: int, keys: GlobalKeys | None, messages: dict[str, Text]
    ) -> State | None:
        check = self.check
        where = f"states.{name}"
        if not _STATE_NAME.match(name):
            check.problem(line, where, f"'{name}' is not a state name (lower-case words joined by '_', nested menus as 'parent.child')")
        if name.endswith(".confirm"):
            check.problem(line, where, "state names ending in '.confirm' are reserved for read-back confirmation")
        body = check.mapping(raw, where, line)
        if body is None:
            return None
        if "kind" not in body:
            check.problem(body.line, where, f"missing required key 'kind' (allowed: {', '.join(STATE_KINDS)})")
            return None
        kind = check.choice(body, "kind", where, STATE_KINDS)
        if kind is None:
            return None
        check.keys(body, where, STATE_KEYS[kind], STATE_REQUIRED[kind])
        fields: dict[str, Any] = {"name": name, "kind": cast(StateKind, kind), "line": body.line}
        if "tier" in body:
            tier = check.choice(body, "tier", where, TIERS)
            if tier is not None:
                fields["tier"] = cast(Tier, tier)
        if "prompt" in body:
            fields["prompt"] = self._text(body, "prompt", where, f"{name}.prompt")
        if "description" in body:
            fields["description"] = check.text(body, "description", where) or ""
        if kind in ("menu", "collect"):
            self._waiting(body, where, name, fields, messages)
        if kind == "menu":
            self._menu(body, where, name, fields, keys)
        elif kind == "collect":
            self._collect(body, where, name, fields)
        elif kind == "action":
            self._action(body, where, fields)
        elif kind == "branch":
            self._branches(body, where, fields)
        elif kind == "transfer":
            to = check.choice(body, "to", where, TIERS[1:]) if "to" in body else None
            reason = check.choice(body, "reason", where, tuple(TIER_CHANGE_REASONS)) if "reason" in body else None
            fields.update(to=to, reason=reason)
        if kind in ("message", "collect", "transfer") and "goto" in body:
            fields["goto"] = check.text(body, "goto", where)
        if kind in ("message", "hangup") and fields.get("prompt") is None and "prompt" in body:
            return None
        return State(**fields)

    def _waiting(self, body: Mapping, where: str, name: str, fields: dict[str, Any], messages: dict[str, Text]) -> None:
        check = self.check
        for key in ("reprompt", "no_input", "no_match"):
            if key in body:
                fields[key] = self._text(body, key, where, f"{name}.{key}")
        for key, message in (("no_input", "no-input"), ("no_match", "no-match")):
            if key not in body and key not in messages:
                check.problem(
                    body.line, where, f"{body['kind']} has no {message} handling (give it '{key}:' or set messages.{key})"
                )
        fields["max_attempts"] = (
            check.integer(body, "max_attempts", where, 1) or self.default_attempts
            if "max_attempts" in body
            else self.default_attempts
        )
        fields["timeout"] = (
            check.integer(body, "timeout", where, 1) or self.default_timeout if "timeout" in body else self.default_timeout
        )
        if "hints" in body:
            hints = check.sequence(body["hints"], f"{where}.hints", body.line_of("hints"))
            if hints is not None:
                fields["hints"] = tuple(str(h) for h in hints)

    def _menu(self, body: Mapping, where: str, name: str, fields: dict[str, Any], keys: GlobalKeys | None) -> None:
        check = self.check
        for flag in ("bilingual", "announce_keys"):
            if flag in body:
                fields[flag] = bool(check.boolean(body, flag, where))
        raw = check.mapping(body.get("options"), f"{where}.options", body.line_of("options")) if "options" in body else None
        if raw is None:
            return
        if not raw:
            check.problem(raw.line, f"{where}.options", "a menu needs at least one option")
        reserved = {keys.representative: "representative", keys.repeat: "repeat", keys.previous: "previous"} if keys else {}
        options: list[Option] = []
        for key, value in raw.items():
            owhere = join(f"{where}.options", key)
            line = raw.line_of(key)
            if key not in OPTION_KEY_CHARS:
                check.problem(line, owhere, f"'{key}' is not a phone key (allowed: {', '.join(OPTION_KEY_CHARS)}; quote keys: \"1\")")
                continue
            if key in reserved:
                check.problem(line, owhere, f"key '{key}' is the global '{reserved[key]}' key in every menu")
                continue
            option = check.mapping(value, owhere, line)
            if option is None:
                continue
            check.keys(option, owhere, OPTION_KEYS, ("topic", "goto"))
            topic = self._text(option, "topic", owhere, f"{name}.options.{key}")
            goto = check.text(option, "goto", owhere) if "goto" in option else None
            when = self._guard_name(option, owhere) if "when" in option else None
            language = cast(Language, check.choice(option, "language", owhere, LANGUAGES)) if "language" in option else None
            phrases: dict[str, tuple[str, ...]] = (
                self._phrases(option, owhere) if "phrases" in option else {lang: () for lang in LANGUAGES}
            )
            if topic is not None and goto is not None:
                options.append(Option(key, topic, phrases, goto, when, language, line))
        self._shared_phrases(raw, where, options)
        fields["options"] = tuple(options)

    def _shared_phrases(self, raw: Mapping, where: str, options: list[Option]) -> None:
        """A training phrase names one option of a menu: the same words under two options are an error."""
        for language in LANGUAGES:
            owner: dict[tuple[str, ...], str] = {}
            for option in options:
                for phrase in option.phrases[language]:
                    words = tuple(sorted(phrase_words(phrase, language)))
                    other = owner.setdefault(words, option.key)
                    if other != option.key and words:
                        self.check.problem(
                            raw[option.key].line_of("phrases"),
                            join(f"{where}.options", option.key) + f".phrases.{language}",
                            f"phrase {phrase!r} also names option '{other}' (a phrase must name one option)",
                        )

    def _collect(self, body: Mapping, where: str, name: str, fields: dict[str, Any]) -> None:
        check = self.check
        if "input" in body:
            fields["input"] = cast(InputMode, check.choice(body, "input", where, INPUT_MODES) or "dtmf speech")
        if "validator" in body:
            validator = check.text(body, "validator", where)
            if validator is not None and validator not in self.registry.validators:
                check.problem(
                    body.line_of("validator"),
                    f"{where}.validator",
                    f"unknown validator '{validator}' (allowed: {', '.join(sorted(self.registry.validators))})",
                )
            fields["validator"] = validator
        if "into" in body:
            into = check.text(body, "into", where)
            if into is not None and not _VAR_NAME.match(into):
                check.problem(body.line_of("into"), f"{where}.into", f"'{into}' is not a variable name (lower-case letters, digits, _)")
            fields["into"] = into
        if "num_digits" in body:
            fields["num_digits"] = check.integer(body, "num_digits", where, 1)
        if "finish_on_key" in body:
            finish = check.text(body, "finish_on_key", where)
            if finish is not None and finish not in ("#", "*"):
                check.problem(body.line_of("finish_on_key"), f"{where}.finish_on_key", f"'{finish}' (allowed: #, *)")
            fields["finish_on_key"] = finish
        if "confirm" in body:
            if check.boolean(body, "confirm", where):
                fields["confirm"] = Text(f"{name}.confirm", "", "")  # the text comes from messages.confirm
        if "script_lines" in body:
            fields["script_lines"] = self._script_lines(body, where)
        self._keypad(body, where, fields)

    def _script_lines(self, body: Mapping, where: str) -> ScriptLines | None:
        """`script_lines:` (the Tier 1 topic question): the menu whose model reads the question, and per choice of
        it the response scripts its line names (ids some published version defines), with the submenu telling
        several apart."""
        check = self.check
        where = f"{where}.script_lines"
        raw = check.mapping(body["script_lines"], where, body.line_of("script_lines"))
        if raw is None:
            return None
        check.keys(raw, where, SCRIPT_LINES_KEYS, SCRIPT_LINES_KEYS)
        menu = check.text(raw, "menu", where) if "menu" in raw else None
        lines_raw = check.mapping(raw.get("lines"), f"{where}.lines", raw.line_of("lines")) if "lines" in raw else None
        if menu is None or lines_raw is None:
            return None
        known = _published_script_ids()
        lines: list[ScriptLine] = []
        for choice, value in lines_raw.items():
            at, line = f"{where}.lines.{choice}", lines_raw.line_of(choice)
            entry = check.mapping(value, at, line)
            if entry is None:
                continue
            check.keys(entry, at, SCRIPT_LINE_KEYS, ("scripts",))
            ids = check.sequence(entry.get("scripts"), f"{at}.scripts", entry.line_of("scripts")) if "scripts" in entry else None
            scripts: list[str] = []
            for index, script_id in enumerate(ids or ()):
                id_line = ids.line_of(index)  # type: ignore[union-attr]
                if not isinstance(script_id, str) or script_id not in known:
                    shown = excerpt(str(script_id), 60)
                    check.problem(id_line, f"{at}.scripts", f"no published version defines script '{shown}' (known: {', '.join(sorted(known))})")
                elif script_id in scripts:
                    check.problem(id_line, f"{at}.scripts", f"script '{script_id}' is named twice")
                else:
                    scripts.append(script_id)
            submenu = check.text(entry, "menu", at) if "menu" in entry else None
            by_choice: list[tuple[str, str]] = []
            if "choices" in entry:
                if submenu is None:
                    check.problem(entry.line_of("choices"), f"{at}.choices", "choices need the menu they are choices of ('menu:')")
                choices = check.mapping(entry["choices"], f"{at}.choices", entry.line_of("choices"))
                for key, script_id in (choices or {}).items():
                    if script_id not in scripts:
                        check.problem(choices.line_of(key), f"{at}.choices.{key}", f"'{script_id}' is not one of this line's scripts ({', '.join(scripts)})")  # type: ignore[union-attr]
                    else:
                        by_choice.append((str(key), script_id))
            elif submenu is not None:
                check.problem(entry.line_of("menu"), f"{at}.menu", "a menu telling the scripts apart needs 'choices:' (its choice -> script)")
            if submenu is not None:
                self.menus_named.append((check, entry.line_of("menu"), f"{at}.menu", submenu, tuple(key for key, _ in by_choice)))
            lines.append(ScriptLine(str(choice), tuple(scripts), submenu, tuple(by_choice), line))
        self.menus_named.append((check, raw.line_of("menu"), f"{where}.menu", menu, tuple(line.choice for line in lines)))
        return ScriptLines(menu, tuple(lines), raw.line)

    def _menus_named(self, states: dict[str, State], intents: dict[str, Intent]) -> None:
        """Every menu `script_lines:` names is a menu of the flow, and every choice named one of its keys or a
        global request or intent its model knows (the main menu takes a general question for `representative`)."""
        for check, line, where, name, choices in self.menus_named:
            state = states.get(name)
            if state is None or state.kind != "menu":
                check.problem(line, where, f"'{name}' is not a menu of this flow")
                continue
            keys = [option.key for option in state.options] + [*GLOBAL_PURPOSES, *intents]
            for choice in choices:
                if choice not in keys:
                    check.problem(line, where, f"'{choice}' is not a key of {name} (keys: {', '.join(keys)})")

    def _keypad(self, body: Mapping, where: str, fields: dict[str, Any]) -> None:
        """A keyed answer never waits for an unannounced key: a fixed length, or a finish key the prompt names.

        Without `num_digits` keyed input ends with `finish_on_key` ('#' when not given, as Twilio does).
        """
        prompt = fields.get("prompt")
        if "dtmf" not in fields.get("input", "dtmf speech") or fields.get("num_digits") or prompt is None:
            return
        finish = fields.get("finish_on_key") or DEFAULT_FINISH_KEY
        for language in LANGUAGES:
            words = FINISH_KEY_WORDS[finish][language]
            if not any(word in prompt.in_(language).lower() for word in words):
                self.check.problem(
                    body.line_of("prompt"), f"{where}.prompt.{language}",
                    f"never names the key that ends the entry, '{finish}' (say {' or '.join(words)}), "
                    "and num_digits does not fix its length",
                )

    def _action(self, body: Mapping, where: str, fields: dict[str, Any]) -> None:
        check = self.check
        run = check.text(body, "run", where) if "run" in body else None
        spec = self.registry.actions.get(run) if run else None
        if run is not None and spec is None:
            check.problem(
                body.line_of("run"),
                f"{where}.run",
                f"unknown action '{run}' (allowed: {_closest(run, self.registry.actions)})",
            )
        tier = fields.get("tier", "ivr")
        if spec is not None and spec.seats and tier not in spec.seats:
            check.problem(
                body.line_of("run"),
                f"{where}.run",
                f"action '{run}' is for {' or '.join('a ' + SEAT_LABELS[s] for s in sorted(spec.seats))} only "
                f"(seed 003: what each tier may do), not for a {tier} state",
            )
        fields["run"] = run
        args: dict[str, str] = {}
        if "args" in body:
            raw_args = check.mapping(body["args"], f"{where}.args", body.line_of("args"))
            if raw_args is not None:
                for key, value in raw_args.items():
                    if spec is not None and key not in spec.params:
                        allowed = ", ".join(sorted(spec.params)) or "none"
                        check.problem(raw_args.line_of(key), join(f"{where}.args", key), f"unknown argument '{key}' for action '{run}' (allowed: {allowed})")
                    args[key] = str(value)
        fields["args"] = args
        on: dict[str, str] = {}
        if "on" in body:
            raw_on = check.mapping(body["on"], f"{where}.on", body.line_of("on"))
            if raw_on is not None:
                for outcome, target in raw_on.items():
                    if spec is not None and outcome not in spec.outcomes:
                        check.problem(
                            raw_on.line_of(outcome),
                            join(f"{where}.on", outcome),
                            f"action '{run}' has no outcome '{outcome}' (allowed: {', '.join(sorted(spec.outcomes))})",
                        )
                    on[outcome] = str(target)
                if spec is not None:
                    missing = sorted(spec.outcomes - set(on))
                    if missing:
                        check.problem(raw_on.line, f"{where}.on", f"outcomes not routed: {', '.join(missing)}")
        fields["on"] = on

    def _branches(self, body: Mapping, where: str, fields: dict[str, Any]) -> None:
        check = self.check
        raw = check.sequence(body.get("branches"), f"{where}.branches", body.line_of("branches"))
        if raw is None:
            return
        branches: list[Branch] = []
        for index, item in enumerate(raw):
            bwhere = f"{where}.branches[{index}]"
            branch = check.mapping(item, bwhere, raw.line_of(index))
            if branch is None:
                continue
            check.keys(branch, bwhere, BRANCH_KEYS, ("goto",))
            when = self._guard_name(branch, bwhere) if "when" in branch else None
            goto = check.text(branch, "goto", bwhere) if "goto" in branch else None
            if branches and branches[-1].when is None:
                check.problem(branch.line, bwhere, "unreachable: the branch before it has no 'when'")
            if goto is not None:
                branches.append(Branch(goto, when))
        last = len(raw) - 1
        if last < 0:
            check.problem(raw.line, f"{where}.branches", "a branch state needs at least one branch (the last one has no 'when')")
        elif isinstance(raw[last], Mapping) and "when" in raw[last]:
            # Reported on the last arm itself, where the fix goes.
            check.problem(raw.line_of(last), f"{where}.branches[{last}]", "the last branch must have no 'when' (the default)")
        fields["branches"] = tuple(branches)

    # --- pieces -----------------------------------------------------------------

    def _text(self, mapping: Mapping, key: str, where: str, prompt_id: str) -> Text | None:
        texts = self.check.bilingual(mapping, key, where)
        if texts is None:
            return None
        for language in LANGUAGES:
            problem = _template_problem(texts[language])
            if problem:
                self.check.problem(mapping.line_of(key), f"{join(where, key)}.{language}", problem)
                continue
            for name in dict.fromkeys(template_variables(texts[language])):
                entry = self.placeholders.setdefault((id(self.check), join(where, key), name), (self.check, mapping, key, []))
                entry[3].append(language)
        return Text(prompt_id, texts["en"], texts["es"])

    def _phrases(self, mapping: Mapping, where: str) -> dict[str, tuple[str, ...]]:
        check = self.check
        raw = check.mapping(mapping["phrases"], f"{where}.phrases", mapping.line_of("phrases"))
        result: dict[str, tuple[str, ...]] = {lang: () for lang in LANGUAGES}
        if raw is None:
            return result
        check.keys(raw, f"{where}.phrases", LANGUAGES, LANGUAGES)
        for language in LANGUAGES:
            if language in raw:
                items = check.sequence(raw[language], f"{where}.phrases.{language}", raw.line_of(language))
                if items is not None:
                    phrases = tuple(str(item).strip().lower() for item in items)
                    for index, phrase in enumerate(phrases):
                        if not phrase_words(phrase, language):
                            check.problem(items.line_of(index), f"{where}.phrases.{language}[{index}]", f"phrase {phrase!r} has no words")
                    result[language] = phrases
        return result

    def _guard_name(self, mapping: Mapping, where: str) -> str | None:
        name = self.check.text(mapping, "when", where)
        if name is None:
            return None
        bare = name[4:] if name.startswith("not ") else name
        if bare not in self.registry.guards:
            self.check.problem(
                mapping.line_of("when"), f"{where}.when", f"unknown guard '{bare}' (allowed: {_closest(bare, self.registry.guards)})"
            )
        return name

    # --- placeholders -----------------------------------------------------------

    def _placeholders(self, states: dict[str, State]) -> None:
        """Every `{name}` of a text is something this flow can set: a collect's value (or its read-back), a
        variable an action it runs declares (`sets=`), a registered prompt variable, or a message's own.
        Checked once the rest is sound: an unknown action or a collect without `into` would make it cascade."""
        if any(c.problems for c in (self.main_check, *(f[0] for f in self.fragments))):
            return
        provided = set(self.registry.variables) | ENGINE_VARIABLES
        for state in states.values():
            if state.into:
                provided.update((state.into, f"{state.into}_readback"))
            spec = self.registry.actions.get(state.run or "")
            if spec is not None:
                provided.update(spec.sets)
        for (_, where, name), (check, mapping, key, languages) in self.placeholders.items():
            if name in provided or name in MESSAGE_VARIABLES.get(where, ()) or where.removeprefix("messages.") in FILLED_MESSAGES:
                continue  # a filled message's other placeholders: `check_callback_messages`, `check_line_messages`
            close = _closest_variable(name, provided)
            hint = f"; did you mean {{{close}}}?" if close else ""
            line, shown = mapping.line_of(key), where
            if len(languages) < len(LANGUAGES):  # one language's text: its own line
                texts = mapping[key]
                line = texts.line_of(languages[0]) if isinstance(texts, Mapping) else line
                shown = f"{where}.{languages[0]}"
            check.problem(line, shown, f"uses {{{name}}}, which no collect, action or prompt variable of this flow sets{hint}")
        if "messages" in self.top and not any(name in self.top["messages"] for name in CALLBACK_MESSAGES):
            promising = next((state for state in states.values() if records_callback(state, self.registry)), None)
            if promising is not None:
                check, raw = self.origin[promising.name]
                check.problem(
                    raw[promising.name].line_of("run"), f"states.{promising.name}.run",
                    f"{promising.run} promises a call-back, but messages has none of the call-back words "
                    f"({', '.join(CALLBACK_MESSAGES)})",
                )

    # --- graph ------------------------------------------------------------------

    def _graph(
        self, states: dict[str, State], start: str, escalation: dict[str, dict[str, str]], intents: dict[str, Intent]
    ) -> None:
        known = set(self.origin)
        check = self.check

        def target(name: str | None, line: int, where: str) -> None:
            if name is not None and name not in known:
                check.problem(line, where, f"unknown target '{name}' (known: {_closest(name, known)})")

        target(start, self.top.line_of("start"), "start")
        esc = self.top["escalation"]
        for kind, by_tier in escalation.items():
            for tier, name in by_tier.items():
                plain = not isinstance(esc[kind], dict)
                line = esc.line_of(kind) if plain else esc[kind].line_of(tier)
                target(name, line, f"escalation.{kind}" if plain else f"escalation.{kind}.{tier}")
        for intent in intents.values():
            gotos = self.top["intents"][intent.name]["goto"]
            for tier, dest in intent.goto.items():
                target(dest, gotos.line_of(tier), f"intents.{intent.name}.goto.{tier}")
        for name, state in states.items():
            check, raw = self.origin[name]
            body = raw[name]
            where = f"states.{name}"
            if state.goto is not None:
                target(state.goto, body.line_of("goto"), f"{where}.goto")
            for option in state.options:
                target(option.goto, body["options"][option.key].line_of("goto"), join(f"{where}.options", option.key) + ".goto")
            for outcome, dest in state.on.items():
                target(dest, body["on"].line_of(outcome), join(f"{where}.on", outcome))
            for index, branch in enumerate(state.branches):
                target(branch.goto, body["branches"].line_of(index), f"{where}.branches[{index}].goto")
        if any(c.problems for c in (self.main_check, *(f[0] for f in self.fragments))):
            return
        ladder = tuple(dict.fromkeys(name for by_tier in escalation.values() for name in by_tier.values()))
        edges = {name: set(successors(state, ladder)) for name, state in states.items()}
        for state in states.values():
            if state.waits_for_caller:
                edges[state.name].update(i.goto[state.tier] for i in intents.values() if state.tier in i.goto)
        reachable = _reach([start, *ladder], edges)
        for name in states:
            check, raw = self.origin[name]
            if name not in reachable:
                check.problem(raw.line_of(name), f"states.{name}", "unreachable: no transition leads here from the start")
        reverse: dict[str, set[str]] = {name: set() for name in states}
        for source, dests in edges.items():
            for dest in dests:
                reverse[dest].add(source)
        ends = [name for name, state in states.items() if state.kind == "hangup"]
        can_end = _reach(ends, reverse)
        for name in states:
            check, raw = self.origin[name]
            if name in reachable and name not in can_end:
                check.problem(raw.line_of(name), f"states.{name}", "dead end: no path from here reaches a hangup state")


def successors(state: State, escalation: tuple[str, ...]) -> list[str]:
    """Every state a state can lead to, counting the global keys and attempt limits of waiting states."""
    result: list[str] = []
    if state.goto:
        result.append(state.goto)
    result.extend(option.goto for option in state.options)
    result.extend(state.on.values())
    result.extend(branch.goto for branch in state.branches)
    if state.waits_for_caller:
        result.extend(escalation)
    return result


def _reach(starts: Iterable[str], edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    queue = deque(s for s in starts if s in edges)
    while queue:
        name = queue.popleft()
        if name in seen:
            continue
        seen.add(name)
        queue.extend(edges.get(name, ()))
    return seen


def _closest(name: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    if close:
        return ", ".join(close) + (", …" if len(known) > len(close) else "")
    return ", ".join(known[:6]) + (", …" if len(known) > 6 else "")


def _closest_variable(name: str, known: Iterable[str]) -> str | None:
    """The variable a misspelt one most likely meant: one holding all its words (`live_hours` ->
    `live_assistance_hours`), else the closest spelling."""
    words = set(name.split("_"))
    known = sorted(known)
    holding = [other for other in known if words <= set(other.split("_"))]
    close = difflib.get_close_matches(name, holding or known, n=1, cutoff=0.0 if holding else 0.6)
    return close[0] if close else None


def _template_problem(text: str) -> str | None:
    try:
        for _, field_name, spec, conversion in string.Formatter().parse(text):
            if field_name is None:
                continue
            if not _VAR_NAME.match(field_name):
                return f"'{{{field_name}}}' is not a variable (write {{name}} with lower-case letters, digits, _; '{{{{' for a brace)"
            if spec or conversion:
                return f"'{{{field_name}}}' may not have a format spec or conversion"
    except ValueError as exc:
        return f"bad placeholder: {exc} (write '{{{{' and '}}}}' for literal braces)"
    return None


def template_variables(text: str) -> list[str]:
    """The `{name}` placeholders of a prompt."""
    return [f for _, f, _, _ in string.Formatter().parse(text) if f]

