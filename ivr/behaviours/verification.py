"""The identity verification service: one check, one attempt ledger, for every tier.

The IVR's identity check (`case_status.verify_identity`), the representative,
the officer and the supervisor (`live_verify_caller`), and the agent console's
"verify identity" action all call `verify`; nobody else compares a date of
birth.  Failures are counted three ways (`ivr.rules.verification`): on the
call (session variable `verification_failures`), per receipt number and per
calling number across calls (the store's ledger, in simulated time, through
the call's `World`).  Once a lock applies, no tier of the call verifies
anybody, the date of birth is not even compared, and the call's hand-off
context carries the lock (`identity_lock`) for tiers played by people.

The lockout policy is the `VERIFY_LOCKOUT` setting (see `LockoutPolicy`).

API for other shells (the agent console)::

    result = verify(world, session, now, policy_of(settings), receipt, date_of_birth)
    result.outcome   # 'verified' | 'mismatch' | 'locked'
    result.lock      # None | 'call' | 'receipt' | 'caller'
    verify(..., representative="Grace Okafor")  # an attorney or accredited representative
    call_lock(session)  # the call's lock, if any (before asking anything)

`verify` updates `session` (verified receipt, failure count, lock) and the
ledger; it says nothing itself: the caller hears the flow's prompts, which
never tell an unknown receipt from a wrong date of birth.

A caller who represents the applicant (seed 000: "benefit requestors, and
their attorneys and accredited representatives") gives their own name with
the applicant's receipt number and date of birth: the check passes only when
all three match and the case has that representative on file (a Form G-28);
any miss is one failure in the same ledger, and the call is then verified
"as representative" (`REPRESENTATIVE_VAR`: 'Grace Okafor (attorney)').
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ivr.core.registry import REGISTRY, Context, World
from ivr.core.session import Session
from ivr.routing import identifiable_caller
from ivr.rules.verification import LockoutPolicy, Standing, after_failure, lock_reason, window_start

FAILURES_VAR = "verification_failures"
"""The call's own count of failed checks, every tier together."""
LOCK_VAR = "identity_lock"
"""Why the call may no longer verify anybody ('call', 'receipt', 'caller'); handed to people with the call."""
REPRESENTATIVE_VAR = "verified_as_representative"
"""Set when the call is verified as the applicant's representative: their name and kind, for people taking the call."""
VERIFICATION_VARS = (FAILURES_VAR, LOCK_VAR, REPRESENTATIVE_VAR)
"""The session variables a check of identity may set (an action that checks declares them)."""


_LOCK_MESSAGES = {
    "call": {
        "en": "We could not verify your identity on this call.",
        "es": "No pudimos verificar su identidad en esta llamada.",
    },
    "receipt": {
        "en": "For your security, identity checks for that receipt number are paused, after repeated failed attempts.",
        "es": "Por su seguridad, las verificaciones de identidad de ese número de recibo están en pausa, después de varios intentos fallidos.",
    },
    "caller": {
        "en": "For your security, identity checks from this phone number are paused, after repeated failed attempts.",
        "es": "Por su seguridad, las verificaciones de identidad desde este número de teléfono están en pausa, después de varios intentos fallidos.",
    },
}


@dataclass(frozen=True, init=False)
class Verification:
    """The result of one identity check."""

    outcome: str  # verified | mismatch | locked
    lock: str | None = None
    receipt: str | None = None  # the verified receipt number

    def __init__(self, outcome: str, lock: str | None = None, receipt: str | None = None) -> None:
        # The frozen dataclass's own `__init__`, without its `object.__setattr__` per field (one per identity check).
        fields = self.__dict__
        fields["outcome"] = outcome
        fields["lock"] = lock
        fields["receipt"] = receipt


def policy_of(settings: Mapping[str, Any]) -> LockoutPolicy:
    """The lockout policy of the `VERIFY_LOCKOUT` setting (parsed once per distinct value)."""
    value = settings.get("VERIFY_LOCKOUT")
    if value is None:  # not set (most apps): the default policy, without a cache look-up
        return _DEFAULT_POLICY
    return _policy(value if isinstance(value, str) else _frozen(value))


def call_lock(session: Session) -> str | None:
    """The lock already on this call, if any: then nothing about a case may be asked or said."""
    lock = session.vars.get(LOCK_VAR)
    return str(lock) if lock else None


def verify(
    world: World,
    session: Session,
    now: dt.datetime,
    policy: LockoutPolicy,
    receipt: str,
    date_of_birth: str,
    representative: str | None = None,
) -> Verification:
    """Check a receipt number (13 characters, or 10 keyed digits) and a date of birth (ISO) for the call;
    with `representative`, also that the case has a representative of that name on file."""
    session.vars.pop(REPRESENTATIVE_VAR, None)
    already = call_lock(session)
    if already is not None:
        return _locked(session, already)
    candidates = _candidates(world, receipt)
    receipts = [f"receipt:{case.receipt_number}" for case in candidates] or [f"receipt:{receipt.strip().upper()}"]
    caller = identifiable_caller(session.caller)  # a withheld caller ID is shared by strangers: no ledger of its own
    subjects = [*receipts, f"caller:{caller}"] if caller else receipts
    since = window_start(policy, now)
    # the ledger is read receipts first, then the caller (replay hands the counts back in that order)
    failures = [world.identity_failures(subject, since) for subject in receipts]
    standing = Standing(
        call=int(session.vars.get(FAILURES_VAR, 0)),
        receipt=failures[0] if len(failures) == 1 else max(failures),
        caller=world.identity_failures(subjects[-1], since) if caller else 0,
    )
    lock = lock_reason(policy, standing)
    if lock is not None:
        return _locked(session, lock)
    matching = [case for case in candidates if case.date_of_birth.isoformat() == date_of_birth]
    if representative is not None:
        matching = [case for case in matching if _represents(case, representative)]
    if len(matching) == 1:
        session.verified_receipt = matching[0].receipt_number
        if representative is not None:
            session.vars[REPRESENTATIVE_VAR] = matching[0].representative.describe()
        return Verification("verified", receipt=matching[0].receipt_number)
    for subject in subjects:
        world.record_identity_failure(subject, now)
    standing = after_failure(standing)
    session.vars[FAILURES_VAR] = standing.call
    lock = lock_reason(policy, standing)
    return _locked(session, lock) if lock is not None else Verification("mismatch")


def verify_in(ctx: Context, receipt: str, date_of_birth: str, representative: str | None = None) -> Verification:
    """`verify` for a flow action: the call's world, session, time and settings."""
    policy = policy_of(ctx.services.settings)
    return verify(ctx.world, ctx.session, ctx.now, policy, receipt, date_of_birth, representative)


def as_representative(session: Session) -> str | None:
    """'Grace Okafor (attorney)' when the call is verified as the applicant's representative, else None."""
    value = session.vars.get(REPRESENTATIVE_VAR)
    return str(value) if value and session.verified_receipt else None


def same_name(given: str, on_file: str) -> bool:
    """Whether a name said matches the name on file: case, accents, punctuation and spacing aside."""
    return _name_words(given) == _name_words(on_file) and bool(_name_words(given))


@REGISTRY.variable("identity_lock_message")
def identity_lock_message(ctx: Context) -> str:
    """Why the call can verify nobody, in one sentence that says nothing about any case."""
    lock = call_lock(ctx.session) or "call"
    return _LOCK_MESSAGES.get(lock, _LOCK_MESSAGES["call"])["es" if ctx.language == "es" else "en"]


def _locked(session: Session, lock: str) -> Verification:
    session.vars[LOCK_VAR] = lock
    session.verified_receipt = None
    return Verification("locked", lock=lock)


def _represents(case: Any, name: str) -> bool:
    on_file = getattr(case, "representative", None)
    return on_file is not None and same_name(name, on_file.name)


def _name_words(name: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch if ch.isalnum() else " " for ch in plain if not unicodedata.combining(ch))
    return plain.split()


def _candidates(world: World, receipt: str) -> list[Any]:
    given = receipt.strip().upper()
    if len(given) == 10 and given.isdigit():
        return list(world.cases_by_digits(given))
    case = world.case(given) if given else None
    return [case] if case is not None else []


_DEFAULT_POLICY = LockoutPolicy.from_setting(None)


@lru_cache(maxsize=8)
def _policy(value: Any) -> LockoutPolicy:
    if isinstance(value, tuple):
        return LockoutPolicy.from_setting(dict(value))
    return LockoutPolicy.from_setting(value)


def _frozen(value: Any) -> Any:
    return tuple(sorted(value.items())) if isinstance(value, Mapping) else value
