"""Each language in its own voice (issue 9, point 4), parsed from the TwiML the phone adapter renders.

Every state of every shipped flow is entered in a Spanish call and rendered:
every text is in a Spanish `<Say>` (es-US, the Spanish voice) and every
`<Gather>` listens in Spanish; the one exception is the language choice, whose
English sentences are said in English.  The same holds for English calls.
"""

from __future__ import annotations

import re

import pytest

from tests.live_line.walking import OPEN, enter, every_state, twiml

VOICE = {"en": ("en-US", "Polly.Joanna"), "es": ("es-US", "Polly.Lupe")}
# Words that only an English sentence has: a Spanish Say containing one is English text in a Spanish voice.
ENGLISH_ONLY = re.compile(r"\b(the|press|please|your|you|for|and|thank|with|call|number|say)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def runtime(module_app):
    return module_app.extensions["ivr"]


def _rendered_states(runtime, language):
    for flow_id, state in every_state(runtime.engine):
        step, _ = enter(runtime.engine, runtime.cases, flow_id, state, language, OPEN)
        yield state, step, twiml(step)


def _bilingual_parts(runtime) -> dict[str, str]:
    """The texts of bilingual menus (the language choice) and the language each is in, whatever the call's."""
    return {
        text: language
        for compiled in runtime.engine.flows.values()
        for state in compiled.states.values()
        for text, language in (*state.parts, *state.reparts)
    }


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_text_is_said_in_the_voice_of_the_calls_language(runtime, language):
    """Parsed TwiML of every state: each <Say> has the call's language and voice (the greeting: each part its own)."""
    bilingual = _bilingual_parts(runtime)
    wrong = []
    for state, _, root in _rendered_states(runtime, language):
        for say in root.iter("Say"):
            voice = (say.get("language"), say.get("voice"))
            expected = VOICE[bilingual.get(say.text or "", language)]
            if voice != expected:
                wrong.append((state, say.text, voice))
    assert wrong == []


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_gather_listens_in_the_calls_language(runtime, language):
    """Parsed TwiML of every state: each <Gather language> is the call's recogniser (es-US for a Spanish call)."""
    languages = {(state, gather.get("language")) for state, _, root in _rendered_states(runtime, language)
                 for gather in root.iter("Gather")}
    assert {found for _, found in languages} == {VOICE[language][0]}


def test_no_english_text_is_read_by_the_spanish_voice(runtime):
    """Every es-US <Say> of every state holds Spanish text: none of the words only English sentences have."""
    english = [(state, say.text) for state, _, root in _rendered_states(runtime, "es")
               for say in root.iter("Say") if say.get("language") == "es-US" and ENGLISH_ONLY.search(say.text or "")]
    assert english == []


def test_the_greeting_says_each_language_in_its_own_voice(phone):
    """The opening: the English sentences in an English <Say>, the Spanish ones in a Spanish <Say> (DESIGN.md §3 phrasing kept)."""
    turn = phone().start()
    says = [(say.text, say.get("language"), say.get("voice")) for say in turn.element().iter("Say")]
    assert says[-2:] == [("For English, press 1.", "en-US", "Polly.Joanna"), ("Para español, oprima 2.", "es-US", "Polly.Lupe")]
    assert ("Gracias por llamar al simulador del Centro de Contacto de USCIS.", "es-US", "Polly.Lupe") in says
    assert turn.text.endswith("For English, press 1. Para español, oprima 2.")


def test_the_greeting_listens_for_both_languages_names(phone):
    """The greeting's recogniser is hinted with both languages' names, so "español" is heard by the English recogniser."""
    hints = phone().start().gather["hints"].split(", ")
    assert {"english", "spanish", "espanol"} <= set(hints)


@pytest.mark.parametrize("said", ["español", "Español.", "espanol", "Spanish"])
def test_saying_espanol_at_the_greeting_makes_a_spanish_call(phone, said):
    """Saying "español" at the greeting: the main menu in Spanish, a Spanish voice and a Spanish recogniser."""
    call = phone()
    call.start()
    turn = call.say(said)
    assert (turn.state, turn.gather["language"]) == ("main_menu", "es-US")
    assert set(turn.languages) == {"es-US"} and turn.text.startswith("Menú principal.")


def test_a_spanish_call_keeps_its_voice_through_a_whole_branch(spanish_call):
    """From the Spanish main menu to our hours and back: every Say es-US with the Spanish voice, every Gather es-US."""
    spanish_call.press("8")
    spanish_call.silence()
    for turn in spanish_call.turns[1:]:
        root = turn.element()
        assert {(say.get("language"), say.get("voice")) for say in root.iter("Say")} == {VOICE["es"]}
        assert {gather.get("language") for gather in root.iter("Gather")} == {"es-US"}
