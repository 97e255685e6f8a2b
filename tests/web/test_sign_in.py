"""Accounts and signing in: hashed passwords, throttled guesses, safe redirects, cookie flags."""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.web.accounts import MAX_FAILURES, AccountError, Accounts
from ivr.web.testing import TEST_PASSWORD, add_user, csrf_token


def _sign_in(client, username: str, password: str, next_path: str | None = None):
    url = "/signin" + (f"?next={next_path}" if next_path else "")
    return client.post(url, data={"username": username, "password": password, "csrf_token": csrf_token(client)})


def test_passwords_are_stored_hashed_never_as_given(web_app) -> None:
    """The database holds a salted scrypt hash, not the password."""
    from sqlalchemy import select

    from ivr.web.accounts import users

    add_user(web_app, "ana", "trainer")
    with web_app.extensions["accounts"].engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash).where(users.c.username == "ana")).scalar_one()

    assert TEST_PASSWORD not in stored and stored.startswith("scrypt:")


def test_the_right_password_signs_in_and_goes_on_to_the_page_asked_for(web_app, stranger) -> None:
    """After signing in, the person lands on the page that sent them to sign in."""
    add_user(web_app, "ana", "trainee")

    response = _sign_in(stranger, "ana", TEST_PASSWORD, next_path="/phone")

    assert response.status_code == 302 and response.headers["Location"] == "/phone"
    assert stranger.get("/phone").status_code == 200


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(web_app, stranger) -> None:
    """A wrong password and an unknown name get the same answer."""
    add_user(web_app, "ana", "trainee")

    wrong = _sign_in(stranger, "ana", "not the password")
    unknown = _sign_in(stranger, "nobody", "not the password")

    assert wrong.status_code == unknown.status_code == 401
    assert "do not match" in wrong.get_data(as_text=True) and "do not match" in unknown.get_data(as_text=True)


def test_repeated_failures_throttle_the_account_even_with_the_right_password(web_app, stranger) -> None:
    """Past five failures in 15 minutes, sign-in is refused (429) until they age out."""
    add_user(web_app, "ana", "trainee")
    for _ in range(MAX_FAILURES):
        _sign_in(stranger, "ana", "guess")

    response = _sign_in(stranger, "ana", TEST_PASSWORD)

    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.get_data(as_text=True)


def test_failures_age_out_of_the_throttle(web_app) -> None:
    """After the window the account can sign in again."""
    book: Accounts = web_app.extensions["accounts"]
    add_user(web_app, "ana", "trainee")
    start = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.timezone.utc)
    book.now = lambda: start
    for _ in range(MAX_FAILURES):
        book.authenticate("ana", "guess", "10.0.0.1")
    assert book.throttled("ana", "10.0.0.1") is not None

    book.now = lambda: start + dt.timedelta(minutes=16)

    assert book.throttled("ana", "10.0.0.1") is None
    assert book.authenticate("ana", TEST_PASSWORD, "10.0.0.1") is not None


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example"], ids=["url", "scheme-relative", "backslash"])
def test_next_never_leaves_the_site(web_app, stranger, target: str) -> None:
    """`?next=` only ever goes to a path of this site (no open redirect)."""
    add_user(web_app, "ana", "trainee")

    response = _sign_in(stranger, "ana", TEST_PASSWORD, next_path=target)

    assert response.headers["Location"] == "/phone"


@pytest.mark.parametrize("target", ["/phone%0d%0aSet-Cookie:x=1", "/phone%0aX", "/%09/evil.example", "/phone%00"],
                         ids=["crlf", "newline", "tab", "nul"])
def test_a_next_with_control_characters_signs_in_to_the_home_page_not_a_500(web_app, stranger, target: str) -> None:
    """A `?next=` holding control characters (a header injection attempt) is ignored: the person still signs in."""
    add_user(web_app, "ana", "trainee")

    response = _sign_in(stranger, "ana", TEST_PASSWORD, next_path=target)
    again = stranger.get(f"/signin?next={target}")

    assert response.status_code == 302 and response.headers["Location"] == "/phone"
    assert again.status_code == 200 and b"Sign in" in again.data


def test_a_sign_in_form_older_than_its_session_gives_a_fresh_sign_in_page(web_app, stranger) -> None:
    """Cookies cleared (or the session gone) while the form was open: the sign-in page again, saying why, not a dead end."""
    add_user(web_app, "ana", "trainee")
    token = csrf_token(web_app.test_client())  # a token from another session: this browser's session has none

    response = stranger.post("/signin?next=/phone", data={"username": "ana", "password": TEST_PASSWORD, "csrf_token": token})
    again = stranger.get(response.headers.get("Location", "/nowhere"))

    assert response.status_code == 303 and response.headers["Location"] == "/signin?next=/phone"
    assert again.status_code == 200 and b"The sign-in page had expired. Please sign in again." in again.data
    assert b'name="csrf_token"' in again.data


def test_the_session_cookie_is_http_only_and_same_site_lax(web_app, stranger) -> None:
    """The signed-in session's cookie cannot be read by scripts nor sent by other sites' forms."""
    add_user(web_app, "ana", "trainee")

    cookie = _sign_in(stranger, "ana", TEST_PASSWORD).headers["Set-Cookie"]

    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_the_session_cookie_is_secure_behind_https(make_app) -> None:
    """With an https PUBLIC_BASE_URL the cookie is only ever sent over https."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="x", PUBLIC_BASE_URL="https://ivr.example.org")
    add_user(app, "ana", "trainee")
    client = app.test_client()
    client.environ_base.update({"wsgi.url_scheme": "https", "HTTP_HOST": "ivr.example.org",
                                "HTTP_REFERER": "https://ivr.example.org/signin"})

    cookie = _sign_in(client, "ana", TEST_PASSWORD).headers["Set-Cookie"]

    assert "Secure" in cookie


def test_signing_out_ends_the_session(as_role) -> None:
    """After sign-out the softphone sends the person to sign in again."""
    client = as_role("trainee")

    client.post("/signout")

    assert client.get("/phone").status_code == 302


def test_a_password_reset_signs_the_account_out_everywhere(web_app, as_role) -> None:
    """A browser signed in with the old password is signed out by the reset."""
    client = as_role("trainee")

    web_app.extensions["accounts"].set_password("trainee", "a brand new password")

    assert client.get("/phone").status_code == 302


@pytest.mark.parametrize(("username", "password", "role", "message"), [
    ("Ana Torres", "long enough", "trainee", "not an account name"),
    ("ana", "short", "trainee", "at least 8"),
    ("ana", "long enough", "boss", "role 'boss'"),
], ids=["name", "password", "role"])
def test_bad_accounts_are_refused_with_the_reason(web_app, username, password, role, message) -> None:
    """Account names, passwords and roles are checked when the account is made."""
    with pytest.raises(AccountError, match=message):
        web_app.extensions["accounts"].add(username, password, role)
