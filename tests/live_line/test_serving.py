"""Serving a real number: a public base URL with a path prefix, Twilio's fallback URL (issue 9, point 10)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from twilio.request_validator import RequestValidator

from ivr.testing import parse_turn
from tests.live_line.conftest import TOKEN, form

PUBLIC = "https://calls.example.org/ivr"


class ProxiedTwilio:
    """Twilio calling `PUBLIC`, through a proxy that strips the `/ivr` prefix or passes it on."""

    def __init__(self, app, strip: bool) -> None:
        self.client = app.test_client()
        self.strip = strip
        self.validator = RequestValidator(TOKEN)

    def post(self, url: str, **fields: str):
        params = form(**fields)
        signature = self.validator.compute_signature(url, params)
        path = urlsplit(url).path + (f"?{urlsplit(url).query}" if urlsplit(url).query else "")
        if self.strip:
            path = path.removeprefix("/ivr")
        response = self.client.post(path, data=params, headers={"X-Twilio-Signature": signature})
        return parse_turn(response.status_code, response.get_data(as_text=True), response.headers)


@pytest.mark.parametrize("strip", [True, False], ids=["proxy-strips-prefix", "proxy-keeps-prefix"])
def test_every_follow_up_webhook_works_below_a_path_prefix(make_app, strip):
    """With PUBLIC_BASE_URL https://host/ivr, each TwiML URL resolves below /ivr and its signed request is served."""
    twilio = ProxiedTwilio(make_app(PUBLIC_BASE_URL=PUBLIC), strip)
    url = PUBLIC + "/voice"
    turn = twilio.post(url, From="+12025550143")
    for keys in ("1", "8"):  # English, then our hours (a message that returns to the main menu)
        action = turn.gather["action"]
        assert action.startswith("/ivr/voice/gather")
        url = urljoin(url, action)
        turn = twilio.post(url, Digits=keys)
        assert turn.status == 200, turn.xml
    assert turn.state == "main_menu"
    redirect = turn.element().find("Redirect").text
    assert redirect.startswith("/ivr/voice/gather")
    assert twilio.post(urljoin(url, redirect)).says[0] == "Sorry, I didn't hear anything."


def test_a_request_signed_for_the_host_without_the_prefix_is_refused(make_app):
    """The prefix is part of what Twilio signs: a signature over https://host/voice does not pass."""
    app = make_app(PUBLIC_BASE_URL=PUBLIC)
    params = form()
    signature = RequestValidator(TOKEN).compute_signature("https://calls.example.org/voice", params)
    assert app.test_client().post("/voice", data=params, headers={"X-Twilio-Signature": signature}).status_code == 403


def test_without_a_prefix_urls_stay_relative_to_the_host(phone):
    """The DESIGN.md §2 default: with no PUBLIC_BASE_URL the Gather action is /voice/gather (plus its step number)."""
    assert phone().start().gather["action"] == "/voice/gather?step=1"


@pytest.fixture
def fallback(app):
    """POST Twilio's fallback request (the primary URL failed with ErrorCode 11200)."""
    params = form(ErrorCode="11200", ErrorUrl="https://calls.example.org/voice/gather", CallStatus="in-progress")
    signature = RequestValidator(TOKEN).compute_signature("http://localhost/voice/fallback", params)
    response = app.test_client().post("/voice/fallback", data=params, headers={"X-Twilio-Signature": signature})
    return parse_turn(response.status_code, response.get_data(as_text=True), response.headers)


def test_the_fallback_url_apologises_and_gives_the_contact_center_number(fallback):
    """Seed 001: "USCIS Contact Center: 1-800-375-5283": /voice/fallback says sorry and that number digit by digit, in
    English and Spanish, then hangs up."""
    assert fallback.status == 200 and fallback.hung_up
    assert fallback.says == (
        "Sorry, we are having trouble answering your call. Please call the USCIS Contact Center again at 1, 8 0 0, 3 7 5, 5 2 8 3.",
        "Lo sentimos, tenemos problemas para atender su llamada. Por favor, llame de nuevo al Centro de Contacto de USCIS al 1, 8 0 0, 3 7 5, 5 2 8 3.",
    )


def test_the_fallback_speaks_each_language_in_its_own_voice(fallback):
    """The English sentence is in an en-US <Say>, the Spanish one in an es-US <Say> with the Spanish voice."""
    voices = [(say.get("language"), say.get("voice")) for say in fallback.element().iter("Say")]
    assert voices == [("en-US", "Polly.Joanna"), ("es-US", "Polly.Lupe")]


def test_the_fallback_works_with_the_store_gone(app, fallback):
    """The fallback reads nothing from the store, so it answers even when the database is what failed."""
    app.extensions["ivr"].store.close()
    params = form()
    signature = RequestValidator(TOKEN).compute_signature("http://localhost/voice/fallback", params)
    response = app.test_client().post("/voice/fallback", data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200 and b"1, 8 0 0" in response.data


def _frozen_after_a_call_under(app, server_software: str | None) -> int:
    import gc

    from ivr import collector

    gc.unfreeze()
    collector._unfrozen()  # as a freshly forked worker starts
    client = app.test_client()
    params = form()
    signature = RequestValidator(TOKEN).compute_signature("http://localhost/voice", params)
    environ = {"SERVER_SOFTWARE": server_software} if server_software else {}
    response = client.post("/voice", data=params, headers={"X-Twilio-Signature": signature}, environ_overrides=environ)
    assert response.status_code == 200
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    return frozen


def test_a_gunicorn_worker_freezes_what_it_built_at_start(app):
    """Under gunicorn the worker's start-up objects leave the garbage collector's full collections at its first webhook."""
    assert _frozen_after_a_call_under(app, "gunicorn/23.0.0") > 10_000


def test_outside_a_prefork_server_nothing_is_frozen(app):
    """Tests, the development server and replay build and drop apps: nothing of theirs is frozen."""
    assert _frozen_after_a_call_under(app, None) == 0
