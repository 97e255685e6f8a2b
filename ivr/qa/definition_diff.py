"""Two versions of a flow or of a Tier 1 script, compared in words.

    ivr flows diff uscis_contact_center 2 draft
    state hours.holiday: added (message: "We are closed today for …")
    state main_menu, option 8: topic (en) "our hours" -> "our opening hours"
    state main_menu, option 6: now goes to hours.info (was outside_us.info)
    state main_menu, prompt (es): words: "Para" -> "Si desea"

Pure functions over loaded `Flow` and `Script` values: the lines say what
was added, removed and changed — states, options, prompts, transitions —
so a reviewer reads the change without reading YAML.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from typing import Any

from ivr.core.flow import LANGUAGES, Flow, Option, State, Text
from ivr.definitions.scripts import Script, Wording

__all__ = ["diff_flows", "diff_scripts", "word_change"]

_SKIPPED_STATE_FIELDS = {"name", "line", "options", "prompt", "reprompt", "no_input", "no_match", "confirm"}
_TEXT_FIELDS = ("prompt", "reprompt", "no_input", "no_match", "confirm")


def diff_flows(old: Flow, new: Flow) -> list[str]:
    """What changed from `old` to `new`, a line per change, states in the new flow's order."""
    lines: list[str] = []
    if old.title != new.title:
        lines.append(f"title: {_quote(old.title)} -> {_quote(new.title)}")
    if old.start != new.start:
        lines.append(f"start: now {new.start} (was {old.start})")
    lines += _global_changes(old, new)
    for name in (message for message in new.messages if message in old.messages):
        lines += _text_change(f"message {name}", old.messages[name], new.messages[name])
    lines += [f"message {name}: added" for name in new.messages if name not in old.messages]
    lines += [f"message {name}: removed" for name in old.messages if name not in new.messages]
    for name, state in new.states.items():
        before = old.states.get(name)
        if before is None:
            lines.append(f"state {name}: added ({_state_summary(state)})")
        else:
            lines += _state_changes(before, state)
    lines += [f"state {name}: removed ({_state_summary(state)})" for name, state in old.states.items() if name not in new.states]
    return lines


def _global_changes(old: Flow, new: Flow) -> list[str]:
    """What every waiting state hears and does: the global keys and their phrases, where escalations
    lead, the global intents, and the training examples that decide where callers' words go
    (counted: a caller feels these anywhere, not in one state)."""
    lines: list[str] = []
    for purpose in dict.fromkeys([*old.keys.phrases, *new.keys.phrases, "representative", "repeat", "previous"]):
        before, after = getattr(old.keys, purpose, None), getattr(new.keys, purpose, None)
        if before != after:
            lines.append(f"key {purpose}: now {_value(after)} (was {_value(before)})")
        lines += _phrase_changes(f"key {purpose}", old.keys.phrases.get(purpose, {}), new.keys.phrases.get(purpose, {}))
    for kind in dict.fromkeys([*old.escalation, *new.escalation]):
        before_by_tier, after_by_tier = old.escalation.get(kind, {}), new.escalation.get(kind, {})
        for tier in dict.fromkeys([*before_by_tier, *after_by_tier]):
            before, after = before_by_tier.get(tier), after_by_tier.get(tier)
            if before != after:
                lines.append(f"escalation {kind}, from {tier}: " + (
                    f"now goes to {after} (was {before})" if before and after else f"added (goes to {after})" if after else f"removed (went to {before})"))
    for name in dict.fromkeys([*old.intents, *new.intents]):
        was, now = old.intents.get(name), new.intents.get(name)
        if was is None or now is None:
            lines.append(f"intent {name}: {'added' if was is None else 'removed'}")
            continue
        lines += _text_change(f"intent {name}, topic", was.topic, now.topic)
        lines += _phrase_changes(f"intent {name}", was.phrases, now.phrases)
        if was.goto != now.goto:
            lines.append(f"intent {name}: now goes to {_value(now.goto)} (was {_value(was.goto)})")
    for state in dict.fromkeys([*old.examples, *new.examples]):
        for language in LANGUAGES:
            before = set(old.examples.get(state, {}).get(language, ()))
            after = set(new.examples.get(state, {}).get(language, ()))
            if before != after:
                counts = [f"{len(after - before)} added"] if after - before else []
                counts += [f"{len(before - after)} removed"] if before - after else []
                lines.append(f"examples {state} ({language}): {', '.join(counts)}")
    return lines


def _phrase_changes(where: str, old: Any, new: Any) -> list[str]:
    lines: list[str] = []
    for language in LANGUAGES:
        before, after = tuple(old.get(language, ())), tuple(new.get(language, ()))
        added = [p for p in after if p not in before]
        removed = [p for p in before if p not in after]
        if added:
            lines.append(f"{where}, phrases ({language}): added {_list(added)}")
        if removed:
            lines.append(f"{where}, phrases ({language}): removed {_list(removed)}")
    return lines


def diff_scripts(old: Script, new: Script) -> list[str]:
    """What changed between two versions of one script."""
    lines: list[str] = []
    if old.effective != new.effective:
        lines.append(f"effective: {new.effective.isoformat()} (was {old.effective.isoformat()})")
    for name in ("topics", "key", "may_follow"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            lines.append(f"{name}: {_value(after)} (was {_value(before)})")
    for language in LANGUAGES:
        lines += _words(f"label ({language})", old.label.get(language, ""), new.label.get(language, ""))
        lines += _words(f"text ({language})", old.text.get(language, ""), new.text.get(language, ""))
        added = [p for p in new.phrases.get(language, ()) if p not in old.phrases.get(language, ())]
        removed = [p for p in old.phrases.get(language, ()) if p not in new.phrases.get(language, ())]
        if added:
            lines.append(f"phrases ({language}): added {_list(added)}")
        if removed:
            lines.append(f"phrases ({language}): removed {_list(removed)}")
    return lines


def diff_wordings(old: Wording, new: Wording) -> list[str]:
    """What changed between two versions of one Tier 1 wording script, sentence by sentence."""
    lines: list[str] = []
    if old.effective != new.effective:
        lines.append(f"effective: {new.effective.isoformat()} (was {old.effective.isoformat()})")
    for language in LANGUAGES:
        lines += _words(f"label ({language})", old.label.get(language, ""), new.label.get(language, ""))
    for name in dict.fromkeys([*old.says, *new.says]):
        if name not in new.says:
            lines.append(f"wording {name}: removed")
            continue
        for language in LANGUAGES:
            lines += _words(f"wording {name} ({language})", old.says.get(name, {}).get(language, ""), new.says[name][language])
    return lines


def word_change(before: str, after: str) -> str:
    """`words: "x y" -> "z"; added "w"`: the change between two texts, in words."""
    a, b = before.split(), after.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    if len(a) <= 8 and len(b) <= 8:  # a label or topic: both whole read best
        return f"{_quote(before)} -> {_quote(after)}"
    if a and b and matcher.ratio() < 0.5:  # mostly new: the new text reads better than a patchwork
        return f"rewritten ({len(a)} words, now {len(b)}): {_quote(after)}"
    changes = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        old, new = " ".join(a[a0:a1]), " ".join(b[b0:b1])
        if tag == "insert":
            changes.append(f"added {_quote(new)}")
        elif tag == "delete":
            changes.append(f"removed {_quote(old)}")
        elif tag == "replace":
            changes.append(f"{_quote(old)} -> {_quote(new)}")
    return "words: " + "; ".join(changes) if changes else ""


# --- states --------------------------------------------------------------------------------------


def _state_changes(old: State, new: State) -> list[str]:
    where = f"state {new.name}"
    lines: list[str] = []
    for name in _TEXT_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before is None and after is not None:
            lines.append(f"{where}, {name}: added {_quote(after.en)}")
        elif before is not None and after is None:
            lines.append(f"{where}, {name}: removed")
        elif before is not None and after is not None:
            lines += _text_change(f"{where}, {name}", before, after)
    for field in fields(State):
        if field.name in _SKIPPED_STATE_FIELDS:
            continue
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before != after:
            lines.append(_field_change(where, field.name, before, after))
    old_options = {option.key: option for option in old.options}
    for option in new.options:
        previous = old_options.get(option.key)
        if previous is None:
            lines.append(f"{where}, option {option.key}: added ({_option_summary(option)})")
        else:
            lines += _option_changes(f"{where}, option {option.key}", previous, option)
    new_keys = {option.key for option in new.options}
    lines += [f"{where}, option {option.key}: removed ({_option_summary(option)})" for option in old.options if option.key not in new_keys]
    return lines


def _option_changes(where: str, old: Option, new: Option) -> list[str]:
    lines: list[str] = []
    if old.goto != new.goto:
        lines.append(f"{where}: now goes to {new.goto} (was {old.goto})")
    for language in LANGUAGES:
        before, after = old.topic.in_(language), new.topic.in_(language)
        if before != after:
            lines.append(f"{where}: topic ({language}) {_quote(before)} -> {_quote(after)}")
    for field in fields(Option):
        if field.name in {"key", "topic", "goto", "line"}:
            continue
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before != after:
            lines.append(_field_change(where, field.name, before, after))
    return lines


def _text_change(where: str, old: Text, new: Text) -> list[str]:
    lines: list[str] = []
    for language in LANGUAGES:
        lines += _words(f"{where} ({language})", old.in_(language), new.in_(language))
    return lines


def _words(where: str, before: str, after: str) -> list[str]:
    if before == after:
        return []
    if not before:
        return [f"{where}: added {_quote(after)}"]
    if not after:
        return [f"{where}: removed"]
    return [f"{where}: {word_change(before, after)}"]


def _field_change(where: str, name: str, before: Any, after: Any) -> str:
    label = name.replace("_", " ")
    if isinstance(after, dict) and isinstance(before, dict):
        added = {k: v for k, v in after.items() if before.get(k) != v}
        removed = [k for k in before if k not in after]
        parts = [f"{k} = {_value(v)}" for k, v in added.items()] + [f"{k} removed" for k in removed]
        return f"{where}, {label}: {'; '.join(parts)}"
    return f"{where}, {label}: {_value(after)} (was {_value(before)})"


def _state_summary(state: State) -> str:
    text = f": {_quote(_short(state.prompt.en))}" if state.prompt is not None else ""
    goes = sorted({option.goto for option in state.options} | ({state.goto} if state.goto else set()))
    return f"{state.kind}{text}" + (f"; goes to {', '.join(goes)}" if goes else "")


def _option_summary(option: Option) -> str:
    return f"{_quote(option.topic.en)} goes to {option.goto}"


def _value(value: Any) -> str:
    if value is None:
        return "none"
    if is_dataclass(value) and not isinstance(value, type):
        return _quote(str(value))
    if isinstance(value, (tuple, list)):
        return _list(_value(item) if not isinstance(item, str) else item for item in value) if value else "none"
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str, ensure_ascii=False)


def _list(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
