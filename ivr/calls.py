"""Running calls: one transaction per caller event (load, step, save, record).

`CallService` is the application service every shell uses: the Twilio
webhooks, the browser softphone and the terminal rehearsal.  It owns the
unit of work around `Engine.step` and the transcript every call leaves
(see `ivr.qa.transcript` for its format).  It does not know HTTP or TwiML.

Time: every event carries `now`, built by the shell from `CallService.now()`.
That is the app's clock (real, or frozen by `CLOCK`), unless a rehearsal or
softphone call was given its own simulated time with `simulate_clock`: such
a call starts at the instant the trainer chose and its time advances with
real elapsed time.  Per-call clocks are kept in the store (a restart keeps a
rehearsal's time; nothing grows in memory per call).  Twilio's calls (`CA…`)
never have one, so the phone line's hot path reads no clock from the store.

Worlds: a call in a training world (`ivr.store.base.training_world`) reads
the training case data (`training`, the demo data unless configured), never
the phone line's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ivr.clock import Clock
from ivr.core.engine import Engine, Step
from ivr.core.events import CallStarted, Event, HangUp, Resume, describe
from ivr.core.actions import Dial, Enqueue, Gather, HangUpCall, Redirect, Say
from ivr.definitions.cases import CaseBook
from ivr.core.session import Session
from ivr.store.base import LIVE, Answer, CallTransaction, Store, VersionConflict, WorldClock, call_clock_key, is_training
from ivr.notify import SmsNotifier
from ivr.world import CaseWorld

if TYPE_CHECKING:
    from ivr.qa.tokenise import Tokeniser

log = logging.getLogger(__name__)

TRANSCRIPT_FORMAT = 1
MAX_ATTEMPTS = 20  # a call's webhooks overtaking each other this often means something is wrong


def _wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


TWILIO_CALL_PREFIX = "CA"  # Twilio's call ids: the phone line, never on a simulated clock


@dataclass
class CallService:
    """Steps calls through the engine, inside the store, and records their transcripts."""

    engine: Engine
    store: Store
    cases: CaseBook
    clock: Clock
    wall: Callable[[], dt.datetime] = _wall_clock  # real time, for per-call simulated clocks
    notifier: SmsNotifier | None = None  # SMS confirmations for phone calls, when configured
    tokeniser: Tokeniser | None = None  # identifiers tokenised before transcripts are stored (issue 10.3)
    training: CaseBook | None = None  # the case data of training worlds (default: `cases`)

    def handle(
        self, call_sid: str, event: Event, channel: str = "phone", flow_id: str | None = None, world: str = LIVE
    ) -> Step:
        """Apply one caller event to a call; the call's session, transcript and effects are saved atomically."""
        step, _ = self._run(call_sid, event, channel, flow_id, world)
        return step

    def answer(
        self,
        call_sid: str,
        event: Event,
        render: Callable[[Step], tuple[str, str, str]],
        *,
        key: str | None = None,
        at_step: int | None = None,
        channel: str = "phone",
        world: str = LIVE,
        flow_id: str | None = None,
        caller: str | None = None,
    ) -> Answer:
        """Apply one webhook's event and keep its rendered answer `(body, state, tier)` with the call.

        `key` identifies the request (Twilio's idempotency token): a retry gets
        the kept answer and changes nothing.  `at_step` is the step number the
        answered prompt carried: an answer to a prompt the call has moved past
        is not applied, the call's current prompt is said again.  `flow_id` is the
        flow a new call starts on (the published version the phone line runs).
        `caller` is the calling number the request carries (Twilio's `From`): the
        answer that ends a call is kept with the number as its token, and a retry
        hears it again from its own `From` (see `_kept_at_rest`).
        """
        _, answer = self._run(call_sid, event, channel, flow_id, world, render, key, at_step, caller)
        assert answer is not None
        return answer

    def kept_answer(self, call_sid: str, key: str, caller: str | None = None) -> Answer | None:
        """The answer kept with the call for the request `key`, if it was the call's last (a retry of it);
        `caller`, the request's calling number, restores a number the kept answer holds as its token."""
        with self.store.call(call_sid) as tx:
            session = tx.load_session()
            kept = tx.answer(key) if session is not None else None
            return self._restored(kept, session, caller) if kept is not None and session is not None else None

    def _run(
        self,
        call_sid: str,
        event: Event,
        channel: str,
        flow_id: str | None,
        world: str,
        render: Callable[[Step], tuple[str, str, str]] | None = None,
        key: str | None = None,
        at_step: int | None = None,
        caller: str | None = None,
    ) -> tuple[Step, Answer | None]:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with self.store.call(call_sid, world) as tx:
                    session = tx.load_session()
                    kept = tx.answer(key) if key is not None and session is not None else None
                    if kept is not None and kept.caller_withheld:
                        kept = self._restored(kept, session, caller)  # type: ignore[arg-type]  # set when kept is
                    if kept is not None:
                        return Step(session, ()), kept  # type: ignore[arg-type]  # session is set when kept is
                    if at_step is not None and session is not None and not session.ended and at_step != session.steps:
                        log.info("call %s: an answer to step %d arrived at step %d: asking again",
                                 _short(call_sid), at_step, session.steps)
                        event = Resume(event.now)
                    step, entries = self._step(tx, session, call_sid, event, channel, flow_id)
                    answer = Answer(key or "", *render(step)) if render is not None else None
                    at_rest, entries = self._at_rest(step.session, entries)
                    tx.save_session(at_rest, channel, self._kept_at_rest(answer, step.session) if key is not None else None)
                    tx.append_transcript(entries)
                break
            except VersionConflict:
                if attempt == MAX_ATTEMPTS:
                    raise
                log.info("call %s: overtaken by another webhook of the call, retrying", _short(call_sid))
        if self.notifier is not None and channel == "phone" and step.effects:
            self.notifier.notify(step)  # after commit: never for a change that was rolled back
        if step.fault:
            log.error("call %s recovered from a fault: %s", _short(call_sid), step.fault)
        return step, answer

    def _step(
        self, tx: CallTransaction, session: Session | None, call_sid: str, event: Event, channel: str, flow_id: str | None
    ) -> tuple[Step, list[dict[str, Any]]]:
        """One step of the call in `tx` (its effects kept in `tx` unless the step faulted), with its transcript entries."""
        cases = self.training if self.training is not None and is_training(tx.world) else self.cases
        world = CaseWorld(cases, tx)
        entries: list[dict[str, Any]] = []
        if isinstance(event, CallStarted) and (session is None or session.ended):
            session = self.engine.new_session(call_sid, event, flow_id)
            entries.append(self._header(session, channel))
        elif session is None:
            if isinstance(event, HangUp):  # a call that ended before it was ever answered: kept as ended
                gone = self.engine.new_session(call_sid, CallStarted(event.now), flow_id)
                gone.ended = True
                return Step(gone, ()), []
            # A call this store never saw (lost database, wrong number wiring): start it
            # over at the first menu with an apology rather than fail.
            log.warning("call %s unknown to the store: starting it over", _short(call_sid))
            session = self.engine.new_session(call_sid, CallStarted(event.now), flow_id)
            entries.append(self._header(session, channel))
            apology = self.engine.flow(session.flow_id).flow.message("apology")
            step = self.engine.step(session, CallStarted(event.now), world)
            say = Say(apology.in_(step.session.language), step.session.language, apology.id)
            step = dataclasses.replace(step, actions=(say, *step.actions), fault="unknown_call")
            entries.append(_entry(step, session.state, event, world))
            return step, entries
        elif isinstance(event, CallStarted):
            event = Resume(event.now)
        before = session.state
        step = self.engine.step(session, event, world)
        if step.fault:
            tx.rollback_writes()  # the caller hears the apology: what the step wrote is not kept
        entries.append(_entry(step, before, event, world))
        return step, entries

    def _at_rest(self, session: Session, entries: list[dict[str, Any]]) -> tuple[Session, list[dict[str, Any]]]:
        """What the store keeps: entries with identifiers tokenised, and a finished call's session
        without them (a call in progress keeps its own until it ends)."""
        if self.tokeniser is None:
            return session, entries
        tokeniser = self.tokeniser
        known = tokeniser.known(session)
        stored = [
            tokeniser.header(entry) if entry.get("type") == "call"
            else tokeniser.entry(entry, session.flow_id, known, session.caller)
            for entry in entries
        ]
        return (tokeniser.finished(session) if session.ended else session), stored

    def _kept_at_rest(self, answer: Answer | None, session: Session) -> Answer | None:
        """The answer as kept for a retry: once the call has ended (its session kept without the calling
        number), the number it reads back (a call-back goodbye) is kept as its token, like the session's."""
        if answer is None or self.tokeniser is None or not session.ended or not session.caller:
            return answer
        body = self.tokeniser.caller_at_rest(answer.body, session.caller)
        return answer if body == answer.body else dataclasses.replace(answer, body=body, caller_withheld=True)

    def _restored(self, kept: Answer, session: Session, caller: str | None) -> Answer | None:
        """A kept answer as it was said: its calling number restored from the retry's own `caller`, which
        must be the call's (its token is the one the call keeps); None when it cannot be."""
        if not kept.caller_withheld:
            return kept
        if self.tokeniser is None or not caller or self.tokeniser.header({"caller": caller}).get("caller") != session.caller:
            return None
        return dataclasses.replace(kept, body=self.tokeniser.caller_restored(kept.body, caller), caller_withheld=False)

    def now(self, call_sid: str | None = None) -> dt.datetime:
        """The instant to stamp the next event of `call_sid` with (its own clock, else the app's)."""
        if call_sid is None or call_sid.startswith(TWILIO_CALL_PREFIX):
            return self.clock.now()
        clock = self.store.world_clock(call_clock_key(call_sid))
        return clock.at(self.wall()) if clock is not None else self.clock.now()

    def simulate_clock(self, call_sid: str, start: dt.datetime) -> None:
        """Give one call its own simulated time, starting now at `start` (rehearsals, the softphone), in the store."""
        self.store.set_world_clock(call_clock_key(call_sid), WorldClock(start, self.wall()))

    def _header(self, session: Any, channel: str) -> dict[str, Any]:
        flow = self.engine.flow(session.flow_id).flow
        return {
            "type": "call",
            "format": TRANSCRIPT_FORMAT,
            "call_sid": session.call_sid,
            "channel": channel,
            "flow": {"id": flow.id, "version": flow.content_hash},
            "started_at": session.started_at,
            "caller": session.caller,
            "script_pins": dict(self.engine.services.settings.get("SCRIPT_PINS") or {}),
            "tier_routing": {
                **dict(self.engine.services.settings.get("TIER_ROUTING") or {}),
                # a rehearsal's own console routing, so the call replays the same way
                **{tier: {"kind": "console", "target": tier} for tier in session.console.get("routes", ())},
            },
        }


def _entry(step: Step, before: str, event: Event, world: CaseWorld) -> dict[str, Any]:
    """One transcript entry: the caller's input and everything the call did in reply."""
    session = step.session
    prompts: list[dict[str, Any]] = []
    actions: list[dict[str, Any]] = []
    for action in step.actions:  # one pass: what was said, and what else was done
        if type(action) is Say or isinstance(action, Say):
            prompts.append({"id": action.prompt_id, "language": action.language, "text": action.text})
        else:
            actions.append(_action(action))
    entry: dict[str, Any] = {
        "type": "step",
        "at": event.now.isoformat(),
        "input": describe(event),
        "state_before": before,
        "state": session.state,
        "tier": session.tier,
        "language": session.language,
        "entered": list(step.entered),
        "prompts": prompts,
        "actions": actions,
    }
    if step.effects:
        entry["effects"] = [{"kind": e.kind, **dict(e.data)} for e in step.effects]
    if step.tier_changes:
        entry["tier_changes"] = [
            {"from": c.from_tier, "to": c.to_tier, "reason": c.reason, "state": c.state, "context": c.context}
            for c in step.tier_changes
        ]
    if step.scripts:
        entry["scripts"] = list(step.scripts)
    if world.read:
        entry["cases"] = dict(world.read)
    if world.sequences:
        entry["sequences"] = [[name, value] for name, value in world.sequences]
    if step.fault:
        entry["fault"] = step.fault
    if step.understood is not None:
        entry["understood"] = step.understood.to_data()
    return entry


def _action(action: Any) -> dict[str, Any]:
    if isinstance(action, Gather):
        return {"kind": "gather", "input": action.input}
    if isinstance(action, Enqueue):
        return {"kind": "enqueue", "queue": action.queue, "tier": action.tier}
    if isinstance(action, Dial):
        return {"kind": "dial", "tier": action.tier}
    if isinstance(action, Redirect):
        return {"kind": "redirect", "reason": action.reason}
    if isinstance(action, HangUpCall):
        return {"kind": "hang_up"}
    return {"kind": type(action).__name__.lower()}


def _short(call_sid: str) -> str:
    """Call ids are not personal data, but keep logs short."""
    return call_sid[:12]
