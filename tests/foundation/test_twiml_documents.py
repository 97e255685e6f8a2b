"""A step's TwiML document depends on what its actions say, never on which objects they are.

The renderer finds most documents by the identity of a state's planned actions (shared by every call in
the state) before it hashes their texts; these pin that the shortcut gives what a fresh render gives.
"""

from __future__ import annotations

from ivr.adapters import twiml
from ivr.adapters.twiml import Urls, Voices, render
from ivr.core.actions import Gather, HangUpCall, Say


def _menu(text: str) -> tuple[Say | Gather, ...]:
    return (Say(text, "en", "main_menu.prompt"), Gather("dtmf speech", "en", 5, num_digits=1))


def test_the_same_actions_again_give_the_same_document():
    actions, urls, voices = _menu("For case status, press 1."), Urls(), Voices()
    first = render(actions, urls, voices)
    assert render(actions, urls, voices) == first == twiml._render(actions, urls, voices)


def test_equal_actions_made_anew_give_the_document_of_their_texts():
    urls, voices = Urls(), Voices()
    assert render(_menu("For hours, press 8."), urls, voices) == render(_menu("For hours, press 8."), urls, voices)


def test_other_texts_other_urls_or_other_voices_are_rendered_as_they_are():
    actions = _menu("For case status, press 1.")
    render(actions, Urls(), Voices())
    assert "press 2" in render(_menu("For case status, press 2."), Urls(), Voices())
    assert "/ivr/voice/gather" in render(actions, Urls.under("/ivr"), Voices())
    assert "Polly.Salli" in render(actions, Urls(), Voices(en="Polly.Salli"))


def test_a_full_identity_cache_starts_over_and_keeps_rendering(monkeypatch):
    monkeypatch.setattr(twiml, "IDENTITY_CACHE", 2)
    urls, voices = Urls(), Voices()
    bodies = [render((Say(f"Message {n}.", "en", "m"), HangUpCall()), urls, voices) for n in range(5)]
    assert [f"Message {n}." in body for n, body in enumerate(bodies)] == [True] * 5
    assert len(twiml._by_identity) <= 2
