"""Who may open a call: the one rule every room's routes that take a call id stand behind.

A call id travels in URLs, queues and pages; knowing one is not a right to the
call.  A route that takes a call id is decorated with `@call_route(policy)`: the
signed-in person's standing towards the call (`Standing`) is worked out once, and
unless the policy lets them in they get 404, the same answer as an id that does
not exist (a refusal must not confirm that a call exists, nor whose it is).

Standing, from the rooms' records:

* `rang`: the call is their rehearsal (the softphone's caller), or a practice call
  rang for them at the console;
* `holds`: they answer it at the console now (or did, when the caller hung up on them);
* `held`: they answered it at a seat before (their score card for it);
* `trainer`: they train or administer (they may read any practice call or call at the console);
* `qa`: quality assurance (the phone line's calls, in the QA room).

The policies (`rehearsal_caller`, `rehearsal_reader`, `console_reader`,
`console_actor`, `phone_reader`, `step_reader`) say who may do what; a view reads
the `Standing` the decorator worked out with `standing()` (e.g. the rehearsal it found).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NoReturn, TypeVar, cast

from flask import abort, current_app, g, jsonify

from ivr.core.session import Session
from ivr.web.accounts import User
from ivr.web.auth import signed_in_user, wants_json
from ivr.web.rehearsals import Rehearsal, RehearsalBook

F = TypeVar("F", bound=Callable[..., Any])
TRAINERS = ("trainer", "admin")
PHONE = "phone"
WAITING = "waiting"  # a call at a seat's queue (ivr.core.agent_step)
_SID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class Standing:
    """The signed-in `user`'s standing towards the call `call_sid`, each fact looked up when first asked."""

    def __init__(self, user: User, call_sid: str) -> None:
        self.user = user
        self.call_sid = call_sid

    @property
    def trainer(self) -> bool:
        return self.user.has_role(*TRAINERS)

    @property
    def qa(self) -> bool:
        return self.user.has_role("qa")

    @cached_property
    def rehearsal(self) -> Rehearsal | None:
        """The softphone rehearsal this call is, if it is one."""
        return cast(RehearsalBook, current_app.extensions["rehearsals"]).get(self.call_sid)

    @cached_property
    def session(self) -> Session | None:
        return current_app.extensions["ivr"].store.session(self.call_sid)  # type: ignore[no-any-return]

    @cached_property
    def channel(self) -> str | None:
        """The line the call came in on (phone, softphone, console), or None for no such call."""
        return current_app.extensions["ivr"].store.channel(self.call_sid)  # type: ignore[no-any-return]

    @cached_property
    def rung_for(self) -> str | None:
        """The trainee a console practice call rang for (None: anyone at the seat may answer it)."""
        records = self._console_records()
        return records.rung_for(self.call_sid) if records is not None else None

    @property
    def at_console(self) -> bool:
        """The call has reached a seat of the agent console."""
        return self.session is not None and bool(self.session.console)

    @property
    def rang(self) -> bool:
        me = self.user.username
        return (self.rehearsal is not None and self.rehearsal.trainee == me) or self.rung_for == me

    @property
    def holds(self) -> bool:
        return self.at_console and self.session is not None and self.session.console.get("agent") == self.user.username

    @cached_property
    def held(self) -> bool:
        records = self._console_records()
        return self.at_console and records is not None and bool(records.cards(trainee=self.user.username, call_sid=self.call_sid, limit=1))

    @property
    def may_accept(self) -> bool:
        """The call waits at a seat for anyone (or for them): their queue shows it."""
        waiting = self.session is not None and self.session.console.get("status") == WAITING and not self.session.ended
        return waiting and self.rung_for in (None, self.user.username)

    def _console_records(self) -> Any:
        console = current_app.extensions.get("console")
        return console.records if console is not None else None


Policy = Callable[[Standing], bool]


def rehearsal_caller(s: Standing) -> bool:
    """Keys, speech and hang-up on a rehearsal: its own trainee only."""
    return s.rehearsal is not None and s.rehearsal.trainee == s.user.username


def rehearsal_reader(s: Standing) -> bool:
    """A rehearsal's transcript: its trainee, and trainers."""
    return s.rehearsal is not None and (s.rehearsal.trainee == s.user.username or s.trainer)


def console_reader(s: Standing) -> bool:
    """A call at the console (its hand-off, timeline, stream): who rang it, who holds or held it, trainers."""
    if s.session is None:
        return False
    if s.rang:
        return True  # the softphone's caller follows their call from its first step
    return s.at_console and (s.holds or s.held or s.trainer)


def console_actor(s: Standing) -> bool:
    """An action on a call at the console: its readers, and anyone whose queue shows it (to accept it)."""
    return console_reader(s) or s.may_accept


def phone_reader(s: Standing) -> bool:
    """A phone-line call's transcript: QA only."""
    return s.qa and s.channel == PHONE


def step_reader(s: Standing) -> bool:
    """The step-through page: a rehearsal's readers, or QA for a phone-line call."""
    return rehearsal_reader(s) or phone_reader(s)


def not_found() -> NoReturn:
    """The refusal: 404, as for a call that does not exist (JSON for an API)."""
    if wants_json():
        response = jsonify(error="no such call")
        response.status_code = 404
        abort(response)
    abort(404)


def check(call_sid: str, policy: Policy) -> Standing:
    """The signed-in person's standing towards `call_sid` if `policy` lets them in; else 404 (raised)."""
    user = signed_in_user()
    if user is None or not _SID.match(call_sid):
        not_found()
    found = Standing(user, call_sid)
    if not policy(found):
        not_found()
    g.call_standing = found
    return found


def standing() -> Standing:
    """The standing `call_route` worked out for this request."""
    return cast(Standing, g.call_standing)


def call_route(policy: Policy) -> Callable[[F], F]:
    """Decorate a view taking `call_id` or `call_sid`: only people `policy` lets in reach it; others get 404."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            call_sid = str(kwargs.get("call_id") or kwargs.get("call_sid") or "")
            check(call_sid, policy)
            return view(*args, **kwargs)

        return cast(F, wrapper)

    return decorate
