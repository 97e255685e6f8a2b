"""The shared top bar and the rooms' titles in real headless Chromium, in the reader's language.

A reader's account has a language (`ivr users add … --language es`).  The softphone's own words followed it,
but the top bar every room shares (the rooms' links, the role, "Sign out", the skip link) and the rooms'
titles stayed English for a Spanish reader: an English frame around a Spanish page.  Now they follow the
reader too (ivr/web/words.py), as the softphone's words do (ivr/web/softphone/words.py).
"""

from __future__ import annotations

import re

import pytest

from ivr.web.words import _EN, _ES
from ivr.web.testing import TEST_PASSWORD, playwright_or_skip

sync_api = playwright_or_skip()
expect = sync_api.expect

# The top bar's and titles' English words that showed on a Spanish reader's page.
ENGLISH_FRAME = re.compile(r"\b(Sign out|Softphone|Agent console|Console scores|Trainer dashboard|Phone calls|"
                           r"Call report|Trainee|Trainer|trainer room|IVR simulator|Skip to content)\b")


def test_the_two_tables_have_the_same_words() -> None:
    """Every top-bar word the English reader reads, the Spanish reader reads in Spanish (and nothing else)."""
    assert set(_EN) == set(_ES)
    assert all(_ES[key] and _ES[key] != _EN[key] for key in _EN)


@pytest.fixture(scope="module")
def server(serve) -> str:
    """The app with a Spanish trainee, a Spanish trainer and an English trainee."""
    return serve('top-bar-language', [("lucia", "trainee", {"display_name": "Lucía", "language": "es"}),
                  ("marta", "trainer", {"display_name": "Marta", "language": "es"}),
                  ("ana", "trainee", {"display_name": "Ana"})])


@pytest.fixture
def open_as(browser, server: str):
    """A page signed in as `who`, at `path`."""
    opened = []

    def open_page(who: str, path: str):
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        opened.append(page)
        page.goto(server + path)
        page.fill("#username", who)
        page.fill("#password", TEST_PASSWORD)
        page.click("button[type=submit]")
        expect(page.locator("header.topbar nav")).to_be_visible()
        return page

    yield open_page
    for page in opened:
        page.close()


def _top_bar(page) -> str:
    return page.locator("header.topbar").inner_text()


@pytest.mark.browser
def test_a_spanish_trainee_reads_the_top_bar_and_the_consoles_title_in_spanish(open_as) -> None:
    """The rooms' links, the role, the sign-out button, the skip link, the tab's title: Spanish, no English."""
    page = open_as("lucia", "/console")
    top = _top_bar(page)
    for words in ("Simulador de IVR", "sala de capacitación", "Teléfono de práctica", "Consola de agentes",
                  "Lucía", "(Aprendiz)", "Cerrar sesión"):
        assert words in top, (words, top)
    assert not ENGLISH_FRAME.search(top), top
    expect(page).to_have_title("Consola de agentes · Simulador de IVR")
    expect(page.locator("a.skip")).to_have_text("Ir al contenido")
    expect(page.locator("header.topbar nav")).to_have_attribute("aria-label", "Salas")
    expect(page.locator("html")).to_have_attribute("lang", "es")


@pytest.mark.browser
def test_a_spanish_trainer_reads_the_dashboards_title_in_spanish(open_as) -> None:
    """A trainer's room: its heading and its links (the class's scores too) in Spanish."""
    page = open_as("marta", "/trainer")
    expect(page.locator("main h1")).to_have_text("Panel del capacitador")
    top = _top_bar(page)
    assert "Puntuaciones de la consola" in top and "(Capacitador)" in top, top
    assert not ENGLISH_FRAME.search(top), top


@pytest.mark.browser
def test_an_english_reader_keeps_the_english_top_bar(open_as) -> None:
    """The English reader's top bar is as before."""
    page = open_as("ana", "/console")
    top = _top_bar(page)
    for words in ("IVR simulator", "Softphone", "Agent console", "(Trainee)", "Sign out"):
        assert words in top, (words, top)
    expect(page).to_have_title("Agent console · IVR simulator")
