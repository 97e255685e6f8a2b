"""What a service request is about, in the caller's words, read back before it is filed (issue 12).

Seed 003_29c9fde61bf22c66.txt: the service request goes "to the USCIS office
that can best provide a resolution" - which needs what the request is about:
the new address for a change of address, the accommodation needed, the error
and the correct value for a typographic error.  DOMAIN.md §5 names these
self-service categories.  The flow asks for the detail (`request_details`
validator, speech only), reads it back (`confirm: true`), and
`service_request_create` files it on the request under the key below.

Session variables: `sr_detail` (what the caller said) and `sr_detail_key`.

An expedite (issue 12 point 13) names which published criterion applies
(DOMAIN.md §5, 1 USCIS-PM A.5: severe financial loss, emergencies and urgent
humanitarian reasons, a nonprofit furthering U.S. cultural or social interests,
U.S. government interests, clear USCIS error) and the evidence the caller will
send: `expedite_criterion` and `expedite_evidence`, stored on the request.
"""

from __future__ import annotations

from ivr.core.matching import PhraseIndex
from ivr.core.options import say_option
from ivr.core.registry import REGISTRY, Context, Outcome
from ivr.rules.spoken import digits_from_speech

DETAIL_KEYS = {
    "change_of_address": "new_address",
    "accommodation": "accommodation",
    "typographic_error": "correction",
}
"""Service request type -> the key its content is stored under on the request."""

MIN_WORDS = 2


@REGISTRY.validator("request_details", readback=lambda value, language: value)
def request_details(value: str, kind: str, language: str) -> str | None:
    """Words the caller said (two or more); keys cannot spell an address, so keyed input is not accepted."""
    if kind != "speech":
        return None
    words = " ".join(value.split())
    return words if len(words.split()) >= MIN_WORDS else None


@REGISTRY.action("service_request_details", outcomes=("none", *DETAIL_KEYS.values()), sets=("sr_detail_key",))
def service_request_details(ctx: Context) -> Outcome:
    """Which detail the chosen type needs, if any (and forget a detail of an earlier request)."""
    sr_type = str(ctx.session.vars.get("sr_type", ""))
    ctx.session.vars.pop("sr_detail", None)
    key = DETAIL_KEYS.get(sr_type)
    ctx.session.vars["sr_detail_key"] = key or ""
    return Outcome(key or "none")


def details_of(ctx: Context) -> dict[str, str]:
    """The detail collected for this request, as the request's extra fields ({} when none)."""
    key = str(ctx.session.vars.get("sr_detail_key", ""))
    detail = ctx.session.vars.get("sr_detail")
    return {key: str(detail)} if key and detail else {}


def request_extra(ctx: Context, sr_type: str) -> dict[str, str]:
    """What a live request of `sr_type` stores besides its type: the new address, or the expedite's criterion and evidence."""
    vars_ = ctx.session.vars
    if sr_type == "change_of_address" and vars_.get("sr_detail"):
        return {"new_address": str(vars_["sr_detail"])}
    if sr_type == "expedite" and vars_.get("expedite_criterion"):
        return {
            "expedite_criterion": str(vars_["expedite_criterion"]),
            "expedite_evidence": str(vars_.get("expedite_evidence", "")),
        }
    return {}


# --- an expedite's criterion and evidence (DOMAIN.md §5, 1 USCIS-PM A.5) ----------------------

EXPEDITE_CRITERIA: dict[str, dict[str, str]] = {
    "severe_financial_loss": {
        "en": "severe financial loss to a company or person",
        "es": "por una pérdida económica grave para una empresa o persona",
    },
    "urgent_humanitarian": {
        "en": "an emergency or urgent humanitarian reasons",
        "es": "por una emergencia o razones humanitarias urgentes",
    },
    "nonprofit_cultural_social": {
        "en": "a nonprofit organization whose request furthers the cultural and social interests of the United States",
        "es": "por una organización sin fines de lucro cuyo pedido promueve intereses culturales o sociales de los Estados Unidos",
    },
    "us_government_interests": {
        "en": "U.S. government interests",
        "es": "por intereses del gobierno de los Estados Unidos",
    },
    "clear_uscis_error": {
        "en": "a clear USCIS error",
        "es": "por un error claro de USCIS",
    },
}
"""The published expedite criteria in the policy manual's order (key 1-5), as each language says them."""

_CRITERIA = tuple(EXPEDITE_CRITERIA)
_CRITERION_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "severe_financial_loss": ("financial loss", "money", "lose my job", "business"),
        "urgent_humanitarian": ("emergency", "humanitarian", "medical", "sick"),
        "nonprofit_cultural_social": ("nonprofit", "non profit", "cultural", "social interests"),
        "us_government_interests": ("government", "government interests", "national security", "public safety"),
        "clear_uscis_error": ("uscis error", "your mistake", "error", "mistake"),
    },
    "es": {
        "severe_financial_loss": ("perdida economica", "perdida", "dinero", "empresa"),
        "urgent_humanitarian": ("emergencia", "humanitaria", "razones humanitarias", "medica"),
        "nonprofit_cultural_social": ("sin fines de lucro", "organizacion", "cultural"),
        "us_government_interests": ("gobierno", "intereses del gobierno", "seguridad nacional"),
        "clear_uscis_error": ("error de uscis", "error", "equivocacion"),
    },
}
_CRITERION_INDEX = {
    language: PhraseIndex.build(
        (criterion, (EXPEDITE_CRITERIA[criterion][language].removeprefix("por "), *phrases))
        for criterion, phrases in table.items()
    )
    for language, table in _CRITERION_PHRASES.items()
}


def _read_criterion(value: str, language: str) -> str:
    return EXPEDITE_CRITERIA[value]["es" if language == "es" else "en"].removeprefix("por ")


@REGISTRY.validator("expedite_criterion", readback=_read_criterion)
def expedite_criterion(value: str, kind: str, language: str) -> str | None:
    """One of the five published criteria, by key (1-5) or by saying it."""
    if kind == "speech":
        said = _CRITERION_INDEX["es" if language == "es" else "en"].match(value)
        if said is not None:
            return said
        value = digits_from_speech(value, language)
    if len(value) == 1 and value in "12345":
        return _CRITERIA[int(value) - 1]
    return None


@REGISTRY.variable("expedite_criteria_menu")
def expedite_criteria_menu(ctx: Context) -> str:
    """Every published criterion as an option sentence, keys 1-5."""
    language = "es" if ctx.language == "es" else "en"
    return " ".join(
        say_option(EXPEDITE_CRITERIA[criterion][language], str(index), language)
        for index, criterion in enumerate(_CRITERIA, start=1)
    )


@REGISTRY.guard("live_sr_needs_expedite_criterion")
def live_sr_needs_expedite_criterion(ctx: Context) -> bool:
    """A verified caller's expedite has no criterion and evidence yet: ask them before filing."""
    vars_ = ctx.session.vars
    return (
        vars_.get("live_sr_type") == "expedite"
        and ctx.session.verified_receipt is not None
        and not vars_.get("expedite_evidence")
    )


@REGISTRY.guard("live_sr_needs_address")
def live_sr_needs_address(ctx: Context) -> bool:
    """A verified caller's change of address has no new address yet: ask it before filing."""
    vars_ = ctx.session.vars
    return (
        vars_.get("live_sr_type") == "change_of_address"
        and ctx.session.verified_receipt is not None
        and not vars_.get("sr_detail")
    )
