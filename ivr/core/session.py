"""The call session: everything the engine knows about one call between steps.

Time, retries, tiers and collected data live here, not in `transitions`
timers or state objects, so a call survives a restart and a webhook can be
served by any process.  A session is plain data: `to_dict`/`from_dict`
round-trip it through JSON for the store (written out field by field: no
`dataclasses.asdict`, which deep-copies everything on every webhook).

`path` keeps only its last `PATH_TAIL` states (only its tail is ever read),
so step 500 of a call costs what step 1 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


PATH_TAIL = 32
"""How many of the last states entered a session keeps in `path`."""


@dataclass
class TierChange:
    """An explicit move between tiers, with its reason and the context handed over."""

    from_tier: str
    to_tier: str
    reason: str
    at: str
    state: str
    context: dict[str, Any]


@dataclass
class Session:
    """One call's state between webhooks."""

    call_sid: str
    flow_id: str
    flow_version: str
    state: str
    started_at: str
    language: str = "en"
    tier: str = "ivr"
    caller: str | None = None
    no_input: int = 0
    no_match: int = 0
    silent_escalations: int = 0  # attempt limits reached (silent or not understood) since the caller last got anywhere
    limits_reached: int = 0  # attempt limits reached in the whole call (a call cannot cycle through help for good)
    pending: str | None = None  # a collected value awaiting read-back confirmation
    clarify: list[str] = field(default_factory=list)  # the choices a clarifying question just asked between
    menu_stack: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    vars: dict[str, Any] = field(default_factory=dict)
    verified_receipt: str | None = None
    tier_changes: list[TierChange] = field(default_factory=list)
    scripts_heard: list[str] = field(default_factory=list)
    service_requests: list[str] = field(default_factory=list)
    console: dict[str, Any] = field(default_factory=dict)  # the agent console's hold on the call (ivr.core.agent_step)
    ended: bool = False
    steps: int = 0

    def copy(self) -> Session:
        """A copy the engine may change without touching the caller's object (its lists and dicts copied too)."""
        fields = self.__dict__.copy()  # every field at once (a copy per step, so per webhook), then the containers
        fields["clarify"] = fields["clarify"].copy()  # each its own copy, unconditionally: a test per field cost more
        fields["menu_stack"] = fields["menu_stack"].copy()
        fields["path"] = fields["path"][-PATH_TAIL:]
        fields["vars"] = fields["vars"].copy()
        fields["tier_changes"] = fields["tier_changes"].copy()
        fields["scripts_heard"] = fields["scripts_heard"].copy()
        fields["service_requests"] = fields["service_requests"].copy()
        fields["console"] = fields["console"].copy()
        copied = object.__new__(Session)
        copied.__dict__ = fields
        return copied

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (the lists and dicts are the session's own: serialise it, do not keep it)."""
        return {
            "call_sid": self.call_sid,
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "state": self.state,
            "started_at": self.started_at,
            "language": self.language,
            "tier": self.tier,
            "caller": self.caller,
            "no_input": self.no_input,
            "no_match": self.no_match,
            "silent_escalations": self.silent_escalations,
            "limits_reached": self.limits_reached,
            "pending": self.pending,
            "clarify": self.clarify,
            "menu_stack": self.menu_stack,
            "path": self.path[-PATH_TAIL:],
            "vars": self.vars,
            "verified_receipt": self.verified_receipt,
            "tier_changes": [
                {"from_tier": c.from_tier, "to_tier": c.to_tier, "reason": c.reason, "at": c.at, "state": c.state,
                 "context": c.context}
                for c in self.tier_changes
            ],
            "scripts_heard": self.scripts_heard,
            "service_requests": self.service_requests,
            "console": self.console,
            "ended": self.ended,
            "steps": self.steps,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        """The session `to_dict` wrote (keys it does not know are ignored; missing ones take their defaults)."""
        changes = data.get("tier_changes")
        if data.keys() == _FIELDS:  # every field and nothing else (a webhook loads one per request): no defaults
            session = cls.__new__(cls)
            fields = session.__dict__
            fields.update(data)
            fields["tier_changes"] = [TierChange(**change) for change in changes] if changes else []
            return session
        values = {key: value for key, value in data.items() if key in _FIELDS}
        values["tier_changes"] = [TierChange(**change) for change in changes or ()]
        return cls(**values)

    def in_field_order(self) -> bool:
        """Its attributes are its fields, in their declared order, and `path` is within its tail: what
        `to_dict` gives is then its attributes as they are (`ivr.store.sql` writes it without `to_dict`)."""
        fields = self.__dict__
        return len(fields) == len(FIELD_ORDER) and tuple(fields) == FIELD_ORDER and len(self.path) <= PATH_TAIL


_FIELDS = frozenset(Session.__dataclass_fields__)
FIELD_ORDER = tuple(Session.__dataclass_fields__)
"""The session's fields as declared: the order of `to_dict`'s keys."""
