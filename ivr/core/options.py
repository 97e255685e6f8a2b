"""How a menu option is said: one sentence per option, in each language's own pattern.

English names every option as "For <topic>, press <key>." (DESIGN.md §3).
Spanish keeps "Para <tema>, oprima <tecla>." where the topic is a noun phrase
or an infinitive that reads well after "Para" ("Para el estado de su caso",
"Para cambiar esta cita"), and uses the pattern a native speaker says where
"Para" would be ungrammatical:

* a question word opens the topic ("qué debe llevar", "cómo funcionan las
  citas"): "Si desea saber qué debe llevar, oprima 3.";
* a reason ("por enfermedad", "por no poder conseguir transporte"): "Si es
  por enfermedad, oprima 1.";
* yes and no: "Si es así, oprima 1." and "Si no, oprima 2."

The pattern is chosen from the topic's first words, so flows keep writing
plain topics; `tests/definitions/test_spanish_prompts.py` rejects the
ungrammatical sentences the old single pattern produced.
"""

from __future__ import annotations

import re

OPTION_SENTENCE = {"en": "For {topic}, press {key}.", "es": "Para {topic}, oprima {key}."}
"""The default pattern per language (DESIGN.md §3)."""

QUESTION_SENTENCE = "Si desea saber {topic}, oprima {key}."
REASON_SENTENCE = "Si es {topic}, oprima {key}."
YES_SENTENCE = "Si es así, oprima {key}."
NO_SENTENCE = "Si no, oprima {key}."

_SPANISH_QUESTION = re.compile(r"^(qué|cómo|cuándo|dónde|cuál|cuáles|quién|quiénes|cuánto|cuánta|cuántos|cuántas|por qué)\b")
_SPANISH_REASON = re.compile(r"^por\s(?!qué\b)")


def option_pattern(topic: str, language: str) -> str:
    """The sentence pattern (with `{topic}` and `{key}`) a topic is said in."""
    if language != "es":
        return OPTION_SENTENCE[language]
    words = topic.strip().casefold()
    if words in ("sí", "si"):
        return YES_SENTENCE
    if words == "no":
        return NO_SENTENCE
    if _SPANISH_QUESTION.match(words):
        return QUESTION_SENTENCE
    if _SPANISH_REASON.match(words):
        return REASON_SENTENCE
    return OPTION_SENTENCE["es"]


def say_option(topic: str, key: str, language: str) -> str:
    """One option as one sentence: 'For what to bring, press 3.' / 'Si desea saber qué debe llevar, oprima 3.'."""
    return option_pattern(topic, language).format(topic=topic, key=key)
