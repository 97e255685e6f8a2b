"""The console's application service: scenario calls, agent actions, hand-offs and score cards.

The web console (and tests) use this; it knows no HTTP.  Every change to a
call goes through `CallService.handle` with an agent event, so the engine
stays the one place where calls change.  After each trainee action the
simulated caller of a scenario call answers, the live line (if any) hears
it, and when the trainee's part of the call is over their score card is
computed from the transcript and stored.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Any

from ivr.calls import CallService
from ivr.console.caller import SimulatedCaller
from ivr.console.handoff import handoff
from ivr.console.live import LiveLine
from ivr.console.model import model_actions
from ivr.console.records import ConsoleRecords, Waiting
from ivr.console.scenarios import Scenario
from ivr.console.scoring import Line, ScoreCard, score
from ivr.core import agent
from ivr.core.agent_step import AGENT_REFUSED, CONNECTED, holds
from ivr.core.engine import Step
from ivr.core.events import Speech
from ivr.core.session import Session
from ivr.trainers.practice import PracticeCall
from ivr.store.base import LIVE, WorldClock, call_clock_key, rehearsal_world
from ivr.world import CaseWorld

CALL_PREFIX = "CS"
COLLEAGUE = "colleague"
CHANNEL = "console"


class ConsoleError(Exception):
    """A request the console cannot honour (unknown call or scenario); the message says why."""


@dataclass(frozen=True)
class Outcome:
    """What one agent action did: the step, why it was refused (if it was), the score card (if the seat is done)."""

    step: Step
    refused: str | None
    card: ScoreCard | None
    caller_said: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "said": [{"id": say.prompt_id, "text": say.text} for say in self.step.says],
            "refused": self.refused,
            "caller_said": list(self.caller_said),
            "status": self.step.session.console.get("status"),
            "ended": self.step.session.ended,
            "card": self.card.to_dict() if self.card else None,
        }


@dataclass
class ConsoleService:
    calls: CallService
    records: ConsoleRecords
    scenarios: dict[str, Scenario]
    live: LiveLine | None = None

    # --- scenario calls ------------------------------------------------------------------

    def start_scenario(self, scenario_id: str, trainee: str | None = None) -> str:
        """Ring a scenario's simulated caller: through the IVR, past colleagues, to the trainee's seat.

        With `trainee`, the call rings for them alone (no one else's queue shows it)."""
        scenario = self.scenarios.get(scenario_id)
        if scenario is None:
            raise ConsoleError(f"no scenario '{scenario_id}' (known: {', '.join(sorted(self.scenarios))})")
        case = self.calls.cases.get(scenario.case) if scenario.case else None
        call_sid = CALL_PREFIX + secrets.token_hex(16)
        # Each scenario call has its own world (copy-on-write over the phone line's): it changes no one else's case.
        call = PracticeCall(self.calls, channel=CHANNEL, caller=case.phone if case else None, call_sid=call_sid,
                            console=scenario.console_tiers, world=rehearsal_world(call_sid))
        # The call's simulated time lives in the store too, so every app server process agrees on it.
        self.calls.store.set_world_clock(call.world, WorldClock(scenario.clock, self.calls.wall()))
        call.start(at=scenario.clock, language=scenario.persona.language)
        caller = SimulatedCaller(scenario, case)
        for key in caller.ivr_keys():
            call.press(key)
        self.records.note_scenario(call.call_sid, scenario.id, self.now(call.call_sid))
        if trainee is not None:
            self.records.note_ring(call.call_sid, trainee)
        seats_done: set[str] = set()
        for colleague in scenario.before:
            who = f"{COLLEAGUE}-{colleague.seat}"
            if colleague.seat not in seats_done:
                seats_done.add(colleague.seat)
                accept = {"action": "accept", "agent": who, "seat": colleague.seat}
                self._apply(call.call_sid, agent.from_data(self.now(call.call_sid), accept), caller, CHANNEL, call.world)
            data = {"action": colleague.action, "agent": who, **colleague.args}
            self._apply(call.call_sid, agent.from_data(self.now(call.call_sid), data), caller, CHANNEL, call.world)
        return call.call_sid

    def model(self, scenario_id: str) -> list[dict[str, Any]]:
        """The model answer of a scenario (what full marks look like)."""
        scenario = self.scenarios[scenario_id]
        in_force = self.calls.engine.services.scripts.in_force(scenario.clock, self.calls.engine.services.settings.get("SCRIPT_PINS") or None)
        case = self.calls.cases.get(scenario.case) if scenario.case else None

        def ref(script_id: str) -> str:
            script = in_force.by_id(script_id)
            return script.ref if script is not None else f"{script_id}@0"

        return model_actions(scenario, ref, case.date_of_birth.isoformat() if case else "")

    # --- agent actions -------------------------------------------------------------------

    def act(self, call_sid: str, trainee: str, data: dict[str, Any]) -> Outcome:
        """Apply one action of `trainee` (data: `{"action": name, …arguments}`)."""
        before = self._session(call_sid)
        rung_for = self.records.rung_for(call_sid) if data.get("action") == "accept" else None
        if rung_for not in (None, trainee):
            raise ConsoleError(f"this practice call rang for {rung_for}: ring your own with 'Practise with a simulated caller'")
        try:
            action = agent.from_data(self.now(call_sid), {**data, "agent": trainee})
        except (ValueError, TypeError) as exc:
            raise ConsoleError(str(exc)) from None
        scenario = self._scenario(call_sid)
        caller = SimulatedCaller(scenario, self.calls.cases.get(scenario.case) if scenario.case else None) if scenario else None
        channel, world = self.records.where(call_sid) or (CHANNEL, LIVE)
        step, said = self._apply(call_sid, action, caller, channel, world)
        refused = next((str(e.data.get("why")) for e in step.effects if e.kind == AGENT_REFUSED), None)
        card = None
        seat = str(before.console.get("tier", ""))
        was_mine = before.console.get("status") == CONNECTED and before.console.get("agent") == trainee
        if was_mine and not refused and not (step.session.console.get("status") == CONNECTED and step.session.console.get("agent") == trainee):
            card = self.finish(call_sid, trainee, seat)
        return Outcome(step, refused, card, said)

    def finish(self, call_sid: str, trainee: str, seat: str) -> ScoreCard:
        """Score the trainee's part of the call and keep the card (once per call, trainee and seat)."""
        for existing in self.records.cards(trainee=trainee, call_sid=call_sid):
            if existing.get("seat") == seat:
                return _card_from(existing)
        card = score(self.calls.store.transcript(call_sid), trainee, seat, self._scenario(call_sid), call_sid)
        self.records.save(card, self.now(call_sid))
        return card

    def _apply(self, call_sid: str, action: agent.AgentAction, caller: SimulatedCaller | None, channel: str, world: str) -> tuple[Step, tuple[str, ...]]:
        step = self.calls.handle(call_sid, action, channel=channel, world=world)
        said: list[str] = []
        refused = any(e.kind == AGENT_REFUSED for e in step.effects)
        if caller is not None and not refused and holds(step.session) and not step.session.ended:
            first = action.name == "accept" and not any(c.to_tier in agent.SEATS for c in step.session.tier_changes[:-1])
            for words in caller.react(action, first_answer=first):
                self.calls.handle(call_sid, Speech(self.now(call_sid), words, 0.95), channel=channel, world=world)
                said.append(words)
        if self.live is not None and channel == "phone":
            self.live.push(step)
        return step, tuple(said)

    # --- what the console shows ----------------------------------------------------------

    def waiting(self, seat: str, agent: str | None = None) -> list[Waiting]:
        return self.records.waiting(seat, agent)

    def handoff(self, call_sid: str) -> dict[str, Any]:
        session = self._session(call_sid)
        engine = self.calls.engine
        case = self.calls.cases.get(session.verified_receipt) if session.verified_receipt else None
        if case is not None:
            channel, world = self.records.where(call_sid) or (CHANNEL, LIVE)
            with self.calls.store.call(call_sid, world) as tx:
                case = CaseWorld(self.calls.cases, tx).case(case.receipt_number)
        library = engine.services.scripts
        labels = {ref: library.get(ref).label["en"] for ref in session.scripts_heard if ref in library.refs()}
        labels |= {ref: library.get_wording(ref).label["en"] for ref in session.scripts_heard if ref in library.wording_refs()}
        panel = handoff(session, self.calls.store.transcript(call_sid), engine.flow(session.flow_id).flow, case, labels)
        scenario = self._scenario(call_sid)
        panel["scenario"] = {"id": scenario.id, "title": scenario.title} if scenario else None
        return panel

    def scripts(self, call_sid: str) -> list[dict[str, Any]]:
        """The scripts in force for the call, in its language, grouped by topic (for Tier 1's list)."""
        session = self._session(call_sid)
        services = self.calls.engine.services
        in_force = services.scripts.in_force(self.now(call_sid), services.settings.get("SCRIPT_PINS") or None)
        language = session.language
        return [
            {"ref": s.ref, "id": s.id, "topic": s.topics[0] if s.topics else "other", "label": s.label[language], "text": s.text[language]}
            for s in sorted(in_force.scripts, key=lambda s: ((s.topics or ("other",))[0], s.id))
        ]

    def timeline(self, call_sid: str, since: int = 0, only_agent: bool = False) -> list[dict[str, str]]:
        """What was said on the call from entry `since`: caller inputs and the call's prompts, in order.

        `only_agent`: only what agents' actions made the call say (for the caller's own page).
        """
        lines: list[dict[str, str]] = []
        for entry in self.calls.store.transcript(call_sid)[since:]:
            if entry.get("type") != "step":
                continue
            described = entry.get("input") or {}
            if only_agent and described.get("kind") != "agent":
                continue
            if described.get("kind") in ("digits", "speech"):
                lines.append({"who": "caller", "text": str(described.get("value", "")), "at": str(entry.get("at", ""))})
            for prompt in entry.get("prompts") or ():
                lines.append({"who": "call", "id": str(prompt.get("id")), "text": str(prompt.get("text")), "at": str(entry.get("at", ""))})
            for effect in entry.get("effects") or ():
                if effect.get("kind") == AGENT_REFUSED:
                    lines.append({"who": "refused", "text": str(effect.get("why")), "at": str(entry.get("at", ""))})
        return lines

    # --- helpers -------------------------------------------------------------------------

    def now(self, call_sid: str) -> dt.datetime:
        """The call's time: its own clock (kept in the store by `CallService.simulate_clock`), else its
        world's clock in the store, else the app's clock."""
        if self.calls.store.world_clock(call_clock_key(call_sid)) is not None:
            return self.calls.now(call_sid)
        where = self.records.where(call_sid)
        clock = self.calls.store.world_clock(where[1]) if where is not None else None
        return clock.at(self.calls.wall()) if clock is not None else self.calls.now(call_sid)

    def _session(self, call_sid: str) -> Session:
        session = self.calls.store.session(call_sid)
        if session is None:
            raise ConsoleError(f"no call '{call_sid[:40]}'")
        return session

    def _scenario(self, call_sid: str) -> Scenario | None:
        scenario_id = self.records.scenario_of(call_sid)
        return self.scenarios.get(scenario_id) if scenario_id else None



def _card_from(data: dict[str, Any]) -> ScoreCard:
    return ScoreCard(
        str(data["call_sid"]), data.get("scenario"), str(data["seat"]), str(data["trainee"]),
        tuple(Line(**line) for line in data["lines"]), data.get("answered_in"), data.get("resolved_in"),
        tuple(data.get("actions") or ()),
    )


def build_console(runtime: Any, scenarios_root: str | None = None, http_client: Any = None) -> ConsoleService:
    """The console service over an app's runtime: its tables, the scenarios (validated now), the live line."""
    from ivr.console.scenarios import SCENARIOS_ROOT, load_scenarios

    library = runtime.engine.services.scripts
    script_ids = {ref.split("@")[0] for ref in library.refs()}
    scenarios = load_scenarios(runtime.cases, script_ids, scenarios_root or SCENARIOS_ROOT)
    store = runtime.store
    live = LiveLine.from_config(runtime.settings, runtime.urls, runtime.voices, http_client=http_client)
    return ConsoleService(runtime.calls, ConsoleRecords(store.engine), scenarios, live)
