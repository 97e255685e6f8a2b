"""The checks on the words a flow gives for what the line says around a call (`messages:`): its queue words
(`ivr.routing.QUEUE_MESSAGES`: queue_position, queue_waiting, queue_position_only, queue_waiting_only,
queue_not_connected, queue_goodbye) and its texts (`ivr.notify.SMS_MESSAGES`: service_request_sms,
callback_sms_tier1).

Each is filled with its own placeholders only (a flow's variables are not allowed in it), and may not leave
out the ones the caller needs (`QUEUE_NEEDS`, `SMS_NEEDS`: the place in line, the key of the call-back offer,
the number to quote); the queue words come as a set (a flow that gives one gives all six); a text is at most
`ivr.notify.MAX_SEGMENTS` segments in both languages, filled with the longest values it can be (an 11-digit
reference, the longest topic, the longest office name; an 8-digit service item), after the accent folding
the notifier applies.  All are optional: a flow without them says and sends the shipped flow's
(`ivr.routing.line_words`).  Their Spanish passes the glossary like every text of a flow.  Errors are
`file:line: where: what`.  Runs at load only.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections.abc import Mapping as AnyMapping

from ivr.core.flow import Text
from ivr.definitions.checks import Checker
from ivr.definitions.filled_words import check_placeholders, check_segments, check_set
from ivr.definitions.yamlsource import Mapping
from ivr.notify import SMS_MESSAGES, SMS_NEEDS
from ivr.routing import QUEUE_MESSAGES, QUEUE_NEEDS
from ivr.rules.service_requests import SR_TYPES, topic

LONGEST_REFERENCE = "99999999999"
"""A service request's reference is ten digits, eleven on a day past its 9,999th (`ivr.rules.service_requests.new_reference`)."""
LONGEST_ITEM = "99999999"
"""A service item number is eight digits (`ivr.routing.service_item_number`)."""

_NEEDED = {
    "position": "their place in line",
    "key": "the key that asks for a call-back",
    "reference": "the number to quote about their service request",
    "item": "the service item number tells them the call-back is ours: DOMAIN.md §1.3",
}


def check_line_messages(check: Checker, raw: Mapping, messages: dict[str, Text]) -> None:
    """Report the problems of the queue words and texts of `messages:` (`raw`, with the texts read from it)."""
    check_set(check, raw, QUEUE_MESSAGES, "a flow's queue words")
    for name, own in QUEUE_MESSAGES.items():
        text = messages.get(name)
        if text is not None:
            check_placeholders(check, raw, name, text, own, _needs(QUEUE_NEEDS, name), "a queue message")
    for name, own in SMS_MESSAGES.items():
        text = messages.get(name)
        if text is not None and check_placeholders(check, raw, name, text, own, _needs(SMS_NEEDS, name), "a text"):
            bodies, worst = _LONGEST[name]
            check_segments(check, raw, name, functools.partial(bodies, text), worst)


def _needs(needs: AnyMapping[str, tuple[str, ...]], name: str) -> list[tuple[str, str]]:
    return [(variable, _NEEDED[variable]) for variable in needs.get(name, ())]


def _service_request_bodies(text: Text, language: str) -> list[str]:
    office = _longest_office()
    return [text.in_(language).format(reference=LONGEST_REFERENCE, topic=topic(sr_type, language), office=office) for sr_type in SR_TYPES]


def _callback_bodies(text: Text, language: str) -> list[str]:
    return [text.in_(language).format(item=LONGEST_ITEM)]


@functools.cache
def _longest_office() -> str:
    """The longest office name a request can be sent to (the directory's, read once)."""
    from ivr.rules.directory import load_directory

    return max((office.name.en for office in load_directory().offices), key=len)


_LONGEST: dict[str, tuple[Callable[[Text, str], list[str]], str]] = {
    "service_request_sms": (_service_request_bodies, "an 11-digit reference, the longest topic and office"),
    "callback_sms_tier1": (_callback_bodies, "an 8-digit service item"),
}
