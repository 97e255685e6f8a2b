"""The console end to end in real headless Chromium: a trainer calls from the softphone, a trainee answers at Tier 1.

Two browser contexts (two people): the trainer's softphone sends Tier 1 to the agent console
for this rehearsal; the trainee goes available at the Tier 1 seat, accepts, reads a script (the
trainer's page shows it, pushed by server-sent events), transfers to Tier 2 with a reason, and
the score card appears.  Screenshots of the console are checked.  The app runs in a thread with
werkzeug's threaded server, as `ivr serve` runs it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from ivr.web.testing import TEST_PASSWORD, playwright_or_skip, read_png

VIEWPORT = {"width": 1400, "height": 1400}
OK_GREEN = (0x2A, 0x7A, 0x3B)  # web.css --ok: a rule kept on the score card
SCREENSHOTS = Path(os.environ.get("IVR_SCREENSHOTS", "")) if os.environ.get("IVR_SCREENSHOTS") else None

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()  # in CI a missing browser or package is a failure
expect = sync_api.expect


@pytest.fixture(scope="module")
def server(serve) -> str:
    """The app with the web rooms on, served over HTTP on a free local port, with a trainer and a trainee."""
    return serve('console', [("terry", "trainer"), ("tina", "trainee")], CLOCK="2026-11-23T10:00:00-05:00")



def _signed_in(browser: Any, server: str, path: str, username: str) -> Any:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{server}{path}")
    page.fill("#username", username)
    page.fill("#password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}{path}")
    return page


def test_a_trainee_answers_a_trainers_call_at_the_tier1_seat(browser: Any, server: str, tmp_path: Path) -> None:
    """Issue 14: softphone caller and Tier 1 seat in two browsers; script pushed to the caller; transfer; score card."""
    trainer = _signed_in(browser, server, "/phone", "terry")
    trainee = _signed_in(browser, server, "/console", "tina")

    # The trainer calls, sending Tier 1 to the console for this rehearsal, and asks for a representative.
    trainer.select_option("#language", "en")
    trainer.select_option("#console-tiers", "tier1")
    trainer.click("#call")
    expect(trainer.locator("#state")).to_have_text("main_menu", timeout=10_000)
    trainer.click('.key[data-key="0"]')
    expect(trainer.locator("#log")).to_contain_text("waiting for the tier1 seat at the agent console", timeout=10_000)

    # The trainee goes available at Tier 1 and accepts the waiting call.
    trainee.click("#available")
    trainee.locator("#queue button", has_text="Accept").click(timeout=10_000)
    expect(trainee.locator("#handoff")).to_contain_text("Not verified", timeout=10_000)
    expect(trainee.locator("#handoff")).to_contain_text("the caller asked for live assistance from within the IVR")
    expect(trainee.locator("#free-form")).to_be_hidden()  # Tier 1 has no free-text box (seed 003)
    expect(trainer.locator('#log li[data-prompt="agent.greeting.tier1"]')).to_be_visible(timeout=10_000)

    folder = SCREENSHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    during = trainee.screenshot(path=str(folder / "console-tier1.png"), full_page=True)
    width, _, _ = read_png(during)
    assert width == VIEWPORT["width"], "the console fits the window: nothing scrolls sideways"
    expect(trainee.locator("#actions")).to_be_visible()

    # Scripts are grouped by topic and searchable; reading one speaks it on the trainer's page.
    everything = trainee.locator("#scripts button").count()
    expect(trainee.locator("#scripts h4").first).to_be_visible()
    trainee.fill("#script-search", "hours")
    expect(trainee.locator('#scripts button[data-ref="live-assistance-hours@1"]')).to_be_visible()
    assert 0 < trainee.locator("#scripts button").count() < everything
    clicked = time.monotonic()
    trainee.click('#scripts button[data-ref="live-assistance-hours@1"]')
    heard = trainer.locator('#log li[data-prompt="script:live-assistance-hours@1"]')
    expect(heard).to_be_visible(timeout=10_000)
    latency = time.monotonic() - clicked
    print(f"script pushed to the caller's page in {latency:.2f} s")
    expect(trainee.locator("#timeline")).to_contain_text("Live assistance is available Monday through Friday")

    # The trainee transfers to Tier 2 (the flow's simulated officer) with a reason; the score card appears.
    trainee.fill("#tier2-reason", "The caller needs an officer to look at the case.")
    trainee.click("#tier2-form button[type=submit]")
    expect(trainee.locator("#scorecard")).to_be_visible(timeout=10_000)
    expect(trainee.locator("#card-points")).to_have_text("4 / 4")
    expect(trainer.locator("#log")).to_contain_text("I am passing your call to a USCIS officer", timeout=10_000)
    expect(trainer.locator("#tier")).to_have_text("Tier 2")  # the call moved on to the flow's simulated officer

    full = trainee.screenshot(path=str(folder / "console.png"), full_page=True)
    card = trainee.locator("#scorecard").screenshot(path=str(folder / "console-card.png"))
    trainer.screenshot(path=str(folder / "console-caller.png"), full_page=True)
    width, height, _ = read_png(full)
    assert width == VIEWPORT["width"] and height >= 600
    _, _, rows = read_png(card)
    green = sum(1 for row in rows for rgb in row if all(abs(a - b) <= 40 for a, b in zip(rgb, OK_GREEN)))
    assert green > 20, "the score card shows its kept rules in green"
    assert trainer.errors == [] and trainee.errors == []


def test_a_trainee_practises_with_a_simulated_caller(browser: Any, server: str) -> None:
    """A scenario's simulated caller rings the trainee's seat, answers the script, and the call is scored."""
    trainee = _signed_in(browser, server, "/console", "tina")
    trainee.click("details.practice summary")
    trainee.select_option("#scenario", "tier1-ice-checkin-es")
    trainee.click("#ring")
    trainee.locator("#queue button", has_text="Accept").click(timeout=10_000)
    expect(trainee.locator("#timeline")).to_contain_text("Caller: Buenos días. Necesito cambiar mi cita de registro con ICE.", timeout=10_000)
    trainee.fill("#script-search", "ICE")
    trainee.click('#scripts button[data-ref="ice-checkin@1"]')
    expect(trainee.locator("#timeline")).to_contain_text("Caller: Muchas gracias, voy a llamar a ICE.", timeout=10_000)
    trainee.click('button[data-action="end_call"]')
    expect(trainee.locator("#card-points")).to_have_text("7 / 7", timeout=10_000)
    assert trainee.errors == []


def test_a_reload_mid_call_reopens_the_call_the_trainee_holds(browser: Any, server: str) -> None:
    """A trainee who reloads the console (or opens it in a second tab) mid-call gets the call back, with its actions."""
    trainee = _signed_in(browser, server, "/console", "tina")
    trainee.click("details.practice summary")
    trainee.select_option("#scenario", "tier1-ice-checkin-es")
    trainee.click("#ring")
    trainee.locator("#queue button", has_text="Accept").click(timeout=10_000)
    expect(trainee.locator("#call-status")).to_have_text("connected", timeout=10_000)

    trainee.reload()
    expect(trainee.locator("#call")).to_be_visible(timeout=10_000)
    expect(trainee.locator("#call-status")).to_have_text("connected")
    expect(trainee.locator("#timeline")).to_contain_text("Necesito cambiar mi cita de registro con ICE.")
    expect(trainee.locator("#available")).to_have_attribute("aria-pressed", "true")
    second = trainee.context.new_page()
    second.goto(f"{server}/console")
    expect(second.locator("#call-status")).to_have_text("connected", timeout=10_000)
    second.close()

    trainee.fill("#script-search", "ICE")
    trainee.click('#scripts button[data-ref="ice-checkin@1"]')
    expect(trainee.locator("#timeline")).to_contain_text("Caller: Muchas gracias, voy a llamar a ICE.", timeout=10_000)
    trainee.click('button[data-action="end_call"]')
    expect(trainee.locator("#card-points")).to_have_text("7 / 7", timeout=10_000)
    trainee.reload()
    expect(trainee.locator("#call")).to_be_hidden()  # an ended call is not reopened
    assert trainee.errors == []


def test_a_keyboard_user_is_taken_to_the_call_and_then_to_the_score_card(browser: Any, server: str) -> None:
    """Keyboard only: Enter on Accept lands on the call's heading, and ending the call lands on the score card."""
    trainee = _signed_in(browser, server, "/console", "tina")
    trainee.click("details.practice summary")
    trainee.select_option("#scenario", "tier1-ice-checkin-es")
    trainee.focus("#ring")
    trainee.keyboard.press("Enter")
    accept = trainee.locator("#queue button", has_text="Accept")
    accept.focus(timeout=10_000)
    trainee.keyboard.press("Enter")
    expect(trainee.locator("#call-title")).to_be_focused(timeout=10_000)

    trainee.fill("#script-search", "ICE")
    trainee.focus('#scripts button[data-ref="ice-checkin@1"]')
    trainee.keyboard.press("Enter")
    expect(trainee.locator("#timeline")).to_contain_text("Caller: Muchas gracias, voy a llamar a ICE.", timeout=10_000)
    trainee.focus('button[data-action="end_call"]')
    trainee.keyboard.press("Enter")
    expect(trainee.locator("#card-title")).to_be_focused(timeout=10_000)
    assert trainee.errors == []


def test_a_call_the_console_ends_ends_on_the_callers_softphone_and_is_recorded(browser: Any, server: str) -> None:
    """When the trainee at the console ends the call, the trainer's softphone says so, stops, and shows the summary."""
    trainer = _signed_in(browser, server, "/phone", "terry")
    trainee = _signed_in(browser, server, "/console", "tina")
    trainer.select_option("#language", "en")
    trainer.select_option("#console-tiers", "tier1")
    trainer.click("#call")
    expect(trainer.locator("#state")).to_have_text("main_menu", timeout=10_000)
    trainer.click('.key[data-key="0"]')
    trainee.click("#available")
    trainee.locator("#queue button", has_text="Accept").click(timeout=10_000)
    expect(trainer.locator('#log li[data-prompt="agent.greeting.tier1"]')).to_be_visible(timeout=10_000)

    trainee.click('button[data-action="end_call"]')

    expect(trainer.locator("#log")).to_contain_text("The call was ended at the agent console", timeout=10_000)
    expect(trainer.locator("body")).to_have_attribute("data-call-state", "ended")
    expect(trainer.locator("#summary")).to_contain_text("Tier 1 representative")
    expect(trainer.locator("#hangup")).to_be_disabled()
    assert trainer.errors == [] and trainee.errors == []


def test_a_reload_keeps_the_seat_the_trainee_was_available_at(browser: Any, server: str) -> None:
    """Available at the Tier 2 seat, a trainee who reloads is still available there (and unavailable stays unavailable)."""
    trainee = _signed_in(browser, server, "/console", "tina")
    trainee.check('input[name="seat"][value="tier2"]')
    trainee.click("#available")
    expect(trainee.locator("#seat-status")).to_contain_text("Tier 2")

    trainee.reload()
    expect(trainee.locator("#available")).to_have_attribute("aria-pressed", "true")
    expect(trainee.locator('input[name="seat"][value="tier2"]')).to_be_checked()
    trainee.click("#available")
    trainee.reload()
    expect(trainee.locator("#available")).to_have_attribute("aria-pressed", "false")
    assert trainee.errors == []


def test_a_tier1_trainee_verifies_the_caller_on_the_page_before_the_request(browser: Any, server: str) -> None:
    """DOMAIN.md §1.3 (case-specific information only for the applicant or their representative): at the Tier 1
    seat the page offers the identity check first; the hand-off turns to verified, the request goes through,
    and the score card keeps `identity_first`."""
    trainee = _signed_in(browser, server, "/console", "tina")
    trainee.click("details.practice summary")
    trainee.select_option("#scenario", "tier1-notice-not-received-unverified-es")
    trainee.click("#ring")
    trainee.locator("#queue button", has_text="Accept").click(timeout=10_000)
    expect(trainee.locator("#timeline")).to_contain_text("Mi número de recibo es LIN2690350103", timeout=10_000)
    expect(trainee.locator("#handoff")).to_contain_text("Not verified")
    expect(trainee.locator("#verify-form")).to_be_visible()
    groups = trainee.locator("#actions .group:not([hidden])")
    assert groups.first.get_attribute("id") == "verify-form"  # identity first, above the scripts

    trainee.fill("#verify-receipt", "LIN2690350103")
    trainee.fill("#verify-dob", "1979-09-03")
    trainee.click("#verify-form button[type=submit]")
    said = "Gracias. El número de recibo y la fecha de nacimiento coinciden con nuestros registros."  # scripts/tier1-identity
    expect(trainee.locator("#timeline")).to_contain_text(said, timeout=10_000)
    expect(trainee.locator("#handoff")).to_contain_text("Verified", timeout=10_000)
    expect(trainee.locator("#handoff")).not_to_contain_text("Not verified")

    trainee.fill("#script-search", "aviso")
    trainee.click('#scripts button[data-ref^="notice-not-received@"]')
    expect(trainee.locator("#timeline")).to_contain_text("Caller: Sí, USCIS tiene mi dirección actual.", timeout=10_000)
    trainee.select_option("#sr-type", "notice_not_received")
    trainee.fill("#sr-content", "El aviso de recibo nunca llegó.")
    trainee.click("#sr-form button[type=submit]")
    expect(trainee.locator("#timeline")).to_contain_text("Hice una solicitud de servicio", timeout=10_000)
    trainee.click('button[data-action="end_call"]')
    expect(trainee.locator("#card-points")).to_have_text("7 / 7", timeout=10_000)
    expect(trainee.locator("#scorecard")).to_contain_text("identity verified before any case information")
    assert trainee.errors == []
