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

The other way round, `key_said` hears a key said instead of pressed ("one",
"press one", "oprima uno", "opción 1"): a caller told "press 1" often says it.
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


_KEY_WORDS = {
    **{str(digit): str(digit) for digit in range(10)},
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9",
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7",
    "ocho": "8", "nueve": "9",
}
_KEY_LEAD = frozenset({"press", "push", "option", "number", "the", "oprima", "oprimo", "marque", "marco", "presione",
                       "pulse", "opcion", "numero", "el", "la"})
_KEY_TAIL = frozenset({"please", "por", "favor"})
def key_said(words: str) -> str | None:
    """The key a caller said instead of pressing it, in either language ("press one" -> "1"), or None.

    `words` are the utterance as `ivr.core.matching.normalize` gives it (the step has
    normalised it already).  Only an utterance that is the key and nothing else (a lead such
    as "press", "option", "oprima", "el número", and "please" / "por favor" after it) is a
    key: "one more time" or "form one thirty" are not."""
    said = words.split()
    while said and said[0] in _KEY_LEAD:
        said.pop(0)
    while said and said[-1] in _KEY_TAIL:
        said.pop()
    return _KEY_WORDS.get(said[0]) if len(said) == 1 else None
