"""Which live-assistance tiers are people, and how to reach them (`TIER_ROUTING`).

By default every tier is the simulated agent of the flow.  Configuration can
route a tier to people instead:

    {"tier1": {"kind": "queue", "target": "tier1"},
     "tier2": {"kind": "callback", "target": "tier2-callbacks"},
     "supervisor": {"kind": "dial", "target": "client:supervisor"}}

`queue` enqueues the caller (`<Enqueue>`, with a wait URL announcing the
position and offering a callback), `callback` records the caller for a
call-back queue and gives a service item number (DOMAIN.md §1.3), `dial`
connects to a number (`+1…`) or a Twilio Client (`client:name`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ivr.errors import ConfigError

ROUTE_KINDS = ("queue", "dial", "callback")
ROUTABLE_TIERS = ("tier1", "tier2", "supervisor")
_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
_CLIENT = re.compile(r"^client:[A-Za-z0-9_.-]{1,120}$")
_QUEUE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


@dataclass(frozen=True)
class Route:
    kind: str
    target: str


@dataclass(frozen=True)
class TierRouting:
    routes: Mapping[str, Route]

    def route(self, tier: str) -> Route | None:
        """How to reach people of `tier`, or None when the flow's simulated agent answers."""
        return self.routes.get(tier)

    @classmethod
    def from_config(cls, raw: Any) -> TierRouting:
        if not raw:
            return cls({})
        if not isinstance(raw, Mapping):
            raise ConfigError("TIER_ROUTING: expected a mapping of tier to route")
        routes: dict[str, Route] = {}
        for tier, spec in raw.items():
            if tier not in ROUTABLE_TIERS:
                raise ConfigError(f"TIER_ROUTING: unknown tier '{tier}' (allowed: {', '.join(ROUTABLE_TIERS)})")
            if not isinstance(spec, Mapping) or set(spec) != {"kind", "target"}:
                raise ConfigError(f"TIER_ROUTING.{tier}: expected {{\"kind\": …, \"target\": …}}")
            kind, target = str(spec["kind"]), str(spec["target"])
            if kind not in ROUTE_KINDS:
                raise ConfigError(f"TIER_ROUTING.{tier}.kind: '{kind}' (allowed: {', '.join(ROUTE_KINDS)})")
            if kind == "dial" and not (_E164.match(target) or _CLIENT.match(target)):
                raise ConfigError(f"TIER_ROUTING.{tier}.target: '{target}' is neither +E.164 nor client:name")
            if kind in ("queue", "callback") and not _QUEUE.match(target):
                raise ConfigError(f"TIER_ROUTING.{tier}.target: '{target}' is not a queue name")
            routes[tier] = Route(kind, target)
        return cls(routes)
