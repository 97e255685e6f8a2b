"""Normalising what a caller said into the tokens the understanding model compares.

A speech recogniser returns free text with its own habits: "What's", "I-485",
"I four eighty five", "bio metrics", "finger prints", "Español".  This module
turns such text and the flow's training phrases into the same tokens:

* case, accents and punctuation are dropped ("Español" = "espanol");
* English contractions are spelled out ("what's" → "what is", "dont" → "do not");
* numbers said as words become digits ("four eighty five" → "485", "cero" → "0", "two thousand
  fifteen" → "2015", a year, which carries no topic), and a form letter joins its number ("I 485",
  "I-485", "i four eighty five" → "i485"); a noun's ending the recogniser split off joins it
  ("replace mint" → "replacement"), and so does an illness ("cat a ract" → "cataract");
* letters said one by one join ("I C E" → "ice"), word groups that mean one thing
  become one word ("in person", "work permit", "the United States": `lexicon.COMPOUNDS`);
* a country said as where one is becomes `@country` ("I live in Japan", "llamo desde
  Perú"), from CLDR's names (`ivr.core.territories`);
* synonyms fold (`lexicon.SYNONYMS`), then Snowball stems ("approved", "approval" →
  "approv"; "citas" → "cit");
* filler, function and generic words ("um", "my", "please", "el", "de":
  `lexicon.STOP_WORDS`) are marked, to be dropped.

Joining words the recogniser split ("bio metrics") needs the vocabulary, so it
lives with the model (`ivr.core.understanding`).  Pure functions, no I/O.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Container, Iterable, Sequence
from typing import Final

import Stemmer  # PyStemmer: the Snowball stemmers, in C

from ivr.core import gazetteers, territories
from ivr.core.lexicon import COMPOUNDS, STOP_WORDS, SYNONYMS, UNSTEMMED
from ivr.core.world_cities import WORLD_CITIES
from ivr.core.per_sentence import per_sentence

_WORD: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_CONTRACTIONS: Final = {
    "what's": "what is", "whats": "what is", "where's": "where is", "wheres": "where is", "it's": "it is",
    "that's": "that is", "thats": "that is", "there's": "there is", "i'm": "i am", "im": "i am", "i've": "i have",
    "ive": "i have", "i'd": "i would", "i'll": "i will", "you're": "you are", "we're": "we are",
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not", "wont": "will not",
    "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not", "didn't": "did not",
    "didnt": "did not", "haven't": "have not", "havent": "have not", "hasn't": "has not", "hasnt": "has not",
    "isn't": "is not", "isnt": "is not", "wasn't": "was not", "wasnt": "was not", "aren't": "are not",
    "weren't": "were not", "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not",
    "let's": "let us", "how's": "how is", "who's": "who is", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "y'all": "you all", "that'll": "that will", "thatll": "that will", "it'll": "it will",
    "we'll": "we will", "you'll": "you will", "they'll": "they will", "they're": "they are", "we've": "we have",
    "you've": "you have", "they've": "they have", "who're": "who are",
}
_SPELLED: Final = {key: tuple(value.split()) for key, value in _CONTRACTIONS.items()}
_CONTRACTED: Final = frozenset(_SPELLED)
"""The contractions (a set's `isdisjoint` is cheaper than a dict's keys')."""

_UNITS: Final = {
    "en": {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9},
    "es": {"cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
           "ocho": 8, "nueve": 9},
}
_TEENS: Final = {
    "en": {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17, "eighteen": 18, "nineteen": 19},
    "es": {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
           "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,  # and the twenties said as one word:
           "veintiuno": 21, "veintiun": 21, "veintidos": 22,
           "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27,
           "veintiocho": 28, "veintinueve": 29},
}
_TENS: Final = {
    "en": {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90},
    "es": {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
           "ochenta": 80, "noventa": 90},
}
_FORM_LETTERS: Final = frozenset({"i", "n", "g", "ar", "ds", "eoir"})
_VISA_LETTERS: Final = frozenset({"b", "f", "h", "j", "k", "l"})
_SUPPLEMENT: Final = frozenset({"supplement", "suplemento"})
FORM_NUMBER: Final = re.compile(r"(?:i|n|g|ar|ds|eoir)[0-9]{2,4}[a-z]?")
"""A form number as `_forms` joins it ("i485", "n400", "i918a")."""
"""Letters of visa classes, which join a one-digit number: "F 1", "f one" -> "f1"; "H one B", "H-1B" -> "h1b"
(not after another letter: "E B two" is spelled out)."""
_VISA_NUMBER: Final = re.compile(r"[1-3]b?")


def _starts_a_name(words: list[str], firsts: dict[str, frozenset[str] | None]) -> bool:
    """Whether a word is a name of one word, or a word and the next are the first two of a longer name (`firsts`, as
    `_firsts` makes it).  One pass, a look-up a word, natively when compiled (where a tuple zipped each pair of words
    and a set was searched for each)."""
    count = len(words)
    for at, word in enumerate(words):
        if word in firsts:
            following = firsts[word]
            if following is None or at + 1 < count and words[at + 1] in following:
                return True
    return False


def _firsts(names: Collection[tuple[str, ...]]) -> dict[str, frozenset[str] | None]:
    """The first word of each name (a tuple of words) -> None if it is a name alone, else the second words of the names
    it starts (`_starts_a_name`)."""
    alone = {name[0] for name in names if len(name) == 1}
    seconds: dict[str, set[str]] = {}
    for name in names:
        if len(name) > 1 and name[0] not in alone:
            seconds.setdefault(name[0], set()).add(name[1])
    return {**{first: frozenset(following) for first, following in seconds.items()}, **dict.fromkeys(alone)}


_COMPOUND_SIZES: Final = {
    language: tuple(sorted({len(group) for group in table}, reverse=True)) for language, table in COMPOUNDS.items()
}
"""The sizes of the `COMPOUNDS` groups, the longest first: `_compounds` tries them in that order at a word."""
_COMPOUND_STARTS: Final = {
    language: frozenset(group[0] for group in table)
    for language, table in COMPOUNDS.items()
}
"""The first words of the `COMPOUNDS` groups: a sentence with none of them has no group to join."""
_COMPOUND_FIRSTS: Final = {language: _firsts(table) for language, table in COMPOUNDS.items()}
"""The groups' first words as `_starts_a_name` reads them: a group of one word ("xray" for "x ray") is a word said as
one that the table names all the same; a sentence saying no other group's first two words in a row joins none."""


def _compounds(words: list[str], language: str) -> list[str]:
    """Each `COMPOUNDS` word group said becomes its one word, left to right, the longest group at a word first (of
    every size the table holds: "fiestas de fin de ano" and "xray" alike).  Most sentences have a group's first word
    ("the", "in", "my") but no group's first two words in a row nor a group of one word (`_COMPOUND_FIRSTS`): they
    are left as they are without a look-up."""
    if not _starts_a_name(words, _COMPOUND_FIRSTS.get(language, _COMPOUND_FIRSTS["en"])):
        return words
    starts = _COMPOUND_STARTS.get(language, _COMPOUND_STARTS["en"])
    table = COMPOUNDS.get(language, COMPOUNDS["en"])
    sizes = _COMPOUND_SIZES.get(language, _COMPOUND_SIZES["en"])
    out: list[str] = []
    i, count = 0, len(words)
    while i < count:
        word = words[i]
        if word in starts:
            for size in sizes:
                one = table.get(tuple(words[i:i + size])) if i + size <= count else None
                if one is not None:
                    out.append(one)
                    i += size
                    break
            else:
                out.append(word)
                i += 1
        else:
            out.append(word)
            i += 1
    return out


def _rejoined(
    words: list[str], join: Callable[[list[str]], Sequence[str] | None], widths: tuple[int, ...] = (3, 2),
    starts: Container[str] | None = None,
) -> list[str]:
    """`words` with each run of `widths` (three, else two) that `join` gives words for replaced by them, left to right.

    `starts`, when given, holds every word a run that `join` joins can start with: a word outside it is kept as it
    is without asking `join` (most words of a sentence start no compound, place or illness)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if starts is not None and words[i] not in starts:
            out.append(words[i])
            i += 1
            continue
        for width in widths:
            joined = join(words[i:i + width]) if i + width <= len(words) else None
            if joined is not None:
                out.extend(joined)
                i += width
                break
        else:
            out.append(words[i])
            i += 1
    return out


def plain(text: str) -> str:
    """Lower-case, accent-free text with apostrophes kept (for contractions)."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered.replace("`", "'")
    # the apostrophes replaced and the accents NFKD splits off dropped, each character that is not ASCII tested once:
    # a translation by a dict and a test of every character were generic calls a character, compiled
    decomposed = unicodedata.normalize("NFKD", lowered.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'"))
    for other in set(decomposed).difference(_ASCII):
        if unicodedata.combining(other):
            decomposed = decomposed.replace(other, "")
    return decomposed


_ASCII: Final = frozenset(map(chr, range(128)))


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


_HUNDRED: Final = {"en": ("hundred",), "es": ("cien", "ciento", "cientos")}
_THOUSAND: Final = {"en": ("thousand",), "es": ("mil",)}
_HUNDREDS: Final = {
    "en": {},
    "es": {"cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400,
           "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900},
}
"""Spanish hundreds said as one word: "ciento treinta" -> 130, "cuatrocientos ochenta y cinco" -> 485 (the I-130, the
N-400: "i ciento treinta", "n cuatrocientos")."""


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

    hundreds = _HUNDREDS.get(language, _HUNDREDS["en"])

    def below_thousand(at: int) -> tuple[int, int] | None:
        """A number below 1,000 said from `at` on ("nine hundred ninety", "novecientos"): (value, words used)."""
        token = tokens[at] if at < len(tokens) else ""
        if token in hundreds:
            rest = small(at + 1)
            return hundreds[token] + (rest[0] if rest else 0), 1 + (rest[1] if rest else 0)
        said = small(at)
        if said is not None and said[1] == 1 and token in units and at + 1 < len(tokens) and tokens[at + 1] in hundred:
            rest = small(at + 2)
            return units[token] * 100 + (rest[0] if rest else 0), 2 + (rest[1] if rest else 0)
        return said

    thousand = _THOUSAND.get(language, _THOUSAND["en"])
    while i < len(tokens):
        token = tokens[i]
        if token in thousand and (run[-1:] and int(run[-1]) < 100 or not run and language != "en"):
            # a year said in words: "two thousand fifteen" -> 2015, "dos mil diecinueve" -> 2019, "mil novecientos
            # noventa" -> 1990 (one number, not "2", "thousand", "15")
            at = i + 1 + (tokens[i + 1:i + 2] == ["and"] and below_thousand(i + 2) is not None)
            rest = below_thousand(at)
            run.append(str((int(run.pop()) if run else 1) * 1000 + (rest[0] if rest else 0)))
            i = at + (rest[1] if rest else 0)
            continue
        if token in hundreds:
            rest = small(i + 1)
            run.append(str(hundreds[token] + (rest[0] if rest else 0)))
            i += 1 + (rest[1] if rest else 0)
            continue
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
    """A form letter joins the number after it: 'i 485' -> 'i485', and a supplement its letter ('i918 supplement a'
    -> 'i918a'); a visa class its digit: 'f 1' -> 'f1', 'h 1 b' -> 'h1b'."""
    out: list[str] = []
    for token in tokens:
        if token.isdigit() and out and out[-1] in _FORM_LETTERS and len(token) >= 2:
            out[-1] = out[-1] + token
        elif out and out[-1] in _VISA_LETTERS and _VISA_NUMBER.fullmatch(token) and not _spelling(out[-2:-1]):
            out[-1] = out[-1] + token
        elif token == "b" and out and out[-1] in ("h1", "h2"):
            out[-1] = out[-1] + token
        elif len(token) == 1 and token.isalpha() and len(out) >= 2 and out[-1] in _SUPPLEMENT and \
                FORM_NUMBER.fullmatch(out[-2]):
            out.pop()  # "i 918 supplement a" -> "i918a", as USCIS writes "I-918 Supplement A"
            out[-1] = out[-1] + token
        else:
            out.append(token)
    return out


def _spelling(before: list[str]) -> bool:
    """Whether the word before a visa letter is a letter too: "e b two" is EB-2, spelled out, not "e" and "b2"."""
    return bool(before) and len(before[0]) == 1 and before[0].isalpha() and before[0] != "a"  # "a B two visa"


_STEMMERS: Final = {"en": Stemmer.Stemmer("english"), "es": Stemmer.Stemmer("spanish")}


def stem(token: str, language: str = "en") -> str:
    """The Snowball stem of a word: 'approved', 'approval' -> 'approv'; 'tardando', 'tardado' -> 'tard'."""
    if token.isdigit() or len(token) <= 3:
        return token
    return str(_STEMMERS.get(language, _STEMMERS["en"]).stemWord(token))


_NUMBER_WORDS: Final = frozenset(
    word for table in (_UNITS, _TEENS, _TENS) for words in table.values() for word in words
) | frozenset(word for words in (*_HUNDRED.values(), *_THOUSAND.values()) for word in words) | frozenset(
    word for words in _HUNDREDS.values() for word in words
)


_LETTER_WORDS: Final = {"es": frozenset("y a o e u".split())}
"""One-letter words of a language: two of them in a row ("y a otros") are words, not letters spelled out."""
_AND: Final = {"es": "y"}
"""The one-letter "and" of a language: after letters spelled out it ends them ("del a s c y voy tarde" is the ASC
and "voy tarde", not "ascy"); no acronym a caller spells ends in it."""


def _spelled(words: list[str], language: str = "en") -> list[str]:
    """Letters said one by one join into their word: "I C E" -> "ice", "E O I R" -> "eoir" (not Spanish "y a")."""
    letter_words = _LETTER_WORDS.get(language, frozenset())
    conjunction = _AND.get(language)
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        ending = run[-1:] if len(run) >= 3 and run[-1] == conjunction else []
        if ending:
            run = run[:-1]
        spelled = len(run) >= 3 or (len(run) == 2 and not set(run) <= letter_words)
        out.extend(["".join(run)] if spelled else run)
        out.extend(ending)
        run = []
        if word:
            out.append(word)
    return out


_SUFFIXES: Final = {"en": {"ment": "ment", "mint": "ment"}, "es": {"miento": "miento", "mientos": "mientos"}}
"""A noun's ending the recogniser heard as a word of its own: "replace mint", "amend ment" -> "replacement",
"amendment"; "segui miento" -> "seguimiento" (after a word of four letters or more, not a stop word)."""
_SUFFIX_SPLITS: Final = frozenset(ending for endings in _SUFFIXES.values() for ending in endings)


def _suffixes(words: list[str], language: str) -> list[str]:
    """A word and the ending the recogniser split from it joined: "replace mint" -> "replacement" (`_SUFFIXES`)."""
    endings, stop = _SUFFIXES.get(language, _SUFFIXES["en"]), STOP_WORDS.get(language, STOP_WORDS["en"])
    out: list[str] = []
    for word in words:
        ending = endings.get(word)
        if ending is not None and out and len(out[-1]) >= 4 and out[-1].isalpha() and out[-1] not in stop:
            out[-1] = out[-1] + ending
        else:
            out.append(word)
    return out


_SPLIT_CONDITIONS: Final = {
    language: frozenset(name for name in conditions if " " not in name and len(name) >= 6)
    for language, conditions in gazetteers.CONDITIONS.items()
}
"""Illnesses of one word (`gazetteers.CONDITIONS`) the recogniser may split: "cat a ract" is "cataract", "dia betes"
"diabetes", "chemo therapy" "chemotherapy"."""
_CONDITION_HEADS: Final = {
    language: frozenset(name[:end] for name in names for end in range(2, len(name) - 1)) - STOP_WORDS[language]
    for language, names in _SPLIT_CONDITIONS.items()
}
"""The first pieces a split illness can start with (not a stop word: "de presión" is no "depresión")."""
_REWORDED: Final = {language: _SUFFIX_SPLITS | _NUMBER_WORDS | heads for language, heads in _CONDITION_HEADS.items()}
"""Every word a language's sentence is rewritten after, by `_reworded`: a noun's ending split off, an illness's first
piece, a number word.  Most sentences have none (nor a digit): one test, not one a step.  Another language's words
are tested against English's, which hold what its steps read (its suffixes and number words, no illness)."""


def _unsplit_conditions(words: list[str], language: str) -> list[str]:
    """An illness the recogniser split into two or three pieces joined: "cat a ract surgery" -> "cataract surgery"."""
    names = _SPLIT_CONDITIONS.get(language, _SPLIT_CONDITIONS["en"])
    heads = _CONDITION_HEADS.get(language, frozenset())
    if heads.isdisjoint(words):
        return words

    def condition(pieces: list[str]) -> tuple[str, ...] | None:
        joined = "".join(pieces)
        return (joined,) if pieces[0] in heads and joined in names else None

    return _rejoined(words, condition, starts=heads)


_PLACEHOLDER: Final = re.compile(r"\[([a-z]+)\]")
"""What the export's redactor puts for words it removed ("[name]"): unknown words, as theirs were."""


_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyz")


def _letters_said(words: list[str]) -> bool:
    """Whether two words in a row are each one letter (a-z): without them `_spelled` joins nothing.  A native loop
    when compiled, where counting the words' lengths and searching them joined made a list, a string and a search."""
    before = False  # whether the word before is one letter
    for word in words:
        letter = len(word) == 1 and word in _LETTERS
        if letter and before:
            return True
        before = letter
    return False


def _split(lowered: str) -> list[str]:
    """`_WORD.findall(lowered)`: the text split on white space in C (the u19 round: 1.9 -> 0.7 µs a long sentence), and
    only a piece that is not ASCII letters and digits alone ("i'm", "status?") searched: the pattern's words hold no
    white space, so each piece's are the text's, in order.  Most sentences have no such piece."""
    pieces = lowered.split()
    ascii = lowered.isascii()
    if ascii and all(piece.isalnum() for piece in pieces):
        return pieces
    words: list[str] = []
    for piece in pieces:
        if piece.isalnum() and (ascii or piece.isascii()):
            words.append(piece)
        else:
            words.extend(_WORD.findall(piece))
    return words


def _digit_first(words: list[str]) -> bool:
    """Whether a word starts with a digit (each digit of the words is one of the text's 0-9)."""
    return any(word[0].isdigit() for word in words)


def _reworded(words: list[str], language: str) -> list[str]:
    """`words` with a noun's ending joined, an illness's pieces joined, numbers and forms joined: each step only where
    the words have what it changes (`_REWORDED`)."""
    if not _SUFFIX_SPLITS.isdisjoint(words):
        words = _suffixes(words, language)
    words = _unsplit_conditions(words, language)
    if not _NUMBER_WORDS.isdisjoint(words) or _digit_first(words):
        words = _forms(_numbers(words, language))
    return words


def _words(text: str, language: str) -> list[str]:
    """The words of `text` spelled out, split words joined, numbers, forms, letters and compounds joined.

    Each step runs only on a sentence that has what it changes, found by a test in C (a set's `isdisjoint`, a
    native loop) where one does: no contraction nor apostrophe, no word of `_REWORDED` nor word starting with a digit,
    no two one-letter words in a row."""
    lowered = plain(text)
    if "[" in lowered:
        lowered = _PLACEHOLDER.sub(r"redacted\1", lowered)
    words = _split(lowered)
    if "'" in lowered or not _CONTRACTED.isdisjoint(words):
        words = _spell_out(words)
    if not _REWORDED.get(language, _REWORDED["en"]).isdisjoint(words) or _digit_first(words):
        words = _reworded(words, language)
    if _letters_said(words):
        words = _spelled(words, language)  # letters said one by one, two or more in a row
    return _compounds(words, language)


def fold(word: str, language: str) -> str:
    """One word as the model compares it: synonyms folded, then plurals.  Kept per word (words recur, sentences do
    not), in a plain dict a language: compiled, a call here is native, where an lru cache's wrapper made every look-up
    a generic call with a tuple for its key."""
    folded = _FOLDED.get(language)
    if folded is None:
        folded = _FOLDED[language] = {}
    known = folded.get(word)
    if known is None:
        if len(folded) >= _FOLDED_MOST:
            folded.clear()  # bounded: the words are folded afresh
        known = folded[word] = _fold(word, language)
    return known


_FOLDED: Final[dict[str, dict[str, str]]] = {}
"""Language -> word -> the word folded (`fold`), at most `_FOLDED_MOST` a language."""
_FOLDED_MOST: Final = 16384


def _fold(word: str, language: str) -> str:
    kept = UNSTEMMED.get(language, UNSTEMMED["en"]).get(word)
    if kept is not None:
        return kept
    return stem(SYNONYMS.get(language, SYNONYMS["en"]).get(word, word), language)


def tokens(text: str, language: str, places: bool = True) -> tuple[str, ...]:
    """All words of `text`, normalised (numbers, forms, countries, synonyms, stems), stop words included."""
    return tuple(word for word, _, _ in marked(text, language, places))


def _place_starts(language: str) -> dict[str, frozenset[str] | None]:
    """The first words of `_place_names` as `_starts_a_name` reads them: a sentence with none of them (a name's one
    word, or its first two in a row) names no place.  Kept in a plain dict a language, as `_place_names`."""
    starts = _PLACE_STARTS.get(language)
    if starts is None:
        starts = _PLACE_STARTS[language] = _firsts(
            [name for names in _place_names(language).values() for name in names])
    return starts


_PLACE_STARTS: Final[dict[str, dict[str, frozenset[str] | None]]] = {}


def _by_first_word(names: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the names starting with it (as word tuples), longest first; one pass over the names."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name.split())
        groups.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in groups.items()}


def _place_names(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the country names (and cities abroad) starting with it (as word tuples), longest first.  Made at
    the first sentence read, not at import (~5 ms: `create_app` reads none), and kept in a plain dict a language:
    compiled, reading it is a native call and a look-up, where `functools.cache`'s wrapper made a generic call."""
    places = _PLACE_NAMES.get(language)
    if places is None:
        names = territories.NAMES.get(language, territories.NAMES["en"])
        cities = territories.CITIES.get(language, territories.CITIES["en"])
        places = _PLACE_NAMES[language] = _by_first_word((*names, *cities, *WORLD_CITIES))
    return places


_PLACE_NAMES: Final[dict[str, dict[str, tuple[tuple[str, ...], ...]]]] = {}


_SPLIT_PLACES: Final = {
    language: {"".join(words): words for words in
               (tuple(name.split()) for name in (*names, *territories.CITIES[language])) if len("".join(words)) >= 5}
    for language, names in territories.NAMES.items()
}
"""A place's name with its spaces removed -> its words: "hondu ras", "el salva dor" are the recogniser's splits (not
the world's cities: among so many names, two pieces of ordinary words would spell one)."""
_SPLIT_MENU_PLACES: Final = {
    language: {**split, **{"".join(words): words for words in
                           (tuple(name.split()) for name in (*territories.CITIES["en"], *territories.CITIES["es"]))
                           if len("".join(words)) >= 5}}
    for language, split in _SPLIT_PLACES.items()
}
"""`_SPLIT_PLACES` at a menu that asks which country, with both languages' cities: "mum bai" said to the Spanish
recogniser is Mumbai, as `_country_menu_places` reads "Nairobi" in either language (the s3 round)."""
_PLACE_CUES: Final = {"en": frozenset({"in", "inside"}), "es": frozenset({"desde", "en"})}
"""Words after which a country name says where the caller is ("I live in Japan", "vivo en Perú")."""
_MESSAGING: Final = frozenset({
    "whatsapp", "guasap", "signal", "telegram", "messenger", "skype", "viber", "facetime", "imo", "wechat", "line",
})
"""Messaging apps one calls over (`lexicon.COMPOUNDS` joins "whats app"): a call, as "calling" is, before "from"."""
_CALLING_FROM: Final = {
    "en": (frozenset({"from"}), frozenset({"calling", "call", "called", "phoning", "dialing", "hello", "hi", "hey",
                                          "greetings", "way", *_MESSAGING})),
    "es": (frozenset({"de"}),
           frozenset({"llamo", "llamando", "llamada", "hablo", "hablando", "marco", "marcando", *_MESSAGING})),
}
"""A weaker cue, and the words before it: "calling from Japan", "hello from Japan", "all the way from Japan",
"on WhatsApp from Morocco" (`_MESSAGING`), but not "my parents from India"."""
_CUE_GAP: Final = 3
"""How many words before a cue are read: the call before the weaker one ("calling long distance from Kenya"),
a going or an event before "in" / "en" (`_GOING`)."""
_ARTICLES: Final = frozenset({"the", "el", "la", "los", "las"})
_NOT_PLACE: Final = frozenset({"new", "nuevo"})  # New Mexico, Nuevo México: a state of the union
_BORN: Final = frozenset({"born", "naci", "nacio", "nacido", "nacida", "naciste", "nacimos", "nacieron"})
"""Words before a cue that make the country a birthplace, not where the caller is."""
_GOING: Final = frozenset({
    "go", "goes", "going", "fly", "flying", "surgery", "operation", "wedding", "funeral", "ir", "voy", "vamos",
    "viajar", "visitar", "cirugia", "operacion", "boda", "entierro",
})
"""Words up to three before "in" / "en" that make the country where one is going or an event's place ("surgery in
Mexico next month", "going to a wedding in Peru", "quiero viajar en diciembre a México"), not where the caller is;
being on a trip or a visit there is ("visiting my family in Lima", "de viaje en España")."""

_OTHERS: Final = {
    "en": frozenset({
        "mom", "mother", "mama", "dad", "father", "papa", "parents", "wife", "husband", "son", "daughter", "brother",
        "sister", "grandma", "grandmother", "grandpa", "grandfather", "grandparents", "family", "aunt", "uncle",
        "cousin", "kids", "children", "fiance", "fiancee", "spouse", "boyfriend", "girlfriend", "relatives", "he",
        "she", "they",
    }),
    "es": frozenset({
        "mama", "madre", "papa", "padre", "padres", "esposa", "esposo", "hijo", "hija", "hijos", "hermano",
        "hermana", "abuela", "abuelo", "abuelos", "familia", "tia", "tio", "primo", "prima", "novio", "novia",
        "ella", "ellos",
    }),
}
_OTHERS_ARE: Final = frozenset({
    "moms", "mothers", "dads", "fathers", "wifes", "husbands", "sons", "daughters", "brothers", "sisters", "grandmas",
    "grandpas", "familys", "hes", "shes", "theyre",
})
"""The recogniser's "mom's", "he's" (its apostrophe dropped): someone else and "is" in one word."""
_STILL_IN: Final = frozenset({"in", "still", "back", "living", "staying", "over", "at", "now"})
"""After "mom's", what makes it "mom is" ("my mom's in hospice", "my dad's still in"), not "mom's" of a thing ("my
husband's company in Dubai")."""
_BEING: Final = {
    "en": frozenset({"is", "are", "was", "lives", "live", "living", "stays", "staying", "still"}),
    "es": frozenset({"esta", "estan", "vive", "viven", "sigue", "siguen", "quedo", "anda"}),
}
_SELF: Final = frozenset({"i", "we", "me", "us", "i'm", "yo", "estoy", "vivo", "nosotros", "estamos", "vivimos"})
"""Someone else said where they are ("my mom's in hospice back in El Salvador", "mi mamá está en Honduras"): the
country is theirs, not the caller's, unless the caller is said between ("my mom and i are in Peru")."""
_OTHERS_GAP: Final = 6
_STRANDED: Final = frozenset({
    "stuck", "stranded", "trapped", "return", "atrapado", "atrapada", "varado", "varada", "regresar", "volver",
})
_BACK: Final = frozenset({("come", "back"), ("get", "back"), ("coming", "back"), ("getting", "back")})
"""Someone else stuck or stranded abroad ("my mom is in Guatemala and she can't come back") is what the call is about:
their country stays `COUNTRY` (the examples send it to the calls from abroad)."""


def _stranded(words: list[str]) -> bool:
    """Whether someone is said to be stuck abroad (`_STRANDED`, `_BACK`)."""
    return not _STRANDED.isdisjoint(words) or any(pair in _BACK for pair in zip(words, words[1:]))


def _someone_else(before: list[str], language: str) -> bool:
    """Whether the words before "in" / "en" say someone other than the caller is there (`_OTHERS`)."""
    others, being = _OTHERS.get(language, _OTHERS["en"]), _BEING.get(language, _BEING["en"])
    for back in range(len(before) - 1, -1, -1):
        word = before[back]
        if word in _SELF:
            return False
        following = before[back + 1] if back + 1 < len(before) else "in"
        if word in _OTHERS_ARE and following in _STILL_IN or word in others and following in being:
            return True
    return False


def _places(words: list[str], language: str) -> list[str]:
    """Country names said as where one is become `COUNTRY`: "in the Dominican Republic" -> "in @country".

    A country where someone else is (`_someone_else`: "my mom's in hospice back in El Salvador") is left out: it
    says nothing of where the caller is, nor of what they ask.

    Only after a cue ("in", "calling from", "desde", "en", "llamo de": articles and one city
    skipped; up to `_CUE_GAP` words between the call and "from": "calling long distance
    from") or said alone, so "my Mexican passport", "my parents from India" and "soy de
    México" keep their words; never "New Mexico".
    """
    places = _place_names(language)
    words = _unsplit_places(words, language)
    if not _starts_a_name(words, _place_starts(language)):
        return words  # no place named ("the" starts "the gambia", "the machine" none): nothing to read a cue for
    cues = _PLACE_CUES.get(language, _PLACE_CUES["en"])
    weak, calling = _CALLING_FROM.get(language, _CALLING_FROM["en"])

    def cue(at: int) -> bool:
        if at < 0 or (at >= 1 and out[at - 1] in _BORN):  # "born in Honduras", "nací en Honduras": a birthplace
            return False
        before = out[max(0, at - _CUE_GAP):at]
        if out[at] in cues:  # "in Japan", unless one is going there or an event is held there ("surgery in Mexico")
            if not stranded and _someone_else(out[max(0, at - _OTHERS_GAP):at], language):
                theirs.append(at)
                return False
            return _GOING.isdisjoint(before)
        # "calling from Kenya", a few words between too ("calling long distance from Kenya", "calling you from")
        return out[at] in weak and not calling.isdisjoint(before)

    out: list[str] = []
    theirs: list[int] = []  # cues after which the country is someone else's (`_someone_else`)
    stranded = _stranded(words)
    i = 0
    while i < len(words):
        found = 0
        theirs.clear()
        if words[i] in places and not (i and words[i - 1] in _NOT_PLACE):
            back = len(out) - 1
            while back >= 0 and out[back] in _ARTICLES:
                back -= 1
            # after a cue, or a cue and a city ("from Toronto, Canada"), or said alone ("Japan")
            cued = cue(back) or cue(back - 1)
            found = next((len(n) for n in places[words[i]] if tuple(words[i:i + len(n)]) == n), 0)
            if found and not cued and theirs:  # "my dad's in the hospital back in Guatemala": no word of the caller's
                i += found
                continue
            if not (cued or (i == 0 and found == len(words))):
                found = 0
        if found:
            out.append(territories.COUNTRY)
            i += found
        else:
            out.append(words[i])
            i += 1
    return out


def _countries_named(words: list[str], language: str) -> list[str]:
    """At a menu that asks which country, each place abroad said becomes its country's name as one word
    (`place_countries.country_said`): "calling from new delhi" -> "calling from india", "viviendo en monterrey" ->
    "viviendo en mexico", "manila philippines" -> "philippines philippines".  Never "New Mexico"."""
    words = _unsplit_places(words, language, menu=True)
    places = _country_menu_places(language)
    if places.keys().isdisjoint(words):
        return words
    from ivr.core.place_countries import country_said  # its table is read at a country menu only, not at start-up

    out: list[str] = []
    i = 0
    while i < len(words):
        country = None
        if words[i] in places and not (i and words[i - 1] in _NOT_PLACE):
            for name in places[words[i]]:
                if tuple(words[i:i + len(name)]) == name:
                    country = country_said(" ".join(name), language)
                    if country is not None:
                        out.append(country)
                        i += len(name)
                        break
        if country is None:
            out.append(words[i])
            i += 1
    return out


@functools.cache
def _country_menu_places(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """`_place_names` with both languages' big cities: a Spanish speaker says "Nairobi" as an English one does; and
    the first-level divisions callers name (`place_countries.DIVISIONS`: "un rancho cerca de zacatecas")."""
    from ivr.core.place_countries import DIVISIONS  # read at a country menu only, not at start-up

    names = territories.NAMES.get(language, territories.NAMES["en"])
    return _by_first_word((*names, *territories.CITIES["en"], *territories.CITIES["es"], *WORLD_CITIES, *DIVISIONS))


def _unsplit_places(words: list[str], language: str, menu: bool = False) -> list[str]:
    """A place's name the recogniser split is joined: "en hondu ras" -> "en honduras", "el salva dor" -> "el salvador".

    Two or three pieces of at least two letters each, which together spell a place's name
    of at least five letters ("in dia" is India; "to go" is not Togo), unless already its words.  At a menu that asks
    which country (`menu`), both languages' cities too (`_SPLIT_MENU_PLACES`).
    """
    tables = _SPLIT_MENU_PLACES if menu else _SPLIT_PLACES
    split = tables.get(language, tables["en"])
    heads, joins = _split_place_starts(language, menu)
    if not _joins_after_head(words, heads, joins):
        return words  # no two words that spell a name or start one ("my", "the", "in" start names, alone)
    # As `_rejoined(words, place)` with three pieces tried before two, where `place` gives the name the pieces spell
    # (each of two letters or more) unless they are its words already; a run is tried only from a word that can start
    # a name (`heads`), and three pieces only when the first two can (a name's start leaving two letters or more).
    out: list[str] = []
    i, count = 0, len(words)
    while i < count:
        first = words[i]
        if first in heads and i + 1 < count and len(words[i + 1]) >= 2:
            second = words[i + 1]
            pair = first + second
            if i + 2 < count and pair in heads and len(words[i + 2]) >= 2:
                third = words[i + 2]
                name = split.get(pair + third)
                if name is not None and (first, second, third) != name:
                    out.extend(name)
                    i += 3
                    continue
            name = split.get(pair)
            if name is not None and (first, second) != name:
                out.extend(name)
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _joins_after_head(words: list[str], heads: frozenset[str], joins: frozenset[str]) -> bool:
    """Whether a word of `heads` and the word after it spell one of `joins` together: what any join of
    `_unsplit_places` needs.  Only a pair that starts with a head is put together (most pairs do not: a new string
    each and its hash were most of a sentence's place reading)."""
    for at in range(len(words) - 1):
        if words[at] in heads and words[at] + words[at + 1] in joins:
            return True
    return False


def _split_place_starts(language: str, menu: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """For `_unsplit_places`: the first pieces a split place's name can start with (each name of `_SPLIT_PLACES` cut
    after two letters or more, leaving two or more), and what two words of a split name spell joined (a name, or such
    a start that a third piece ends).  Made at the first sentence read, not at import (a few milliseconds), and kept
    in a plain dict a language, as `_place_names`."""
    made = _SPLIT_MENU_STARTS if menu else _SPLIT_STARTS
    starts = made.get(language)
    if starts is None:
        tables = _SPLIT_MENU_PLACES if menu else _SPLIT_PLACES
        names = tables.get(language, tables["en"])
        heads = frozenset(name[:end] for name in names for end in range(2, len(name) - 1))
        starts = made[language] = (heads, heads.union(names))
    return starts


_SPLIT_STARTS: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {}
_SPLIT_MENU_STARTS: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {}


@per_sentence(16384)
def marked(text: str, language: str, places: bool = True) -> tuple[tuple[str, bool, str], ...]:
    """Every word of `text`: (folded, whether it is a stop word, as said), for the model to join split words.

    With `places`, a country said as where one is becomes `COUNTRY`; without, it keeps its
    name (for a menu that asks which country: `is_place`; `country_marked` reads its cities too).
    """
    words = _words(text, language)
    said = _places(words, language) if places else words
    known = _MARKED.get(language)
    if known is None:
        known = _MARKED[language] = {}
    marks: list[tuple[str, bool, str]] = []
    for word in said:  # each word's marks as marked before, a native dict look-up a word when compiled
        mark = known.get(word)
        if mark is None:
            if len(known) >= _MARKED_MOST:
                known.clear()  # bounded: the words are marked afresh
            mark = known[word] = _marks(word, language)
        marks.append(mark)
    return tuple(marks)


def country_marked(text: str, language: str) -> tuple[tuple[str, bool, str], ...]:
    """`marked` at a menu that asks which country: a place abroad said becomes its country's name, one word
    (`_countries_named`: "calling from new delhi" -> "calling from india").  Not `marked(..., places=False)`, whose
    word tables (`ivr.core.concepts`) keep a city's name."""
    return tuple(_marks(word, language) for word in _countries_named(_words(text, language), language))


_MARKED: dict[str, dict[str, tuple[str, bool, str]]] = {}
"""Language -> word -> its marks (`_marks`), kept per word (never per sentence), at most `_MARKED_MOST` a language."""
_MARKED_MOST = 16384


def _marks(word: str, language: str) -> tuple[str, bool, str]:
    """One word as `marked` gives it: (folded, whether it is a stop word or a year, as said)."""
    stop = word in STOP_WORDS.get(language, STOP_WORDS["en"]) or is_year(word)
    return word if word == territories.COUNTRY else fold(word, language), stop, word


def is_year(word: str) -> bool:
    """A year ("twenty nineteen", "dos mil doce" -> "2019", "2012"): when something happened, which carries no topic,
    as "today" does not (a stop word; `ivr.core.concepts` does not read it as a number of months)."""
    return len(word) == 4 and word[:2] in ("19", "20") and word.isdigit()


def content(text: str, language: str, places: bool = True) -> tuple[str, ...]:
    """The words of `text` that can carry a topic: `tokens` without stop words."""
    return tuple(word for word, stop, _ in marked(text, language, places) if not stop)


@functools.lru_cache(maxsize=4096)
def is_place(phrase: str, language: str) -> bool:
    """Whether `phrase` is only a country's name ("Kenya"): a phrase of a menu that asks which country."""
    words = _words(phrase, language)
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return bool(words) and words[0] in _place_names(language) and _places(words, language) == [
        territories.COUNTRY
    ]
