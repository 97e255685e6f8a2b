"""Step through a recorded phone call in real headless Chromium (issue 15.5).

QA opens a recorded call's step-through, presses Next and the right-arrow key, and the highlighted
box on the flow diagram follows the call (to another topic's page when the call moves there).
Screenshots are checked (size, the highlight's colour in the box); IVR_SCREENSHOTS=folder keeps them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ivr import create_app
from ivr.testing import PhoneCall
from ivr.web.testing import TEST_PASSWORD, LiveServer, add_user, playwright_or_skip, read_png, share_of_colour

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 375, "height": 740}
HIGHLIGHT_FILL = (0xFF, 0xE8, 0xCC)
TOKEN = "stepper-browser-test"

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()  # in CI a missing browser or package is a failure
expect = sync_api.expect


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(the server's URL, a phone call's sid): English, then 2 (a case's status: the receipt number is asked)."""
    folder = tmp_path_factory.mktemp("stepper")
    app = create_app({
        "TWILIO_AUTH_TOKEN": TOKEN,
        "DATABASE_URL": f"sqlite:///{folder / 'ivr.sqlite3'}",
        "CLOCK": "2026-11-23T10:00:00-05:00",
        "SOFTPHONE": True,
        "SECRET_KEY": "stepper-test",
    })
    app.instance_path = str(folder)
    add_user(app, "quinn", "qa", display_name="Quinn QA")
    call = PhoneCall(app, TOKEN)
    call.start()
    call.press("1")
    call.press("2")
    live = LiveServer(app)
    yield live.url, call.call_sid
    live.stop()
    app.extensions["ivr"].store.close()



def _open(browser, url: str, call_sid: str, viewport: dict[str, int]):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{url}/calls/{call_sid}/step")
    page.fill("#username", "quinn")
    page.fill("#password", TEST_PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Step through the call")
    return context, page


def _shot(page, tmp_path: Path, name: str) -> tuple[int, int, list]:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path))
    keep = os.environ.get("IVR_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return read_png(path.read_bytes())


def _highlighted(page, node: str, topic: str) -> None:
    expect(page.locator("#diagram .node.current")).to_have_count(1)
    expect(page.locator("#diagram .diagram-page:not([hidden]) .node.current")).to_have_attribute("id", node)
    expect(page.locator("#topic")).to_have_text(topic)


def test_qa_steps_through_a_phone_call_on_the_diagram(browser, recorded, tmp_path: Path) -> None:
    """Next and → move the step; the highlighted box moves from the language menu to the main menu to the receipt."""
    url, call_sid = recorded
    context, page = _open(browser, url, call_sid, LAPTOP)
    try:
        expect(page.locator("#did")).to_have_text("Called")
        _highlighted(page, "state-language", "Choosing a language")
        expect(page.locator("#previous")).to_be_disabled()

        page.click("#next")
        expect(page.locator("#did")).to_have_text("Pressed 1")
        expect(page.locator("#where")).to_have_text("The main menu")
        _highlighted(page, "state-main_menu", "The main menu")

        page.locator("body").press("ArrowRight")
        expect(page.locator("#did")).to_have_text("Pressed 2")
        expect(page.locator("#number")).to_have_text("3")
        expect(page.locator("#next")).to_be_disabled()
        node = page.locator("#diagram .diagram-page:not([hidden]) .node.current").get_attribute("id")
        assert node and node.startswith("state-verify")
        assert page.locator("#heard").inner_text().strip()

        width, height, pixels = _shot(page, tmp_path, "stepper-laptop")
        assert (width, height) == (LAPTOP["width"], LAPTOP["height"])
        box = page.locator("#diagram .node.current").bounding_box()
        assert box is not None and share_of_colour(pixels, box, HIGHLIGHT_FILL) > 0.2

        page.locator("body").press("ArrowLeft")
        _highlighted(page, "state-main_menu", "The main menu")
        assert page.errors == []
    finally:
        context.close()


def test_the_step_through_fits_a_phone(browser, recorded, tmp_path: Path) -> None:
    """At 375 px wide: no sideways scrolling of the page; the controls and the highlighted box are on screen."""
    url, call_sid = recorded
    context, page = _open(browser, url, call_sid, PHONE)
    try:
        page.click("#next")
        _highlighted(page, "state-main_menu", "The main menu")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.locator("#diagram .node.current").scroll_into_view_if_needed()

        width, height, pixels = _shot(page, tmp_path, "stepper-phone")
        assert (width, height) == (PHONE["width"], PHONE["height"])
        box = page.locator("#diagram .node.current").bounding_box()
        assert box is not None and share_of_colour(pixels, box, HIGHLIGHT_FILL) > 0.2
        next_button = page.locator("#next").bounding_box()
        assert next_button is not None and next_button["x"] + next_button["width"] <= PHONE["width"]
        assert page.errors == []
    finally:
        context.close()
