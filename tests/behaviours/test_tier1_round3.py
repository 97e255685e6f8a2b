"""Round 3 of issue 16 at the Tier 1 topic question: holdout t2's misses, fixed by phrases-only script versions.

Six scripts gain callers' situations as phrases (`ivr scripts publish`, in force from 2026-12-08): a card the
tracking says was delivered, a move to another city with a case open, surgery and a petition to be made faster,
whether so long a wait is normal, which form to fill out to renew, what identification biometrics asks for.  What
Tier 1 says stays the script USCIS provides (seed 003_29c9fde61bf22c66.txt): the versions change phrases only.
The sentences below are not t2's own: each is its situation in other words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.behaviours.tier1_scripts import answer_for
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import SCRIPTS_ROOT, ScriptSet, load_scripts
from ivr.trainers.understand import scripts_on

DAY = dt.date(2026, 12, 8)
ROUND_THREE = {
    "biometrics-what-to-bring@4",
    "card-not-received@4",
    "change-of-address@4",
    "expedite@4",
    "forms-and-fees@4",
    "processing-times@5",
}


def _own_note(script_id: str, version: int) -> str:
    """The source line's clause of this version (the line keeps every earlier version's clause before it)."""
    source = (SCRIPTS_ROOT / script_id / f"v{version}.yaml").read_text(encoding="utf-8").splitlines()[0]
    return source.rsplit(f"; v{version}:", 1)[-1]


def test_the_round_three_versions_change_phrases_only() -> None:
    """Seed 003: Tier 1 says the script USCIS provides; round 3's versions keep every word read, the label, key,
    topics and next steps, and every phrase of the version before."""
    library = load_scripts()
    changed = set()
    for versions in library.versions.values():
        for earlier, script in zip(versions, versions[1:]):
            if "issue 16 round 3" not in _own_note(script.id, script.version):
                continue
            changed.add(script.ref)
            assert (script.text, script.label, script.key, script.topics, script.may_follow) == (
                earlier.text, earlier.label, earlier.key, earlier.topics, earlier.may_follow,
            ), script.ref
            for language in ("en", "es"):
                assert set(earlier.phrases[language]) <= set(script.phrases[language]), script.ref
    assert changed == ROUND_THREE


def test_the_round_three_versions_are_in_force_from_december_8(scripts: ScriptSet) -> None:
    """They come into force on 2026-12-08, the day the topic question is scored; the day before hears the earlier."""
    assert ROUND_THREE <= set(scripts.refs())
    assert not ROUND_THREE & set(scripts_on(DAY - dt.timedelta(days=1)).refs())


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("the post office says my card was delivered but i don't have it", "en", "card-not-received"),
        ("we're moving to denver soon and my wife's case is still open", "en", "change-of-address"),
        ("nos mudamos a phoenix el mes que viene y tengo un caso abierto", "es", "change-of-address"),
        ("because of my surgery can my petition be made faster", "en", "expedite"),
        ("ya va para un año mi caso es normal", "es", "processing-times"),
        ("qué forma tengo que llenar para renovar mi permiso de trabajo", "es", "forms-and-fees"),
        ("cuál forma tengo que llenar para la ciudadanía", "es", "forms-and-fees"),
        ("will they accept my driver's license at the fingerprint appointment", "en", "biometrics-what-to-bring"),
    ],
)
def test_a_situation_of_t2s_misses_reads_its_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str
) -> None:
    """Each of t2's misses in other words reads its script (DOMAIN.md §5's service requests, §3's biometrics);
    before round 3 each heard no script or a wrong one."""
    _, script = answer_for(scripts, normalize(said), language, flow, "tier1.topic")
    assert script is not None and script.id == script_id


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("uh what's the fax number where i can send my evidence", "en", "fax"),
        ("me dijeron que me mandaron una carta pero nunca me llegó cómo le hago para que me la manden otra vez", "es", "notice-not-received"),
        ("qué papeles tengo que llevar a la cita de bio métricos", "es", "biometrics-what-to-bring"),
    ],
)
def test_a_neighbour_keeps_its_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str
) -> None:
    """A phrase sharing a word another script relies on ('send', 'carta', 'llevar') took that script's question:
    such phrases were left out, and these stay their script's."""
    _, script = answer_for(scripts, normalize(said), language, flow, "tier1.topic")
    assert script is not None and script.id == script_id
