"""The trainer room end to end in real headless Chromium: a trainer and a trainee, each in their own browser.

Issue 13, "Done when": both sign in (two browser contexts); the trainee rehearses a call; the
trainer sees it on the dashboard in plain words; a screenshot of each page is checked (its size,
the highlighted state, no raw identifier such as `attempts.` or `:2` in the trainee's view).
Set IVR_SCREENSHOTS=folder to keep the screenshots for a person to look at.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ivr.web.testing import TEST_PASSWORD, playwright_or_skip, read_png, share_of_colour

LAPTOP = {"width": 1366, "height": 768}
HIGHLIGHT_FILL = (0xFF, 0xE8, 0xCC)
RAW_IDENTIFIERS = re.compile(r"attempts\.|:\d\b|\b[a-z]+_[a-z_]+\.[a-z_]+|\bmain_menu\b|\btier:")

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()  # in CI a missing browser or package is a failure
expect = sync_api.expect


@pytest.fixture(scope="module")
def server(serve) -> str:
    """The app on a live line (a Twilio token set), with a trainer and a trainee account."""
    return serve('room', [("tess", "trainer", {"display_name": "Tess Trainer"}), ("ana", "trainee", {"display_name": "Ana Trainee"}),
                          ("rhea", "trainee", {"display_name": "Rhea Trainee"})],
                 CLOCK="2026-11-23T10:00:00-05:00")



def _sign_in(browser, server: str, username: str, target: str):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(server + target)
    expect(page.locator("h1")).to_have_text("Sign in")
    page.fill("#username", username)
    page.fill("#password", TEST_PASSWORD)
    page.click("button[type=submit]")
    return context, page


def _shot(page, tmp_path: Path, name: str, full_page: bool = False) -> tuple[int, int, list]:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    keep = os.environ.get("IVR_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return read_png(path.read_bytes())


def _at(page, state: str) -> None:
    expect(page.locator("#state")).to_have_text(state, timeout=10_000)
    expect(page.locator("body")).to_have_attribute("data-busy", "no")


def test_a_trainee_rehearses_and_the_trainer_sees_it_in_plain_words(browser, server: str, tmp_path: Path) -> None:
    """Two contexts: Ana rehearses a biometrics call; Tess's dashboard shows it, labelled from the flow."""
    trainee_context, trainee = _sign_in(browser, server, "ana", "/phone")
    trainer_context, trainer = _sign_in(browser, server, "tess", "/trainer")
    try:
        expect(trainee.locator("#flow svg")).to_be_visible()
        trainee.click("#mute")
        trainee.select_option("#language", "en")
        trainee.click("#call")
        _at(trainee, "main_menu")
        for key in "2":
            trainee.click(f'.key[data-key="{key}"]')
        _at(trainee, "verify.receipt")
        trainee.keyboard.type("0")       # the representative key: to Tier 1 (office hours)
        _at(trainee, "tier1.topic")

        width, height, pixels = _shot(trainee, tmp_path, "1-softphone-in-call")
        assert (width, height) == (LAPTOP["width"], LAPTOP["height"])
        current = trainee.locator("#flow .node.current")
        expect(current).to_have_count(1)
        current.scroll_into_view_if_needed()
        width, height, pixels = _shot(trainee, tmp_path, "2-softphone-diagram")
        box = current.bounding_box()
        assert box is not None and share_of_colour(pixels, box, HIGHLIGHT_FILL) > 0.2
        diagram = trainee.locator("#flow").bounding_box()
        assert diagram is not None and diagram["width"] <= LAPTOP["width"] and diagram["height"] <= LAPTOP["height"]

        trainee.click("#hangup")
        expect(trainee.locator("#summary")).to_contain_text("Tier 1 representative")
        _shot(trainee, tmp_path, "3-softphone-after-call", full_page=True)
        seen = trainee.locator("main").inner_text()
        assert not RAW_IDENTIFIERS.findall(seen), RAW_IDENTIFIERS.findall(seen)[:5]
        assert trainee.errors == []

        trainer.goto(server + "/trainer")
        expect(trainer.locator("#trainees")).to_contain_text("ana")
        width, height, _ = _shot(trainer, tmp_path, "4-dashboard")
        assert (width, height) == (LAPTOP["width"], LAPTOP["height"])
        trainer.click("text=ana")
        rehearsals = trainer.locator("#rehearsals")
        expect(rehearsals).to_contain_text("Choosing a language › The main menu")
        expect(rehearsals).to_contain_text("Automated system, Tier 1 representative".lower().capitalize() if False else "Tier 1 representative")
        _shot(trainer, tmp_path, "5-trainee-page", full_page=True)
        assert not RAW_IDENTIFIERS.findall(trainer.locator("#rehearsals").inner_text())
        trainer.click("text=Open")
        expect(trainer.locator(".timeline-view")).to_contain_text("Pressed 0")
        _shot(trainer, tmp_path, "6-rehearsal-timeline", full_page=True)
        assert not RAW_IDENTIFIERS.findall(trainer.locator("main").inner_text())
        assert trainer.errors == []
    finally:
        trainee_context.close()
        trainer_context.close()


def test_a_reload_mid_call_goes_on_with_the_call(browser, server: str) -> None:
    """A trainee who reloads the softphone mid-call can go back to the call: what was said, where it is, its keys."""
    context, page = _sign_in(browser, server, "rhea", "/phone")
    try:
        page.select_option("#language", "en")
        page.click("#call")
        _at(page, "main_menu")
        page.click('.key[data-key="2"]')
        _at(page, "verify.receipt")

        page.reload()
        page.click("#resume")
        expect(page.locator("body")).to_have_attribute("data-call-state", "active", timeout=10_000)
        _at(page, "verify.receipt")
        expect(page.locator("#log")).to_contain_text("I need to verify your identity first")
        expect(page.locator("#listening")).to_have_text("Listening for keys or speech, end with #")
        page.keyboard.type("2690150101#")  # the receipt's ten digits, kept together as before the reload
        _at(page, "verify.receipt.confirm")
        page.click("#hangup")
        expect(page.locator("#summary")).to_contain_text("Giving your receipt number")

        page.reload()  # an ended call is not offered again
        expect(page.locator("#call")).to_be_enabled()
        expect(page.locator("#resume")).to_have_count(0)
        assert page.errors == []
    finally:
        context.close()


def test_at_375_px_the_trainers_pages_do_not_scroll_sideways(browser, server: str) -> None:
    """On a phone, the dashboard's and the scores' wide tables scroll inside their card, not the whole page."""
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(server + "/signin")
        page.fill("#username", "tess")
        page.fill("#password", TEST_PASSWORD)
        page.click("button[type=submit]")
        for path in ("/trainer", "/trainer/trainees/ana", "/console/scores"):
            page.goto(server + path)
            width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], f"{path} is {width[0]} px wide in a {width[1]} px window"
    finally:
        context.close()


def test_the_sign_in_page_is_what_a_stranger_gets(browser, server: str, tmp_path: Path) -> None:
    """A stranger opening the dashboard sees the sign-in page, and nothing of the rooms."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    try:
        page.goto(server + "/trainer")

        expect(page.locator("h1")).to_have_text("Sign in")
        assert "/signin" in page.url
        width, height, _ = _shot(page, tmp_path, "0-sign-in")
        assert (width, height) == (LAPTOP["width"], LAPTOP["height"])
        assert page.locator("nav").count() == 0
    finally:
        context.close()
