"""Identity verification and case status: the gate in front of everything case-specific.

A caller is verified by a receipt number and the date of birth on file for
that case (DESIGN.md §3: the receipt spoken, or its ten digits keyed and, when
the digits match cases at several offices, its three letters asked: issue 10.2).  Nothing
case-specific is said before that: an unknown receipt and a wrong date of
birth sound the same, and three failed verifications lock case information
for the rest of the call and offer a representative.  On success
`session.verified_receipt` is set (live assistance relies on it) and the
receipt and date of birth the caller gave are dropped from the session.

Every branch that needs a verified case enters through `begin_verification`
with its `purpose`, and `continue_after_verification` routes back to it.

Session variables this module sets:
  verify_purpose, verification_failures        the gate's own bookkeeping
  receipt_letters, letters_misses              the "three letters" question (keyed digits)
  case_form, case_status, case_office          the verified case, for `case_status.*` prompts
"""

from __future__ import annotations

from typing import cast

from ivr.behaviours.verification import VERIFICATION_VARS, call_lock, verify_in
from ivr.core.registry import REGISTRY, Context, Outcome
from ivr.definitions.cases import Case
from ivr.rules import receipts
from ivr.rules.verification import receipts_with_letters

PURPOSES = (
    "case_status",
    "biometrics",
    "field_office_request",
    "field_office_appointment",
    "service_request_status",
    "service_request_create",
)
"""The branches that need a verified caller; each is an outcome of `continue_after_verification`."""

MAX_LETTER_MISSES = 3

_GATE_VARS = ("receipt", "receipt_readback", "date_of_birth", "date_of_birth_readback", "verify_candidates",
              "verify_receipt", "receipt_letters", "receipt_letters_readback", "letters_misses")

# Case Status Online titles (DOMAIN.md §2.3) in Spanish; any other status is read as written.
STATUS_ES: dict[str, str] = {
    "case was received": "Se recibió el caso",
    "case was received and a receipt notice was sent": "Se recibió el caso y se envió un aviso de recibo",
    "fingerprint fee was received": "Se recibió el pago de las huellas digitales",
    "case is being actively reviewed": "El caso se está revisando activamente",
    "request for initial evidence was sent": "Se envió una solicitud de evidencia inicial",
    "request for evidence was sent": "Se envió una solicitud de evidencia",
    "response to uscis' request for evidence was received": (
        "Se recibió la respuesta a la solicitud de evidencia de USCIS"
    ),
    "interview was scheduled": "Se programó una entrevista",
    "case was transferred and a new office has jurisdiction": (
        "El caso fue transferido y una nueva oficina tiene jurisdicción"
    ),
    "case was approved": "El caso fue aprobado",
    "card is being produced": "Se está produciendo la tarjeta",
    "card was mailed to me": "La tarjeta me fue enviada por correo",
    "card was delivered to me by the post office": "El correo me entregó la tarjeta",
    "case was denied": "El caso fue denegado",
    "case rejected because it was improperly filed": (
        "El caso fue rechazado porque se presentó incorrectamente"
    ),
}


# --- the gate --------------------------------------------------------------------------


@REGISTRY.action(
    "begin_verification",
    outcomes=("verified", "needed", "locked"),
    params=("purpose",),
    sets=("verify_purpose",),
)
def begin_verification(ctx: Context) -> Outcome:
    """Start a branch that needs a verified caller: skip the questions when already verified."""
    purpose = ctx.args.get("purpose", "")
    if purpose not in PURPOSES:
        raise ValueError(f"unknown verification purpose {purpose!r} (allowed: {', '.join(PURPOSES)})")
    ctx.session.vars["verify_purpose"] = purpose
    if _locked(ctx):
        return Outcome("locked")
    if ctx.session.verified_receipt is not None:
        return Outcome("verified")
    _forget_answers(ctx)
    return Outcome("needed")


@REGISTRY.action("verify_another_case", outcomes=("needed", "locked"))
def verify_another_case(ctx: Context) -> Outcome:
    """The caller asks about another case: verify again, keeping the count of failures."""
    ctx.session.verified_receipt = None
    _forget_answers(ctx)
    return Outcome("locked" if _locked(ctx) else "needed")


@REGISTRY.action(
    "look_up_receipt",
    outcomes=("ask_birth_date", "ask_letters"),
    sets=("verify_candidates", "verify_receipt", "letters_misses"),
)
def look_up_receipt(ctx: Context) -> Outcome:
    """Find the cases the receipt may mean; when keyed digits match several, ask for its three letters.

    Issue 10.2: the question names no office and no case, so nothing is disclosed before the date of birth.
    """
    given = str(ctx.session.vars.get("receipt", ""))
    if len(given) == 10 and given.isdigit():
        receipts = [case.receipt_number for case in ctx.world.cases_by_digits(given)]
    else:
        case = ctx.world.case(given)
        receipts = [case.receipt_number] if case is not None else []
    ctx.session.vars["verify_candidates"] = receipts
    ctx.session.vars["verify_receipt"] = receipts[0] if len(receipts) == 1 else ""
    if len(receipts) < 2:
        return Outcome("ask_birth_date")
    ctx.session.vars["letters_misses"] = 0
    return Outcome("ask_letters")


@REGISTRY.action(
    "choose_by_letters",
    outcomes=("chosen", "unclear", "give_up"),
    sets=("verify_receipt", "letters_misses"),
)
def choose_by_letters(ctx: Context) -> Outcome:
    """Pick the case whose letters the caller gave (said, or keyed on the letter keys).

    Letters that match none of the cases still lead to the date of birth, which then fails
    like any wrong answer: the caller never learns which letters exist.  Keys that spell
    the letters of several of the cases ask the caller to say them instead.
    """
    receipts: list[str] = list(ctx.session.vars.get("verify_candidates", []))
    answer = str(ctx.session.vars.get("receipt_letters", ""))
    matching = receipts_with_letters(receipts, answer)
    if len(matching) == 1:
        ctx.session.vars["verify_receipt"] = matching[0]
        return Outcome("chosen")
    if not matching:
        digits = str(ctx.session.vars.get("receipt", ""))
        # a receipt no case has (letters keyed stay keys): the date of birth then fails as usual
        ctx.session.vars["verify_receipt"] = (answer if answer.isalpha() else f"keys {answer} ") + digits
        return Outcome("chosen")
    misses = int(ctx.session.vars.get("letters_misses", 0)) + 1
    ctx.session.vars["letters_misses"] = misses
    return Outcome("give_up" if misses >= MAX_LETTER_MISSES else "unclear")


@REGISTRY.action(
    "verify_identity",
    outcomes=("verified", "mismatch", "locked"),
    sets=(*VERIFICATION_VARS, "handoff_topic"),
)
def verify_identity(ctx: Context) -> Outcome:
    """Check the date of birth against the chosen case through the verification service (one ledger for every tier)."""
    receipt = str(ctx.session.vars.get("verify_receipt") or ctx.session.vars.get("receipt") or "")
    given = str(ctx.session.vars.get("date_of_birth", ""))
    _forget_answers(ctx)
    result = verify_in(ctx, receipt, given)
    if result.outcome == "locked":
        ctx.session.vars["handoff_topic"] = "verification_failed"
    return Outcome(result.outcome)


@REGISTRY.action("continue_after_verification", outcomes=PURPOSES)
def continue_after_verification(ctx: Context) -> Outcome:
    """Back to the branch that asked for verification."""
    if ctx.session.verified_receipt is None:
        raise RuntimeError("continue_after_verification reached without a verified caller")
    return Outcome(str(ctx.session.vars.get("verify_purpose", "case_status")))


# --- case status -----------------------------------------------------------------------


@REGISTRY.action("read_case_status", outcomes=("read",), sets=("case_form", "case_status", "case_office"))
def read_case_status(ctx: Context) -> Outcome:
    """Put the verified case's form, status and office in the prompt variables."""
    case = verified_case(ctx)
    ctx.session.vars["case_form"] = case.form
    ctx.session.vars["case_status"] = status_in(case.status, ctx.language)
    ctx.session.vars["case_office"] = the_office(ctx, case.office_name or "")
    return Outcome("read")


def _read_letters(value: str, language: str) -> str:
    return " ".join(value) if value.isalpha() else ", ".join(value)


@REGISTRY.validator(
    "receipt_letters",
    readback=_read_letters,
    hints={language: ("W A C", "E A C", "L I N", "S R C", "I O E") for language in ("en", "es")},
)
def receipt_letters(value: str, kind: str, language: str) -> str | None:
    """A receipt's three letters: said ('W A C', letter names too) or keyed, one letter key each ('922')."""
    if kind == "digits":
        return value if len(value) == 3 and all(key in "23456789" for key in value) else None
    receipt = receipts.normalize_receipt(f"{value} 0 0 0 0 0 0 0 0 0 0")
    return receipt[:3] if receipt is not None else None


# --- shared with the other branches ----------------------------------------------------


def verified_case(ctx: Context) -> Case:
    """The verified caller's case (with what calls changed); an error if the call is not verified."""
    receipt = ctx.session.verified_receipt
    case = ctx.world.case(receipt) if receipt else None
    if case is None:
        raise LookupError("no verified case on this call")
    return cast(Case, case)


def office_in(ctx: Context, name: str) -> str:
    """An office's name in the call's language, from the directory (the name as written when unknown)."""
    directory = ctx.services.directory
    office = directory.office_named(name) if directory is not None and name else None
    return office.name.text(ctx.language) if office is not None else name


def the_office(ctx: Context, name: str) -> str:
    """An office's name with its article: 'the Vermont Service Center', 'el Centro…', 'la Oficina…'."""
    named = office_in(ctx, name)
    if ctx.language == "en":
        return f"the {named}"
    feminine = named.split(" ", 1)[0].casefold() in ("oficina", "unidad")
    return f"{'la' if feminine else 'el'} {named}"


def status_in(status: str, language: str) -> str:
    """A Case Status Online title in the call's language."""
    if language == "es":
        return STATUS_ES.get(status.strip().casefold(), status)
    return status


# --- helpers ---------------------------------------------------------------------------


def _locked(ctx: Context) -> bool:
    return call_lock(ctx.session) is not None


def _forget_answers(ctx: Context) -> None:
    variables = ctx.session.vars
    for name in _GATE_VARS:
        if name in variables:  # most are not (a test costs less than a call of `pop`)
            del variables[name]
