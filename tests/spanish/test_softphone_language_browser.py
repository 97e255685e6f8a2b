"""The softphone in real headless Chromium: its page in the reader's language, the call in its own.

A trainee's account has a language; the call they rehearse has another.  The page showed
"Summary", "Now:", "Call ended", "You pressed 0" and "Tier 1" around Spanish summary rows and
labels for a Spanish reader: mixed sentences.  Now every word the page writes follows its
reader (ivr/web/softphone/words.py), and each line the caller heard carries the call's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from ivr.web.softphone.words import _EN, _ES
from ivr.web.testing import TEST_PASSWORD, playwright_or_skip

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()
expect = sync_api.expect

# The page's own English words that showed on a Spanish reader's page.
ENGLISH_CHROME = re.compile(r"\b(Summary|Transcript|Checklist|Now:|Call ended|You pressed|You hung up|You called|"
                            r"Listening for|Tier 1|Hang up|Sound on|Download|under way|of \d+)\b")


@pytest.fixture(scope="module")
def server(serve) -> str:
    """The app on 2026-12-14 (the Spanish audit's script versions in force), with a Spanish and an English reader."""
    return serve('softphone-language', [("lucia", "trainee", {"display_name": "Lucía", "language": "es"}), ("ana", "trainee", {"display_name": "Ana"})],
                 CLOCK="2026-12-14T10:00:00-05:00")


@pytest.fixture
def spanish_call_for(browser, server: str):
    """A Spanish call rehearsed by `who`: the main menu, a representative, Tier 1's script 2, then hang up."""
    opened = []

    def call(who: str):
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        opened.append(page)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(server + "/phone")
        page.fill("#username", who)
        page.fill("#password", TEST_PASSWORD)
        page.click("button[type=submit]")
        expect(page.locator("#flow svg")).to_be_visible()  # the page's scripts have run: its buttons answer clicks
        page.select_option("#language", "es")
        page.click("#call")
        for key in ("0", "2"):
            expect(page.locator(f"#key-{key}")).to_be_enabled(timeout=10_000)
            expect(page.locator("body")).to_have_attribute("data-busy", "no")
            page.click(f"#key-{key}")
        expect(page.locator("body")).to_have_attribute("data-busy", "no")
        page.click("#hangup")
        expect(page.locator("#transcript")).to_be_visible(timeout=10_000)
        expect(page.locator("#steps li").first).to_be_visible()
        return page

    yield call
    for page in opened:
        page.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from ivr.web.testing import chromium

    with chromium() as opened:
        yield opened


def chrome_text(page) -> str:
    """Everything the page writes, without what the caller heard (lines marked with the call's language)."""
    return page.evaluate("""() => {
        const copy = document.querySelector('main, #main, .layout').cloneNode(true);
        copy.querySelectorAll('[lang], script').forEach(el => el.remove());
        return copy.innerText;
    }""")


def test_a_spanish_reader_reads_the_whole_softphone_in_spanish(spanish_call_for) -> None:
    """Lucía (Spanish) reads "Resumen", "Ahora:", "Llamada terminada", "Oprimió 0": no English chrome word."""
    page = spanish_call_for("lucia")

    assert page.get_attribute("html", "lang") == "es"
    expect(page.locator("#summary h2")).to_have_text("Resumen")
    expect(page.locator("#listening")).to_have_text("Llamada terminada")
    expect(page.locator("#tier")).to_have_text("Nivel 1")
    expect(page.locator("#call")).to_have_text("Llamar")
    expect(page.locator("#log .line.caller").nth(1)).to_have_text("Oprimió 0")
    assert "cambiar una cita de servicios biométricos" in page.inner_text("#summary")
    assert ENGLISH_CHROME.findall(chrome_text(page)) == []
    assert page.errors == []


def test_an_english_reader_reads_an_english_page_about_a_spanish_call(spanish_call_for) -> None:
    """Ana (English) rehearsing a Spanish call reads an English page; what the caller heard is Spanish, marked so."""
    page = spanish_call_for("ana")

    assert page.get_attribute("html", "lang") == "en"
    expect(page.locator("#summary h2")).to_have_text("Summary")
    expect(page.locator("#listening")).to_have_text("Call ended")
    assert "Scripts heard" in page.inner_text("#summary") and "rescheduling a biometrics appointment" in page.inner_text("#summary")
    assert "Guion" not in chrome_text(page) and "Resumen" not in chrome_text(page)
    heard = page.locator('#log .line.ivr[lang="es"]')
    assert heard.count() >= 3
    assert "cambiar una cita de servicios biométricos" in heard.last.inner_text() or heard.count() > 3
    assert page.locator('#steps .step-heard[lang="es"]').count() >= 3
    assert page.errors == []


def test_both_readers_have_every_word_of_the_page() -> None:
    """The Spanish table says every word the English one does (no key falls back to English)."""
    assert set(_ES) == set(_EN)
    assert all(_ES[key].count("{") == _EN[key].count("{") for key in _EN)
