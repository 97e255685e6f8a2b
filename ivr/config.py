"""Configuration: the contract keys of DESIGN.md and this project's own, with defaults.

`resolve(config)` merges, in order of precedence: the `config` dict given to
`create_app`, the environment (`IVR_*`, and `TWILIO_AUTH_TOKEN`), and the
defaults below.  Nothing else reads the environment.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ivr.definitions.yamlsource import allow_roots
from ivr.errors import ConfigError
from ivr.rules.verification import LockoutPolicy

# key -> (environment variable, default)
SETTINGS: dict[str, tuple[str, Any]] = {
    # contracts (DESIGN.md §1)
    "TWILIO_AUTH_TOKEN": ("TWILIO_AUTH_TOKEN", None),
    "PUBLIC_BASE_URL": ("IVR_PUBLIC_BASE_URL", None),
    "DATABASE_URL": ("IVR_DATABASE_URL", None),
    "CASES_FILE": ("IVR_CASES_FILE", None),
    "CLOCK": ("IVR_CLOCK", None),
    # this project's own
    "LINE_STORE": ("IVR_LINE_STORE", None),  # lmdb (default for a SQLite file: calls in progress in LMDB) or sql
    "FLOWS": ("IVR_FLOWS", None),  # flow files (os.pathsep-separated); default: flows/*.yaml
    "DEFAULT_FLOW": ("IVR_DEFAULT_FLOW", "uscis_contact_center"),
    "SOFTPHONE": ("IVR_SOFTPHONE", False),  # serve the web rooms: sign-in, softphone at /phone, dashboard, QA pages
    "SECRET_KEY": ("IVR_SECRET_KEY", None),  # signs session cookies; default: made once in the instance folder
    "IDLE_TIMEOUT_MINUTES": ("IVR_IDLE_TIMEOUT_MINUTES", 30),  # a web room's sign-in ends after this long without a request
    "ALLOWED_HOSTS": ("IVR_ALLOWED_HOSTS", None),
    "TRAINING_CASES_FILE": ("IVR_TRAINING_CASES_FILE", None),  # case data of rehearsals' worlds; default: the demo data  # host names the web rooms answer (comma-separated) besides loopback
    "SCRIPTS_DIR": ("IVR_SCRIPTS_DIR", None),
    "FLOW_RELEASES": ("IVR_FLOW_RELEASES", None),  # published flow versions; default: releases/ beside the flows
    "FLOW_PINS": ("IVR_FLOW_PINS", None),  # JSON {"+15551230000": "uscis_contact_center@2"}: a version per number
    "SCRIPT_PINS": ("IVR_SCRIPT_PINS", None),  # JSON {"script-id": version}
    "SCRIPT_DRAFTS": ("IVR_SCRIPT_DRAFTS", False),  # rehearsals only: draft scripts count as published
    "TIER_ROUTING": ("IVR_TIER_ROUTING", None),  # JSON, see ivr.routing
    "TWILIO_ACCOUNT_SID": ("TWILIO_ACCOUNT_SID", None),
    "TWILIO_FROM_NUMBER": ("IVR_TWILIO_FROM_NUMBER", None),
    "VOICE_EN": ("IVR_VOICE_EN", "Polly.Joanna"),
    "VOICE_ES": ("IVR_VOICE_ES", "Polly.Lupe"),
    # identity and privacy (docs/privacy.md)
    "VERIFY_LOCKOUT": ("IVR_VERIFY_LOCKOUT", None),  # JSON {"per_call": 3, "per_receipt": 5, "per_caller": 10, "window_hours": 24}
    "RETENTION_DAYS": ("IVR_RETENTION_DAYS", 30),  # `ivr transcripts purge` removes calls older than this
    "KEEP_IDENTIFIERS": ("IVR_KEEP_IDENTIFIERS", False),  # store transcripts with identifiers in the clear (local demo)
    "DEFINITION_ROOTS": ("IVR_DEFINITION_ROOTS", None),  # folders include:/cases_file: may name besides their own
    "MAX_CONTENT_LENGTH": ("IVR_MAX_CONTENT_LENGTH", 64 * 1024),  # bytes a request body may have
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def resolve(config: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The effective settings: explicit config, then environment, then defaults."""
    config = dict(config or {})
    environ = os.environ if environ is None else environ
    unknown = sorted(k for k in config if k.isupper() and k not in SETTINGS and not k.startswith(("FLASK_", "TESTING", "SECRET")))
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)} (known: {', '.join(SETTINGS)})")
    result: dict[str, Any] = {}
    for key, (env, default) in SETTINGS.items():
        if key in config:
            result[key] = config[key]
        elif env in environ:
            result[key] = environ[env]
        else:
            result[key] = default
    result["SOFTPHONE"] = _flag(result["SOFTPHONE"], "SOFTPHONE")
    result["SCRIPT_DRAFTS"] = _flag(result["SCRIPT_DRAFTS"], "SCRIPT_DRAFTS")
    for key in ("SCRIPT_PINS", "TIER_ROUTING", "FLOW_PINS"):
        if isinstance(result[key], str):
            try:
                result[key] = json.loads(result[key])
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{key}: not valid JSON ({exc.msg})") from None
    result["KEEP_IDENTIFIERS"] = _flag(result["KEEP_IDENTIFIERS"], "KEEP_IDENTIFIERS")
    result["RETENTION_DAYS"] = _days(result["RETENTION_DAYS"])
    result["IDLE_TIMEOUT_MINUTES"] = _minutes(result["IDLE_TIMEOUT_MINUTES"])
    try:
        LockoutPolicy.from_setting(result["VERIFY_LOCKOUT"])
    except (ValueError, TypeError) as exc:
        raise ConfigError(str(exc)) from None
    if isinstance(result["DEFINITION_ROOTS"], str):
        result["DEFINITION_ROOTS"] = [p for p in result["DEFINITION_ROOTS"].split(os.pathsep) if p]
    allow_roots(result["DEFINITION_ROOTS"] or ())  # the explicit allow-list of issue 10.4
    try:
        result["MAX_CONTENT_LENGTH"] = int(result["MAX_CONTENT_LENGTH"])
    except (TypeError, ValueError):
        raise ConfigError(f"MAX_CONTENT_LENGTH: '{result['MAX_CONTENT_LENGTH']}' is not a number of bytes") from None
    if isinstance(result["FLOWS"], str):
        result["FLOWS"] = [p for p in result["FLOWS"].split(os.pathsep) if p]
    for key, value in config.items():
        if key not in result:
            result[key] = value
    return result


def _days(value: Any) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        days = 0
    if days < 1:
        raise ConfigError(f"RETENTION_DAYS: '{value}' is not a whole number of days (at least 1)")
    return days


def _minutes(value: Any) -> int:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        minutes = 0
    if minutes < 1:
        raise ConfigError(f"IDLE_TIMEOUT_MINUTES: '{value}' is not a whole number of minutes (at least 1)")
    return minutes


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigError(f"{name}: '{value}' is not a yes/no value (use true or false)")


# --- checking settings before a command runs --------------------------------------------------

_DATABASES = {"sqlite": "sqlite:///path/to/calls.sqlite3", "postgresql": "postgresql://user:password@host/database"}


def instance_folder() -> Path:
    """The instance folder `create_app()` keeps its database and caches in, found without importing Flask.

    Flask's own rule for the package `ivr` (`Flask.auto_find_instance_path`): `instance/` beside the
    package when it runs from a checkout, `PREFIX/var/ivr-instance` when it is installed (into the
    system's Python or a virtual environment).  `ivr validate` keeps what it checked here too."""
    package = Path(os.path.dirname(os.path.dirname(__file__)))  # the folder holding `ivr`, as imported
    prefix = Path(os.path.abspath(sys.prefix))
    if package.is_relative_to(prefix):
        return prefix / "var" / "ivr-instance"
    if package.name.lower() == "site-packages":
        parent = package.parent
        if parent.name.lower() == "lib":
            return parent.parent / "var" / "ivr-instance"
        if parent.parent.name.lower() == "lib":
            return parent.parent.parent / "var" / "ivr-instance"
        return parent / "var" / "ivr-instance"
    return package / "instance"


def check(settings: Mapping[str, Any]) -> None:
    """Raise `ConfigError` naming the first bad setting and what is wrong with it (cheap: nothing is opened).

    The shells run this before they start, so a mistyped environment variable is one line
    (`CLOCK: 'tomorrow' is not an ISO 8601 …`), not a traceback from deep inside a library.
    Whether a database answers is known only when it is opened: see `database_problem`.
    """
    from ivr.clock import Clock
    from ivr.routing import TierRouting

    Clock.parse(settings.get("CLOCK"))
    TierRouting.from_config(settings.get("TIER_ROUTING"))
    cases = settings.get("CASES_FILE")
    if cases and not os.path.isfile(str(cases)):
        raise ConfigError(f"CASES_FILE: no such file '{cases}'")
    url = settings.get("DATABASE_URL")
    if url:
        check_database_url(str(url))


def check_database_url(url: str, name: str = "DATABASE_URL") -> None:
    """A database URL this project can open: sqlite (whose folder exists) or postgresql."""
    scheme, separator, rest = url.partition("://")
    backend = scheme.split("+", 1)[0].lower()
    if backend == "postgres":
        backend = "postgresql"
    if not separator or backend not in _DATABASES:
        examples = " or ".join(_DATABASES.values())
        raise ConfigError(f"{name}: '{_hide_password(url)}' is not a database URL this simulator opens (use {examples})")
    if backend == "sqlite" and rest.startswith("/") and rest.strip("/") not in ("", ":memory:"):
        # The store makes missing folders (private to their owner): the nearest existing one must take them.
        folder = os.path.dirname(os.path.abspath(rest[1:].split("?", 1)[0]))
        existing = folder
        while not os.path.exists(existing):
            existing = os.path.dirname(existing)
        if not os.path.isdir(existing):
            raise ConfigError(f"{name}: cannot put the SQLite file in '{folder}': '{existing}' is a file, not a folder")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise ConfigError(f"{name}: cannot put the SQLite file in '{folder}': '{existing}' is not writable")


def database_problem(error: BaseException, name: str = "DATABASE_URL") -> str | None:
    """One line for a database that could not be opened (a SQLAlchemy or driver error); None for other errors."""
    module = type(error).__module__
    if not module.startswith(("sqlalchemy", "psycopg", "sqlite3")):
        return None
    cause = getattr(error, "orig", None) or error.__cause__ or error
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return f"{name}: cannot open the database: {first}"


def _hide_password(url: str) -> str:
    scheme, separator, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    return f"{scheme}{separator}{credentials.split(':', 1)[0]}:***@{host}"
