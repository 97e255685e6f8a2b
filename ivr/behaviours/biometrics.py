"""Biometrics appointments by phone: hear it, and reschedule it under the online tool's rules.

Seed 000_183b307099edfec1.txt and DOMAIN.md §3: self-service may reschedule
an appointment only before it, not within 12 hours of it, not once it was
rescheduled two or more times, and not for the adoption forms (the rules are
`ivr.rules.biometrics`).  The caller picks one of the offered times at the
same support center and hears a confirmation number digit by digit; the new
appointment and the incremented count are written to the world, so the next
call hears them.  A caller self-service cannot serve is told why and handed to
a representative with `handoff_topic = "biometrics_reschedule"` and
`handoff_reason` = the refusal code, so Tier 1 can record a good cause (an
appointment already passed is an untimely request, which only the Contact
Center takes).

Session variables this module sets:
  bio_when, bio_location                  the appointment on file
  bio_slots, bio_page, slot_1..slot_3      the times offered now (ISO instants and spoken)
  bio_chosen, chosen_slot                  the time the caller picked
  new_appointment, bio_confirmation(_readback)   the booked appointment
"""

from __future__ import annotations

import datetime as dt

from ivr.behaviours.case_status import verified_case
from ivr.core.registry import CASE_UPDATED, REGISTRY, Context, Effect, Outcome
from ivr.rules.glossary import bundled_glossary
from ivr.rules import biometrics as rules
from ivr.rules.phrasing import say_appointment
from ivr.rules.spoken import read_digits

SLOTS_PER_PAGE = 3
MAX_PAGES = 3
"""The caller may ask for other times twice: nine times in all."""

HANDOFF_TOPIC = "biometrics_reschedule"


@REGISTRY.action(
    "biometrics_lookup",
    outcomes=("upcoming", "passed", "none"),
    sets=("bio_when", "bio_location"),
)
def biometrics_lookup(ctx: Context) -> Outcome:
    """Read the verified case's biometrics appointment (date, time, place) into the prompt variables."""
    appointment = verified_case(ctx).biometrics
    if appointment is None:
        return Outcome("none")
    ctx.session.vars["bio_when"] = say_appointment(appointment.appointment, ctx.language)
    ctx.session.vars["bio_location"] = bundled_glossary().support_center(appointment.location, ctx.language)
    return Outcome("passed" if rules.is_untimely(appointment.appointment, ctx.now) else "upcoming")


@REGISTRY.action(
    "biometrics_check",
    outcomes=("allowed", "none", *(refusal.value for refusal in rules.Refusal)),
    sets=("handoff_topic", "handoff_reason"),
)
def biometrics_check(ctx: Context) -> Outcome:
    """May self-service reschedule this appointment now?  If not, why (and prepare the hand-off)."""
    case = verified_case(ctx)
    if case.biometrics is None:
        return Outcome("none")
    refusal = rules.self_service_refusal(
        case.biometrics.appointment, case.biometrics.times_rescheduled, case.form, ctx.now
    )
    if refusal is None:
        return Outcome("allowed")
    ctx.session.vars["handoff_topic"] = HANDOFF_TOPIC
    ctx.session.vars["handoff_reason"] = refusal.value
    return Outcome(refusal.value)


@REGISTRY.action(
    "biometrics_offer",
    outcomes=("offered",),
    params=("page",),
    sets=("bio_page", "bio_slots", "bio_location", *(f"slot_{n}" for n in range(1, SLOTS_PER_PAGE + 1))),
)
def biometrics_offer(ctx: Context) -> Outcome:
    """Offer three times at the same support center (`page: next` for three later ones)."""
    case = verified_case(ctx)
    assert case.biometrics is not None
    page = 0 if ctx.args.get("page", "first") == "first" else int(ctx.session.vars.get("bio_page", 0)) + 1
    page = min(page, MAX_PAGES - 1)
    slots = rules.offer_slots(case.biometrics.appointment, ctx.now, SLOTS_PER_PAGE * (page + 1))[
        SLOTS_PER_PAGE * page :
    ]
    ctx.session.vars["bio_page"] = page
    ctx.session.vars["bio_slots"] = [slot.isoformat() for slot in slots]
    ctx.session.vars["bio_location"] = bundled_glossary().support_center(case.biometrics.location, ctx.language)
    for index, slot in enumerate(slots, 1):
        ctx.session.vars[f"slot_{index}"] = say_appointment(slot, ctx.language)
    return Outcome("offered")


@REGISTRY.guard("biometrics_more_times")
def biometrics_more_times(ctx: Context) -> bool:
    """Later times can still be offered."""
    return int(ctx.session.vars.get("bio_page", 0)) < MAX_PAGES - 1


@REGISTRY.action(
    "biometrics_pick",
    outcomes=("picked",),
    params=("slot",),
    sets=("bio_chosen", "chosen_slot"),
)
def biometrics_pick(ctx: Context) -> Outcome:
    """Remember which offered time the caller picked (`slot: 1`, `2` or `3`)."""
    slots: list[str] = list(ctx.session.vars.get("bio_slots", []))
    index = int(ctx.args.get("slot", "1")) - 1
    if not 0 <= index < len(slots):
        raise ValueError(f"slot {index + 1} was not offered")
    ctx.session.vars["bio_chosen"] = slots[index]
    ctx.session.vars["chosen_slot"] = say_appointment(dt.datetime.fromisoformat(slots[index]), ctx.language)
    return Outcome("picked")


@REGISTRY.action(
    "biometrics_book",
    outcomes=("booked", "refused"),
    sets=("new_appointment", "bio_confirmation", "bio_confirmation_readback"),
)
def biometrics_book(ctx: Context) -> Outcome:
    """Book the picked time: the new appointment and count persist; a confirmation number is read back."""
    case = verified_case(ctx)
    current = case.biometrics
    chosen = str(ctx.session.vars.get("bio_chosen", ""))
    if current is None or chosen not in ctx.session.vars.get("bio_slots", []):
        return Outcome("refused")
    refusal = rules.self_service_refusal(current.appointment, current.times_rescheduled, case.form, ctx.now)
    if refusal is not None:
        return Outcome("refused")
    new_time = dt.datetime.fromisoformat(chosen)
    times = current.times_rescheduled + 1
    confirmation = rules.confirmation_number(ctx.world.next_sequence(rules.CONFIRMATION_SEQUENCE, ctx.now.date()))
    new = {"appointment": new_time.isoformat(), "location": current.location, "times_rescheduled": times}
    ctx.emit(Effect(CASE_UPDATED, {"receipt": case.receipt_number, "changes": {"biometrics": new}}))
    ctx.emit(
        Effect(
            "biometrics_rescheduled",
            {
                "receipt": case.receipt_number,
                "confirmation": confirmation,
                "previous_appointment": current.appointment.isoformat(),
                "appointment": new_time.isoformat(),
                "location": current.location,
                "times_rescheduled": times,
                "channel": "ivr",
            },
        )
    )
    ctx.session.vars["new_appointment"] = say_appointment(new_time, ctx.language)
    ctx.session.vars["bio_confirmation"] = confirmation
    ctx.session.vars["bio_confirmation_readback"] = read_digits(confirmation, ctx.language)
    for name in ("bio_slots", "bio_chosen", "bio_page"):
        ctx.session.vars.pop(name, None)
    return Outcome("booked")
