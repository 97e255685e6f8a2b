"""A caller without a receipt number: the alternatives a real line offers (issue 12 point 11).

Saying "I don't have a receipt number" at the receipt question is an answer,
not a malformed receipt: the `receipt_number` validator gives 'none' for it
(`says_no_receipt`; the value stays under that validator, so redaction treats it
like any receipt answer), and the flow offers where to find
the number on the receipt notice, the A-number with the date of birth
(DOMAIN.md §2.2: the A-number identifies the person; not every noncitizen
has one), or a representative.  The A-number check goes through the one
verification service (`ivr.behaviours.verification.verify_in`), so it counts
towards the same lockout and says the same words as any mismatch.
"""

from __future__ import annotations

from typing import Any, cast

from ivr.behaviours.inputs import NO_RECEIPT
from ivr.behaviours.verification import VERIFICATION_VARS, verify_in
from ivr.core.registry import REGISTRY, Context, Outcome

@REGISTRY.guard("caller_has_no_receipt")
def caller_has_no_receipt(ctx: Context) -> bool:
    """The caller said they have no receipt number."""
    return ctx.session.vars.get("receipt") == NO_RECEIPT


@REGISTRY.action(
    "verify_by_a_number",
    outcomes=("verified", "mismatch", "locked"),
    sets=(*VERIFICATION_VARS, "handoff_topic"),
)
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

