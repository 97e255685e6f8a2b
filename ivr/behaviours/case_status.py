"""Identity verification and case status: the gate in front of everything case-specific.

A caller is verified by a receipt number and the date of birth on file for
that case (DESIGN.md §3: the receipt spoken, or its ten digits keyed and, when
the digits match cases at several offices, the office asked).  Nothing
case-specific is said before that: an unknown receipt and a wrong date of
birth sound the same, and three failed verifications lock case information
for the rest of the call and offer a representative.  On success
`session.verified_receipt` is set (live assistance relies on it) and the
receipt and date of birth the caller gave are dropped from the session.

Every branch that needs a verified case enters through `begin_verification`
with its `purpose`, and `continue_after_verification` routes back to it.

Session variables this module sets:
  verify_purpose, verification_failures        the gate's own bookkeeping
  office_choices                               the "which office" question (keyed digits)
  case_form, case_status, case_office          the verified case, for `case_status.*` prompts
"""

from __future__ import annotations

from typing import cast

from ivr.core.options import say_option
from ivr.core.registry import REGISTRY, Context, Outcome
from ivr.core.matching import normalize
from ivr.definitions.cases import Case
from ivr.rules import spoken

PURPOSES = (
    "case_status",
    "biometrics",
    "field_office_request",
    "field_office_appointment",
    "service_request_status",
    "service_request_create",
)
"""The branches that need a verified caller; each is an outcome of `continue_after_verification`."""

MAX_FAILED_VERIFICATIONS = 3
"""After this many failed verifications the call hears no case information at all."""

MAX_OFFICE_MISSES = 3

_GATE_VARS = ("receipt", "receipt_readback", "date_of_birth", "date_of_birth_readback", "verify_candidates",
              "verify_receipt", "office_choice", "office_choice_readback", "office_choices", "office_misses")

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


@REGISTRY.action("begin_verification", outcomes=("verified", "needed", "locked"), params=("purpose",))
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


@REGISTRY.action("look_up_receipt", outcomes=("ask_birth_date", "ask_office"))
def look_up_receipt(ctx: Context) -> Outcome:
    """Find the cases the receipt may mean; ask which office only when keyed digits match several."""
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
    ctx.session.vars["office_misses"] = 0
    ctx.session.vars["office_choices"] = " ".join(
        say_option(_case_topic(ctx, receipt), str(index), ctx.language)
        for index, receipt in enumerate(receipts, 1)
    )
    return Outcome("ask_office")


@REGISTRY.action("choose_office", outcomes=("chosen", "unclear", "give_up"))
def choose_office(ctx: Context) -> Outcome:
    """Pick the case the caller meant, by its key or by naming its office or prefix."""
    receipts: list[str] = list(ctx.session.vars.get("verify_candidates", []))
    said = str(ctx.session.vars.get("office_choice", ""))
    chosen = _chosen(ctx, receipts, said)
    if chosen is not None:
        ctx.session.vars["verify_receipt"] = chosen
        return Outcome("chosen")
    misses = int(ctx.session.vars.get("office_misses", 0)) + 1
    ctx.session.vars["office_misses"] = misses
    return Outcome("give_up" if misses >= MAX_OFFICE_MISSES else "unclear")


@REGISTRY.action("verify_identity", outcomes=("verified", "mismatch", "locked"))
def verify_identity(ctx: Context) -> Outcome:
    """Compare the date of birth with the chosen case; the third failure locks case information."""
    receipt = str(ctx.session.vars.get("verify_receipt") or "")
    case = ctx.world.case(receipt) if receipt else None
    given = str(ctx.session.vars.get("date_of_birth", ""))
    _forget_answers(ctx)
    if case is not None and case.date_of_birth.isoformat() == given:
        ctx.session.verified_receipt = case.receipt_number
        return Outcome("verified")
    failures = int(ctx.session.vars.get("verification_failures", 0)) + 1
    ctx.session.vars["verification_failures"] = failures
    if failures >= MAX_FAILED_VERIFICATIONS:
        ctx.session.vars["handoff_topic"] = "verification_failed"
        return Outcome("locked")
    return Outcome("mismatch")


@REGISTRY.action("continue_after_verification", outcomes=PURPOSES)
def continue_after_verification(ctx: Context) -> Outcome:
    """Back to the branch that asked for verification."""
    if ctx.session.verified_receipt is None:
        raise RuntimeError("continue_after_verification reached without a verified caller")
    return Outcome(str(ctx.session.vars.get("verify_purpose", "case_status")))


# --- case status -----------------------------------------------------------------------


@REGISTRY.action("read_case_status", outcomes=("read",))
def read_case_status(ctx: Context) -> Outcome:
    """Put the verified case's form, status and office in the prompt variables."""
    case = verified_case(ctx)
    ctx.session.vars["case_form"] = case.form
    ctx.session.vars["case_status"] = status_in(case.status, ctx.language)
    ctx.session.vars["case_office"] = the_office(ctx, case.office_name or "")
    return Outcome("read")


@REGISTRY.validator(
    "office_choice",
    readback=lambda value, language: value,
    hints={language: ("Vermont", "California", "Nebraska", "Texas") for language in ("en", "es")},
)
def office_choice(value: str, kind: str, language: str) -> str | None:
    """A key from 1 to 9, or what the caller said (an office's name or a number: `choose_office` decides)."""
    if kind == "digits":
        return value if len(value) == 1 and value in "123456789" else None
    return normalize(value) or None


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
    return int(ctx.session.vars.get("verification_failures", 0)) >= MAX_FAILED_VERIFICATIONS


def _forget_answers(ctx: Context) -> None:
    for name in _GATE_VARS:
        ctx.session.vars.pop(name, None)


def _case_topic(ctx: Context, receipt: str) -> str:
    case = ctx.world.case(receipt)
    office = the_office(ctx, case.office_name if case is not None and case.office_name else receipt[:3])
    return f"the case at {office}" if ctx.language == "en" else f"el caso que tiene {office}"


def _chosen(ctx: Context, receipts: list[str], said: str) -> str | None:
    """The receipt the caller meant: by key, by naming its office (or prefix), or by a number said."""
    if said.isdigit():
        return _by_position(receipts, said)
    words = set(said.split()) | {"".join(word for word in said.split() if len(word) == 1)}  # "W A C" -> "wac"
    named = [receipt for receipt in receipts if _office_words(ctx, receipt) & words]
    if named:
        return named[0] if len(named) == 1 else None
    return _by_position(receipts, spoken.digits_from_speech(said, ctx.language))


def _by_position(receipts: list[str], digit: str) -> str | None:
    index = int(digit) if len(digit) == 1 and digit.isdigit() else 0
    return receipts[index - 1] if 1 <= index <= len(receipts) else None


def _office_words(ctx: Context, receipt: str) -> set[str]:
    """The words that name a case's office: its prefix and the distinctive words of its names."""
    names = {receipt[:3]}
    case = ctx.world.case(receipt)
    directory = ctx.services.directory
    if case is not None and case.office_name:
        names.add(case.office_name)
        office = directory.office_named(case.office_name) if directory is not None else None
        if office is not None:
            names |= {office.name.en, office.name.es, *office.aliases}
    return {word for name in names for word in _distinctive(name)}


_COMMON = {
    "service", "center", "centro", "de", "servicio", "the", "field", "office", "oficina", "local", "uscis",
    "national", "nacional", "la", "del", "el",
}  # fmt: skip


def _distinctive(name: str) -> set[str]:
    """The words of an office name that tell it apart ('Vermont Service Center' -> {'vermont'})."""
    return set(normalize(name).split()) - _COMMON
