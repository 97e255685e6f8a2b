"""What every web room gets before its views run: the host check, CSRF, cookies and headers.

* `ALLOWED_HOSTS`: a page is served only to a request whose `Host` is one of
  ours (loopback names, `PUBLIC_BASE_URL`'s host, the listed ones), so a
  rebound DNS name cannot turn a visitor's browser against a local server.
* CSRF: Flask-WTF's token on every state-changing request of a room: the form
  field `csrf_token`, or the `X-CSRFToken` header for the JSON APIs (the page
  reads it from `<meta name="csrf-token">`).  Twilio's webhooks are not rooms:
  they carry signatures instead, and are never asked for a token.
* Cookies: the session cookie is `HttpOnly`, `SameSite=Lax`, and `Secure`
  when the app is served over https (`PUBLIC_BASE_URL` says so).
* Headers: a CSP without inline scripts, `frame-ancestors 'none'` and
  `X-Frame-Options: DENY`, `nosniff`, no referrer to other sites, no caching of pages.
* Idle timeout: a sign-in ends after `IDLE_TIMEOUT_MINUTES` (30) without a
  request.  Flask's own: the session is permanent, `PERMANENT_SESSION_LIFETIME`
  is the timeout, and each request re-signs the cookie
  (`SESSION_REFRESH_EACH_REQUEST`), so the time slides; a cookie older than that
  is refused by its signed timestamp.  A server-sent event stream (an open page
  waiting for news) is not activity: it does not re-sign the cookie.
* The secret key: `SECRET_KEY` (`IVR_SECRET_KEY`), else one made once and
  kept in the instance folder (readable by its owner only), so a restart
  keeps people signed in and several workers on one machine agree.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from flask_wtf.csrf import CSRFProtect

from ivr.private_files import private_folder

LOOPBACK = ("localhost", "127.0.0.1", "::1")
SECRET_FILE = "secret_key"
CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # same-origin requests keep it: CSRF checks it over https
    "Cross-Origin-Opener-Policy": "same-origin",
}
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

csrf = CSRFProtect()


def configure(app: Flask) -> None:
    """Secret key, cookie flags and CSRF settings (CSRF is checked per room, see `ivr.web`)."""
    config = app.config
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = secret_key(Path(app.instance_path))
    https = str(config.get("PUBLIC_BASE_URL") or "").lower().startswith("https://")
    if config.get("SESSION_COOKIE_NAME") in (None, "session"):
        config["SESSION_COOKIE_NAME"] = "ivr_session"
    config["SESSION_COOKIE_HTTPONLY"] = True
    config["SESSION_COOKIE_SAMESITE"] = "Lax"
    config["SESSION_COOKIE_SECURE"] = bool(config.get("SESSION_COOKIE_SECURE")) or https
    config["REMEMBER_COOKIE_HTTPONLY"] = True
    config["REMEMBER_COOKIE_SAMESITE"] = "Lax"
    config["REMEMBER_COOKIE_SECURE"] = config["SESSION_COOKIE_SECURE"]
    config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(minutes=int(config.get("IDLE_TIMEOUT_MINUTES") or 30))
    config["SESSION_REFRESH_EACH_REQUEST"] = True  # sliding: each request starts the idle time again
    app.session_interface = IdleSessions()
    config["WTF_CSRF_CHECK_DEFAULT"] = False  # rooms opt in; webhooks never need a token
    config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # valid as long as the signed-in session
    config["WTF_CSRF_SSL_STRICT"] = config["SESSION_COOKIE_SECURE"]
    csrf.init_app(app)


class IdleSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, except that a server-sent event stream and a static file do not
    re-sign the cookie: a page left open waiting for news, or the browser fetching a stylesheet, is not
    someone at work (and a static file sent with Set-Cookie is one a shared cache must not keep).

    The cookie itself lasts until the browser closes (no `Expires`): the server refuses it once its
    signed timestamp is older than the timeout, and can then tell the person why they must sign in again."""

    def get_expiration_time(self, app: Flask, session: SessionMixin) -> dt.datetime | None:
        return None

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if not session.modified and (response.mimetype == "text/event-stream" or _is_static(request.endpoint)):
            return
        super().save_session(app, session, response)


def _is_static(endpoint: str | None) -> bool:
    """Whether the request was for a file of a static folder (the app's or a blueprint's)."""
    return endpoint is not None and endpoint.rpartition(".")[2] == "static"


def allowed_hosts(config: dict[str, Any]) -> frozenset[str]:
    """The host names a page may be served under (lower case, no port)."""
    hosts = set(LOOPBACK)
    configured = config.get("ALLOWED_HOSTS") or ()
    if isinstance(configured, str):
        configured = configured.replace(",", " ").split()
    hosts.update(str(host).strip().lower() for host in configured if str(host).strip())
    public = str(config.get("PUBLIC_BASE_URL") or "")
    if public:
        name = urlsplit(public).hostname
        if name:
            hosts.add(name.lower())
    return frozenset(hosts)


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether the `Host` header `host` (perhaps with a port, perhaps an [IPv6]) names one of `allowed`."""
    name = urlsplit(f"//{host}").hostname if host else None
    allowed = frozenset(allowed)
    return bool(name) and (name in allowed or "*" in allowed)


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def secret_key(instance: Path) -> str:
    """The instance's secret key, made on first use (several processes may race: the first file wins)."""
    path = instance / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    private_folder(instance)  # it will hold the calls' database too: private from the start (issue 10.3)
    handle, temp = tempfile.mkstemp(prefix=".secret-", dir=instance)  # mode 0600
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(32))
    try:
        os.link(temp, path)  # atomic: if another process got there first, its key wins
    except FileExistsError:
        pass
    finally:
        os.unlink(temp)
    return path.read_text(encoding="ascii").strip()
