"""The trainer room's audit fixes in real headless Chromium: what the person sees in the browser.

The softphone's end-of-call summary and transcript name the case rehearsed (the store keeps it
tokenised, the default here); a trainer idle past the timeout meets the sign-in page saying
why and comes back where they were (the cookie signer's clock is moved by the test: the server
runs in this process); the world's reset is confirmed on its own page with JavaScript off.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from itsdangerous.timed import TimestampSigner

from ivr.web.testing import TEST_PASSWORD, playwright_or_skip

DEMO_CASE = "EAC2690150101"  # biometrics Dec 8, free to reschedule; born 1987-02-28 (ivr/data/demo_cases.yaml)
VIEWPORT = {"width": 1400, "height": 1600}

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()  # in CI a missing browser or package is a failure
expect = sync_api.expect


@pytest.fixture(scope="module")
def server(serve) -> str:
    """The app on a live line, transcripts tokenised at rest (the default), with a trainer and a trainee."""
    return serve('fixes', [("tess", "trainer"), ("ana", "trainee")], CLOCK="2026-11-23T10:00:00-05:00")


def _sign_in(page: Any, username: str) -> None:
    expect(page.locator("h1")).to_have_text("Sign in")
    page.fill("#username", username)
    page.fill("#password", TEST_PASSWORD)
    page.click("button[type=submit]")


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    found = browser.new_context(viewport=VIEWPORT)
    yield found
    found.close()


def _at(page: Any, state: str) -> None:
    expect(page.locator("#state")).to_have_text(state, timeout=10_000)
    expect(page.locator("body")).to_have_attribute("data-busy", "no")


def _press(page: Any, keys: str) -> None:
    for key in keys:
        page.click(f'.key[data-key="{key}"]')


def test_the_softphone_summary_and_transcript_name_the_case_rehearsed(context: Any, server: str) -> None:
    """Ana reschedules her case's appointment and hangs up: the summary and the transcript show her receipt."""
    page = context.new_page()
    page.goto(f"{server}/phone")
    _sign_in(page, "ana")
    page.click("#mute")
    page.select_option("#case", DEMO_CASE)
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")
    for keys, state in (("2", "verify.receipt"), ("2690150101#", "verify.receipt.confirm"), ("1", "verify.birth_date"),
                        ("02281987", "biometrics.menu"), ("1", "biometrics.slots"), ("1", "biometrics.confirm_time"),
                        ("1", "biometrics.after")):
        _press(page, keys)
        _at(page, state)
    page.click("#hangup")

    expect(page.locator("#summary")).to_contain_text(f"case {DEMO_CASE} updated (biometrics)")
    expect(page.locator("#steps")).to_contain_text("Pressed 2690150101 ·")  # the pound key ends the entry
    expect(page.locator("#steps")).to_contain_text("I heard 2 6 9, 0 1 5, 0 1 0 1.")
    assert "99" not in (page.locator("#summary").text_content() or "").split("updated")[0]  # no token's workday 999


def test_an_idle_trainer_signs_in_again_and_returns_where_they_were(context: Any, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """45 idle minutes later, a reload shows the sign-in page saying why; signing in goes back to the page."""
    now = [1_800_000_000]
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now[0])
    page = context.new_page()
    page.goto(f"{server}/trainer/trainees/ana")
    _sign_in(page, "tess")
    expect(page.locator("h1")).to_have_text("ana")

    now[0] += 45 * 60
    page.reload()

    expect(page.locator(".flash")).to_contain_text("You were signed out after 30 minutes without activity")
    _sign_in(page, "tess")
    expect(page.locator("h1")).to_have_text("ana")
    assert page.url == f"{server}/trainer/trainees/ana"


def test_a_world_is_reset_through_its_confirmation_page_without_javascript(browser: Any, server: str) -> None:
    """With scripts off, the trainer follows the reset link, reads what will be lost, and confirms."""
    context = browser.new_context(viewport=VIEWPORT, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/trainer/trainees/ana")
        _sign_in(page, "tess")
        page.click("#reset-link")

        expect(page.locator("h1")).to_have_text("Reset ana's world?")
        expect(page.locator("#reset-world")).to_contain_text("What will be lost")
        page.click("text=Yes, reset ana's world")

        expect(page.locator("h1")).to_have_text("ana")
        expect(page.locator(".flash")).to_contain_text("ana's world is reset")
    finally:
        context.close()
