"""How the engine applies an agent's action (`ivr.core.agent`) to a call held by the console.

A tier routed to the console (`TIER_ROUTING` kind `console`, for the whole
line or for one rehearsal) puts the call on hold for that seat:
`session.console` records `{tier, status, queued_at, agent, accepted_at,
note}` with status `waiting` (the caller hears the queue), `connected` (a
trainee accepted), `done` (the seat passed it on or ended it), `left` (the
waiting caller chose a call-back instead) or `abandoned` (the caller hung up).  While the console holds a call, the caller's words are
recorded for the agent and the flow's menus stay silent.

Each action is checked against `SEAT_ACTIONS` (seed 003) and the call's
state; a refused action changes nothing but leaves an `agent_refused` effect
in the transcript (so scoring sees the attempt).  Allowed actions run the
same registered behaviours the simulated tiers use (by name, through the
registry: the allow-list) and escalations enter the flow's own transfer
states, so tier changes carry seed 003's reasons exactly as in the flow.  Tier 1's
identity check says the tier1-identity wording script in force (seed 003: Tier 1
says only what scripts say) and records its `id@version` as a script heard.

Part of the core: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ivr.core.actions import Enqueue, Gather, HangUpCall, Say
from ivr.core.agent import (
    ACTIONS,
    NOT_GOOD_CAUSE,
    SEAT_ACTIONS,
    SUPERVISOR_REASONS,
    Accept,
    AgentAction,
    BookAppointment,
    CancelAppointment,
    ContactOffice,
    CreateServiceRequest,
    DecideGoodCause,
    EndCall,
    FreeAnswer,
    OfferAppointments,
    ReadCaseDetails,
    ReadScript,
    RequestOfficeAction,
    RouteToSupervisor,
    TransferToTier2,
    VerifyIdentity,
    VerifyInformation,
)
from ivr.core.events import Digits, Event, NoInput, Resume, Speech
from ivr.core.registry import CASE_UPDATED, Context, Effect
from ivr.routing import QUEUE_CALLBACK_KEY, queue_text, route_for
from ivr.rules.biometrics import GOOD_CAUSES

if TYPE_CHECKING:
    from ivr.core.stepping import Run as _Run
    from ivr.core.session import Session

AGENT_REFUSED = "agent_refused"
"""The effect a refused agent action leaves in the transcript: {action, seat, why}.

`why` is read by the trainee at the console and on the score card: the rule in plain words, never the
name of a source document they cannot open (the sources are cited here, in the code's comments)."""
_SEAT_WORDS = {"tier1": "a Tier 1 representative", "tier2": "a Tier 2 officer", "supervisor": "a supervisor"}
AGENT_SAID = "agent_free_answer"
"""The effect an officer's free answer leaves: their words, recorded as not a script."""
CALLER_TO_AGENT = "caller_to_agent"
"""The effect a caller's words to a connected agent leave: they went to a person, not the IVR."""
WAITING, CONNECTED, DONE, ABANDONED, LEFT = "waiting", "connected", "done", "abandoned", "left"
LISTEN_SECONDS = 60
_TIER1_IDENTITY = {
    "verified": ("{tier1_verified}", "agent.verified"),
    "locked": ("{tier1_identity_locked}", "agent.identity_locked"),  # the lock's own wording, as the flow picks it
}
_TIER1_NOT_FOUND = ("{tier1_not_found}", "agent.not_verified")
"""Tier 1's identity outcomes -> the wording variable the flow's Tier 1 says (`ivr.behaviours.tier1_scripts`), its prompt id."""
VERIFY_ACTION = "live_verify_caller"
"""The registered action that checks identity: the shared verification service
(`ivr.behaviours.verification`, one attempt ledger for every tier), reached through the registry."""

_TEXT: dict[str, dict[str, str]] = {
    "greeting.tier1": {
        "en": "Thank you for holding. This is a customer service representative.",
        "es": "Gracias por esperar. Le atiende un representante de servicio al cliente.",
    },
    "greeting.tier2": {
        "en": "Thank you for holding. This is a USCIS officer.",
        "es": "Gracias por esperar. Le atiende un oficial de USCIS.",
    },
    "greeting.supervisor": {
        "en": "Thank you for holding. This is a supervisor.",
        "es": "Gracias por esperar. Le atiende un supervisor.",
    },
    "sr.created": {
        "en": "I have made a service request about {sr_topic}. It was sent to {sr_office}, which has your case. "
        "Your reference number is {sr_reference_readback}. Again, {sr_reference_readback}.",
        "es": "Hice una solicitud de servicio sobre {sr_topic}. La recibió {sr_office}, que tiene su caso. "
        "Su número de referencia es {sr_reference_readback}. Repito, {sr_reference_readback}.",
    },
    "sr.already_open": {
        "en": "You already have an open service request about {sr_topic}, made on {sr_created_spoken}. "
        "Its reference number is {sr_reference_readback}.",
        "es": "Ya tiene una solicitud de servicio abierta sobre {sr_topic}, hecha el {sr_created_spoken}. "
        "Su número de referencia es {sr_reference_readback}.",
    },
    "verified": {
        "en": "Thank you. I have confirmed your identity.",
        "es": "Gracias. He confirmado su identidad.",
    },
    "not_verified": {
        "en": "I'm sorry, that information does not match our records.",
        "es": "Lo siento, esa información no coincide con nuestros registros.",
    },
    "slots": {"en": "{appt_current} {appt_slots_menu}", "es": "{appt_current} {appt_slots_menu}"},
    "booked": {
        "en": "Your appointment at {appt_office} is on {appt_spoken}. Your confirmation number is {appt_confirmation_readback}.",
        "es": "Su cita en {appt_office} es el {appt_spoken}. Su número de confirmación es {appt_confirmation_readback}.",
    },
    "cancelled": {
        "en": "Your appointment at the field office is cancelled.",
        "es": "Su cita en la oficina local está cancelada.",
    },
    "good_cause": {
        "en": "I have recorded your reason: {good_cause}. Your request to reschedule was sent to {sr_office} "
        "as service request {sr_reference_readback}. {bio_next}",
        "es": "Anoté su razón: {good_cause}. Su solicitud para cambiar la cita es la solicitud de servicio "
        "{sr_reference_readback}, y la recibió {sr_office}. {bio_next}",
    },
    "no_good_cause": {
        "en": "I'm sorry, that reason is not good cause to reschedule. Please attend your appointment as scheduled.",
        "es": "Lo siento, esa razón no es causa justificada para cambiar la cita. Por favor, asista a su cita como está programada.",
    },
    "contacted": {
        "en": "I have contacted {contact_office}, which has your case, about your matter.",
        "es": "Me comuniqué con {contact_office}, que tiene su caso, sobre su asunto.",
    },
    "office_action": {
        "en": "I have asked {sr_office} to act on your case, under request {sr_reference_readback}.",
        "es": "Pedí a {sr_office} que actúe en su caso, con la solicitud {sr_reference_readback}.",
    },
    "goodbye": {
        "en": "Thank you for calling the USCIS Contact Center. Goodbye.",
        "es": "Gracias por llamar al Centro de Contacto de USCIS. Adiós.",
    },
}

# The flow's transfer states an escalation enters: (people, simulated) variants.
_TIER2_STATES = ("tier2.transfer.people", "tier2.transfer.simulated")
_SUPERVISOR_STATES = {
    "caller_requested_supervisor": ("supervisor.transfer.requested.people", "supervisor.transfer.requested"),
    "caller_upset_resolution_improper": ("supervisor.transfer.upset.people", "supervisor.transfer.upset"),
    "urgent_needs_another_office": ("supervisor.transfer.urgent.people", "supervisor.transfer.urgent"),
}


class Refused(Exception):
    """An action this seat may not take now; the message tells the agent why."""


def holds(session: Session) -> bool:
    """The console holds the call: waiting for a seat, or with a trainee."""
    return session.console.get("status") in (WAITING, CONNECTED)


def console_tiers(session: Session) -> tuple[str, ...]:
    """The tiers this one call sends to the console (a rehearsal's own routing)."""
    return tuple(session.console.get("routes", ()))


def enqueue(run: _Run, tier: str, queue: str, context: dict[str, str]) -> None:
    """The flow transferred the call to a tier the console answers: wait for a trainee in that seat."""
    session = run.session
    previous = session.console
    session.console = {
        "routes": list(previous.get("routes", [])),
        "verified_at_handoff": session.verified_receipt is not None,
        "tier": tier,
        "queue": queue,
        "status": WAITING,
        "queued_at": run.event.now.isoformat(),
        "note": previous.get("next_note", ""),
        "from_agent": previous.get("agent", ""),
    }
    _say_queue(run)
    run.actions.append(Enqueue(queue, tier, context, console=True))


def caller_input(run: _Run, event: Event) -> bool:
    """The caller pressed or said something while the console holds the call; False: the flow should handle it.

    A waiting caller who presses the queue's call-back key leaves the queue
    (`left`), and the flow's menu where queued calls land takes the key.
    """
    console = run.session.console
    if console.get("status") == WAITING and isinstance(event, Digits) and event.digits == QUEUE_CALLBACK_KEY:
        console.update(status=LEFT, ended_at=run.event.now.isoformat())
        return False
    if console.get("status") == WAITING:
        if not isinstance(event, NoInput):
            _say_queue(run)
        run.actions.append(Enqueue(str(console.get("queue", "")), str(console.get("tier", "")), console=True))
        return True
    if isinstance(event, (Digits, Speech)):
        # the words themselves are the step's input (kept, and redacted, as every caller input is)
        run.ctx.emit(Effect(CALLER_TO_AGENT, {"input": "digits" if isinstance(event, Digits) else "speech"}))
    if not isinstance(event, Resume):
        _listen(run)
    return True


def hang_up(session: Session, now_iso: str) -> None:
    """The caller hung up: a waiting call is abandoned; a connected one is over."""
    if session.console.get("status") == WAITING:
        session.console["status"] = ABANDONED
    elif session.console.get("status") == CONNECTED:
        session.console["status"] = DONE
    session.console.setdefault("ended_at", now_iso)


def _not_for_seat(seat: str, action: AgentAction) -> str:
    """Why `seat` may not take `action`, and what it may do, in plain words."""
    who = _SEAT_WORDS.get(seat, "this seat")
    allowed = [cls.label for name, cls in ACTIONS.items() if name in SEAT_ACTIONS.get(seat, frozenset())]
    may = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else "".join(allowed) or "nothing"
    return f"{who} may not {action.label} ({who} may {may})"


def handle(run: _Run, action: AgentAction) -> None:
    """Apply one agent action, or record why it was refused."""
    session = run.session
    seat = str(session.console.get("tier", ""))
    vars_before, console_before = dict(session.vars), dict(session.console)
    try:
        if session.ended:
            raise Refused("the call has ended")
        if isinstance(action, Accept):
            _accept(run, action)
            return
        if session.console.get("status") != CONNECTED:
            raise Refused("no agent is connected to this call")
        if action.agent != session.console.get("agent"):
            raise Refused(f"the call is with {session.console.get('agent')}, not {action.agent}")
        if action.name not in SEAT_ACTIONS.get(seat, frozenset()):
            raise Refused(_not_for_seat(seat, action))  # seed 003_29c9fde61bf22c66.txt: what each seat may do
        _HANDLERS[type(action)](run, action)
    except Refused as refusal:
        run.actions.clear()
        run.ctx.effects.clear()
        session.vars, session.console = vars_before, console_before
        run.ctx.emit(Effect(AGENT_REFUSED, {"action": action.name, "seat": seat, "why": str(refusal)}))


# --- the actions ------------------------------------------------------------------------------


def _accept(run: _Run, action: Accept) -> None:
    console = run.session.console
    if console.get("status") != WAITING:
        raise Refused("the call is not waiting for a seat")
    if action.seat != console.get("tier"):
        waits_for, seat = str(console.get("tier")), str(action.seat)
        raise Refused(f"the call waits for {_SEAT_WORDS.get(waits_for, waits_for)}, not {_SEAT_WORDS.get(seat, seat)}")
    console.update(status=CONNECTED, agent=action.agent, accepted_at=action.now.isoformat())
    _say(run, f"greeting.{action.seat}")
    _listen(run)


def _read_script(run: _Run, action: ReadScript) -> None:
    in_force = run.ctx.services.scripts.in_force(run.event.now, run.ctx.services.settings.get("SCRIPT_PINS") or None)
    script = next((s for s in in_force.scripts if s.ref == action.ref), None)
    if script is None:
        raise Refused(f"script {action.ref} is not in force (in force: {', '.join(in_force.refs())})")
    language = run.session.language
    if script.ref not in run.session.scripts_heard:
        run.session.scripts_heard.append(script.ref)
    run.actions.append(Say(script.text[language], language, f"script:{script.ref}"))
    _listen(run)


def _create_service_request(run: _Run, action: CreateServiceRequest) -> None:
    if run.session.verified_receipt is None:
        raise Refused("a service request needs a caller whose identity is verified")
    run.ctx.args = {"type": action.sr_type}
    outcome = _behaviour(run, "live_create_service_request")
    if outcome in ("created", "already_open"):
        _say(run, f"sr.{outcome}")
    elif outcome == "overseas":
        _say_var(run, "script_text", "script:outside-us")
    else:
        raise Refused("no office holds this case's file")
    if outcome == "created" and action.content:
        run.ctx.emit(Effect("service_request_content", {"reference": run.session.vars.get("sr_reference"), "content": action.content[:2000]}))
    _listen(run)


def _transfer_tier2(run: _Run, action: TransferToTier2) -> None:
    if not action.reason.strip():
        raise Refused("say why the call goes to Tier 2")
    _escalate(run, _TIER2_STATES, action.reason.strip(), "tier2")


def _route_supervisor(run: _Run, action: RouteToSupervisor) -> None:
    states = _SUPERVISOR_STATES.get(action.reason)
    if states is None:
        raise Refused(  # seed 003's three reasons
            "a call goes to a supervisor only when the caller asks for one, is unusually upset and believes the "
            "proposed resolution is improper, or the matter needs urgent help from another office "
            f"(reason: {', '.join(SUPERVISOR_REASONS)})"
        )
    _escalate(run, states, action.reason, "supervisor")


def _escalate(run: _Run, states: tuple[str, str], note: str, tier: str) -> None:
    people, simulated = states
    target = people if route_for(run.ctx.services.routing, run.session.console, tier) is not None else simulated
    if target not in run.compiled.states:
        raise Refused(f"this flow has no state '{target}' to pass the call on")
    run.session.console.update(status=DONE, ended_at=run.event.now.isoformat(), next_note=note)
    run._set_state(target)
    run._enter(target)


def _end_call(run: _Run, action: EndCall) -> None:
    run.session.console.update(status=DONE, ended_at=run.event.now.isoformat())
    _say(run, "goodbye")
    run.actions.append(HangUpCall())
    run.session.ended = True


def _verify_identity(run: _Run, action: VerifyIdentity) -> None:
    vars_ = run.session.vars
    vars_["live_receipt"] = "".join(ch for ch in action.receipt.upper() if ch.isalnum())
    vars_["live_dob"] = action.date_of_birth.strip()
    outcome = _behaviour(run, VERIFY_ACTION)
    if run.session.console.get("tier") == "tier1":
        # seed 003: Tier 1's words are the approved script's (tier1-identity), through the flow's own wording variables
        _say_wording(run, *_TIER1_IDENTITY.get(outcome, _TIER1_NOT_FOUND))
    elif outcome == "locked":
        # the shared verification service's lock: the call may verify nobody any more
        run.actions.append(Say(run._fill("{identity_lock_message}"), run.session.language, "agent.identity_locked"))
    else:
        _say(run, "verified" if outcome == "verified" else "not_verified")
    _listen(run)


def _require_verified(run: _Run) -> None:
    if run.session.verified_receipt is None:
        raise Refused("verify the caller's identity first")


def _read_case_details(run: _Run, action: ReadCaseDetails) -> None:
    _require_verified(run)
    _behaviour(run, "live_case_details")
    _say_var(run, "case_details", "agent.case_details")
    _listen(run)


def _offer_appointments(run: _Run, action: OfferAppointments) -> None:
    _require_verified(run)
    outcome = _behaviour(run, "live_appointment_options")
    if outcome == "choose_office":
        raise Refused("the case names no field office")
    if outcome == "overseas":
        _say_var(run, "script_text", "script:outside-us")
    else:
        _say(run, "slots")
    _listen(run)


def _book_appointment(run: _Run, action: BookAppointment) -> None:
    _require_verified(run)
    if not run.session.vars.get("appt_slots"):
        raise Refused("offer the appointment times first")
    run.session.vars["live_choice"] = str(action.choice)
    if _behaviour(run, "live_book_appointment") != "booked":
        raise Refused(f"there is no offered time number {action.choice}")
    _say(run, "booked")
    _listen(run)


def _cancel_appointment(run: _Run, action: CancelAppointment) -> None:
    _require_verified(run)
    receipt = run.session.verified_receipt
    case = run.world.case(receipt or "")
    if case is None or case.field_office_appointment is None:
        raise Refused("the case has no field office appointment")
    run.ctx.emit(
        Effect(
            CASE_UPDATED,
            {"receipt": receipt, "changes": {"field_office_appointment": None}, "cancelled": True, "tier": run.session.tier},
        )
    )
    _say(run, "cancelled")
    _listen(run)


def _decide_good_cause(run: _Run, action: DecideGoodCause) -> None:
    _require_verified(run)
    case = run.world.case(run.session.verified_receipt or "")
    if case is None or case.biometrics is None:
        raise Refused("the case has no biometrics appointment")
    if action.cause == NOT_GOOD_CAUSE:
        run.ctx.emit(Effect("good_cause_refused", {"receipt": case.receipt_number, "tier": run.session.tier}))
        _say(run, "no_good_cause")
        _listen(run)
        return
    run.ctx.args = {"cause": action.cause}
    try:
        outcome = _behaviour(run, "live_record_good_cause")
    except LookupError:
        causes = "; ".join(f"{cause.en} ({cause.code})" for cause in GOOD_CAUSES)  # seed 000's six, in its order
        raise Refused(
            f"'{action.cause}' is not a good cause to reschedule a biometrics appointment; the good causes are: "
            f"{causes} (or '{NOT_GOOD_CAUSE}' when the caller's reason is not good cause)"
        ) from None
    if outcome == "overseas":
        _say_var(run, "script_text", "script:outside-us")
    elif outcome != "created":
        raise Refused("no office holds this case's file")
    else:
        _say(run, "good_cause")
    _listen(run)


def _free_answer(run: _Run, action: FreeAnswer) -> None:
    text = " ".join(action.text.split())[:1000]
    if not text:
        raise Refused("say something")
    run.ctx.emit(Effect(AGENT_SAID, {"text": text, "tier": run.session.tier}))
    run.actions.append(Say(text, run.session.language, "agent.free_answer"))
    _listen(run)


def _verify_information(run: _Run, action: VerifyInformation) -> None:
    _behaviour(run, "live_supervisor_review")
    _say_var(run, "review_text", "agent.review")
    _listen(run)


def _contact_office(run: _Run, action: ContactOffice) -> None:
    _require_verified(run)
    outcome = _behaviour(run, "live_contact_office")
    if outcome == "overseas":
        _say_var(run, "script_text", "script:outside-us")
    elif outcome != "contacted":
        raise Refused("no office holds this case's file")
    else:
        _say(run, "contacted")
    _listen(run)


def _request_office_action(run: _Run, action: RequestOfficeAction) -> None:
    _require_verified(run)
    outcome = _behaviour(run, "live_request_office_action")
    if outcome == "overseas":
        _say_var(run, "script_text", "script:outside-us")
    elif outcome != "requested":
        raise Refused("no office holds this case's file")
    else:
        _say(run, "office_action")
    _listen(run)


_HANDLERS: dict[type[AgentAction], Callable[[Any, Any], None]] = {
    ReadScript: _read_script,
    CreateServiceRequest: _create_service_request,
    TransferToTier2: _transfer_tier2,
    RouteToSupervisor: _route_supervisor,
    EndCall: _end_call,
    VerifyIdentity: _verify_identity,
    ReadCaseDetails: _read_case_details,
    OfferAppointments: _offer_appointments,
    BookAppointment: _book_appointment,
    CancelAppointment: _cancel_appointment,
    DecideGoodCause: _decide_good_cause,
    FreeAnswer: _free_answer,
    VerifyInformation: _verify_information,
    ContactOffice: _contact_office,
    RequestOfficeAction: _request_office_action,
}


# --- helpers ---------------------------------------------------------------------------------


def _behaviour(run: _Run, name: str) -> str:
    """Run a registered action (the allow-list) for the agent; its outcome name."""
    spec = run.compiled.registry.actions[name]
    ctx: Context = run.ctx
    try:
        return spec.func(ctx).name
    finally:
        ctx.args = {}


def _say(run: _Run, key: str) -> None:
    language = run.session.language
    text = _TEXT[key]["es" if language == "es" else "en"]
    run.actions.append(Say(" ".join(run._fill(text).split()), language, f"agent.{key}"))


def _say_wording(run: _Run, variable: str, prompt_id: str) -> None:
    """Say Tier 1's wording `variable` (a `{tier1_…}` wording variable: the wording script in force at the
    call's date picks the sentences, and is recorded as heard, as when the flow's own Tier 1 says it).

    With no script in force saying it (a pin to an older version), Tier 1 says nothing.
    """
    text = run._fill(variable)
    if text:
        run.actions.append(Say(text, run.session.language, prompt_id))


def _say_queue(run: _Run) -> None:
    """The queue's announcement (as the phone line's wait URL says it): stay on the line, or press for a call-back."""
    language = run.session.language
    run.actions.append(Say(queue_text("waiting", language, run.compiled.flow.messages), language, "queue.waiting"))


def _say_var(run: _Run, var: str, prompt_id: str) -> None:
    text = str(run.session.vars.get(var, ""))
    if text:
        run.actions.append(Say(text, run.session.language, prompt_id))


def _listen(run: _Run) -> None:
    run.actions.append(Gather("dtmf speech", run.session.language, LISTEN_SECONDS))
