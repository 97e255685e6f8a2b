"""The Tier 1 topic question understands callers' words with the same model (issue 16).

The scripts in force are the options of the topic question; their phrases and labels
(published, versioned script data) are compiled once per set of scripts into the
understanding model.  Tier 1 reads a script only when sure, and none for what no script
answers (seed 003_29c9fde61bf22c66.txt: Tier 1 says only what approved scripts say).
"""

from __future__ import annotations

import pytest

from ivr.definitions.cases import DEMO_CLOCK
from ivr.definitions.scripts import ScriptSet, load_scripts


@pytest.fixture(scope="module")
def scripts() -> ScriptSet:
    return load_scripts().in_force(DEMO_CLOCK.date())


@pytest.mark.parametrize(
    ("said", "language", "script"),
    [
        ("I moved and need to update my address", "en", "change-of-address"),
        ("um my finger prints appointment can I reschedule it", "en", "biometrics-reschedule"),
        ("bio metrics appointment", "en", "biometrics-reschedule"),
        ("my green card never came in the mail", "en", "card-not-received"),
        ("I never got my notice", "en", "notice-not-received"),
        ("how much is the fee for the I-485", "en", "forms-and-fees"),
        ("when are you open", "en", "live-assistance-hours"),
        ("cómo va mi solicitud", "es", "case-status"),
        ("nunca me llegó la tarjeta", "es", "card-not-received"),
        ("me mudé y tengo que cambiar mi dirección", "es", "change-of-address"),
        ("tengo una audiencia en la corte", "es", "immigration-court"),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else None,
)
def test_callers_words_find_their_script(scripts: ScriptSet, said: str, language: str, script: str) -> None:
    """Recogniser slips, plurals, accents and contractions aside, the caller's words pick the script."""
    found = scripts.match(said, language)
    assert found is not None and found.id == script


@pytest.mark.parametrize(
    ("said", "language"),
    [("what's the weather", "en"), ("what time do you close", "en"), ("qué tiempo hace", "es"), ("tell me a joke", "en")],
)
def test_one_shared_word_is_not_enough_to_read_a_script(scripts: ScriptSet, said: str, language: str) -> None:
    """'time' alone is not 'processing times': with no sure script, Tier 1 reads none and offers its topics."""
    assert scripts.match(said, language) is None
