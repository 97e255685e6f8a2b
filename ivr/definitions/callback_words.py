"""The checks on a flow's call-back words (`messages:` callback, callback_unavailable, callback_time_frame,
callback_sms; `ivr.routing.CALLBACK_MESSAGES`).

A call-back message is filled by `ivr.routing` with its own placeholders only, so a flow's variables are not
allowed in it; the ones the caller needs (the service item number, the number the call comes from:
`CALLBACK_NEEDS`) may not be left out; the words come as a set (a flow that gives one gives all four); a
flow that records a call-back (a state running an action that sets `service_item`) must give them; and the
SMS confirming an officer's call-back is at most `ivr.notify.MAX_SEGMENTS` segments in both languages, with
the longest "who" and an 8-digit service item, after the accent folding the notifier applies
(`ivr.notify.fitted`).  Their Spanish passes the glossary like every text of a flow (the loader's
`Checker.bilingual`).  Errors are `file:line: where: what`.  Runs at load only.
"""

from __future__ import annotations

import string

from ivr.core.flow import LANGUAGES, State, Text
from ivr.core.registry import Registry
from ivr.definitions.checks import Checker
from ivr.definitions.yamlsource import Mapping
from ivr.notify import MAX_SEGMENTS, fitted, segments
from ivr.routing import CALLBACK_MESSAGES, CALLBACK_NEEDS, OFFICER_TIERS, officer_callback_sms

LONGEST_ITEM = "99999999"
"""A service item number is eight digits (`ivr.routing.service_item_number`)."""
RECORDS_CALLBACK = "service_item"
"""What an action that records a call-back sets (`ivr.behaviours.live_assistance.live_request_callback`)."""


def check_callback_messages(check: Checker, raw: Mapping, messages: dict[str, Text]) -> None:
    """Report the problems of the call-back words of `messages:` (`raw`, with the texts read from it)."""
    given = [name for name in CALLBACK_MESSAGES if name in raw]
    if given and len(given) < len(CALLBACK_MESSAGES):
        missing = ", ".join(name for name in CALLBACK_MESSAGES if name not in raw)
        check.problem(
            raw.line_of(given[0]), "messages",
            f"has {', '.join(given)} but not {missing} (a flow's call-back words come as a set: {', '.join(CALLBACK_MESSAGES)})",
        )
    for name in given:
        text = messages.get(name)
        if text is None:  # its own problem is reported already
            continue
        own, needed = CALLBACK_MESSAGES[name], CALLBACK_NEEDS.get(name, ())
        sound = True
        for language in LANGUAGES:
            line = _line(raw, name, language)
            used = _variables(text.in_(language))
            if used is None:  # a malformed template: reported already
                sound = False
                continue
            for variable in dict.fromkeys(v for v in used if v not in own):
                sound = False
                allowed = ", ".join(f"{{{v}}}" for v in own) or "no placeholders"
                check.problem(line, f"messages.{name}.{language}", f"uses {{{variable}}}; a call-back message is filled with {allowed} only")
            for variable in needed:
                if variable not in used:
                    sound = False
                    check.problem(line, f"messages.{name}.{language}", f"leaves out {{{variable}}}, which the caller needs ({_NEEDED[variable]})")
        if name == "callback_sms" and sound:
            _check_segments(check, raw, text)


def records_callback(state: State, registry: Registry) -> bool:
    """The state runs an action that records a call-back (and so says the flow's call-back words)."""
    spec = registry.actions.get(state.run or "")
    return spec is not None and RECORDS_CALLBACK in spec.sets


_NEEDED = {
    "item": "the service item number tells them the call-back is ours: DOMAIN.md §1.3",
    "number": "the number we will call",
    "caller_id": "the number the call-back comes from",
}


def _check_segments(check: Checker, raw: Mapping, text: Text) -> None:
    for language in LANGUAGES:
        worst = max((fitted(officer_callback_sms(tier, LONGEST_ITEM, language, text)) for tier in OFFICER_TIERS), key=segments)
        count = segments(worst)
        if count > MAX_SEGMENTS:
            check.problem(
                _line(raw, "callback_sms", language), f"messages.callback_sms.{language}",
                f"needs {count} SMS segments with an 8-digit service item (at most {MAX_SEGMENTS}); shorten it",
            )


def _line(raw: Mapping, name: str, language: str) -> int:
    texts = raw[name]
    return texts.line_of(language) if isinstance(texts, Mapping) and language in texts else raw.line_of(name)


def _variables(text: str) -> list[str] | None:
    try:
        return [field for _, field, _, _ in string.Formatter().parse(text) if field]
    except ValueError:
        return None
