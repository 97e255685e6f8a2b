"""The allow-list of names a flow may use: guards, actions and input validators.

A flow names Python behaviour only through this registry; the validator
rejects any other name at load time, and the compiled machine is handed the
registered callables themselves, never strings (so `transitions` never
resolves a name with `getattr` or an import).

* A **guard** answers a yes/no question about the call: `guard(ctx) -> bool`.
* An **action** does one piece of work and names its outcome:
  `action(ctx) -> Outcome`; the flow routes on the outcome, and the validator
  checks that a state routes every outcome the action declares.
* A **validator** turns caller input into a normalised value, or None.

Registrations live in `ivr.behaviours`; `builtin_registry()` imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ivr.core.flow import Text
    from ivr.core.machine import CompiledFlow
    from ivr.core.session import Session
    from ivr.core.understanding import Understanding


class World(Protocol):
    """What behaviours may read and change outside the call (case data, requests).

    The shell supplies it: the web adapter over the store inside the webhook's
    transaction, replay over an in-memory snapshot.  The engine itself does no I/O.
    """

    def case(self, receipt: str) -> Any: ...

    def cases_by_digits(self, digits: str) -> list[Any]: ...

    def service_request(self, reference: str) -> Any: ...

    def service_requests(
        self, case: Any, sr_type: str | None = None, since: dt.date | None = None, limit: int | None = None
    ) -> list[Any]:
        """The case's service requests, newest first: of one type, created since a day, at most `limit`."""
        ...

    def apply(self, effect: Effect) -> None: ...

    def next_sequence(self, name: str, day: dt.date) -> int: ...

    def identity_failures(self, subject: str, since: dt.datetime) -> int: ...

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None: ...


@dataclass(frozen=True)
class Effect:
    """Something a call changed in the world, kept in the transcript.

    Two kinds change what later calls see, and a `World` persists them:
    `CASE_UPDATED` ({receipt, changes}: keys of the case to overlay) and
    `SERVICE_REQUEST_CREATED` (the request's record).  Any other kind is kept
    in the transcript only.
    """

    kind: str
    data: Mapping[str, Any]


CASE_UPDATED = "case_updated"
SERVICE_REQUEST_CREATED = "service_request_created"


@dataclass(init=False)
class Context:
    """What a guard or an action sees: the call, the world, the time, the state's args, the flow's messages."""

    session: Session
    world: World
    now: dt.datetime
    services: Services
    args: Mapping[str, str] = field(default_factory=dict)
    effects: list[Effect] = field(default_factory=list)
    messages: Mapping[str, Text] = field(default_factory=dict)  # the call's flow's `messages:` (its call-back words)
    flow: CompiledFlow | None = None  # the call's compiled flow (its states' models), when stepping a call
    # how an action understood the caller's words, when it read them itself (the Tier 1 topic question), for the step
    # and its transcript entry
    understood: Understanding | None = None

    def __init__(
        self,
        session: Session,
        world: World,
        now: dt.datetime,
        services: Services,
        args: Mapping[str, str] | None = None,
        effects: list[Effect] | None = None,
        messages: Mapping[str, Text] | None = None,
        flow: CompiledFlow | None = None,
        understood: Understanding | None = None,
    ) -> None:
        # The dataclass's own `__init__`, written out (one Context per engine step: its default factories cost more)
        self.session = session
        self.world = world
        self.now = now
        self.services = services
        self.args = {} if args is None else args
        self.effects = [] if effects is None else effects
        self.messages = {} if messages is None else messages
        self.flow = flow
        self.understood = understood

    @property
    def language(self) -> str:
        return self.session.language

    def emit(self, effect: Effect) -> None:
        """Apply an effect to the world and keep it for the transcript."""
        self.world.apply(effect)
        self.effects.append(effect)


@dataclass(frozen=True)
class Services:
    """Read-only reference data loaded once at start-up and shared by every call.

    `directory` (offices, lines, hours), `scripts` (the Tier 1 script library),
    `routing` (which tiers are people, not the simulated agent) and `settings`
    (configuration values behaviours may read, e.g. pinned script versions).
    """

    directory: Any = None
    scripts: Any = None
    routing: Any = None
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, init=False)
class Outcome:
    """An action's result: the outcome name the flow routes on."""

    name: str

    def __init__(self, name: str) -> None:
        self.__dict__["name"] = name  # the frozen dataclass's `__init__`, without `object.__setattr__`: one per action run


Guard = Callable[[Context], bool]
Action = Callable[[Context], Outcome]
Validator = Callable[[str, str, str], str | None]  # (input, kind 'digits'|'speech', language)


@dataclass(frozen=True)
class ActionSpec:
    name: str
    func: Action
    outcomes: frozenset[str]
    params: frozenset[str]
    doc: str
    sets: frozenset[str] = frozenset()  # the session variables it may set: what a prompt after it may say
    seats: frozenset[str] = frozenset()  # the tiers whose states may run it (seed 003's powers); empty: any


@dataclass(frozen=True)
class GuardSpec:
    name: str
    func: Guard
    doc: str


Readback = Callable[[str, str], str]  # (value, language) -> how to read it back


@dataclass(frozen=True)
class ValidatorSpec:
    name: str
    func: Validator
    hints: dict[str, tuple[str, ...]]
    readback: Readback
    doc: str
    identifier: bool = False  # reads an identifier: speech tuned for it, low confidence always read back
    personal: str | None = None  # the kind of personal data it reads (ivr.qa.redact.PII_VALIDATORS): kept tokenised


Variable = Callable[[Context], str]


@dataclass
class Registry:
    """Named guards, actions, validators and computed prompt variables a flow may refer to."""

    actions: dict[str, ActionSpec] = field(default_factory=dict)
    guards: dict[str, GuardSpec] = field(default_factory=dict)
    validators: dict[str, ValidatorSpec] = field(default_factory=dict)
    variables: dict[str, Variable] = field(default_factory=dict)

    def variable(self, name: str) -> Callable[[Variable], Variable]:
        """A prompt variable computed from the call (`{live_assistance_hours}`), not collected."""

        def register(func: Variable) -> Variable:
            if name in self.variables:
                raise ValueError(f"variable {name!r} registered twice")
            self.variables[name] = func
            return func

        return register

    def action(
        self, name: str, outcomes: tuple[str, ...], params: tuple[str, ...] = (), sets: tuple[str, ...] = (),
        seats: tuple[str, ...] = (),
    ) -> Callable[[Action], Action]:
        """`sets` names every session variable the action may set (`{sr_topic}` in a later prompt): the
        loader lets a flow's texts name only variables an action, a collect or the registry provides.
        `seats` names the tiers whose power it is (only a Tier 2 officer books a field office
        appointment): the loader refuses it in a state of another tier."""

        def register(func: Action) -> Action:
            if name in self.actions:
                raise ValueError(f"action {name!r} registered twice")
            self.actions[name] = ActionSpec(
                name, func, frozenset(outcomes), frozenset(params), _doc(func), frozenset(sets), frozenset(seats)
            )
            return func

        return register

    def guard(self, name: str) -> Callable[[Guard], Guard]:
        def register(func: Guard) -> Guard:
            if name in self.guards:
                raise ValueError(f"guard {name!r} registered twice")
            self.guards[name] = GuardSpec(name, func, _doc(func))
            return func

        return register

    def validator(
        self,
        name: str,
        readback: Readback,
        hints: dict[str, tuple[str, ...]] | None = None,
        identifier: bool = False,
        personal: str | None = None,
    ) -> Callable[[Validator], Validator]:
        """`personal` names the kind of personal data the validator reads (`receipt_number`,
        `date_of_birth`, `a_number`, `phone_number`): what the caller gives it is tokenised at rest."""

        def register(func: Validator) -> Validator:
            if name in self.validators:
                raise ValueError(f"validator {name!r} registered twice")
            self.validators[name] = ValidatorSpec(name, func, hints or {}, readback, _doc(func), identifier, personal)
            return func

        return register


def _doc(func: Callable[..., Any]) -> str:
    return (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""


REGISTRY = Registry()
"""The process-wide registry that `ivr.behaviours` fills."""


def builtin_registry() -> Registry:
    """The registry with every built-in behaviour registered."""
    import ivr.behaviours  # noqa: F401  (importing registers)

    return REGISTRY
