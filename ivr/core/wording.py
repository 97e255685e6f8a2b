"""Normalising what a caller said into the tokens the understanding model compares.

A speech recogniser returns free text with its own habits: "What's", "I-485",
"I four eighty five", "bio metrics", "finger prints", "Español".  This module
turns such text and the flow's training phrases into the same tokens:

* case, accents and punctuation are dropped ("Español" = "espanol");
* English contractions are spelled out ("what's" → "what is", "dont" → "do not");
* numbers said as words become digits ("four eighty five" → "485", "cero" → "0"),
  and a form letter joins its number ("I 485", "I-485", "i four eighty five" → "i485");
* a light stemmer folds plurals ("appointments" → "appointment", "citas" → "cita");
* filler and function words ("um", "my", "please", "el", "de") are dropped.

Joining words the recogniser split ("bio metrics") needs the vocabulary, so it
lives with the model (`ivr.core.understanding`).  Pure functions, no I/O.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_CONTRACTIONS = {
    "what's": "what is", "whats": "what is", "where's": "where is", "wheres": "where is", "it's": "it is",
    "that's": "that is", "thats": "that is", "there's": "there is", "i'm": "i am", "im": "i am", "i've": "i have",
    "ive": "i have", "i'd": "i would", "i'll": "i will", "you're": "you are", "we're": "we are",
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not", "wont": "will not",
    "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not", "didn't": "did not",
    "didnt": "did not", "haven't": "have not", "havent": "have not", "hasn't": "has not", "hasnt": "has not",
    "isn't": "is not", "isnt": "is not", "wasn't": "was not", "wasnt": "was not", "aren't": "are not",
    "weren't": "were not", "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not",
    "let's": "let us", "how's": "how is", "who's": "who is", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "y'all": "you all",
}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_SPELLED = {key: tuple(value.split()) for key, value in _CONTRACTIONS.items()}

_UNITS = {
    "en": {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9},
    "es": {"cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9},
}
_TEENS = {
    "en": {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19},
    "es": {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
           "diecisiete": 17, "dieciocho": 18, "diecinueve": 19},
}
_TENS = {
    "en": {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90},
    "es": {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
           "ochenta": 80, "noventa": 90},
}
_FORM_LETTERS = frozenset({"i", "n", "g", "ar", "ds", "eoir"})

STOP_WORDS = {
    "en": frozenset(
        "a an the i me my mine we our you your it its is am are was were be been being to of for on in at "
        "and or so um uh uhm umm er erm hmm ah oh hi hey hello please want wanted wanting need needed needs like "
        "would could can will do does did just about with this that these those there have has had "
        "calling call called know wondering wonder trying try help okay ok well thank thanks also some any "
        "if really actually sir maam ma am miss kind sort guess think what which uscis get getting".split()
    ),
    "es": frozenset(
        "el la los las lo un una unos unas de del a al y e o u que en mi mis me yo es son esta estoy por para con "
        "su sus se le les eh este esta pues bueno hola quiero quisiera queria necesito favor tengo tiene "
        "como sobre usted ustedes puede podria ayuda ayudar gracias senor senora mire oiga buenas buenos dias "
        "tardes llamo llamando ver saber uscis".split()
    ),
}
"""Words that carry no topic; note that "no", "not" and "never" are kept (and "us", the country)."""

SYNONYMS = {
    "en": {
        "arrive": "receive", "arrived": "receive", "came": "receive", "come": "receive", "got": "receive",
        "gotten": "receive", "received": "receive", "showed": "receive", "delivered": "receive",
        "mailed": "mail", "sent": "send", "reschedule": "reschedule", "rescheduling": "reschedule",
        "change": "change", "changing": "change", "changed": "change", "moving": "move", "moved": "move",
        "living": "live", "lived": "live", "closing": "close", "closed": "close", "opening": "open",
        "opened": "open", "scheduled": "schedule", "scheduling": "schedule", "filed": "file", "filing": "file",
    },
    "es": {
        "llego": "recibir", "llegado": "recibir", "llegar": "recibir", "llega": "recibir", "recibi": "recibir",
        "recibido": "recibir", "recibe": "recibir", "recibio": "recibir", "mude": "mudar", "mudanza": "mudar",
        "mudado": "mudar", "cambie": "cambiar", "cambio": "cambiar", "domicilio": "direccion",
    },
}
"""Words callers use for the same thing ("never got" = "never came" = "never arrived"), folded to one."""


def plain(text: str) -> str:
    """Lower-case, accent-free text with apostrophes kept (for contractions)."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered.replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_APOSTROPHES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _spell_out(words: list[str]) -> list[str]:
    """Contractions spelled out ("what's" -> "what is"); any other apostrophe dropped ("john's" -> "johns")."""
    out: list[str] = []
    for word in words:
        spelled = _SPELLED.get(word)
        if spelled is not None:
            out.extend(spelled)
        else:
            out.append(word.replace("'", "") if "'" in word else word)
    return out


_HUNDRED = {"en": ("hundred",), "es": ("cien", "ciento", "cientos")}


def _numbers(tokens: list[str], language: str) -> list[str]:
    """Number words to digits: 'four eighty five' -> '485', 'four hundred' -> '400', 'nine oh seven' -> '907'."""
    units, teens, tens = _UNITS.get(language, _UNITS["en"]), _TEENS.get(language, _TEENS["en"]), _TENS.get(language, _TENS["en"])
    hundred = _HUNDRED.get(language, _HUNDRED["en"])
    out: list[str] = []
    run: list[str] = []
    i = 0

    def small(at: int) -> tuple[int, int] | None:
        """A number below 100 said from `at` on: (value, words used)."""
        token = tokens[at] if at < len(tokens) else ""
        if token in tens:
            nxt = tokens[at + 1] if at + 1 < len(tokens) else ""
            if language == "es" and nxt == "y" and at + 2 < len(tokens) and tokens[at + 2] in units:
                return tens[token] + units[tokens[at + 2]], 3
            if nxt in units and units[nxt] > 0:
                return tens[token] + units[nxt], 2
            return tens[token], 1
        if token in teens:
            return teens[token], 1
        if token in units and (token != "oh" or run):
            return units[token], 1
        return None

    while i < len(tokens):
        token = tokens[i]
        said = small(i)
        if said is not None and said[1] == 1 and token in units and i + 1 < len(tokens) and tokens[i + 1] in hundred:
            rest = small(i + 2)
            value = units[token] * 100 + (rest[0] if rest else 0)
            run.append(str(value))
            i += 2 + (rest[1] if rest else 0)
            continue
        if said is not None:
            run.append(str(said[0]))
            i += said[1]
            continue
        if token.isdigit():
            run.append(token)
        else:
            if run:
                out.append("".join(run))
                run = []
            out.append(token)
        i += 1
    if run:
        out.append("".join(run))
    return out


def _forms(tokens: list[str]) -> list[str]:
    """A form letter joins the number after it: 'i 485' -> 'i485'."""
    out: list[str] = []
    for token in tokens:
        if token.isdigit() and out and out[-1] in _FORM_LETTERS and len(token) >= 2:
            out[-1] = out[-1] + token
        else:
            out.append(token)
    return out


def stem(token: str) -> str:
    """A light plural fold shared by both languages: 'appointments' -> 'appointment', 'citas' -> 'cita'."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


_NUMBER_WORDS = frozenset(
    word for table in (_UNITS, _TEENS, _TENS) for words in table.values() for word in words
) | frozenset(word for words in _HUNDRED.values() for word in words)


def _words(text: str, language: str) -> list[str]:
    words = _spell_out(_WORD.findall(plain(text)))
    if any(word in _NUMBER_WORDS or word.isdigit() for word in words):
        words = _forms(_numbers(words, language))
    return words


@functools.lru_cache(maxsize=8192)
def fold(word: str, language: str) -> str:
    """One word as the model compares it: synonyms folded, then plurals."""
    return stem(SYNONYMS.get(language, SYNONYMS["en"]).get(word, word))


def tokens(text: str, language: str) -> tuple[str, ...]:
    """All words of `text`, normalised (numbers, forms, synonyms, plurals), stop words included."""
    return tuple(fold(word, language) for word in _words(text, language))


def marked(text: str, language: str) -> list[tuple[str, bool]]:
    """Every word of `text`, folded, with whether it is a stop word (the model joins split words first)."""
    stop = STOP_WORDS.get(language, STOP_WORDS["en"])
    return [(fold(word, language), word in stop) for word in _words(text, language)]


def content(text: str, language: str) -> tuple[str, ...]:
    """The words of `text` that can carry a topic: `tokens` without stop words."""
    return tuple(word for word, stop in marked(text, language) if not stop)
