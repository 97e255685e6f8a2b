"""A caller without a receipt number: the alternatives a real line offers (issue 12 point 11).

Saying "I don't have a receipt number" at the receipt question is an answer,
not a malformed receipt: the `receipt_or_none` validator takes it (or a
receipt, exactly as `receipt_number` does), and the flow offers where to find
the number on the receipt notice, the A-number with the date of birth
(DOMAIN.md §2.2: the A-number identifies the person; not every noncitizen
has one), or a representative.  The A-number check goes through the one
verification service (`ivr.behaviours.verification.verify_in`), so it counts
towards the same lockout and says the same words as any mismatch.
"""

from __future__ import annotations

from typing import Any, cast

from ivr.behaviours.inputs import receipt_number
from ivr.behaviours.verification import verify_in
from ivr.core.matching import PhraseIndex, normalize
from ivr.core.registry import REGISTRY, Context, Outcome

NO_RECEIPT = "none"

_NO_RECEIPT_WORDS = {
    "en": PhraseIndex.build([(NO_RECEIPT, (
        "i don't have", "i do not have", "don't have it", "do not have it", "no receipt", "i don't know it",
        "i do not know it", "i lost it", "lost my receipt", "i never got one", "don't have one",
    ))]),
    "es": PhraseIndex.build([(NO_RECEIPT, (
        "no tengo", "no lo tengo", "no tengo numero de recibo", "no lo se", "no se cual es", "lo perdi",
        "perdi el recibo",
    ))]),
}  # fmt: skip

_SAID = {"en": "that you do not have a receipt number", "es": "que no tiene número de recibo"}


@REGISTRY.validator(
    "receipt_or_none",
    readback=lambda value, language: (
        _SAID[language] if value == NO_RECEIPT else REGISTRY.validators["receipt_number"].readback(value, language)
    ),
    hints={"en": ("I don't have a receipt number",), "es": ("no tengo número de recibo",)},
    identifier=True,
)
def receipt_or_none(value: str, kind: str, language: str) -> str | None:
    """A receipt (as `receipt_number` reads it), or 'none' when the caller says they have none."""
    found = receipt_number(value, kind, language)
    if found is not None or kind != "speech":
        return found
    return NO_RECEIPT if _NO_RECEIPT_WORDS[language].match(normalize(value)) is not None else None


@REGISTRY.guard("caller_has_no_receipt")
def caller_has_no_receipt(ctx: Context) -> bool:
    """The caller said they have no receipt number."""
    return ctx.session.vars.get("receipt") == NO_RECEIPT


@REGISTRY.action("verify_by_a_number", outcomes=("verified", "mismatch", "locked"))
def verify_by_a_number(ctx: Context) -> Outcome:
    """Find the case of the A-number given and check the date of birth through the verification service.

    An A-number on no case is checked like an unknown receipt: it fails as a mismatch, so the
    caller cannot tell an unknown A-number from a wrong date of birth.
    """
    vars_ = ctx.session.vars
    wanted = str(vars_.pop("a_number_given", "")).lstrip("A").zfill(9)
    given = str(vars_.pop("a_number_birth_date", ""))
    book = cast(Any, ctx.world).cases  # the world's case book (ivr.world.World); the protocol has no A-number lookup
    case = next((c for c in book if c.a_number and c.a_number.lstrip("A").zfill(9) == wanted), None)
    result = verify_in(ctx, case.receipt_number if case else "", given)
    if result.outcome == "locked":
        vars_["handoff_topic"] = "verification_failed"
    return Outcome(result.outcome)

