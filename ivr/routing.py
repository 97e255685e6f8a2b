"""Which live-assistance tiers are people, how to reach them, and call-backs (`TIER_ROUTING`).

By default every tier is the simulated agent of the flow.  Configuration can
route a tier to people instead:

    {"tier1": {"kind": "queue", "target": "tier1"},
     "tier2": {"kind": "callback", "target": "tier2-callbacks"},
     "supervisor": {"kind": "dial", "target": "client:supervisor"}}

`console` holds the caller in a queue (`<Enqueue>` on a phone line) until a
trainee in that tier's seat of the agent console accepts the call (the
console's seats, `ivr.core.agent`); a rehearsal may send tiers to the
console for itself alone (`route_for`).  `queue` enqueues the caller (`<Enqueue>`, with a wait URL announcing the
position and offering a call-back), `callback` records the caller for a
call-back queue and gives a service item number (DOMAIN.md §1.3: "Callers
who need to speak with Tier 2 are placed into a call-back queue"; Tier 1
gives a "service item number" used to verify the officer), `dial` connects
to a number (`+1…`) or a Twilio Client (`client:name`).

Also owns what a call-back is (`Callback`, built by `request_callback`), and
how the flow's words about call-backs and queues are filled: its call-back
words (`CALLBACK_MESSAGES`, with who calls back, `CALLBACK_WHO`) and its queue
words (`QUEUE_MESSAGES`), all in its `messages:`, because the engine (callback
routes, the console's queue) and the queue webhooks both say them.  A flow
without queue words says the shipped flow's (`line_words`, read once at
start-up).  Pure but for that one read: time, sequence numbers and the flow's
words come in as arguments.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from ivr.core.flow import Text
from ivr.errors import ConfigError
from ivr.rules.spoken import read_digits

ROUTE_KINDS = ("queue", "dial", "callback", "console")
ROUTABLE_TIERS = ("tier1", "tier2", "supervisor")
CALLBACK_REQUESTED = "callback_requested"
"""The effect kind a recorded call-back leaves in the transcript."""
SERVICE_ITEM_SEQUENCE = "service_item"
"""The store's counter service item numbers are drawn from: one count for all days, never restarted
(`ivr.store.base.UNDATED_SEQUENCES`), so no day's call-backs can run out of numbers."""
SERVICE_ITEM_NUMBERS = 90 * 6 * 100_000
"""How many distinct service item numbers there are (54 million): see `service_item_number`."""
QUEUE_CALLBACK_KEY = "1"
"""The key a caller waiting in a queue presses to be called back instead (the landing menu's option too)."""

CONTACT_CENTER_ZONE = ZoneInfo("America/New_York")
_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
WITHHELD = frozenset({"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"})
"""What Twilio puts in `From` for a withheld caller ID: ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN and
UNAVAILABLE spelt on the keypad.  They look like numbers but call nobody back."""
_CLIENT = re.compile(r"^client:[A-Za-z0-9_.-]{1,120}$")
_QUEUE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")

OFFICER_TIERS = ("tier2", "supervisor")
"""Tiers whose call-backs are Tier 2's (seed 003: Tier 2 officers and "Live Assistance - Tier 2 (Supervisor)")."""
CALLBACK_CALLER_ID = "+12028382200"
"""The number Tier 2's call-backs show (DOMAIN.md §1.3, MED: caller ID 202-838-2200 or "unknown")."""
CALLBACK_MESSAGES: Mapping[str, tuple[str, ...]] = {
    "callback": ("who", "number", "item"),
    "callback_unavailable": (),
    "callback_time_frame": ("caller_id",),
    "callback_sms": ("who", "item", "caller_id"),
}
"""The flow's call-back words (its `messages:`), each with the only placeholders it is filled with: who calls
back ('A USCIS officer'), the caller's number and the service item number read out digit by digit; for an
officer's call-back the time frame, with the caller ID it comes from; the SMS confirming an officer's call-back
(the number written 202-838-2200); what a caller with no number to call hears.  A flow that records a call-back
gives all four (`ivr.definitions.callback_words` checks them at load)."""
CALLBACK_NEEDS: Mapping[str, tuple[str, ...]] = {
    "callback": ("number", "item"),
    "callback_time_frame": ("caller_id",),
    "callback_sms": ("item", "caller_id"),
}
"""The placeholders a call-back message may not leave out: the caller must hear (and read) the service item
number that tells them the call-back is ours (DOMAIN.md §1.3), and from which number it comes."""
CALLBACK_WHO: Mapping[str, str] = {
    "tier1": "callback_who_tier1",
    "tier2": "callback_who_tier2",
    "supervisor": "callback_who_supervisor",
}
"""The flow's words for who calls back (its `messages:`), by tier, as a sentence begins ('A USCIS officer'):
what `{who}` in `callback` and `callback_sms` is filled with (another tier's call-back is Tier 2's).  No
placeholders; a flow whose call-back words say `{who}` gives all three (`ivr.definitions.callback_words`)."""
QUEUE_MESSAGES: Mapping[str, tuple[str, ...]] = {
    "queue_position": ("position", "key"),
    "queue_waiting": ("key",),
    "queue_position_only": ("position",),
    "queue_waiting_only": (),
    "queue_not_connected": (),
    "queue_goodbye": (),
}
"""The flow's queue words (its `messages:`), each with the only placeholders it is filled with: what a caller
waiting in a queue hears (their place in line `{position}` when Twilio gives it, and the call-back offer's key
`{key}`; `_only`: a caller who cannot be called back, offered nothing), what a caller hears when people could
not be reached, and the goodbye after a person talked with them.  Optional, as a set: a flow without them says
the shipped flow's (`line_words`)."""
QUEUE_NEEDS: Mapping[str, tuple[str, ...]] = {
    "queue_position": ("position", "key"),
    "queue_waiting": ("key",),
    "queue_position_only": ("position",),
}
"""The placeholders a queue message may not leave out: the place in line it announces, the key of the offer."""
SHIPPED_FLOW = "uscis_contact_center.yaml"
"""The flow whose words a flow without its own queue words or texts says (`line_words`)."""


@dataclass(frozen=True)
class Route:
    kind: str
    target: str


@dataclass(frozen=True)
class TierRouting:
    routes: Mapping[str, Route]

    def route(self, tier: str) -> Route | None:
        """How to reach people of `tier`, or None when the flow's simulated agent answers."""
        return self.routes.get(tier)

    @classmethod
    def from_config(cls, raw: Any) -> TierRouting:
        if not raw:
            return cls({})
        if not isinstance(raw, Mapping):
            raise ConfigError("TIER_ROUTING: expected a mapping of tier to route")
        routes: dict[str, Route] = {}
        for tier, spec in raw.items():
            if tier not in ROUTABLE_TIERS:
                allowed = ", ".join(ROUTABLE_TIERS)
                raise ConfigError(f"TIER_ROUTING: unknown tier '{tier}' (allowed: {allowed})")
            if not isinstance(spec, Mapping) or set(spec) != {"kind", "target"}:
                raise ConfigError(f"TIER_ROUTING.{tier}: expected {{\"kind\": …, \"target\": …}}")
            kind, target = str(spec["kind"]), str(spec["target"])
            if kind not in ROUTE_KINDS:
                raise ConfigError(f"TIER_ROUTING.{tier}.kind: '{kind}' (allowed: {', '.join(ROUTE_KINDS)})")
            if kind == "dial" and not (_E164.match(target) or _CLIENT.match(target)):
                raise ConfigError(f"TIER_ROUTING.{tier}.target: '{target}' is neither +E.164 nor client:name")
            if kind in ("queue", "callback", "console") and not _QUEUE.match(target):
                raise ConfigError(f"TIER_ROUTING.{tier}.target: '{target}' is not a queue name")
            routes[tier] = Route(kind, target)
        return cls(routes)

    def require_callback_words(self, messages: Mapping[str, Mapping[str, Text]]) -> None:
        """A tier answered by call-backs needs every flow's call-back words (`CALLBACK_MESSAGES`; `messages`:
        each flow's by id): a `ConfigError` naming the first flow without them."""
        for tier, route in self.routes.items():
            if route.kind != "callback":
                continue
            for flow_id, flow_messages in messages.items():
                if "callback" not in flow_messages:
                    raise ConfigError(
                        f"TIER_ROUTING.{tier}: a call-back route, but flow '{flow_id}' has no call-back words "
                        f"(give its messages {', '.join(CALLBACK_MESSAGES)})"
                    )


def route_for(routing: TierRouting | None, console: Mapping[str, Any], tier: str) -> Route | None:
    """How to reach `tier` on one call: the call's own console routing (a rehearsal's), else the line's."""
    if tier in console.get("routes", ()):
        return Route("console", tier)
    return routing.route(tier) if routing is not None else None


@dataclass(frozen=True)
class Callback:
    """A call-back promised to a caller: who calls back, at which number, under which service item."""

    tier: str
    queue: str
    number: str | None  # the caller's E.164 number; None when it is withheld or not a phone
    service_item: str | None  # None when there is no number to call
    requested_at: str

    @property
    def possible(self) -> bool:
        return self.number is not None

    def effect_data(self) -> dict[str, Any]:
        """What the `callback_requested` effect records."""
        return {
            "service_item": self.service_item,
            "tier": self.tier,
            "queue": self.queue,
            "number": self.number,
            "requested_at": self.requested_at,
        }

    def message(self, language: str, messages: Mapping[str, Text]) -> str:
        """What the caller hears, in the flow's words (`CALLBACK_MESSAGES`): the number called and the service
        item number, digit by digit; for an officer's call-back also when and from which number it comes (the
        sources give none for Tier 1's)."""
        lang = "es" if language == "es" else "en"
        if self.number is None or self.service_item is None:
            return messages["callback_unavailable"].in_(lang)
        promise = messages["callback"].in_(lang).format(
            who=who_calls(self.tier, lang, messages),
            number=read_phone(self.number, lang),
            item=read_digits(self.service_item, lang),
        )
        if self.tier not in OFFICER_TIERS:
            return promise
        return promise + " " + messages["callback_time_frame"].in_(lang).format(caller_id=read_phone(CALLBACK_CALLER_ID, lang))


def who_calls(tier: str, language: str, messages: Mapping[str, Text]) -> str:
    """Who calls back in the flow's words (`CALLBACK_WHO`), as a sentence begins: 'A USCIS officer', 'Un
    supervisor'; a flow without them says the shipped flow's (`line_words`), as flows written before the words
    were the flow's do."""
    text = line_words(messages, CALLBACK_WHO.get(tier, CALLBACK_WHO["tier2"]))
    return text.in_("es" if language == "es" else "en")


def officer_callback_sms(tier: str, service_item: str, language: str, messages: Mapping[str, Text]) -> str:
    """The SMS confirming an officer's call-back in the flow's words (`messages`: its `callback_sms` and who
    calls back): who calls, the service item number, and when and from which number it comes, as
    `Callback.message` said them (the number written 202-838-2200)."""
    lang = "es" if language == "es" else "en"
    who = who_calls(tier, lang, messages)
    return messages["callback_sms"].in_(lang).format(
        who=who[:1].lower() + who[1:],  # 'a USCIS officer', 'un supervisor'
        item=service_item,
        caller_id=written_phone(CALLBACK_CALLER_ID),
    )


def written_phone(number: str) -> str:
    """A North American number as written: '+12028382200' -> '202-838-2200' (others as given)."""
    digits = re.sub(r"[^0-9]", "", number)
    if number.startswith("+1") and len(digits) == 11:
        return f"{digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    return number


def contact_center_day(now: dt.datetime) -> dt.date:
    """The calendar date at the Contact Center (Eastern time) of an aware instant."""
    return now.astimezone(CONTACT_CENTER_ZONE).date()


def service_item_number(sequence: int) -> str:
    """The 8-digit service item number of the `sequence`-th call-back (DOMAIN.md §1.3: "an 8-digit code").

    Two digits 10-99, one digit 4-9, then five digits: `service_item_number(1)` is
    '10400000', `service_item_number(600_001)` is '11400000'.  Every number is eight
    digits however busy a day is (the counter runs on across days), none starts with
    0 (a spreadsheet keeps all eight digits), and none was ever given before: the
    earlier numbers were the year, the day of the year (001-366) and the day's
    count, so their third digit was 0-3.  After 54 million call-backs (nearly three
    years at 50,000 a day, every day) the numbers come round again.
    """
    if sequence < 1:
        raise ValueError(f"sequence must be positive, not {sequence}")
    block, rest = divmod((sequence - 1) % SERVICE_ITEM_NUMBERS, 600_000)
    third, tail = divmod(rest, 100_000)
    return f"{10 + block}{4 + third}{tail:05d}"


def callable_number(caller: str | None) -> str | None:
    """The caller ID as a number we can call back (E.164), or None (withheld, a browser client…)."""
    if caller is None:
        return None
    number = caller.strip()
    return number if _E164.match(number) and number not in WITHHELD else None


def identifiable_caller(caller: str | None) -> str | None:
    """The caller ID when it names one caller (a phone number, a Twilio Client or SIP identity), or None
    when it is withheld ("anonymous", Twilio's keypad stand-ins): a withheld ID is nobody in particular."""
    if caller is None:
        return None
    value = caller.strip()
    return value if callable_number(value) is not None or value.startswith(("client:", "sip:")) else None


def request_callback(
    tier: str, queue: str, caller: str | None, now: dt.datetime, sequence: int | None
) -> Callback:
    """The call-back for a caller; `sequence` is the next count of `SERVICE_ITEM_SEQUENCE` (None: no number)."""
    number = callable_number(caller)
    item = service_item_number(sequence) if number is not None and sequence else None
    return Callback(tier, queue, number, item, now.isoformat())


def read_phone(number: str, language: str) -> str:
    """A phone number digit by digit: '+12025550143' -> '2 0 2, 5 5 5, 0 1 4 3' (the 1 of +1 left out)."""
    digits = re.sub(r"[^0-9]", "", number)
    if number.startswith("+1") and len(digits) == 11:
        digits = digits[1:]
    return read_digits(digits, language)


def queue_text(purpose: str, language: str, messages: Mapping[str, Text], **values: Any) -> str:
    """The flow's queue message `queue_<purpose>` (`QUEUE_MESSAGES`; `messages`: the call's flow's, or the
    shipped flow's when it has none) in the caller's language, filled in."""
    text = line_words(messages, f"queue_{purpose}")
    return text.in_("es" if language == "es" else "en").format(key=QUEUE_CALLBACK_KEY, **values)


def line_words(messages: Mapping[str, Text], name: str) -> Text:
    """The flow's message `name`, or the shipped flow's when the flow does not give it: the words the line says
    around a call (queue words, the texts it sends) that a small flow need not write."""
    text = messages.get(name)
    return text if text is not None else shipped_messages()[name]


@functools.cache
def shipped_messages() -> Mapping[str, Text]:
    """The shipped flow's messages (flows/uscis_contact_center.yaml), read once: `preload_line_words` reads
    them at start-up when a flow needs them, so no request reads a file."""
    from ivr.definitions.flows import FLOWS_ROOT, load_flow  # the loader imports this module

    return load_flow(FLOWS_ROOT / SHIPPED_FLOW).messages


def preload_line_words(messages: Iterable[Mapping[str, Text]], names: Iterable[str]) -> None:
    """Read the shipped flow's messages now when a flow (`messages`: each flow's) lacks one of `names`."""
    wanted = tuple(names)
    if any(name not in flow_messages for flow_messages in messages for name in wanted):
        shipped_messages()
