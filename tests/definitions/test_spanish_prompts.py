"""Spanish a native speaker accepts (issue 12): the generated prompts page, its grammar and the glossary."""

import re
from pathlib import Path

import pytest

from ivr.core.options import say_option
from ivr.definitions.spanish_prompts import render, spanish_lines
from ivr.rules.directory import load_directory
from ivr.rules.glossary import bundled_glossary
from ivr.rules.spoken import at_time

PAGE = Path(__file__).resolve().parents[2] / "docs" / "spanish-prompts.md"

UNGRAMMATICAL = {
    "Para + question word": re.compile(r"\bPara (qué|cómo|cuándo|dónde|cuál|cuáles|quién)\b[^?¿]*, oprima"),
    "Para sí / Para no": re.compile(r"\bPara (sí|no), oprima"),
    "Para no poder …": re.compile(r"\bPara no poder\b"),
    "a las 1": re.compile(r"\ba las 1:"),
    "a.m./p.m. without a space": re.compile(r"\d (a|p)\.m\."),
}


def test_the_spanish_prompts_page_is_up_to_date():
    """docs/spanish-prompts.md is what `python -m ivr.definitions.spanish_prompts` writes today."""
    assert PAGE.read_text(encoding="utf-8") == render(), "regenerate: python -m ivr.definitions.spanish_prompts > docs/spanish-prompts.md"


def test_no_spanish_prompt_uses_an_ungrammatical_pattern():
    """Issue 12: "Para qué debe llevar", "Para sí", "Para no poder…", "a las 1:30", "p.m." are not Spanish a native speaker accepts."""
    bad = [(where, name) for where, text in spanish_lines() for name, pattern in UNGRAMMATICAL.items() if pattern.search(text)]
    assert bad == []


CALLER_AS_HIM = re.compile(r"\b[Ll]o (comunico|comunicaré|transfiero|transferiré|paso|pasaré|atiendo|atenderá)\b")


def test_no_spanish_prompt_assumes_the_caller_is_a_man():
    """The line says "le" to every caller, as in "atenderle": "espere mientras le comunico", never "lo comunico"."""
    bad = [(where, text) for where, text in spanish_lines() if CALLER_AS_HIM.search(text)]
    assert bad == []


SLOTS_AS_HOURS = re.compile(r"\b([Ee]stas|otras) horas\b|\b(elija|elegir) (una|otra) hora\b")


def test_appointment_times_offered_are_horarios():
    """Times offered for an appointment are "horarios" ("Estos horarios están disponibles"), not "horas" (hours of the clock)."""
    bad = [(where, text) for where, text in spanish_lines() if SLOTS_AS_HOURS.search(text)]
    assert bad == []


def test_every_spanish_prompt_uses_the_glossary_terms():
    """One name per thing (procesamiento, one name for EOIR) and Spanish place names, in flows and the latest scripts.

    An older published script version is never edited (a new version replaces it), so only
    each script's latest version is held to today's glossary.
    """
    glossary = bundled_glossary()
    bad = [(where, glossary.problems(text)) for where, text in spanish_lines(latest_only=True) if glossary.problems(text)]
    assert bad == []


def test_every_spanish_directory_name_uses_the_glossary_terms():
    """Office and line names said in Spanish come from the directory and follow the glossary too."""
    directory = load_directory()
    names = [o.name.es for o in directory.offices] + [line.name.es for line in directory.lines]
    assert [name for name in names if bundled_glossary().problems(name)] == []


@pytest.mark.parametrize(
    ("topic", "key", "said"),
    [
        pytest.param("qué debe llevar", "3", "Si desea saber qué debe llevar, oprima 3.", id="question"),
        pytest.param("cómo funcionan las citas", "1", "Si desea saber cómo funcionan las citas, oprima 1.", id="how"),
        pytest.param("sí", "1", "Si es así, oprima 1.", id="yes"),
        pytest.param("no", "2", "Si no, oprima 2.", id="no"),
        pytest.param("por no poder conseguir transporte", "4", "Si es por no poder conseguir transporte, oprima 4.", id="reason"),
        pytest.param("el estado de su caso", "1", "Para el estado de su caso, oprima 1.", id="noun-phrase-keeps-para"),
        pytest.param("cambiar esta cita", "1", "Para cambiar esta cita, oprima 1.", id="infinitive-keeps-para"),
    ],
)
def test_spanish_options_use_the_pattern_their_topic_needs(topic, key, said):
    """Issue 12: each language has its own option-sentence patterns."""
    assert say_option(topic, key, "es") == said


def test_english_options_keep_the_design_pattern():
    """DESIGN.md §3: "For <topic>, press <key>." in English, whatever the topic."""
    assert say_option("what to bring", "3", "en") == "For what to bring, press 3."


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        pytest.param("2026-12-14T13:30:00-08:00", "a la 1:30 p. m., hora del Pacífico", id="one-oclock"),
        pytest.param("2026-12-08T09:00:00-05:00", "a las 9:00 a. m., hora del Este", id="nine"),
    ],
)
def test_spanish_times_say_a_la_for_one_and_p_m_with_a_space(moment, said):
    """Issue 12: "a la 1:30 p. m." (Babel's Spanish day periods), "a las" for every other hour."""
    import datetime as dt

    assert at_time(dt.datetime.fromisoformat(moment), "es") == said


def test_a_support_center_is_named_in_spanish():
    """Issue 12: no English place names inside Spanish sentences."""
    said = bundled_glossary().support_center("Los Angeles Application Support Center", "es")
    assert said == "el Centro de Apoyo de Solicitudes de Los Ángeles"
