"""The Tier 1 topic question understands callers' words with the same model (issue 16).

The scripts in force are the options of the topic question; their phrases and labels
(published, versioned script data) are compiled once per set of scripts into the
understanding model.  Tier 1 reads a script only when sure, and none for what no script
answers (seed 003_29c9fde61bf22c66.txt: Tier 1 says only what approved scripts say).

The versions published for issue 16 add callers' own words to every script's phrases,
and nothing else; they come into force on Monday 2026-11-30 (biometrics-reschedule@3 on
2026-12-07, after @2's rewording of 2026-12-01), so calls at the demo instant still hear
the versions before them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.definitions.cases import DEMO_CLOCK
from ivr.definitions.script_lock import publication_records
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


PHRASES_IN_FORCE = dt.date(2026, 12, 7)
"""Every script's issue-16 phrase version is in force from this day."""


@pytest.fixture(scope="module")
def scripts_with_callers_words() -> ScriptSet:
    return load_scripts().in_force(PHRASES_IN_FORCE)


@pytest.mark.parametrize(
    ("said", "language", "script"),
    [
        ("what's happening with my application", 'en', 'case-status'),
        ('check on my petition', 'en', 'case-status'),
        ('I want to check my case status', 'en', 'case-status'),
        ('is my case approved yet', 'en', 'case-status'),
        ('where is my green card application', 'en', 'case-status'),
        ('my I-485 is pending', 'en', 'case-status'),
        ('did they approve my application', 'en', 'case-status'),
        ('um my finger prints appointment can I reschedule it', 'en', 'biometrics-reschedule'),
        ('i want to change my bio metrics appointment', 'en', 'biometrics-reschedule'),  # round 8: the split is read as the word
        ('I missed my fingerprint appointment', 'en', 'biometrics-reschedule'),
        ("I can't make my biometrics appointment", 'en', 'biometrics-reschedule'),
        ('I need a new date for my fingerprints', 'en', 'biometrics-reschedule'),
        ('change my biometric appointment', 'en', 'biometrics-reschedule'),
        ('what do I need to bring to my biometrics', 'en', 'biometrics-what-to-bring'),
        ('what documents do I take to my fingerprint appointment', 'en', 'biometrics-what-to-bring'),
        ('do I need my passport for biometrics', 'en', 'biometrics-what-to-bring'),
        ('I need an InfoPass appointment', 'en', 'field-office-appointment'),
        ('info pass', 'en', 'field-office-appointment'),
        ('I need to go to my local office', 'en', 'field-office-appointment'),
        ('I need a stamp in my passport', 'en', 'field-office-appointment'),
        ('can I walk in to the field office', 'en', 'field-office-appointment'),
        ('I need an appointment at the field office', 'en', 'field-office-appointment'),
        ('nobody answered my service request', 'en', 'service-request-follow-up'),
        ('I made a service request and heard nothing', 'en', 'service-request-follow-up'),
        ('follow up on a service request', 'en', 'service-request-follow-up'),
        ('what happened to my service request', 'en', 'service-request-follow-up'),
        ('I moved and need to update my address', 'en', 'change-of-address'),
        ('I moved and need to change my address', 'en', 'change-of-address'),
        ('I have a new address', 'en', 'change-of-address'),
        ('update my mailing address', 'en', 'change-of-address'),
        ('change my address', 'en', 'change-of-address'),
        ('my green card never came in the mail', 'en', 'card-not-received'),
        ('I never got my work permit card', 'en', 'card-not-received'),
        ("my card was mailed but I don't have it", 'en', 'card-not-received'),
        ('my EAD never arrived', 'en', 'card-not-received'),
        ("I didn't get my green card", 'en', 'card-not-received'),
        ('I never got my notice', 'en', 'notice-not-received'),
        ("I didn't receive my receipt notice", 'en', 'notice-not-received'),
        ('my appointment letter never came', 'en', 'notice-not-received'),
        ('I never received the interview notice', 'en', 'notice-not-received'),
        ('how long does it take', 'en', 'processing-times'),
        ('my case is taking too long', 'en', 'processing-times'),
        ('my case is outside normal processing time', 'en', 'processing-times'),
        ('why is my case taking so long', 'en', 'processing-times'),
        ('what are the processing times for the I-765', 'en', 'processing-times'),
        ('how much is the fee for the I-485', 'en', 'forms-and-fees'),
        ('how much does it cost to file', 'en', 'forms-and-fees'),
        ('where do I get the form', 'en', 'forms-and-fees'),
        ('what form do I need', 'en', 'forms-and-fees'),
        ('fee waiver', 'en', 'forms-and-fees'),
        ('I need to reschedule my ICE appointment', 'en', 'ice-checkin'),
        ('my ICE check in', 'en', 'ice-checkin'),
        ('I have to report to ICE', 'en', 'ice-checkin'),
        ('I have an immigration court hearing', 'en', 'immigration-court'),
        ('when is my court date', 'en', 'immigration-court'),
        ('my hearing with the judge', 'en', 'immigration-court'),
        ('when are you open', 'en', 'live-assistance-hours'),
        ('what time do you close', 'en', 'live-assistance-hours'),
        ('what are your hours', 'en', 'live-assistance-hours'),
        ('do you have someone who speaks another language', 'en', 'live-assistance-hours'),
        ("I'm in the military", 'en', 'military-help-line'),
        ("I'm a soldier", 'en', 'military-help-line'),
        ("I'm calling from Mexico", 'en', 'outside-us'),
        ("I'm overseas", 'en', 'outside-us'),
        ('I live in Canada', 'en', 'outside-us'),
        ('I live abroad', 'en', 'outside-us'),
        ('premium processing', 'en', 'premium-processing'),
        ('I paid for premium processing', 'en', 'premium-processing'),
        ('I need to expedite my case', 'en', 'expedite'),
        ('can you speed up my case', 'en', 'expedite'),
        ("it's an emergency I need my case faster", 'en', 'expedite'),
        ('urgent request for my case', 'en', 'expedite'),
        ('I use a wheelchair', 'en', 'accommodations'),
        ('I need a sign language interpreter for my interview', 'en', 'accommodations'),
        ("I'm deaf", 'en', 'accommodations'),
        ('disability accommodation for my appointment', 'en', 'accommodations'),
        ("I'm adopting a child from another country", 'en', 'hague-adoptions'),
        ('hague adoption question', 'en', 'hague-adoptions'),
        ("what's your fax number", 'en', 'fax'),
        ('can I fax my documents', 'en', 'fax'),
        ('cómo va mi solicitud', 'es', 'case-status'),
        ('quiero saber el estado de mi caso', 'es', 'case-status'),
        ('qué pasa con mi caso', 'es', 'case-status'),
        ('ya aprobaron mi caso', 'es', 'case-status'),
        ('necesito cambiar mi cita de huellas', 'es', 'biometrics-reschedule'),
        ('bio métricos', 'es', 'biometrics-reschedule'),
        ('no puedo ir a mi cita de huellas', 'es', 'biometrics-reschedule'),
        ('perdí mi cita biométrica', 'es', 'biometrics-reschedule'),
        ('qué tengo que llevar a la cita de huellas', 'es', 'biometrics-what-to-bring'),
        ('qué documentos llevo a biometría', 'es', 'biometrics-what-to-bring'),
        ('necesito una cita en la oficina local', 'es', 'field-office-appointment'),
        ('necesito un sello en mi pasaporte', 'es', 'field-office-appointment'),
        ('puedo ir sin cita a la oficina', 'es', 'field-office-appointment'),
        ('no me han respondido la solicitud de servicio', 'es', 'service-request-follow-up'),
        ('seguimiento a mi solicitud de servicio', 'es', 'service-request-follow-up'),
        ('me mudé y tengo que cambiar mi dirección', 'es', 'change-of-address'),
        ('tengo una nueva dirección', 'es', 'change-of-address'),
        ('cambiar mi domicilio', 'es', 'change-of-address'),
        ('nunca me llegó la tarjeta', 'es', 'card-not-received'),
        ('no me llegó la green card', 'es', 'card-not-received'),
        ('no recibí mi permiso de trabajo', 'es', 'card-not-received'),
        ('no recibí mi aviso', 'es', 'notice-not-received'),
        ('nunca me llegó la carta de la cita', 'es', 'notice-not-received'),
        ('no me llegó el aviso de recibo', 'es', 'notice-not-received'),
        ('cuánto tarda mi caso', 'es', 'processing-times'),
        ('mi caso está tardando mucho', 'es', 'processing-times'),
        ('cuánto tiempo se demora', 'es', 'processing-times'),
        ('cuánto cuesta el formulario', 'es', 'forms-and-fees'),
        ('cuál es la tarifa', 'es', 'forms-and-fees'),
        ('qué formulario necesito', 'es', 'forms-and-fees'),
        ('tengo que reportarme con ice', 'es', 'ice-checkin'),
        ('cambiar mi cita con ice', 'es', 'ice-checkin'),
        ('tengo una audiencia en la corte', 'es', 'immigration-court'),
        ('cuándo es mi corte', 'es', 'immigration-court'),
        ('a qué hora abren', 'es', 'live-assistance-hours'),
        ('a qué hora cierran', 'es', 'live-assistance-hours'),
        ('cuál es el horario', 'es', 'live-assistance-hours'),
        ('soy militar', 'es', 'military-help-line'),
        ('mi esposo está en el ejército', 'es', 'military-help-line'),
        ('llamo desde México', 'es', 'outside-us'),
        ('vivo en el extranjero', 'es', 'outside-us'),
        ('estoy fuera del país', 'es', 'outside-us'),
        ('necesito acelerar mi caso', 'es', 'expedite'),
        ('pueden apurar mi caso', 'es', 'expedite'),
        ('uso silla de ruedas', 'es', 'accommodations'),
        ('necesito un intérprete de señas', 'es', 'accommodations'),
        ('soy sordo', 'es', 'accommodations'),
        ('cuál es el número de fax', 'es', 'fax'),
        ('puedo mandar un fax', 'es', 'fax'),
        ('procesamiento prioritario', 'es', 'premium-processing'),
        ('estoy adoptando a un niño de otro país', 'es', 'hague-adoptions'),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else None,
)
def test_callers_own_words_at_the_topic_question_find_their_script(scripts_with_callers_words, said, language, script):
    """The way callers name a topic (as at the main menu: corpus.yaml's examples, and more) reads that topic's script."""
    found = scripts_with_callers_words.match(said, language)
    assert found is not None and found.id == script


@pytest.mark.parametrize(
    ("said", "language", "script"),
    [
        ("hay noticias de mi caso", "es", "case-status"),  # 'noticias' is near several scripts' words
        ("es una emergencia", "es", "expedite"),  # an emergency is also a field office's emergency travel document
        ("has my case moved forward", "en", "case-status"),  # 'moved' is a change of address's word too
        ("any update on my case", "en", "case-status"),
    ],
)
def test_words_close_to_two_scripts_read_the_right_one_or_none(scripts_with_callers_words, said, language, script):
    """Issue 16: never a confident wrong route; Tier 1 asks no clarifying question, so a close call reads none."""
    found = scripts_with_callers_words.match(said, language)
    assert found is None or found.id == script


@pytest.mark.parametrize(
    ("said", "language"),
    [("what's the weather", "en"), ("tell me a joke", "en"), ("I want to order a pizza", "en"),
     ("qué tiempo hace", "es"), ("cuéntame un chiste", "es")],
)
def test_words_no_script_answers_still_read_none(scripts_with_callers_words, said, language):
    """More phrases do not make Tier 1 guess: out-of-scope words read no script."""
    assert scripts_with_callers_words.match(said, language) is None


def test_the_phrase_versions_change_only_the_phrases():
    """Callers hear the same answers: each issue-16 version keeps its predecessor's text, label, key and next steps.

    The issue-16 versions are those the lock records as published for issue 16 (later
    versions, such as the Spanish audit's, may reword the text).
    """
    library = load_scripts()
    issue_16 = {ref for ref, record in publication_records().items() if "Issue 16:" in record}
    changed = []
    for versions in library.versions.values():
        for before, newest in zip(versions, versions[1:]):
            if newest.ref in issue_16:
                break
        else:
            continue
        assert newest.phrases != before.phrases, newest.ref
        assert set(before.phrases["en"]) <= set(newest.phrases["en"]) and set(before.phrases["es"]) <= set(newest.phrases["es"])
        assert (newest.text, newest.label, newest.key, newest.may_follow) == (before.text, before.label, before.key, before.may_follow)
        changed.append(newest.id)
    assert len(changed) >= 19


@pytest.mark.parametrize(("day", "script"), [(dt.date(2026, 11, 29), None), (dt.date(2026, 11, 30), "outside-us")])
def test_the_new_words_count_from_their_effective_date(day, script):
    """A phrase version is data in force from its date (America/New_York), like any script version.  (A country named
    as where the caller is now reads the calls from abroad by itself, round 7: the words here name none.)"""
    found = load_scripts().in_force(day).match("I live in another country", "en")
    assert (found.id if found else None) == script
