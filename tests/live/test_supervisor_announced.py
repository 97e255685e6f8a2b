"""The main menu tells callers they can say "supervisor", because saying it works there (seed 003).

Seed 003_29c9fde61bf22c66.txt: "Customers may, at any time, request to have a call
directed to a supervisor."  The supervisor has no key (keys.supervisor lists phrases
only), so a caller learns of it only if the menu says so: the global-keys sentence the
main menu announces ends "To speak with a supervisor, say supervisor."
"""

from __future__ import annotations

import pytest

from ivr.definitions.flows import load_flows

ANNOUNCED = {
    "en": ("To speak with a supervisor, say supervisor.", "supervisor"),
    "es": ("Para hablar con un supervisor, diga supervisor.", "supervisor"),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_main_menu_announces_saying_supervisor(dial, language):
    """Seed 003: a supervisor may be asked for at any time; the main menu's global keys sentence says how."""
    turn = dial(language).call.last
    assert turn.state == "main_menu"
    assert ANNOUNCED[language][0] in turn.text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_word_announced_is_one_the_line_understands(language):
    """The announcement names a phrase of keys.supervisor, so what the menu says to say works."""
    flow = load_flows()["uscis_contact_center"]
    assert ANNOUNCED[language][1] in flow.keys.phrases["supervisor"][language]


@pytest.mark.parametrize("language", ["en", "es"])
def test_saying_supervisor_at_the_main_menu_reaches_a_supervisor(dial, language):
    """Seed 003: saying the announced word at the main menu directs the call to a supervisor, in live-assistance hours."""
    live = dial(language)
    turn = live.say(ANNOUNCED[language][1])
    assert turn.tier == "supervisor" and turn.state.startswith("supervisor.")
    assert live.reasons()[-1][1:] == ("supervisor", "caller_requested_supervisor")
