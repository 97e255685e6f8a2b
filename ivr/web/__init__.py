"""The web side: one blueprint per room, registered at one call site (`init_web`).

A *room* is a blueprint plus who may enter it.  `init_web(app)` (called by
`create_app` when the web rooms are on) sets up, once for every room:

* the host check (`ALLOWED_HOSTS`), CSRF on every state-changing request,
  the security headers (`ivr.web.security`);
* sign-in (`ivr.web.auth`): a room with `roles` answers nobody else; a
  visitor who is not signed in gets the sign-in page, or 401 from an API;
* the navigation bar of `base.html`: each room's `nav` links, shown to the
  roles that may follow them, in the reader's language (`ivr.web.words`).

Adding a room is one line in `rooms()`.  Twilio's webhooks are not rooms:
they check signatures and never see any of this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from flask import Flask, Response, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response as BaseResponse

from ivr.web import security
from ivr.web.accounts import ROLE_NAMES, Accounts, User
from ivr.web.words import role_name, room_words


@dataclass(frozen=True)
class NavLink:
    """A link in the navigation bar: the words `label` names (`ivr.web.words`, in the reader's language) to
    `endpoint`, for `roles` (all of the room's when empty)."""

    label: str
    endpoint: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Room:
    """A blueprint and who may enter it: `roles=None` is open to anyone (the sign-in page)."""

    blueprint: Any  # flask.Blueprint
    roles: tuple[str, ...] | None
    nav: tuple[NavLink, ...] = ()


def rooms() -> tuple[Room, ...]:
    """Every room of the web side, in navigation order: the one place a room is added."""
    from ivr.web import auth, console, dashboard, phonecalls, reports, softphone, stepper

    return (
        Room(auth.bp, roles=None),
        Room(softphone.bp, roles=softphone.ROLES, nav=(NavLink("softphone", "softphone.page"),)),
        Room(console.bp, roles=("trainee", "trainer", "admin"),
             nav=(NavLink("console", "console.page"), NavLink("console_scores", "console.scores", ("trainer", "admin")))),
        Room(dashboard.bp, roles=dashboard.ROLES, nav=(NavLink("dashboard", "dashboard.index"),)),
        Room(phonecalls.bp, roles=phonecalls.ROLES, nav=(NavLink("phone_calls", "phone_calls.index"),)),
        Room(reports.bp, roles=reports.ROLES, nav=(NavLink("report", "reports.page"),)),
        Room(stepper.bp, roles=stepper.ROLES),
    )


def init_web(app: Flask, accounts: Accounts) -> None:
    """Register every room with sign-in, CSRF, the host check and the security headers."""
    from ivr.web import auth

    from ivr.web.rehearsals import RehearsalBook

    security.configure(app)
    auth.init_login(app)
    app.extensions["accounts"] = accounts
    app.extensions["rehearsals"] = RehearsalBook(accounts.engine)
    runtime = app.extensions["ivr"]
    app.extensions["training_cases"] = runtime.calls.training or runtime.cases
    registered = rooms()
    policies = {room.blueprint.name: room for room in registered}
    app.extensions["web_rooms"] = policies
    hosts = security.allowed_hosts(app.config)
    for room in registered:
        app.register_blueprint(room.blueprint)

    @app.before_request
    def _guard() -> BaseResponse | None:
        room = policies.get(request.blueprint or "")
        if room is None:
            return None
        if not security.host_allowed(request.host, hosts):
            return Response(f"Host '{request.host[:80]}' is not served here (see ALLOWED_HOSTS).\n", 400,
                            mimetype="text/plain")
        if room.roles is not None:
            refusal = auth.check_access(room.roles)
            if refusal is not None:
                return refusal
        if request.method in security.UNSAFE_METHODS:
            security.csrf.protect()
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        if request.blueprint in policies:
            security.add_headers(response)
        return response

    @app.errorhandler(CSRFError)
    def _csrf_refused(error: CSRFError) -> BaseResponse:
        if request.endpoint == "auth.signin":  # a sign-in form older than the session: a fresh one, not a dead end
            flash("The sign-in page had expired. Please sign in again.", "error")
            return redirect(url_for("auth.signin", next=auth.safe_next(request.args.get("next"))), 303)
        message = f"refused: {error.description} Reload the page and try again."
        if auth.wants_json():
            response = jsonify(error=message)
            response.status_code = 400
            return security.add_headers(response)
        return security.add_headers(Response(render_template("refused.html", message=message), 400))

    @app.context_processor
    def _navigation() -> dict[str, Any]:
        if request.blueprint not in policies:
            return {}
        user = auth.signed_in_user()
        language = user.language if user else None
        role_names = {role: role_name(role, language) for role in ROLE_NAMES}
        return {"nav": nav_links(user) if user else [], "me": user, "role_names": role_names, "tw": room_words(language)}


def nav_links(user: User) -> list[tuple[str, str, bool]]:
    """The navigation bar for `user`: (label, url, is this page) for each link their role opens, in their language."""
    policies = cast(dict[str, Room], current_app.extensions.get("web_rooms", {}))
    words = room_words(user.language)
    links: list[tuple[str, str, bool]] = []
    for room in policies.values():
        for link in room.nav:
            allowed = link.roles or room.roles or ()
            if allowed and not user.has_role(*allowed):
                continue
            links.append((words[link.label], url_for(link.endpoint), request.endpoint == link.endpoint))
    return links
