"""What a service request is about, in the caller's words, read back before it is filed (issue 12).

Seed 003_29c9fde61bf22c66.txt: the service request goes "to the USCIS office
that can best provide a resolution" - which needs what the request is about:
the new address for a change of address, the accommodation needed, the error
and the correct value for a typographic error.  DOMAIN.md §5 names these
self-service categories.  The flow asks for the detail (`request_details`
validator, speech only), reads it back (`confirm: true`), and
`service_request_create` files it on the request under the key below.

Session variables: `sr_detail` (what the caller said) and `sr_detail_key`.
"""

from __future__ import annotations

from ivr.core.registry import REGISTRY, Context, Outcome

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


@REGISTRY.action("service_request_details", outcomes=("none", *DETAIL_KEYS.values()))
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


@REGISTRY.guard("live_sr_needs_address")
def live_sr_needs_address(ctx: Context) -> bool:
    """A verified caller's change of address has no new address yet: ask it before filing."""
    vars_ = ctx.session.vars
    return (
        vars_.get("live_sr_type") == "change_of_address"
        and ctx.session.verified_receipt is not None
        and not vars_.get("sr_detail")
    )
