"""People who may use the web rooms: accounts, roles, hashed passwords, throttled sign-in.

Accounts live in the app's own database (the store's SQL engine), in tables of
their own, so `ivr users …` and every app server see the same people.  Passwords
are hashed with werkzeug's `generate_password_hash` (scrypt, salted); only the
hash is stored.  Failed sign-ins are recorded per account name and per address:
past `MAX_FAILURES` in `WINDOW` the sign-in is refused until the oldest failure
ages out, whatever the password (a guesser learns nothing).

This module knows SQL and hashing, not HTTP.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, delete, func, insert, select, update
from sqlalchemy.engine import Engine
from werkzeug.security import check_password_hash, generate_password_hash

ROLES = ("trainer", "trainee", "qa", "admin")
ROLE_NAMES = {"trainer": "Trainer", "trainee": "Trainee", "qa": "Quality assurance", "admin": "Administrator"}
MIN_PASSWORD = 8
MAX_FAILURES = 5  # per account name, and 4x that per address, in WINDOW
WINDOW = dt.timedelta(minutes=15)
_NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,59}$")
# A hash compared when the account does not exist, so a missing name costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a password of anyone")

metadata = MetaData()

users = Table(
    "web_users",
    metadata,
    Column("username", String(60), primary_key=True),
    Column("display_name", String(80), nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(256), nullable=False),
    Column("language", String(4), nullable=False, default="en"),
    Column("demo", Boolean, nullable=False, default=False),
    Column("created_at", String(40), nullable=False),
    Column("session_version", Integer, nullable=False, default=1),
)

signin_failures = Table(
    "web_signin_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(120), nullable=False, index=True),
    Column("at", String(40), nullable=False),
)


class AccountError(ValueError):
    """A request about accounts that cannot be done (unknown role, taken name, short password)."""


@dataclass(frozen=True)
class User:
    """A signed-up person: `username` signs in, `display_name` is shown, `role` says which rooms open."""

    username: str
    display_name: str
    role: str
    language: str = "en"
    demo: bool = False
    session_version: int = 1

    # Flask-Login's user protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        # the version makes a password reset sign the person out everywhere
        return f"{self.username}:{self.session_version}"

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Accounts:
    """The account book over a SQLAlchemy engine (the store's)."""

    def __init__(self, engine: Engine, now: Callable[[], dt.datetime] = _utcnow) -> None:
        self.engine = engine
        self.now = now
        metadata.create_all(engine)

    # --- people -------------------------------------------------------------------------

    def add(self, username: str, password: str, role: str, display_name: str | None = None,
            language: str = "en", demo: bool = False) -> User:
        name = check_username(username)
        _check_role(role)
        _check_password(password)
        if language not in ("en", "es"):
            raise AccountError(f"language '{language}' (allowed: en, es)")
        with self.engine.begin() as conn:
            if conn.execute(select(users.c.username).where(users.c.username == name)).first():
                raise AccountError(f"there is already an account '{name}'")
            conn.execute(insert(users).values(
                username=name, display_name=(display_name or name).strip()[:80] or name, role=role,
                password_hash=generate_password_hash(password), language=language, demo=demo,
                created_at=self.now().isoformat(timespec="seconds"), session_version=1,
            ))
        return User(name, (display_name or name).strip()[:80] or name, role, language, demo)

    def get(self, username: str) -> User | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == username.strip().lower())).first()
        return _user(row) if row else None

    def list(self, role: str | None = None) -> list[User]:
        query = select(users).order_by(users.c.role, users.c.username)
        if role is not None:
            query = query.where(users.c.role == role)
        with self.engine.connect() as conn:
            return [_user(row) for row in conn.execute(query)]

    def remove(self, username: str) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(delete(users).where(users.c.username == username.strip().lower()))
        if done.rowcount == 0:
            raise AccountError(f"no account '{username}'")

    def set_password(self, username: str, password: str) -> None:
        """A new password; sessions signed in with the old one end."""
        _check_password(password)
        with self.engine.begin() as conn:
            done = conn.execute(
                update(users).where(users.c.username == username.strip().lower()).values(
                    password_hash=generate_password_hash(password), session_version=users.c.session_version + 1)
            )
        if done.rowcount == 0:
            raise AccountError(f"no account '{username}'")

    def by_session_id(self, session_id: str) -> User | None:
        """The user a session cookie names (`username:version`), if the version is still current."""
        username, _, version = session_id.rpartition(":")
        user = self.get(username) if username else None
        return user if user is not None and str(user.session_version) == version else None

    # --- signing in ----------------------------------------------------------------------

    def authenticate(self, username: str, password: str, address: str) -> User | None:
        """The user if the password is right and neither the name nor the address is throttled."""
        name = username.strip().lower()[:60]
        if self.throttled(name, address):
            check_password_hash(_DUMMY_HASH, password)
            return None
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.username == name)).first()
        stored = row.password_hash if row else _DUMMY_HASH
        if check_password_hash(stored, password) and row is not None:
            return _user(row)
        self._fail(name, address)
        return None

    def throttled(self, username: str, address: str) -> dt.timedelta | None:
        """How long until `username` from `address` may try again, or None."""
        since = (self.now() - WINDOW).isoformat()
        waits: list[dt.timedelta] = []
        with self.engine.connect() as conn:
            for key, limit in ((f"user:{username.strip().lower()[:60]}", MAX_FAILURES), (f"addr:{address}", 4 * MAX_FAILURES)):
                rows = conn.execute(
                    select(signin_failures.c.at).where(signin_failures.c.key == key, signin_failures.c.at > since)
                    .order_by(signin_failures.c.at.desc()).limit(limit)
                ).all()
                if len(rows) >= limit:
                    oldest = dt.datetime.fromisoformat(rows[-1].at)
                    waits.append(oldest + WINDOW - self.now())
        return max(waits) if waits else None

    def forget_failures(self, username: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(signin_failures).where(signin_failures.c.key == f"user:{username.strip().lower()}"))

    def _fail(self, username: str, address: str) -> None:
        at = self.now()
        with self.engine.begin() as conn:
            conn.execute(delete(signin_failures).where(signin_failures.c.at < (at - WINDOW).isoformat()))
            conn.execute(insert(signin_failures), [
                {"key": f"user:{username}", "at": at.isoformat()},
                {"key": f"addr:{address}", "at": at.isoformat()},
            ])

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(users)).scalar_one())


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not _NAME.match(name):
        raise AccountError(f"'{username[:60]}' is not an account name (lower-case letters, digits, . _ @ -; at most 60)")
    return name


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError(f"role '{role}' (allowed: {', '.join(ROLES)})")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")


def _user(row: object) -> User:
    return User(
        username=row.username,  # type: ignore[attr-defined]
        display_name=row.display_name,  # type: ignore[attr-defined]
        role=row.role,  # type: ignore[attr-defined]
        language=row.language,  # type: ignore[attr-defined]
        demo=bool(row.demo),  # type: ignore[attr-defined]
        session_version=int(row.session_version),  # type: ignore[attr-defined]
    )
