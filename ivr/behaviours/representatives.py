"""Attorneys and accredited representatives calling for the applicant (issue 12 point 12).

Seed 000 names them: USCIS's rescheduling tool is for "benefit requestors, and
their attorneys and accredited representatives", and "Benefit requestors and
accredited representatives will still have the option to call the USCIS
Contact Center to reschedule an appointment".  DOMAIN.md's who-may-get-case
information line adds that a representative needs a Form G-28 on file.

At the receipt question a caller says they represent the applicant (the
`receipt_number` validator gives 'representative'), or keys it in the
no-receipt menu; they give their own name (speech, read back), then the
applicant's receipt number and date of birth.  `verify_representative` asks
the one verification service (`ivr.behaviours.verification.verify_in` with
the name), so a miss counts in the same ledger and locks the same way, and
one refusal covers an unknown receipt, a wrong date of birth and a name
without a G-28 on file: a caller who is not the representative learns nothing
about the case.  A match verifies the call "as representative": the branches
then serve the representative as they serve the applicant (simulator choice:
every self-service branch, which covers what seed 000 names: case status and
rescheduling biometrics), and the hand-off names them.
"""

from __future__ import annotations

import re

from ivr.behaviours.inputs import REPRESENTATIVE
from ivr.behaviours.verification import VERIFICATION_VARS, as_representative, verify_in
from ivr.core.registry import REGISTRY, Context, Outcome

_INTRO = re.compile(
    r"^(?:my name is|my name's|this is|i am|i'm|it's|it is|me llamo|mi nombre es|soy|habla)\s+", re.IGNORECASE
)
_NAME = re.compile(r"^[^\W\d_]+(?:[ '.\-][^\W\d_]+)*\.?$")
_GATE_VARS = ("representative_name", "representative_receipt", "representative_birth_date")


@REGISTRY.guard("caller_is_representative")
def caller_is_representative(ctx: Context) -> bool:
    """The caller said they are the applicant's attorney or accredited representative."""
    return ctx.session.vars.get("receipt") == REPRESENTATIVE


@REGISTRY.guard("verified_as_representative")
def verified_as_representative(ctx: Context) -> bool:
    """The call is verified as the applicant's representative."""
    return as_representative(ctx.session) is not None


@REGISTRY.validator("person_name", readback=lambda value, language: value)
def person_name(value: str, kind: str, language: str) -> str | None:
    """A person's name, spoken: 'my name is' and the like dropped; letters, spaces, hyphens and apostrophes only."""
    if kind == "digits":
        return None
    name = _INTRO.sub("", " ".join(value.split()).strip(" ,.")).strip()
    if not 2 <= len(name) <= 80 or not _NAME.match(name):
        return None
    return " ".join(word[:1].upper() + word[1:] for word in name.split(" "))


@REGISTRY.action(
    "verify_representative",
    outcomes=("verified", "refused", "locked"),
    sets=(*VERIFICATION_VARS, "handoff_topic"),
)
def verify_representative(ctx: Context) -> Outcome:
    """Check the representative's name with the applicant's receipt and date of birth (one ledger for every check)."""
    vars_ = ctx.session.vars
    name, receipt, given = (str(vars_.pop(key, "")) for key in _GATE_VARS)
    result = verify_in(ctx, receipt, given, representative=name)
    if result.outcome == "locked":
        vars_["handoff_topic"] = "verification_failed"
    return Outcome({"verified": "verified", "mismatch": "refused"}.get(result.outcome, "locked"))
