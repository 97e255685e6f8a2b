"""The softphone end to end in real headless Chromium: keypad, speech, diagram, transcript, screenshot.

Debian's `chromium` is driven through Playwright's Python package (`executable_path`); the app
runs in a thread with werkzeug's server, exactly as `ivr serve` runs it.  Skipped when Chromium
is missing, unless `CI` is set (then missing Chromium fails).
"""

from __future__ import annotations

import os
import re
import struct
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from ivr import create_app
from ivr.web.testing import TEST_PASSWORD, add_user

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
DEMO_CLOCK = "2026-11-23T10:00:00-05:00"
DEMO_CASE = "EAC2690150101"  # Rafael Ortega Lunares: biometrics Dec 8, free to reschedule
VIEWPORT = {"width": 1400, "height": 1600}
HIGHLIGHT_FILL = (0xFF, 0xE8, 0xCC)  # softphone.css: .flow .node.current fill

pytestmark = pytest.mark.browser

if os.environ.get("CI"):
    from playwright import sync_api  # in CI a missing browser or package is a failure
else:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
    sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with the softphone on, served over HTTP on a free local port."""
    from werkzeug.serving import make_server

    folder = tmp_path_factory.mktemp("softphone")
    app = create_app({
        "TWILIO_AUTH_TOKEN": "browser-test",
        "DATABASE_URL": f"sqlite:///{folder / 'ivr.sqlite3'}",
        "CLOCK": DEMO_CLOCK,
        "SOFTPHONE": True,
    })
    app.instance_path = str(folder)
    add_user(app, "trainee", "trainee")
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}"
    http.shutdown()
    thread.join(5)
    app.extensions["ivr"].store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str):
    """The softphone page, with a record of any script error it raised."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"{server}/phone")
    page.fill("#username", "trainee")
    page.fill("#password", TEST_PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("#flow svg")).to_be_visible()
    yield page
    context.close()


def _press(page, keys: str) -> None:
    for key in keys:
        page.click(f'.key[data-key="{key}"]')


def _at(page, state: str) -> None:
    expect(page.locator("#state")).to_have_text(state, timeout=10_000)
    expect(page.locator("body")).to_have_attribute("data-busy", "no")


def _reschedule(page) -> None:
    """Seed 000_183b307099edfec1.txt: call, verify identity, reschedule the biometrics appointment."""
    page.select_option("#case", DEMO_CASE)
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")
    _press(page, "2")                # biometrics appointments
    _at(page, "verify.receipt")
    _press(page, "2690150101#")      # the receipt's ten digits, then pound
    _at(page, "verify.receipt.confirm")
    _press(page, "1")                # yes
    _at(page, "verify.birth_date")
    _press(page, "02281987")         # eight digits: sent without pound
    _at(page, "biometrics.menu")
    _press(page, "1")                # reschedule
    _at(page, "biometrics.slots")
    _press(page, "1")                # the first time offered
    _at(page, "biometrics.confirm_time")
    _press(page, "1")                # book it
    _at(page, "biometrics.after")


def test_a_biometrics_appointment_is_rescheduled_in_the_browser(page) -> None:
    """Seed 000_183b307099edfec1.txt, DOMAIN.md §3: the keypad alone completes a reschedule call."""
    page.click("#mute")
    _reschedule(page)

    log = page.locator("#log")
    expect(log).to_contain_text("Your biometrics appointment is now on")
    expect(log).to_contain_text(f"case {DEMO_CASE} updated (biometrics)")
    assert page.errors == []


def test_the_current_state_is_highlighted_on_the_diagram(page) -> None:
    """The flow diagram marks the state the call is in, and only that one."""
    page.click("#mute")
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")

    current = page.locator("#flow .node.current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("id", "state-main_menu")
    expect(current).to_be_visible()


def test_the_topic_view_highlights_the_topic_of_the_current_state(page) -> None:
    """In the overview (one box per topic) the box of the current state's topic is highlighted."""
    page.click("#mute")
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")
    _press(page, "2")
    _at(page, "verify.receipt")

    page.click("#detail")

    expect(page.locator("#flow .node.current")).to_have_attribute("id", "state-verify")


def test_hanging_up_shows_the_transcript_summary_and_checklist(page, server: str) -> None:
    """After the call: the summary, the transcript with a YAML download, the trainee's checklist ticked."""
    page.click("#mute")
    page.fill("#trainee", "Browser Trainee")
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")
    _press(page, "8")
    _at(page, "main_menu")
    page.click("#hangup")

    expect(page.locator("body")).to_have_attribute("data-call-state", "ended")
    expect(page.locator("#summary")).to_contain_text("language › main_menu › hours.info › main_menu")
    expect(page.locator("#steps li")).to_have_count(4)  # start, the language key, 8, hang up
    expect(page.locator('#coverage li[data-branch="main_menu:8"]')).to_have_class("done fresh")
    href = page.locator("#download").get_attribute("href")
    download = page.request.get(server + href)
    assert download.ok and download.text().startswith("# A recorded call")


def test_typed_phrases_are_sent_as_speech_with_the_sound_on(page) -> None:
    """A typed phrase is heard as speech; speaking prompts aloud does not break a headless browser."""
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")
    page.fill("#phrase", "our hours")
    page.click("#say")
    _at(page, "main_menu")

    expect(page.locator("#log .line.caller").last).to_have_text('said "our hours"')
    expect(page.locator("#log")).to_contain_text("This automated line is available 24 hours a day")
    assert page.errors == []


def test_what_a_phrase_was_understood_as_is_shown_with_its_score(page) -> None:
    """Issue 16: the call log shows the option a typed phrase was understood as, its score and the runners-up."""
    page.select_option("#language", "en")
    page.click("#call")
    _at(page, "main_menu")
    page.fill("#phrase", "um my finger prints appointment")
    page.click("#say")

    expect(page.locator("#log .line.understood").last).to_contain_text("understood: biometrics appointments (2) 1.00; also")
    assert page.errors == []


def test_the_mute_toggle_says_whether_prompts_are_spoken(page) -> None:
    """The mute button toggles, and says so (aria-pressed)."""
    mute = page.locator("#mute")

    mute.click()
    expect(mute).to_have_attribute("aria-pressed", "true")
    mute.click()
    expect(mute).to_have_attribute("aria-pressed", "false")


def test_the_screenshot_shows_the_call_and_the_highlighted_state(page, tmp_path: Path) -> None:
    """A screenshot mid-call is a full-size PNG in which the highlighted state's box is drawn highlighted."""
    page.click("#mute")
    _reschedule(page)
    node = page.locator('[id="state-biometrics.after"]')
    expect(node).to_have_class(re.compile(r"\bcurrent\b"))
    box = node.bounding_box()
    shot = tmp_path / "softphone.png"

    page.screenshot(path=str(shot))

    width, height, pixels = _read_png(shot.read_bytes())
    assert (width, height) == (VIEWPORT["width"], VIEWPORT["height"])
    assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height
    inside = [
        pixels[y][x]
        for y in range(int(box["y"]), int(box["y"] + box["height"]))
        for x in range(int(box["x"]), int(box["x"] + box["width"]))
    ]
    highlighted = sum(1 for rgb in inside if all(abs(a - b) <= 12 for a, b in zip(rgb, HIGHLIGHT_FILL)))
    assert highlighted > len(inside) * 0.2, f"only {highlighted} of {len(inside)} pixels of the current state are highlighted"


def _read_png(data: bytes) -> tuple[int, int, list[list[tuple[int, int, int]]]]:
    """Width, height and RGB rows of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks, idat = 8, {}, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IDAT":
            idat += body
        chunks.setdefault(kind, body)
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6), f"unexpected PNG format (depth {depth}, colour type {colour})"
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    rows: list[list[tuple[int, int, int]]] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([tuple(line[x * size : x * size + 3]) for x in range(width)])
        previous = line
    return width, height, rows
