"""The settled utterances' classifier: what every utterance whose route is settled teaches, and when it overrules.

The keyword matcher (`ivr.core.understanding`) and its examples' classifier (`ivr.core.bayes`)
learn from the phrases and the flow's training examples only.  This module learns from every
utterance of a state whose route is settled: the training examples and the flow's settled
utterances (`settled:` in the flow, `flows/uscis_contact_center/settled.yaml`: the test corpus's
main-menu utterances, asks left out).  It is deliberately plain: a multinomial naive Bayes over
the lower-cased words of two letters or more (`\\b\\w\\w+\\b`) and each pair of neighbouring words,
with class priors from the counts and additive smoothing `ALPHA` - scikit-learn's
`MultinomialNB(alpha=0.1)` over `CountVectorizer(ngram_range=(1, 2))`, which the time-ordered study
of the blind holdouts v10-v34 measured at 940/998 alone and 941/998 as an override
(docs/understanding-log.md).

`decide` is the policy: the classifier's top choice replaces the matcher's outcome only when its
probability (times the recogniser's confidence factor) is at least `SURE`, the matcher did not ask,
and neither choice is a global the keywords handle in every state (`KEYWORD_GLOBALS`: few-shot
here, 11-21 utterances each, so the classifier would send "I want to speak to a supervisor" to a
representative).  Learning is counting, done once when the models are compiled; `posterior`
costs a dictionary look-up per word and pair said.  Pure computation; no I/O.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from ivr.core.bayes import ranked, sparse_rows
from ivr.rules import scrub
from ivr.rules.scrub import scrub_speech

ALPHA = 0.1
"""Additive smoothing (the study's; 0.03 and 0.3 measured the same within 3 of 998)."""
SURE = 0.95
"""The probability from which the classifier overrules the matcher (the study: 0.8-0.99 within 3 of 998)."""
MARGIN = 1e-4
"""... and gives the matcher's outcome less than this: the odds against what the matcher chose are 10,000 to 1 or
more.  Fit on the corpus, whose utterances it learnt, it sent nine utterances elsewhere from 0.95 that it gave the
matcher's right outcome 0.00014-0.037 for; on the spent holdouts v10-v34 the margin kept 942/998 right (941 without)
and 46 wrong routes (48 without)."""
NONE = "none"
"""The class of out-of-scope utterances: sure of it, the classifier stops a route."""
KEYWORD_GLOBALS = frozenset({"supervisor", "previous", "repeat", "no_receipt_number"})
"""Globals the keywords handle in every state: the classifier neither routes to them nor away from them."""
DENSE_FROM = 3
"""A feature that at least this many classes had is added column-wise (`Settled.dense`), the rest one by one."""
STARTS = 64
"""The counts of known features whose starting totals each classifier keeps (`Settled.starts`, `bayes.Bayes.starts`):
a sentence's classes' starting totals are then one copy, not a multiplication and an addition per class (~13k
instructions of `_totals`, callgrind).  Bounded: a sentence of more known features works them out."""
_DIGITS_AT = tuple("0123456789@")
"""Each found in text by `in` (a scan of the text in C): eleven of them cost less than a regular expression's search for
a character of `[0-9@]`, which spends more starting than scanning."""
_SCRUBBED_FROM = frozenset({*scrub.DIGIT_WORDS, *scrub.MONTHS, "at", "arroba", "name", "llamo", "nombre"})
"""What `ivr.rules.scrub` replaces starts with a digit, an @ or one of these words (its own lists; a test holds the two
together)."""
_DIGIT_WORDS = frozenset(scrub.DIGIT_WORDS)
"""A number said is `scrub.LONG_NUMBER` of them in a row (`scrub._long_numbers`)."""
_SPOKEN_AT = frozenset({"at", "arroba"})
_SPOKEN_DOT = frozenset({"dot", "punto"})
"""An email spelled out says both, each as a word of its own (`scrub._SPOKEN_EMAIL`)."""
_NAME_SAID = (("name", "my"), ("llamo", "me"), ("nombre", "mi"))
"""A name introduced as "my name is / my name's", "me llamo", "mi nombre es" (`scrub._NAME_INTRO`): the word named
and the one before it."""
_UNREAD = re.compile(r"[^\x00-\x7fáéíóúüñÁÉÍÓÚÜÑ¿¡]")
"""A character beyond ASCII and Spanish's own.  Without one, what `scrub`'s case-blind patterns match of these words is
their lower-cased word (no dotless i, long s or Kelvin sign) and its digits are 0-9: `_scrubbed_words` can judge by
the words; with one, any of `_SCRUBBED_FROM` is taken to be scrubbed."""
_NAMED = re.compile(r"\b(?i:this is|i am|i'm|soy)\s+[A-ZÁÉÍÓÚÑ]")
"""... or is a capitalised name after "I am" (`scrub._NAME_INTRO`)."""
_CAPITAL_NEXT = re.compile(r"\s[A-ZÁÉÍÓÚÑ]")
"""A white space then a capital: `_NAMED` ends with one (its `\\s+` then a capital), so text without one holds no name
introduced; one scan for a character class in C, where `_NAMED`'s case-blind phrases are tried at each word."""
_NAMED_AFTER = frozenset({"is", "am", "soy"})
"""The words after which `_NAMED` looks for a name ("this is", "i am", "soy"; "i'm" holds an apostrophe): in ASCII
text without one of them or an apostrophe it cannot match, and its search is the dearest part of `may_scrub`."""
_SCRUBBED: Final = 1
_MONTH: Final = 2
_BEFORE_NAME: Final = 4
_WEIGHED = {**dict.fromkeys(_SCRUBBED_FROM, _SCRUBBED), **dict.fromkeys(scrub.MONTHS, _SCRUBBED | _MONTH),
            **dict.fromkeys(_NAMED_AFTER, _BEFORE_NAME)}
"""What each word `may_scrub` weighs may mean: one of `_SCRUBBED_FROM`, a month (a date spelled starts with one:
`scrub._SPELLED_DATE`), a word before a name (`_NAMED_AFTER`); read off a sentence's words in one pass of dict
look-ups, which cost a third of what a `frozenset.isdisjoint` each cost."""
_TOKEN = re.compile(r"\w\w+")
"""`\\b\\w\\w+\\b` without its boundaries, which cannot fail: a run of word characters found from its start is
taken whole (a test holds the two to the same words)."""


def _tokens(lowered: str) -> list[str]:
    """`_TOKEN.findall(lowered)`: in text of letters and digits between white space only (most sentences, in either
    language), its words of two letters or more, split in C (the u19 round: 2.5 -> 1.3 µs a long sentence).  `\\w`
    is what `str.isalnum` takes (and "_"), and white space is neither, so the runs of word characters are the words
    `split` gives."""
    words = lowered.split()
    if all(word.isalnum() for word in words):  # each word tested natively, not a copy without the spaces
        return [word for word in words if len(word) > 1]
    return _TOKEN.findall(lowered)


def may_scrub(text: str, words: list[str] | None = None) -> bool:
    """Whether `scrub_speech` could change `text` (a digit, an @, a month, an email spelled out, a number said, a name
    introduced): without one it leaves it as it is, and scrubbing costs 15-50 µs an utterance.  `words`: its
    lower-cased words, when they are already read."""
    if words is None:
        words = _TOKEN.findall(text.lower())
    if any(digit in text for digit in _DIGITS_AT):
        return True
    weighed, weights = 0, _WEIGHED  # a local: a module's dict is looked up by name at each use
    for word in words:
        weighed |= weights.get(word, 0)
    if weighed & _MONTH or weighed & _SCRUBBED and (
            not text.isascii() and _UNREAD.search(text) is not None or _scrubbed_words(words)):
        return True
    if not weighed & _BEFORE_NAME and "'" not in text and text.isascii():
        return False  # `_NAMED` needs one of them, and its case-blind match is `str.lower`'s in ASCII
    # ... and a capital after a space: text that lower-casing leaves as it is holds no capital
    return text != text.lower() and _CAPITAL_NEXT.search(text) is not None and _NAMED.search(text) is not None


def _scrubbed_words(words: list[str]) -> bool:
    """Whether `words` (of text without a digit, an @, a month or a character `_UNREAD` finds) hold what
    `scrub_speech` would replace before a name introduced after "I am": an email spelled out ("at" ... "dot"),
    `scrub.LONG_NUMBER` digit words or more (a number said: only a run that long is one), or a name introduced by
    its word and the one before ("my name").  "At" the office, "one" of them, a "name" on a card are left as they are:
    of the 11,688 held sentences, "any of `_SCRUBBED_FROM`" sent 2,346 to the scrub, which changed 30; these tests
    and the rest of `may_scrub` send 398."""
    if not _SPOKEN_AT.isdisjoint(words) and not _SPOKEN_DOT.isdisjoint(words):
        return True
    if not _DIGIT_WORDS.isdisjoint(words) and \
            len([word for word in words if word in _DIGIT_WORDS]) >= scrub.LONG_NUMBER:
        return True
    return any(named in words and before in words for named, before in _NAME_SAID)


def features(text: str) -> list[str]:
    """The words of two letters or more, lower-cased, and each pair of neighbouring words, as counted, of `text` as
    it is stored (`ivr.rules.scrub`: a long number, a date, an email or a name introduced is one bracketed word).

    A menu acts on phrases, not on a receipt or a birth date said digit by digit, and the stored call must replay
    as it went: learnt from the corpus, "mi número es dos cero dos cinco ..." was case status, "[number]" nothing."""
    words = _tokens(text.lower())
    if may_scrub(text, words):
        words = _TOKEN.findall(scrub_speech(text).lower())
    return [*words, *[f"{first} {second}" for first, second in zip(words, words[1:])]]  # two words as one ("lost my")


@dataclass(frozen=True)
class Settled:
    """A multinomial naive Bayes, stored sparsely and flat: a feature's row holds only the classes that had it, as
    log((count + alpha) / alpha); `unseen` is log P(a known feature | class) for a class that never had it,
    alpha / (the class's feature count + alpha * vocabulary), and `prior` log P(class) from the counts.

    Feature `f`'s row is `rows[f]`; its entries run from `bounds[row]` to `bounds[row + 1]` in `classes` (a class
    index each) and `values`.  Flat, the classifier unpickles in a few milliseconds (the flow cache keeps it)."""

    labels: tuple[str, ...]
    prior: tuple[float, ...]
    unseen: tuple[float, ...] = field(repr=False)
    rows: dict[str, int] = field(repr=False)
    bounds: array[int] = field(repr=False)  # array("I")
    classes: bytes = field(repr=False)
    values: array[float] = field(repr=False)  # array("d")
    # The rows of the features many classes had ("my", "to the"), each as one value per class, added column-wise in
    # C (`posterior`): derived, never pickled.
    dense: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)
    # Each class's starting total for a sentence of `known` known features, prior + known * unseen, kept for the
    # first `STARTS` counts as they are first needed (`_totals`): derived, never pickled.
    starts: list[tuple[float, ...] | None] = field(init=False, repr=False, compare=False)
    # The other rows, each as its (class, value) pairs: read with no look-up into the flat arrays, whose items come
    # back as new objects one by one (`_totals`): derived, never pickled.
    sparse: dict[str, tuple[tuple[int, float], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", [None] * STARTS)
        width, bounds, classes, values = len(self.labels), self.bounds, self.classes, self.values
        dense = {}
        sparse = {}
        for feature, row in self.rows.items():
            start, end = bounds[row], bounds[row + 1]
            if end - start >= DENSE_FROM:
                spread = [0.0] * width
                for at in range(start, end):
                    spread[classes[at]] = values[at]
                dense[feature] = tuple(spread)
            else:
                sparse[feature] = tuple((classes[at], values[at]) for at in range(start, end))
        object.__setattr__(self, "dense", dense)
        object.__setattr__(self, "sparse", sparse)

    @classmethod
    def learn(cls, examples: Iterable[tuple[str, str]], alpha: float = ALPHA) -> Settled | None:
        """Learn from `(label, utterance)` pairs, every occurrence of a feature counted; None without two labels."""
        counts: dict[str, dict[str, int]] = {}
        utterances: dict[str, int] = {}
        for label, text in examples:
            said = features(text)
            if not said:
                continue
            bucket = counts.setdefault(label, {})
            utterances[label] = utterances.get(label, 0) + 1
            for feature in said:
                bucket[feature] = bucket.get(feature, 0) + 1
        if len(counts) < 2 or len(counts) > 255:
            return None
        labels = tuple(counts)
        by_feature, unseen = sparse_rows(labels, counts, alpha)
        whole = sum(utterances.values())
        prior = tuple(math.log(utterances[label] / whole) for label in labels)
        bounds, classes, values = array("I", [0]), bytearray(), array("d")
        for entries in by_feature.values():
            for index, value in entries:
                classes.append(index)
                values.append(value)
            bounds.append(len(values))
        rows = {feature: row for row, feature in enumerate(by_feature)}
        return cls(labels, prior, unseen, rows, bounds, bytes(classes), values)

    def posterior(self, text: str) -> tuple[tuple[str, float], ...]:
        """P(class | the words and pairs said) for every class, best first; the priors alone when none is known."""
        return ranked(self.labels, self._totals(text))

    def posterior_if_sure(
        self, text: str, factor: float, was: str | None = None, sure: float = SURE
    ) -> tuple[tuple[str, float], ...]:
        """`posterior(text)` when `decide` could act on it, else (), without working out the probabilities and their
        order: when its best class cannot reach `sure` after the recogniser's confidence `factor`, or is `was` (what
        the matcher decided: its choice, or `NONE`), which `decide` leaves as it is.

        The best class's probability is 1 / (1 + the sum over the others of exp(their total - its total)), so it
        reaches sure / factor only with a lead over the runner-up of at least log(1 / (factor / sure - 1)); a lead
        short of that by more than `_SLACK` (far more than the rounding of the sums) settles it.  The class with the
        largest total is the best one when the runner-up's total is below it by more than `_SLACK` (no tie)."""
        totals = self._totals(text)
        ordered = sorted(totals)  # the largest and the next (the largest again when two are equal), in C
        top, runner = ordered[-1], ordered[-2]
        if was is not None and runner < top - _SLACK and self.labels[totals.index(top)] == was:
            return ()
        room = factor / sure - 1.0
        if room > _SLACK and runner - top > math.log(room) + _SLACK:
            return ()
        return ranked(self.labels, totals)

    def _totals(self, text: str) -> list[float]:
        """Each class's log-probability for `text`, up to a constant (the classes' order).

        The sparse rows are added first, then the dense rows' columns in the order said: each class's total is
        summed in the same order as `sum` added the columns onto it before, to the last bit."""
        dense, sparse = self.dense, self.sparse
        # a known feature is in one of the two (`rows` holds them all): one or two look-ups a feature, not two or three
        columns: list[tuple[float, ...]] = []
        pairs: list[tuple[tuple[int, float], ...]] = []
        for feature in features(text):
            spread = dense.get(feature)
            if spread is not None:
                columns.append(spread)
            else:
                row = sparse.get(feature)
                if row is not None:
                    pairs.append(row)
        known = len(columns) + len(pairs)
        start = self.starts[known] if known < STARTS else None
        if start is None:
            start = tuple([prior + known * unseen for prior, unseen in zip(self.prior, self.unseen)])
            if known < STARTS:
                self.starts[known] = start
        totals = list(start)
        for row in pairs:
            for index, value in row:
                totals[index] = totals[index] + value  # natively: `+=` on a list's float is a generic call
        for index in range(len(totals) if columns else 0):  # class by class, each added in a local float
            total: float = totals[index]
            for spread in columns:
                total += spread[index]
            totals[index] = total
        return totals

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its flat fields: the dense rows are derived again on loading."""
        return (Settled, (self.labels, self.prior, self.unseen, self.rows, self.bounds, self.classes, self.values))


_SLACK = 1e-6
"""How far inside its bound `Settled.posterior_if_sure` must find a lead to skip the probabilities (a log-ratio)."""


def decide(
    ranked: tuple[tuple[str, float], ...], factor: float, outcome: str, choice: str | None, sure: float = SURE,
    margin: float = MARGIN,
) -> str | None:
    """What the classifier's `ranked` guesses make of the matcher's `outcome` (and routed `choice`): the choice to
    route to, `NONE` to stop the matcher's route, or None to leave the matcher's outcome as it is.

    It overrules only when sure (`sure`, after the recogniser's confidence `factor`) and when it gives what the
    matcher decided (its choice, or `NONE` for not understood) less than `margin`; never a question the matcher
    asks, never to or away from a global the keywords handle everywhere (`KEYWORD_GLOBALS`), and only when it
    would change something (not "out of scope" for what the matcher did not understand)."""
    if not ranked or outcome == "ask":
        return None
    best, probability = ranked[0]
    if probability * factor < sure or best in KEYWORD_GLOBALS or choice in KEYWORD_GLOBALS:
        return None
    was = choice if outcome == "route" else NONE
    if best == was or dict(ranked).get(was or NONE, 0.0) >= margin:
        return None
    return best
