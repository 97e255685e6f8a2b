"""The checks on a flow's call-back words (`messages:` callback, callback_unavailable, callback_time_frame,
callback_sms: `ivr.routing.CALLBACK_MESSAGES`; and who calls back, callback_who_tier1, callback_who_tier2,
callback_who_supervisor: `ivr.routing.CALLBACK_WHO`).

A call-back message is filled by `ivr.routing` with its own placeholders only, so a flow's variables are not
allowed in it; the ones the caller needs (the service item number, the number the call comes from:
`CALLBACK_NEEDS`) may not be left out; the words come as a set (a flow that gives one gives all four); a
flow that records a call-back (a state running an action that sets `service_item`) must give them; and the
SMS confirming an officer's call-back is at most `ivr.notify.MAX_SEGMENTS` segments in both languages, with
the flow's longest "who" and an 8-digit service item, after the accent folding the notifier applies
(`ivr.notify.fitted`).  The words for who calls back come as a set of three and take no placeholders; a
flow without them says the shipped flow's.  Their Spanish passes the glossary like every text of a
flow (the loader's `Checker.bilingual`).  Errors are `file:line: where: what`.  Runs at load only.
"""

from __future__ import annotations

from ivr.core.flow import State, Text
from ivr.core.registry import Registry
from ivr.definitions.checks import Checker
from ivr.definitions.filled_words import check_placeholders, check_segments, check_set, first_saying
from ivr.definitions.yamlsource import Mapping
from ivr.routing import CALLBACK_MESSAGES, CALLBACK_NEEDS, CALLBACK_WHO, OFFICER_TIERS, officer_callback_sms

LONGEST_ITEM = "99999999"
"""A service item number is eight digits (`ivr.routing.service_item_number`)."""
RECORDS_CALLBACK = "service_item"
"""What an action that records a call-back sets (`ivr.behaviours.live_assistance.live_request_callback`)."""


def check_callback_messages(check: Checker, raw: Mapping, messages: dict[str, Text]) -> None:
    """Report the problems of the call-back words of `messages:` (`raw`, with the texts read from it)."""
    given = check_set(check, raw, CALLBACK_MESSAGES, "a flow's call-back words")
    who_given = _check_who(check, raw, messages)
    for name in given:
        text = messages.get(name)
        if text is None:  # its own problem is reported already
            continue
        needed = [(variable, _NEEDED[variable]) for variable in CALLBACK_NEEDS.get(name, ())]
        sound = check_placeholders(check, raw, name, text, CALLBACK_MESSAGES[name], needed, "a call-back message")
        if name == "callback_sms" and sound and (who_given or first_saying(raw, messages, [name], "who") is None):
            check_segments(
                check, raw, name,
                lambda language: [officer_callback_sms(tier, LONGEST_ITEM, language, messages) for tier in OFFICER_TIERS],
                "an 8-digit service item",
            )


def _check_who(check: Checker, raw: Mapping, messages: dict[str, Text]) -> bool:
    """Report the problems of the words for who calls back; True when the flow gives all three, sound, or none
    (it then says the shipped flow's: `ivr.routing.who_calls`)."""
    names = tuple(CALLBACK_WHO.values())
    given = check_set(check, raw, names, "the words for who calls back")
    sound = len(given) in (0, len(names))
    for name in given:
        text = messages.get(name)
        if text is None or not check_placeholders(check, raw, name, text, (), (), "who calls back"):
            sound = False
    return sound


def records_callback(state: State, registry: Registry) -> bool:
    """The state runs an action that records a call-back (and so says the flow's call-back words)."""
    spec = registry.actions.get(state.run or "")
    return spec is not None and RECORDS_CALLBACK in spec.sets


_NEEDED = {
    "item": "the service item number tells them the call-back is ours: DOMAIN.md §1.3",
    "number": "the number we will call",
    "caller_id": "the number the call-back comes from",
}
