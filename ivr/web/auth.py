"""Signing in and out, and the gate every room's views stand behind.

`login_required(roles=...)` is the one check a view needs beyond its room's
own (see `ivr.web.Room`): a visitor who is not signed in gets the sign-in
page (a redirect back here) or, from a JSON API, 401; a signed-in person
without one of the roles gets 403.  Flask-Login keeps who is signed in (in
Flask's signed session cookie); Flask-WTF's form checks the CSRF token.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature, SignatureExpired
from flask_login import LoginManager, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as BaseResponse
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ivr.web.accounts import ROLE_NAMES, Accounts, User

bp = Blueprint("auth", __name__, template_folder="templates", static_folder="static", static_url_path="/web/static")
login_manager = LoginManager()
login_manager.login_view = "auth.signin"
login_manager.login_message = "Please sign in to open that page."
login_manager.login_message_category = "info"

F = TypeVar("F", bound=Callable[..., Any])


class SignInForm(FlaskForm):  # type: ignore[misc]
    username = StringField("Account name", validators=[DataRequired(), Length(max=60)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


def accounts() -> Accounts:
    """The app's account book (`app.extensions['accounts']`)."""
    return cast(Accounts, current_app.extensions["accounts"])


def signed_in_user() -> User | None:
    """The person signed in on this request, or None."""
    user = current_user._get_current_object()  # noqa: SLF001 (Flask-Login's proxy)
    return user if isinstance(user, User) else None


def init_login(app: Flask) -> None:
    login_manager.init_app(app)


def _load_user(session_id: str) -> User | None:
    return accounts().by_session_id(session_id)


login_manager.user_loader(_load_user)
login_manager.unauthorized_handler(lambda: refuse_anonymous())


def wants_json() -> bool:
    """A JSON API call (its answer is 401/403 JSON), rather than a page (answered with a page)."""
    if "/api/" in request.path or request.is_json:
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def refuse_anonymous() -> BaseResponse:
    """Someone not signed in: the sign-in page (coming back here after), or 401 for an API.

    Someone whose sign-in timed out is told so; after signing in again they come back to
    the page they asked for (a form they sent: the page it was on)."""
    expired = timed_out()
    if wants_json():
        return _json_error(f"{expired}: sign in again" if expired else "sign in first", 401)
    if expired:
        flash(f"{expired}. Please sign in again.", "info")
    target = request.full_path if request.method == "GET" else _referring_page() or request.path
    return redirect(url_for("auth.signin", next=target.rstrip("?")))


def timed_out() -> str | None:
    """Why the session cookie sent no longer signs anyone in, when it is because it was idle too long; else None."""
    value = request.cookies.get(current_app.config.get("SESSION_COOKIE_NAME") or "session")
    interface = current_app.session_interface
    serializer = interface.get_signing_serializer(current_app) if isinstance(interface, SecureCookieSessionInterface) else None
    if not value or serializer is None:
        return None
    try:
        data = serializer.loads(value)  # its signature, whatever its age
    except BadSignature:
        return None
    if not isinstance(data, dict) or "_user_id" not in data:
        return None  # nobody was signed in with it
    lifetime = current_app.permanent_session_lifetime
    try:
        serializer.loads(value, max_age=int(lifetime.total_seconds()))
    except SignatureExpired:
        minutes = int(lifetime.total_seconds() // 60)
        return f"You were signed out after {minutes} minute{'s' if minutes != 1 else ''} without activity"
    return None


def _referring_page() -> str | None:
    """The page of this site a form was sent from (its path and query), if the browser said."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host:
        return None
    return safe_next(referrer.path + (f"?{referrer.query}" if referrer.query else ""))


def refuse_role(user: User, roles: Iterable[str]) -> BaseResponse:
    """A signed-in person whose role does not open this page: 403."""
    needed = ", ".join(ROLE_NAMES.get(role, role) for role in roles)
    if wants_json():
        return _json_error(f"your role ({ROLE_NAMES.get(user.role, user.role)}) cannot use this; needs: {needed}", 403)
    return Response(render_template("forbidden.html", needed=needed), 403)


def check_access(roles: Iterable[str] | None) -> BaseResponse | None:
    """None when the signed-in person may go on; else the refusal to send."""
    user = signed_in_user()
    if user is None:
        return refuse_anonymous()
    wanted = tuple(roles or ())
    if wanted and not user.has_role(*wanted):
        return refuse_role(user, wanted)
    return None


def login_required(view: F | None = None, *, roles: Iterable[str] | None = None) -> Any:
    """Decorate a view: signed-in people only, and with `roles`, only those roles.

    `@login_required` or `@login_required(roles=("trainer", "admin"))`.
    """

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            refusal = check_access(roles)
            return refusal if refusal is not None else func(*args, **kwargs)

        return cast(F, wrapper)

    return decorate(view) if view is not None else decorate


# --- the pages ------------------------------------------------------------------------------


@bp.route("/signin", methods=["GET", "POST"])
def signin() -> Any:
    """The sign-in page; a right password signs in and goes on to `next` (a path of this site)."""
    form = SignInForm()
    target = safe_next(request.args.get("next"))
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            book = accounts()
            address = request.remote_addr or "unknown"
            wait = book.throttled(form.username.data, address)
            user = None if wait else book.authenticate(form.username.data, form.password.data, address)
            if user is not None:
                book.forget_failures(user.username)
                login_user(user)
                session.permanent = True  # the idle timeout (PERMANENT_SESSION_LIFETIME, see ivr.web.security)
                return redirect(target or home_for(user))
            wait = wait or book.throttled(form.username.data, address)
            if wait:
                minutes = max(1, math.ceil(wait.total_seconds() / 60))
                flash(f"Too many failed sign-ins. Try again in {minutes} minute{'s' if minutes != 1 else ''}.", "error")
                status = 429
            else:
                flash("That account name and password do not match.", "error")
                status = 401
        else:
            flash("Enter your account name and password.", "error")
            status = 400
    elif signed_in_user() is not None and target:
        return redirect(target)
    return render_template("signin.html", form=form, next=target), status


@bp.post("/signout")
def signout() -> BaseResponse:
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.signin"))


@bp.get("/")
def home() -> BaseResponse:
    """The site's front door: your room when signed in, else the sign-in page."""
    user = signed_in_user()
    return redirect(home_for(user) if user else url_for("auth.signin"))


def home_for(user: User) -> str:
    """The first room a person's role opens."""
    from ivr.web import nav_links

    links = nav_links(user)
    return links[0][1] if links else url_for("auth.signin")


def safe_next(target: str | None) -> str | None:
    """Only a path of this site (no scheme, no host, no `//`, no control character): never an open redirect."""
    if not target or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return None  # a control character cannot be in a Location header (werkzeug refuses it with a 500)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def _json_error(message: str, status: int) -> BaseResponse:
    response = jsonify(error=message)
    response.status_code = status
    return response
