"""Round 4 of issue 16 at the Tier 1 topic question: classes of questions, each shown by its family.

t3 (written blind, 30/40) missed by class, not by sentence: a lone candidate below the floor ("the fee ... waived",
the fax), two close scripts of which the caller named one's thing (a notice, not a card), a form said by its number as
a recogniser writes it ("a are eleven"), and situations the scripts' phrases did not carry.  Round 4 answers each
class: the read/no-guess rule calibrated on the corpus (`ivr.definitions.script_reading`), forms' letters as spoken,
and phrases-only versions of every topic script in force from 2026-12-09 carrying callers' situations and forms'
numbers.  What Tier 1 says stays the script USCIS provides (seed 003_29c9fde61bf22c66.txt).  The sentences below are
round 4's families, never t3's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.behaviours.tier1_scripts import answer_for
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.core.understanding import Model
from ivr.core.wording import tokens
from ivr.definitions.script_reading import form_read, named_of_two, spoken_forms
from ivr.definitions.scripts import SCRIPTS_ROOT, ScriptSet
from ivr.trainers.understand import scripts_on

DAY = dt.date(2026, 12, 9)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


# --- 1. the read/no-guess rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("my grandpa only speaks cantonese can somebody help him on the phone", "en", "live-assistance-hours"),
        ("no tengo dinero para la tarifa hay manera de no pagarla", "es", "forms-and-fees"),
    ],
)
def test_a_lone_candidate_with_a_clear_margin_is_read(
    flow: CompiledFlow, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """One script scores well below the sure floor, every other far below it: a representative reads that script
    (seed 003: Tier 1 answers from the scripts).  Measured on the scripts of 2026-12-08, before round 4's phrases:
    the rule alone reads it (before round 4, none)."""
    assert read_topic(flow, scripts_on(dt.date(2026, 12, 8)), said, language) == script_id


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("what time does the bank open on saturday", "en"),
        ("a qué hora cierra el supermercado", "es"),
        ("a qué hora abre el banco los sábados", "es"),
    ],
)
def test_a_lone_candidate_is_not_read_for_another_business(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """Another business's hours have our hours for their lone candidate; out of scope, they stay unread (DOMAIN.md
    §1.3: Tier 1 answers USCIS's questions from its scripts, nothing else)."""
    assert read_topic(flow, scripts, said, language) is None


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("i was waiting on the approval notice for my daughter's work permit and nothing came", "en",
         "notice-not-received"),
        ("me iban a mandar el aviso de aprobación por correo y nunca llegó", "es", "notice-not-received"),
        ("aprobaron mi permiso de trabajo pero la tarjeta nunca llegó a mi casa", "es", "card-not-received"),
    ],
)
def test_of_two_close_scripts_the_one_the_caller_named_is_read(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """A notice and a card that never came score alike; the caller who says "notice" hears the notice script, as a
    representative would read it (DOMAIN.md §5: a notice not received and a card not received are separate service
    requests)."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_the_named_one_of_two_is_told_by_the_labels_both_ways() -> None:
    """The word of one label the other lacks decides, whichever of the two leads; both named, or neither, decides
    nothing; two scripts of no kind (labels sharing no word) are never told apart this way."""
    labels = {"card": frozenset({"card", "not", "receiv"}), "notice": frozenset({"notic", "not", "receiv"}),
              "hours": frozenset({"hour", "languag"})}
    assert named_of_two("card", "notice", labels, frozenset({"notic", "mail"})) == "notice"
    assert named_of_two("notice", "card", labels, frozenset({"card", "mail"})) == "card"
    assert named_of_two("card", "notice", labels, frozenset({"card", "notic"})) is None
    assert named_of_two("card", "notice", labels, frozenset({"mail"})) is None
    assert named_of_two("hours", "notice", labels, frozenset({"notic", "hour"})) is None


# --- 2. forms named by number -------------------------------------------------------------------------------------

FORMS = {
    "ar11": "change-of-address",
    "i912": "forms-and-fees",
    "n400": "forms-and-fees",
    "i130": "forms-and-fees",
    "i765": "forms-and-fees",
    "i131": "forms-and-fees",
}
"""Each form's number and the script it is tied to by data (a phrase of the script's version in force)."""


@pytest.mark.parametrize(("form", "script_id"), sorted(FORMS.items()))
@pytest.mark.parametrize("language", ["en", "es"])
def test_each_forms_number_is_a_phrase_of_its_script(
    scripts: ScriptSet, form: str, script_id: str, language: str
) -> None:
    """AR-11 is the change-of-address form (DOMAIN.md §5); I-912 the fee waiver, N-400, I-130, I-765 and I-131 forms
    whose fees and which-form questions forms-and-fees answers: the number is in the script's phrases."""
    script = scripts.by_id(script_id)
    assert script is not None
    assert any(form in tokens(phrase, language) for phrase in script.phrases[language])


@pytest.mark.parametrize(
    ("said", "language", "written"),
    [
        ("the a are eleven", "en", "the ar eleven"),
        ("an a r 11 form", "en", "an ar 11 form"),
        ("the eye seven sixty five", "en", "the i seven sixty five"),
        ("el a erre once", "es", "el ar once"),
        ("la ene cuatrocientos", "es", "la n cuatrocientos"),
        ("a are you open today", "en", "a are you open today"),
        ("my eye hurts", "en", "my eye hurts"),
    ],
)
def test_a_forms_letters_are_read_as_a_recogniser_writes_them(said: str, language: str, written: str) -> None:
    """The letters before a form's number, as a recogniser spells them, become the form's letter; without a number
    after them they are left alone."""
    assert spoken_forms(said, language) == written


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("um do i need to send an a are eleven if i just moved apartments in the same building", "en",
         "change-of-address"),
        ("tengo que llenar el a erre once si me cambié de casa", "es", "change-of-address"),
        ("where do i send the a r eleven after i move", "en", "change-of-address"),
        ("do i have to do an ar 11 for my new apartment", "en", "change-of-address"),
        ("how much is the fee for the n four hundred", "en", "forms-and-fees"),
        ("is there a fee waiver with the i nine twelve", "en", "forms-and-fees"),
        ("how long is the i seven sixty five taking right now", "en", "processing-times"),
        ("dónde mando el a erre once si me mudo", "es", "change-of-address"),
        ("cuánto cuesta la n cuatrocientos", "es", "forms-and-fees"),
    ],
)
def test_a_form_said_by_its_number_reads_its_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """A form named by number as a recogniser writes it reads the script its number is tied to (DOMAIN.md §5: the
    AR-11 is a change of address)."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_a_forms_number_one_script_names_reads_it_and_one_several_name_decides_nothing() -> None:
    """The number one script's phrases alone name points to it; numbers that lead to two scripts, or a number two
    scripts name (the I-765: its fee and its wait), decide nothing."""
    forms = {"ar11": frozenset({"change-of-address"}), "i912": frozenset({"forms-and-fees"}),
             "i765": frozenset({"forms-and-fees", "processing-times"})}
    assert form_read(("do", "fill", "ar11", "move"), forms) == "change-of-address"
    assert form_read(("ar11", "i912"), forms) is None
    assert form_read(("how", "long", "i765"), forms) is None
    assert form_read(("how", "long"), forms) is None


@pytest.mark.parametrize(
    "said", ["has my wife's i one thirty been approved yet", "is my i one thirty approved"]
)
def test_a_form_named_in_a_status_question_stays_a_status(
    flow: CompiledFlow, scripts: ScriptSet, said: str, read_topic: Reader
) -> None:
    """The I-130 is a forms-and-fees phrase, but a decision asked of one is the case's status (DOMAIN.md §1.3: Tier 1
    reads the status): the form's script does not lead clearly, its number settles nothing."""
    assert read_topic(flow, scripts, said, "en") == "case-status"


# --- 3. situations per script -------------------------------------------------------------------------------------

ROUND_FOUR_NOTE = "issue 16 round 4"


def test_every_topic_script_has_a_round_four_version_in_force_from_december_9(scripts: ScriptSet) -> None:
    """Every topic script gains a phrases-only version on 2026-12-09, the day after round 3's; the day before hears
    the earlier versions."""
    for script in scripts.scripts:
        source = (SCRIPTS_ROOT / script.id / f"v{script.version}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert ROUND_FOUR_NOTE in source and script.effective == DAY, script.ref
    assert not set(scripts.refs()) & set(scripts_on(DAY - dt.timedelta(days=1)).refs())


def test_round_four_versions_change_phrases_only(scripts: ScriptSet) -> None:
    """Seed 003: Tier 1 says the script USCIS provides; round 4 keeps every word read, the label, key, topics and next
    steps, and every phrase of the version in force the day before (forms-and-fees@6 and processing-times@7, the same
    day as @5 and @6, drop one of those versions' own phrases each: 'puedo pagar la tarifa en línea' read another bill
    paid by phone as a fee, 'when will my case be decided' took a contract to be lost from expedite)."""
    before = scripts_on(DAY - dt.timedelta(days=1))
    for script in scripts.scripts:
        earlier = before.by_id(script.id)
        assert earlier is not None
        assert (script.text, script.label, script.key, script.topics, script.may_follow) == (
            earlier.text, earlier.label, earlier.key, earlier.topics, earlier.may_follow,
        ), script.ref
        for language in ("en", "es"):
            assert set(earlier.phrases[language]) <= set(script.phrases[language]), script.ref
    assert "puedo pagar la tarifa en línea" not in scripts.by_id("forms-and-fees").phrases["es"]  # type: ignore[union-attr]
    assert "when will my case be decided" not in scripts.by_id("processing-times").phrases["en"]  # type: ignore[union-attr]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_topic_script_carries_callers_situations(scripts: ScriptSet, language: str) -> None:
    """Each script in force has at least twelve phrases per language, callers' situations among them (who calls and
    why): before round 4, the fax script had five and adoptions seven."""
    thin = {script.id: len(script.phrases[language]) for script in scripts.scripts if len(script.phrases[language]) < 12}
    assert not thin


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("my son is in the navy and wants to apply for citizenship", "en", "military-help-line"),
        ("we're adopting a little girl from colombia", "en", "hague-adoptions"),
        ("i have to report to my ice officer next month can i change it", "en", "ice-checkin"),
        ("mi hijo está en la marina y quiere la ciudadanía", "es", "military-help-line"),
        ("estamos adoptando a una niña de colombia", "es", "hague-adoptions"),
        ("mi patrón me pidió el permiso de trabajo antes de empezar y mi caso sigue pendiente", "es", "expedite"),
    ],
)
def test_a_callers_situation_reads_its_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """A caller who describes who they are and why they call hears the script of that situation."""
    assert read_topic(flow, scripts, said, language) == script_id


# --- leftover: one run of the scripts' model -----------------------------------------------------------------------


def test_the_topic_question_runs_the_scripts_model_once(
    flow: CompiledFlow, scripts: ScriptSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question the line reads among several scripts scores the scripts once, not once to match and again to weigh
    the line's scripts."""
    own = scripts._models["en"]
    calls = []
    original = Model.scores

    def counted(self: Model, *args: object, **kwargs: object) -> object:
        if self is own:
            calls.append(args)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Model, "scores", counted)
    answer_for(scripts, normalize("i changed address and my application is taking too long"), "en", flow, "tier1.topic")
    assert len(calls) == 1
