"""Understanding a caller's own words: a scored classifier over the flow's training phrases.

Compiled once per waiting state and language at start-up (`Model.build`), never
per request.  A model knows its choices (menu option keys and global intents)
and their example utterances; `Model.understand(text, confidence)` returns an
`Understanding`: the best choice with a score in [0, 1], the runners-up, and
what to do about it:

* `route` — the best choice scores at least `ROUTE_AT` and no other is close;
* `ask` — two choices both score at least `ASK_AT` and lie within `CLOSE`
  of each other: the engine asks which one the caller meant;
* `not_understood` — nothing scores well enough: say so and offer the menu.

The score is a weighted keyword model (TF-IDF-like).  Every word gets an
inverse-document-frequency weight over the state's choices, so "appointment"
(biometrics, field office, ICE) weighs less than "fingerprints" (biometrics
only).  A choice's score multiplies two coverages: how much of what the caller
said that choice's vocabulary explains (words outside every choice count
against it, so "what's the weather" is not routed), and how much of its best
phrase was said.  Words the recogniser split are joined when the join is a
known word ("bio metrics"); a word the model does not know is compared with
the vocabulary by `rapidfuzz` (edit-distance ratio) and, when close, counts at
a discount.  Twilio's `Confidence` scales the score: a shaky transcript is
asked about or offered the menu rather than routed.

Pure computation; no I/O.  Normalisation lives in `ivr.core.wording`, its word tables in
`ivr.core.lexicon`, the names of countries in `ivr.core.territories`.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import islice
from operator import itemgetter
from dataclasses import dataclass, field, fields
from typing import Any, Final, Literal

from rapidfuzz import fuzz, process

from ivr.core.bayes import NONE as OUT_OF_SCOPE
from ivr.core.bayes import Bayes
from ivr.core.settled import KEYWORD_GLOBALS, Settled, decide
from ivr.core.appointment_moves import (
    appointment_had, asked_in_general, book_me, cancel_taken_back, cancelled, how_long_asked, move_declined, moved,
)
from ivr.core.split_words import joined
from ivr.core.menu_globals import (
    END, NO_RECEIPT, PREVIOUS, REPEAT, START, global_asked, receipt_refused, resent, taken_back, thing_again,
)
from ivr.core.not_ours import (
    appointment_abroad, language_line, no_one_wanted, program_opening, put_through_elsewhere, service_elsewhere,
    told_another_way,
)
from ivr.core.home_moves import home_moved
from ivr.core.concepts import (
    GENERAL_INFO,
    LOST_CARD,
    OTHER_PLACE,
    STATUS,
    about_ours,
    at_work,
    concepts,
    giving_up,
    hanging_up,
    names_someone,
    person_asked,
    person_available,
    put_through_to_someone,
    reading,
    someone_above_named,
)
from ivr.core.lexicon import ELSEWHERE, LACKING, SHADOWED
from ivr.core.territories import COUNTRY
from ivr.core.wording import content, country_marked, fold, is_place, tokens
from ivr.core.wording import marked as marked_words
from ivr.core.per_sentence import per_sentence

ROUTE_AT: Final = 0.5
"""The best choice's score from which a caller is routed (when no other is close)."""
ASK_AT: Final = 0.45
"""Two choices scoring at least this, and within `CLOSE`, make the engine ask."""
SURE_AT: Final = 0.9
"""A global intent this sure interrupts a collect state even when its validator would accept the words."""
ELSEWHERE_AT: Final = 0.8
"""In a submenu, a route its classifier alone chose is not understood when the main menu's keywords send the words
to another line at this or more ("me dice si ya me aprobaron el caso" at the biometrics menu: the case status line at
0.88, cancelling by the examples, no word of its own scoring cancelling; the s5 round).  Not when this menu's
keywords scored the option too ("gane mi caso en la corte" at the field office's reasons: its own words)."""
INTERRUPT_AT: Final = 0.75
"""A global intent interrupts a collect state from this score when the validator rejects the words."""
CLOSE: Final = 0.15
"""How near the runner-up must be for the best choice to be in doubt."""
UNKNOWN_WEIGHT: Final = 1.0
"""The weight of a word no choice knows: what the caller said that nothing explains."""
UNKNOWN_WEIGHT_LEARNT: Final = 1.5
"""`UNKNOWN_WEIGHT` in a state with training examples, whose classifier weighs what the keywords leave undecided."""
ELSEWHERE_WEIGHT: Final = 12.0
"""The weight of a word no choice knows that names another business or errand (`lexicon.ELSEWHERE`)."""
FUZZY_CUTOFF: Final = 82.0
"""rapidfuzz ratio (0-100) from which an unknown word stands for a known one."""
FUZZY_DISCOUNT: Final = 0.7
"""A word matched fuzzily counts this much of an exact one."""
OTHER_PHRASES: Final = 0.7
"""How much a said word counts when the choice knows it from another of its phrases."""
ALTERNATIVES: Final = 3
LEARNT_AT: Final = 0.6
"""When the keywords leave an utterance not understood, the examples' classifier routes it from this probability."""
LEARNT_SETTLES: Final = 0.9
"""When the keywords ask between two choices, the examples' classifier picks one of them from this probability."""
LEARNT_OVERRULES: Final = 0.95
"""When the keywords route, the examples' classifier overrules them from this probability (to another choice,
or to not understood when it takes the words for out of scope)."""
LEARNT_OVERASKS: Final = 0.97
"""When the keywords ask between two choices, the examples' classifier routes to a third from this probability."""
WEAK_ROUTE: Final = 0.6
"""A keyword route scoring below this is weak: the examples' classifier may doubt it (`DOUBTED`)."""
DOUBTED: Final = 0.05
"""A weak keyword route to a choice the classifier gives less than this probability is treated as not understood,
so the classifier decides as it does there (from `LEARNT_AT`): "stop the call please" is no field office appointment.
Measured by 5-fold cross-validation (holdout v15's round): en +3 right, 3 fewer wrong routes, es unchanged."""
ELSEWHERE_CONCEPTS: Final = frozenset({"#errand", "#goods", "#wrong_line", OTHER_PLACE})
"""Concepts that name another business's errand or a wrong number (`ivr.core.concepts`): like a word of
`lexicon.ELSEWHERE`, the classifier decides nothing on a sentence naming one unless the examples taught the concept
for its choice ("the airline lost my suitcase", "me equivoqué de número").  Another place's own business (its hours,
a school's snow day or bus route: `concepts.OTHER_PLACE`) is taught for no choice, though an errand is."""
TAUGHT_ONLY: Final = frozenset({LOST_CARD, GENERAL_INFO, "#inquiry", "#premium"})
"""Concepts the classifier routes only to a choice whose examples taught them: a card lost or stolen with nothing said
of where (`concepts.LOST_CARD`) is not a call from abroad, though every lost card in the examples of that line was
lost abroad and their words are the same ("i lost my green card" is not "i lost my green card in mexico").  So is a
question of general information the main menu has no option for (`#general_info`: how to apply, a fee, which form,
where to send it, eligibility, an online account): a representative answers it from the forms-and-fees script, and
one shared word ("citizenship", "application", "status") does not send it to an option.  So is a service request named
(`#inquiry`: "a service request", "una solicitud de servicio"): its answer or progress asked is the service requests'
menu, not the case's status its words lean to ("me dieron un número de solicitud de servicio, ya hubo respuesta").
So is Premium Processing named or described (`#premium`, which a status asked drops: `concepts._KINDS`): the special
lines', whatever filing is said beside it ("we filed an o one, can we still add premium processing")."""
REMOVAL: Final = {
    "en": ("deportation", "deported", "deport", "ice", "detention", "removal", "court", "judge", "eoir",
           "anklemonitor"),
    "es": ("deportacion", "deportado", "deportar", "ice", "detencion", "corte", "juez", "grillete",
           "oficialdeportacion"),
}
"""Words of an ICE or immigration court matter (a deportation officer, a removal, a hearing): an errand said with one
is part of it ("the deportation officer told my dad to buy his own plane ticket home", "the judge says i pay the bond
by money order"), as a bank is part of a fee paid for one's own case (`concepts.about_ours`).  Words, not the `#ice`
concept, whose "picked up" is also the garbage's."""
OUR_CASES: Final = frozenset({"#green_card", "#work_permit", "#citizenship"})
"""Kinds of case only USCIS decides (`ivr.core.concepts`): a decision or status asked of one (`concepts.STATUS`) is not
another business's, whatever else is said, unless a word or concept of another business is ("i need to know if my
residency got approved before i buy tickets" is a case status; "did my loan get approved" is not)."""
PERSON_GLOBALS: Final = frozenset({"representative", "supervisor"})
"""The globals a caller asks for by naming a person (`concepts.person_asked`): such a request is routed whatever else
the sentence says, by the keywords, so neither classifier overrules it (issue 16: global intents "from anywhere")."""
PRINTS: Final = "#prints"
_FAREWELL: Final = "#farewell"
_IN_US, _ABROAD = "#in_us", "#abroad"
SUMMONS: Final = {"en": ("appointment", "appointments", "notice", "notices", "letter", "letters"),
           "es": ("cita", "citas", "aviso", "avisos", "carta", "cartas", "notificacion", "notificaciones")}
"""Words of a fingerprint appointment of ours (`PRINTS` with one: "my biometrics appointment", "the day on my
fingerprint notice", "la cita de las huellas").  A sentence naming one, or the caller ending the call (`#farewell`), or
a status asked of our kind of case (`OUR_CASES` with `STATUS`), is about it, and a word of another business said with
it is the caller's context ("i'm a city bus driver and my route changed so the day on my biometrics letter won't work",
"the pharmacist is calling me i'll call back bye", "se me venció la licencia de manejar, me la aceptan para la cita de
huellas", "the dmv won't renew my license till my tps extension is approved, did it get approved"): it does not hold
back the choice the examples or the keywords are sure of, even one the examples take for out of scope.  Fingerprints
alone are not enough: "does the bank take fingerprints for a loan" is another business's."""
_STATUS_OR_OURS: Final = STATUS | OUR_CASES
_DECIDED: Final = "#decided"
HURRY: Final = "#hurry"
"""A caller asking for speed ("can that be done faster", "rush it"): only with it is a status asked an expedite."""
NEED: Final = "#accommodation"
"""A need said (a wheelchair, a pacemaker, breaks, an interpreter: `concepts.CONCEPTS[...]["accommodation"]`): a weak
keyword route to where it arises ("the scanner at my biometrics appointment") gives way to the classifier when it takes
the sentence for the choice whose examples teach the need most (service requests, the accommodations)."""
WHERE_NEEDED: Final = ("#interview", "#office_place", "#prints")
"""The appointments where a need arises (`concepts._WHERE_NEEDED`, less a visit in person): the field office's interview,
the biometrics."""
AGENCIES: Final = frozenset({"#consulate", "#ice", "#court"})
"""Other agencies named (`concepts.CONCEPTS`: the State Department and its National Visa Center, ICE, the immigration
court; not the border, whose airport is also the traveller's: "se me perdió la maleta en el aeropuerto"): when the examples take the sentence for the line whose examples teach the agency named most (other
agencies), a word of another business said with it is the agency's business ("the national visa center keeps
rejecting my tax transcripts": the transcripts are the visa file's), and, with no status asked, that line settles a
question the keywords ask between it and another choice ("i have my green card now but ice sent me a letter to check
in": the card is context)."""
LINE_CONCEPTS: Final = frozenset({HURRY, "#border", "#office_place"})
"""Concepts that name a line (`Model._line_named`): a hurry asked (an expedite), the border and CBP's records (other
agencies), an office's place (the field office).  A route of the matcher to the line of one the sentence names stands
against the settled utterances' classifier, which reads only words."""
NOT_ARRIVED: Final = "#not_arrived"
"""Something that never came by mail (a card, a notice), named with no status asked (`STATUS`; `concepts.reading` drops
the decision beside it when a card or a notice is said): when the keywords route to or ask about the line whose
examples teach it most (among their first two), that line is routed; the examples' classifier does not take it to the
case's status for the approval's and the petition's words ("the approval notice went out in march and nothing ever
came in the mail": a notice not received, service requests).  Only with a negation said (`NEVER`): "track my case" names no thing missing."""
NEVER: Final = frozenset({"no", "not", "never", "nunca", "nada", "noth"})  # "nothing" as words are said
_ASKED_IF: Final = re.compile(r"\b(?:if|whether|si)\b", re.IGNORECASE)
"""A status asked as a question ("they wanna know if my green card was granted yet", "quieren saber si ya me
aprobaron"): with nothing else named, the status, whatever job or trip waits on it."""
NEGATIONS: Final = frozenset({"no", "not", "never", "nunca", "nada", "ni"})
"""Words that count for a choice only inside a phrase of it ("never got my card"), not as its vocabulary."""
NEGATION_WEIGHT: Final = 1.5
"""The least weight of a negation: "no tengo número de recibo" is not "número de recibo"."""

Outcome = Literal["route", "ask", "not_understood"]


@dataclass(frozen=True)
class Understanding:
    """What one utterance was understood as."""

    outcome: Outcome
    choice: str | None  # the routed choice (outcome "route"), else None
    score: float  # the best choice's score, 0..1
    alternatives: tuple[tuple[str, float], ...]  # (choice, score), best first, scores > 0
    words: tuple[str, ...] = ()  # the normalised words the score was computed on
    by: str = "keywords"  # what decided: "keywords", "examples" (the classifier learnt from training examples),
    # or "settled" (the settled utterances' classifier, `ivr.core.settled`)
    learnt: tuple[tuple[str, float], ...] = ()  # the classifier's best guesses when it did not decide (for reports)

    def __init__(
        self, outcome: Outcome, choice: str | None, score: float, alternatives: tuple[tuple[str, float], ...],
        words: tuple[str, ...] = (), by: str = "keywords", learnt: tuple[tuple[str, float], ...] = (),
    ) -> None:
        # The dataclass's own `__init__` for these fields, written out: `dataclass` keeps an `__init__` the class
        # defines, and this one is compiled (native code when mypyc builds the module), where the generated one is
        # interpreted Python run for each of the three or four a sentence makes.
        object.__setattr__(self, "outcome", outcome)
        object.__setattr__(self, "choice", choice)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "alternatives", alternatives)
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "by", by)
        object.__setattr__(self, "learnt", learnt)

    @property
    def asked(self) -> tuple[str, ...]:
        """The two choices the caller is asked between (outcome "ask")."""
        return tuple(choice for choice, _ in self.alternatives[:2]) if self.outcome == "ask" else ()

    def to_data(self) -> dict[str, object]:
        """A plain-data summary for transcripts and trainer displays."""
        data: dict[str, object] = {"outcome": self.outcome, "score": round(self.score, 2)}
        if self.choice is not None:
            data["choice"] = self.choice
        data["alternatives"] = [[choice, round(score, 2)] for choice, score in self.alternatives]
        if self.by != "keywords":
            data["by"] = self.by
        return data


NOTHING: Final = Understanding("not_understood", None, 0.0, ())


def _understanding(
    outcome: Outcome, choice: str | None, score: float, alternatives: tuple[tuple[str, float], ...],
    words: tuple[str, ...], by: str = "keywords", learnt: tuple[tuple[str, float], ...] = (),
) -> Understanding:
    """`Understanding(...)`: what the scorers make (kept as one function, the one place that builds them)."""
    return Understanding(outcome, choice, score, alternatives, words, by, learnt)


def _told_elsewhere(understood: Understanding, there: Understanding) -> Understanding:
    """`understood` not understood in a submenu, as a question for another line (`by` "elsewhere"): the main menu's
    route `there` is kept in `learnt`, for the trainer's line."""
    return _understanding("not_understood", None, understood.score, understood.alternatives, understood.words,
                          "elsewhere", ((there.choice or "", there.score),))


def _as(understood: Understanding, outcome: Outcome, choice: str | None) -> Understanding:
    """`dataclasses.replace(understood, outcome=outcome, choice=choice)`, without its look-up of the fields."""
    return _understanding(outcome, choice, understood.score, understood.alternatives, understood.words, understood.by,
                          understood.learnt)


@dataclass(frozen=True)
class Model:
    """A compiled classifier over the choices of one state in one language.

    Phrases are held in an inverted index (word -> phrases holding it), so scoring
    touches only the phrases that share a word with what was said.
    """

    language: str
    names: tuple[str, ...]  # the choices, in the flow's order
    idf: dict[str, float]  # word -> weight over this state's choices
    phrase_choice: tuple[int, ...]  # phrase -> index into names
    phrase_weight: tuple[float, ...]  # phrase -> sum of its words' weights
    by_initial: dict[str, tuple[str, ...]] = field(repr=False)  # first letter -> words as written in phrases
    vocabulary: tuple[str, ...] = field(repr=False)  # the words as written in phrases
    written: dict[str, str] = field(repr=False)  # a word as written -> the known word it folds to
    places: bool = True  # whether a country said as where one is becomes `@country` (not in a country menu)
    bayes: Bayes | None = field(default=None, repr=False)  # learnt from the training examples (and the phrases), if any
    lacks: frozenset[str] = frozenset()  # choices every phrase of which says one lacks something (`lexicon.LACKING`)
    settled: Settled | None = field(default=None, repr=False)  # learnt from the examples and settled utterances
    # word -> (its weight, the phrases holding it, the choices with a phrase holding it or None for a negation, its
    # leaders): what `scores` adds for a word said, in one look-up (the inverted index).  Its leaders are, for each
    # choice with a phrase holding it, that choice's lightest such phrase (`_leaders`).
    entries: dict[str, tuple[float, tuple[int, ...], tuple[int, ...] | None, tuple[int, ...]]] = field(
        default_factory=dict, repr=False)
    # A submenu of a line of the main menu (`machine.line_models`): its own options, the main menu's model in this
    # language, and the main-menu options that are other lines.  A question the main menu surely sends to another line
    # is not routed to one of this menu's options (`understand`, by "elsewhere").
    own: frozenset[str] = frozenset()
    main: Model | None = field(default=None, repr=False)
    others: frozenset[str] = frozenset()
    # Its option that goes back to the main menu, if any: "take me back to the very beginning" (`menu_globals`).
    start: str | None = None
    # Its option that ends the call, if any: "ya quedó muchas gracias que le vaya bien" (`menu_globals`).
    end: str | None = None
    # Its option that plays a thing again (the status, the appointment, a number), if any: the repeat global's words
    # said of that thing are that option's ("can you read me the number one more time"; `menu_globals.thing_again`).
    again: str | None = None
    # Its option that goes back a menu where the previous global is not offered (its phrases hold "back"): "take me
    # to the one before" (`menu_globals`, the s4 round).
    back: str | None = None
    # Its option that cancels an appointment, if any: an appointment moved is not that option's ("se puede pasar la
    # cita para otro día"; `appointment_moves.moved`, the s4 round).
    cancel: str | None = None
    # Its option that reschedules an appointment, if any: an appointment moved, left undecided, is that option's.
    reschedule: str | None = None
    # Its options for a new appointment and one already had, if both: told apart by tense (`appointment_had`).
    booking: tuple[str, str] | None = None
    # Its option on how appointments go, beside `booking`: asked in general (`asked_in_general`), that option; said of
    # an appointment already had, not it (the s5 round).
    how: str | None = None
    # Its option for a change of address, if any ("change of address" is a phrase): a home moved in so many words
    # (`home_moves.home_moved`) is that option (the s13 round).
    address: str | None = None
    # A word said that the model does not know -> the known word it is close to, or None (`_close`): derived, never
    # pickled.
    close_words: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    # The choice whose examples teach a set of concepts most (`_taught_most`), kept as asked: derived, never pickled.
    most_taught: dict[frozenset[str], str | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    # At a menu of appointments (one with `cancel`, `reschedule`, `booking` or `how`), its own options but the one to
    # the main menu: none takes an appointment at a consulate or an embassy (`not_ours.appointment_abroad`; the s7
    # round: "hacen las citas para el consulado" was a new field office appointment, sure of it).  Derived.
    appointments: frozenset[str] = field(default_factory=frozenset, init=False, repr=False, compare=False)
    # The choices whose examples teach most the appointments where a need arises (`WHERE_NEEDED`).  Derived.
    need_appointments: frozenset[str] = field(default_factory=frozenset, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Worked out once here, not as `functools.cached_property`: compiled by mypyc, a model has no `__dict__` to
        # keep one in, and such a property was worked out again at every reading.  (The two fields take a
        # `default_factory`: the dataclass's `__init__` sets those, where a plain default stays a class attribute,
        # which a compiled instance does not fall back on.)
        if any((self.cancel, self.reschedule, self.how, self.booking)):
            object.__setattr__(self, "appointments", self.own - {self.start, self.end})
        if self.bayes is not None:
            object.__setattr__(self, "need_appointments", frozenset(
                filter(None, (self._taught_most(frozenset({where})) for where in WHERE_NEEDED))))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its fields, rebuilt by its constructor (the flow cache keeps compiled models): the same pickle
        loads as the pure Python class or as the one compiled by mypyc (`ivr.core.native`), whose frozen instances
        cannot be filled in field by field."""
        return (Model, tuple(getattr(self, field.name) for field in fields(self) if field.init))

    @classmethod
    def build(
        cls, choices: Iterable[tuple[str, Iterable[str]]], language: str, examples: Iterable[tuple[str, str]] = (),
        settled: Iterable[tuple[str, str]] = (),
    ) -> Model:
        """Compile `(choice, phrases)` pairs; a choice named twice pools its phrases.

        `examples` are `(choice or "none", utterance)` training examples: with them, a naive
        Bayes classifier (`ivr.core.bayes`) is learnt from the examples and the phrases, and
        decides what the keywords leave undecided.  Models are immutable, so states with the
        same choices (every question of a tier offers the same global intents) share one.  `settled` are more
        `(choice or "none", utterance)` pairs whose route is settled: with the examples they teach the settled
        utterances' classifier (`ivr.core.settled`), which overrules the outcome when it is sure.
        """
        return _build(tuple((name, tuple(texts)) for name, texts in choices), language, tuple(examples), tuple(settled))

    @classmethod
    def _compile(
        cls, choices: tuple[tuple[str, tuple[str, ...]], ...], language: str, examples: tuple[tuple[str, str], ...] = (),
        settled: tuple[tuple[str, str], ...] = (),
    ) -> Model:
        pooled: dict[str, list[tuple[str, ...]]] = {}
        pooled_texts: dict[str, list[str]] = {}
        for name, given in choices:
            pooled_texts.setdefault(name, []).extend(given)
        # A menu that names countries ("Kenya") tells them apart; elsewhere any country is `@country`.
        places = not any(is_place(text, language) for texts in pooled_texts.values() for text in texts)
        for name, texts in pooled_texts.items():
            bucket = pooled.setdefault(name, [])
            for text in texts:
                words = phrase_words(text, language, places)
                if words and words not in bucket:
                    bucket.append(words)
        names = tuple(name for name, bucket in pooled.items() if bucket)
        frequency: dict[str, int] = {}
        for name in names:
            for word in {w for phrase in pooled[name] for w in phrase}:
                frequency[word] = frequency.get(word, 0) + 1
        total = max(len(names), 1)
        idf = {word: math.log(1.0 + total / count) for word, count in frequency.items()}
        for word in NEGATIONS.intersection(idf):  # said and not in the phrase, a negation turns its meaning
            idf[word] = max(idf[word], NEGATION_WEIGHT)
        phrase_choice: list[int] = []
        phrase_weight: list[float] = []
        postings: dict[str, list[int]] = {}
        for index, name in enumerate(names):
            for phrase in pooled[name]:
                for word in phrase:
                    postings.setdefault(word, []).append(len(phrase_choice))
                phrase_choice.append(index)
                phrase_weight.append(sum(idf[word] for word in phrase))
        written = {
            said: word
            for name in names
            for text in pooled_texts[name]
            for word, stop, said in marked_words(text, language, places)
            if word in idf and not stop and len(said) >= 3
        }
        by_initial: dict[str, list[str]] = {}
        for form in sorted(written):
            by_initial.setdefault(form[0], []).append(form)
        others = frozenset() if places else _countries(language).difference(idf)
        taught = [
            (label, (*_other_countries(_example_words(text, language, places), others),
                     *concepts(text, language, places)))
            for label, text in examples
            if label in pooled or label == OUT_OF_SCOPE
        ]
        bayes = Bayes.learn([*_phrase_features(names, pooled_texts, language, places), *taught]) if taught else None
        lacking = _lacking(language)
        lacks = frozenset(name for name in names if all(lacking & set(phrase) for phrase in pooled[name]))
        entries = {
            word: (idf[word], tuple(phrases),
                   None if word in NEGATIONS else tuple(sorted({phrase_choice[i] for i in phrases})),
                   _leaders(phrases, phrase_choice, phrase_weight))
            for word, phrases in postings.items()
        }
        return cls(
            language,
            names,
            idf,
            tuple(phrase_choice),
            tuple(phrase_weight),
            {letter: tuple(words) for letter, words in by_initial.items()},
            tuple(sorted(written)),
            written,
            places,
            bayes,
            lacks,
            Settled.learn(pair for pair in (*examples, *settled) if pair[0] in pooled or pair[0] == OUT_OF_SCOPE)
            if settled else None,
            entries,
        )

    def words_of(self, text: str) -> tuple[tuple[str, float], ...]:
        """The caller's words as the model sees them, each with how exactly it was known (1, or the discount).

        First, two words the recogniser split are joined when the join is a known word, new,
        and they are not both known nor both stop words ("bio metrics", "finger prints";
        not "hay en", whose join stems to "hay"), or when a short fragment
        and an unknown word join into something close to a known word ("by metrics").  Stop
        words are then dropped, and an unknown word close to a word of the phrases as written
        (same first letter, rapidfuzz ratio >= FUZZY_CUTOFF) stands for it at a discount.
        Fuzzy matching compares words as said, not stems: "internet" is not "international".
        """
        return tuple(self._said(text).items())

    def _said(self, text: str) -> dict[str, float]:
        """`words_of` as a dict, in one pass: each word as it is joined, dropped as a stop word, or looked up fuzzily."""
        marked = marked_words(text, self.language, True) if self.places else country_marked(text, self.language)
        known = self.idf
        if not known:
            return {}
        language = self.language
        learnt = self.bayes.evidence if self.bayes is not None else {}
        seen: dict[str, float] = {}
        stops: list[tuple[str, str]] = []  # the stop words, (word, as said): kept only when nothing else is said
        skip = False
        for (word, stop, said), following in zip(marked, (*marked[1:], None)):
            if skip:  # the second word of a join
                skip = False
                continue
            if following is not None:
                nxt, nxt_stop, nxt_said = following
                # looked up only when it could be taken ("no sé" is not "nos": a negation keeps its meaning)
                if not (stop and nxt_stop) and not (word in known and nxt in known) and word not in NEGATIONS:
                    pair = fold(said + nxt_said, language)
                    if pair != word and pair in known:
                        seen[pair] = 1.0  # a known word: no fuzzy look-up, and nothing counts more than 1
                        skip = True
                        continue
                if not (stop or nxt_stop) and min(len(said), len(nxt_said)) <= 3 and word not in known and \
                        nxt not in known and len(said) + len(nxt_said) >= 6:
                    found = self._close(said + nxt_said, same_start=False)
                    if found is not None:  # a known word, at a discount
                        if found not in seen:
                            seen[found] = FUZZY_DISCOUNT
                        skip = True
                        continue
            if stop:
                stops.append((word, said))
                continue
            self._count(word, said, learnt, seen)
        if seen or not stops:
            return seen
        for word, said in stops:  # only stop words were said: they are what there is
            self._count(word, said, learnt, seen)
        return seen

    def _count(self, word: str, said: str, learnt: Mapping[str, object], seen: dict[str, float]) -> None:
        """Count one word said in `seen`: as it is when the model knows it, else as the known word it is close to
        (at `FUZZY_DISCOUNT`), keeping the better of two counts of one word."""
        exact = 1.0
        if not self.places and word not in self.idf and word in _countries(self.language):
            word = COUNTRY  # at a menu that asks which country, a country no option names is another country
        if word not in self.idf and word not in learnt and len(said) >= 4 and not said.isdigit():
            found = self._close(said, same_start=True)
            if found is not None:
                word, exact = found, FUZZY_DISCOUNT
        before = seen.get(word)
        if before is None or exact > before:
            seen[word] = exact

    def _close(self, said: str, same_start: bool) -> str | None:
        """The known word (folded) whose written form is closest to `said`, if close enough.

        Kept per word said (`close_words`, bounded): callers' misheard words recur ("petishun"), their sentences do
        not; one look-up of the word, where a cache keyed by the candidates hashed them all each time."""
        key = said if same_start else " " + said
        kept = self.close_words
        if key in kept:
            return kept[key]
        candidates = self.by_initial.get(said[0], ()) if same_start else self.vocabulary
        found = _closest(said, candidates) if candidates else None
        if len(kept) >= _CLOSE_WORDS_MOST:
            kept.clear()
        known = kept[key] = None if found is None else self.written[found]
        return known

    def scores(
        self, text: str, unsaid: frozenset[str] = frozenset()
    ) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...]]:
        """Every choice's score for `text`, best first (ties keep the flow's order), and the words used
        (less the words `unsaid`, which say nothing here).

        A choice scores as its best phrase, by the F-measure of two weighted shares: how
        much of what was said the phrase explains (words its choice's other phrases know
        count `OTHER_PHRASES`; words no choice knows weigh `UNKNOWN_WEIGHT`), and how much
        of the phrase was said.
        """
        said = self._said(text)
        if unsaid:
            said = {word: exact for word, exact in said.items() if word not in unsaid}
        if not said:
            return (), ()
        # Written for the compiled module: the dicts' own methods called on them (native calls), no bound methods
        # kept in locals (generic calls there), and the sums in local floats.
        entries = self.entries
        elsewhere = _elsewhere(self.language)
        total = 0.0
        unknown = UNKNOWN_WEIGHT if self.bayes is None else UNKNOWN_WEIGHT_LEARNT
        covered: dict[int, float] = {}
        negated: dict[int, float] = {}  # phrase -> the weight of the negations it covers
        explained: dict[int, float] = {}
        candidates: list[int] = []  # the phrases that can score best for their choice (`_leaders`), some twice
        for word, exact in said.items():
            entry = entries.get(word)
            if entry is None:
                total += ELSEWHERE_WEIGHT if word in elsewhere else unknown
                continue
            weight, phrases, choices, leaders = entry
            total += weight
            gained: float = weight * exact
            for at in range(len(phrases)):  # indexed: a tuple's items by index are native when compiled
                phrase = phrases[at]
                before = covered.get(phrase)
                if before is None:  # `0.0 + gained` is `gained`
                    covered[phrase] = gained
                else:  # covered by two words said: a candidate of its own
                    covered[phrase] = before + gained
                    candidates.append(phrase)
            if choices is None:  # a negation: "not" means something only in the phrase that holds it
                for phrase in phrases:
                    negated[phrase] = negated.get(phrase, 0.0) + gained
            else:
                for choice in choices:
                    explained[choice] = explained.get(choice, 0.0) + gained
            candidates.extend(leaders)
        # F-measure of precision P/total and recall amount/weight, where P counts the words the
        # choice's other phrases know at OTHER_PHRASES: 2*P*amount / (P*weight + amount*total).
        best: dict[int, float] = {}
        owner, weights = self.phrase_choice, self.phrase_weight
        for phrase in candidates:
            amount = covered[phrase]
            choice = owner[phrase]
            partial: float = amount + OTHER_PHRASES * (explained.get(choice, 0.0) - (amount - negated.get(phrase, 0.0)))
            score: float = 2.0 * partial * amount / (partial * weights[phrase] + amount * total)
            if score > best.get(choice, 0.0):
                best[choice] = score
        # best first, ties in the flow's order: sorted by choice, then (stably) by score
        names = self.names
        ranked = sorted(sorted(best.items()), key=_score, reverse=True)
        return tuple([(names[choice], score) for choice, score in ranked]), tuple(said)

    def best_score_bound(self, text: str, unsaid: frozenset[str] = frozenset()) -> float:
        """A bound on the best score `scores` gives `text` (with `unsaid`), from the words said alone, without the
        pass over their phrases: at most 2q / (q + 1), q the share of the words' weight the best-explaining choice's
        phrases know plus every negation said.

        A choice's score is 2pr / (p + r), rising in both, with recall r <= 1 (a phrase is never covered beyond its
        own weight) and precision p = partial / total, where partial counts the words its phrase covers whole, the
        other words its choice's phrases know at `OTHER_PHRASES` (<= 1) and the negations the phrase holds: never
        more than the weight its choice's phrases know plus the negations' (`tests/understanding/test_step_shortcuts.py`
        holds the bound against every held utterance's scores)."""
        said = self._said(text)
        entries = self.entries
        elsewhere = _elsewhere(self.language)
        unknown = UNKNOWN_WEIGHT if self.bayes is None else UNKNOWN_WEIGHT_LEARNT
        total = negations = 0.0
        explained: dict[int, float] = {}
        for word, exact in said.items():
            if word in unsaid:
                continue
            entry = entries.get(word)
            if entry is None:
                total += ELSEWHERE_WEIGHT if word in elsewhere else unknown
                continue
            weight, _, choices, _ = entry
            total += weight
            if choices is None:
                negations += weight * exact
            else:
                for choice in choices:
                    explained[choice] = explained.get(choice, 0.0) + weight * exact
        if not explained or total <= 0.0:
            return 0.0 if not negations else 1.0
        share = (max(explained.values()) + negations) / total
        return 2.0 * share / (share + 1.0)

    def understand(self, text: str, confidence: float | None = None, among: Sequence[str] = ()) -> Understanding:
        """Classify one utterance; `among` restricts the choices (the answer to a clarifying question).

        In a submenu of a line (`main` set), a route to one of its own options (not one its keywords are sure of:
        `SURE_AT` or more by its phrases, the usual step, which costs nothing more) is checked against
        the main menu's model: when its keywords route the words at `SURE_AT` or more to another line ("check my case
        status" at the service requests menu: the words name that line), they are not understood here (`by` "elsewhere", the main menu's
        route in `learnt`): the caller hears the menu again, and can go back to the main menu.  A route this menu is
        sure of by its phrases, a global and an answer to a clarifying question never run the main menu's model;
        its classifiers' sure routes do ("tengo que presentarme con ice" was the field office's request at 0.92).  Its classifiers
        do not count: they must send every sentence to some line, and take one that makes sense only inside a submenu
        ("i already have one scheduled for next tuesday", "my mother is dying and i need to travel right away") for a
        line surely all the same (10 of the corpus's and the examples' submenu sentences, all right where they are).
        One thing any of the main menu's models may decide: a decision asked of a case of ours, which the main menu
        sends to its status line (`_decision_asked`; the submenus' round 13).
        """
        understood = self._understand(text, confidence, among)
        main = self.main
        if main is not None and not among and understood.outcome == "not_understood" and understood.by == "settled":
            if not self._main_may_claim(text):
                return understood
            return self._elsewhere_named(understood, main.understand(text, confidence))
        if main is None or among or understood.outcome != "route" or understood.choice not in self.own or \
                (understood.score >= SURE_AT and understood.by == "keywords") or not self._main_may_claim(text):
            return understood
        there = main.understand(text, confidence)
        if there.outcome == "route" and there.choice in self.others and (
                there.by == "keywords" and (
                    there.score >= SURE_AT or (understood.by == "examples" and there.score >= ELSEWHERE_AT and
                                               understood.choice not in dict(self.scores(text, _NONE_UNSAID)[0])))
                or self._decision_asked(text, there.choice, understood.choice)):
            return _told_elsewhere(understood, there)
        return understood

    def _main_may_claim(self, text: str) -> bool:
        """Whether the main menu's model could take `text` from this submenu (`understand`'s check), worked out from
        its keyword scores alone, without running the rest of it (about 60 µs of a long sentence).

        The check needs a route of the main menu's keywords at `ELSEWHERE_AT` or more, or a decision asked
        (`_ASKED_IF`).  A route by the keywords scores at most their best score, worked out here from the words as
        the main menu's model reads them (split words joined, a thing taken back, the words its concepts leave unsaid):
        the recogniser's factor only lowers it, the rules bar choices or give one's score to another (`_again`),
        and a global asked for or a farewell is floored at `ROUTE_AT`, below `ELSEWHERE_AT`.  So when that best score
        is below `ELSEWHERE_AT` and no decision is asked, the main menu cannot claim the words
        (`tests/understanding/test_step_shortcuts.py` holds the two ways together on every held utterance)."""
        main = self.main
        assert main is not None
        if _asks_if(text):
            return True
        said = text
        if NO_RECEIPT in main.names:  # as `_understand` reads them in the main menu
            said = heard(text, main.language)
        unsaid = reading(said, main.language, main.places)[1] if main.bayes is not None else _NONE_UNSAID
        claim_at = min(ELSEWHERE_AT, SURE_AT)
        if main.best_score_bound(said, unsaid) < claim_at:  # most sentences: their words cannot score that high there
            return False
        ranked = main.scores(said, unsaid)[0]
        return bool(ranked) and ranked[0][1] >= claim_at

    def _elsewhere_named(self, understood: Understanding, there: Understanding) -> Understanding:
        """A sentence this submenu's settled utterances' classifier takes for out of scope here, told as a question for
        another line (`by` "elsewhere", that line in `learnt`) when the main menu's keywords route it there at `SURE_AT`
        or more ("i want to check my case status" at the service requests menu): the caller hears the same, the
        trainer's line says where the words belong."""
        if there.outcome == "route" and there.by == "keywords" and there.score >= SURE_AT and \
                there.choice in self.others:
            return _told_elsewhere(understood, there)
        return understood

    def _decision_asked(self, text: str, line: str | None, chosen: str | None) -> bool:
        """Whether the words ask whether a case of ours was decided (`#decided` with nothing but `OUR_CASES` named,
        asked as a question, `_ASKED_IF`: "can you tell me if my i seven fifty one got approved", "me dice si ya
        aprobaron el permiso de trabajo de mi hija"), no word of this menu's `chosen` option said, and the main menu
        sends them to its status line (`line`): a question of that line, not of this submenu's options, by any of the
        main menu's models (the submenus' round 13).  A decision asked of what an option names stays its ("quiero
        saber si ya resolvieron mi solicitud" at the service requests menu, premium processing's "want to know if its
        decided").  Read only for a route to one of this menu's own options that its keywords are not sure of, the
        main menu's `understand` already run."""
        assert self.main is not None
        if line is None or line != self.main._taught_most(STATUS) or not _asks_if(text):
            return False
        named = reading(text, self.language, self.places)[0]
        return _DECIDED in named and _STATUS_OR_OURS.issuperset(named) and \
            chosen not in dict(self.scores(text, _NONE_UNSAID)[0])

    def _understand(self, text: str, confidence: float | None = None, among: Sequence[str] = ()) -> Understanding:
        """`understand` without the check against the main menu.  In a submenu of a line (`main` set), a global the
        caller asks for in so many words (`_global_asked`: back to the start, the menu again, the hours, done) is
        chosen whatever else the words score ("take me back to the very beginning" was the previous menu by "back"),
        at `ROUTE_AT` or the score the rest gave it; a person asked for in so many words stays (`_asked_for`)."""
        if not among and (self.main is not None or NO_RECEIPT in self.names):
            text = heard(text, self.language)
        understood = self._understood(text, confidence, among)
        if self.main is None or among:
            return understood
        if understood.outcome != "route" and (self.cancel is not None or self.booking is not None) and \
                not appointment_abroad(text, self.language) and not told_another_way(text, self.language) and \
                not language_line(text, self.language) and not service_elsewhere(text, self.language):
            understood = self._appointment(understood, text)
        if understood.outcome != "route" or understood.choice not in PERSON_GLOBALS:
            if self.address is not None and understood.choice != self.address and home_moved(text, self.language):
                understood = _routed_to(understood, self.address)  # "ahora vivo con mi prima ... las cartas" (s13)
        said = self._global_asked(text)
        if said is None or understood.choice == said or \
                (understood.choice in PERSON_GLOBALS and self._person_asked(text) == understood.choice):
            return understood
        return _routed_to(understood, said)

    def _understood(self, text: str, confidence: float | None = None, among: Sequence[str] = ()) -> Understanding:
        """`_understand` without the globals asked for in so many words.

        In a state with training examples, words its concepts read otherwise say nothing as words, for both models
        (`concepts.unsaid`: a place abroad where the caller goes, "my travel paperwork sped up so i can be there";
        sign language asked on a video line, the accessible line).
        """
        learnt = self.bayes is not None and not among
        named, unsaid = reading(text, self.language, self.places) if learnt else ((), _NONE_UNSAID)
        ranked, words = self.scores(text, unsaid)
        barred = self._barred(words)
        if self.main is not None and REPEAT in self.names and resent(text, self.language):
            barred |= _REPEAT_ONLY  # "que me manden otra vez la carta": the letter again, not the menu
        elif self.again is not None and ranked and thing_again(text, self.language):
            ranked = _again(ranked, self.again)  # "read me the number one more time": the number again, not the menu
        if (self.cancel is not None or self.reschedule is not None) and moved(text, self.language):
            # "can we push it back a week": moving the appointment, not cancelling it; and the day it falls on is no
            # hours of the line ("the wedding is that saturday, any shot at sliding it": the submenus' round 13)
            barred |= ({self.cancel} if self.cancel is not None else set()) | _HOURS_ONLY
        elif self.reschedule is not None and move_declined(text, self.language):
            barred |= {self.reschedule}  # "just cancel it i don't want a new date": no move asked
        if self.cancel is not None and how_long_asked(text, self.language):
            barred |= {self.cancel}  # "how long am i inside for the fingerprints": the visit's length, no cancel
        elif self.cancel is not None and cancel_taken_back(text, self.language):
            barred |= {self.cancel}  # "i changed my mind about cancelling": no cancel (the submenus' round 17)
        if self.booking is not None:
            had = appointment_had(text, self.language)  # "i already booked one": not a new one, and the other way
            if had is not None:
                barred |= {self.booking[0] if had else self.booking[1]}
                if self.how is not None and (had or book_me(text, self.language)):
                    barred |= {self.how}  # "i already got a date … can i bring an interpreter": theirs; "apúnteme
                    # para una cita": one booked, not how they go (the s12 and s13 round)
            elif self.how is not None and asked_in_general(text, self.language):
                barred |= set(self.booking)  # "what happens at one of these appointments": how they go
        if self.main is not None:  # a global's words said of what is not the line's (`not_ours`; the s6 round)
            if put_through_elsewhere(text, self.language):
                barred |= PERSON_GLOBALS  # "can you transfer me to the passport office": another agency, no one of ours
            elif no_one_wanted(text, self.language) and self._person_asked(text) is None:
                barred |= PERSON_GLOBALS  # "a scam call from somebody pretending to be immigration": no one asked for
            if program_opening(text, self.language):
                barred |= _HOURS_ONLY  # "when does the registration for the program open": no hours of the line
            if self.appointments and appointment_abroad(text, self.language):
                barred |= self.appointments  # "do you book the appointments for the consulate": the State Department's
            if self.appointments and service_elsewhere(text, self.language):
                barred |= self.appointments  # "en esa cita me tramitan el seguro social": the SSA's card (round 10)
            if told_another_way(text, self.language) or language_line(text, self.language):
                barred |= self.own  # "text me directions", "a line in haitian creole": none of ours (round 10)
        if _FAREWELL in named and self.lacks:  # "i can't find my receipt number, i'll call back later, bye": leaving
            barred |= self.lacks
        elif self.lacks and receipt_refused(text, self.language):
            barred |= self.lacks  # "h r won't take my receipt notice": the notice had, refused, no number lacking
        if barred:
            ranked = tuple([item for item in ranked if item[0] not in barred])
        if confidence is None:
            factor = 1.0
        else:  # min(1.0, 0.4 + 1.2 * max(0.0, confidence)), without the two calls
            factor = 0.4 + 1.2 * (confidence if confidence > 0.0 else 0.0)
            factor = factor if factor < 1.0 else 1.0
        understood = self._by_keywords(ranked, words, factor, among)
        if learnt and understood.outcome == "route" and understood.choice in PERSON_GLOBALS and \
                understood.score < WEAK_ROUTE and not names_someone(text, self.language):
            # "we live in dallas" is no "live agent": a weak route to a person no word names is left to the classifier
            understood = _understanding("not_understood", None, understood.score, understood.alternatives, words)
        elif learnt and self.main is not None and understood.outcome == "ask" and understood.score < WEAK_ROUTE and \
                PERSON_GLOBALS.issuperset(understood.asked) and not names_someone(text, self.language):
            # nor, in a submenu of a line, a weak question between the two ("le hablo desde colombia": "hablo" is how
            # the caller calls, no person asked; the coverage round)
            understood = _understanding("not_understood", None, understood.score, understood.alternatives, words)
        asked = self._asked_for(ranked, text) if not among else None
        if asked is not None:  # a global asked for in so many words: nothing said of why takes it away
            score = max(dict(ranked)[asked] * factor, ROUTE_AT)
            others = [item for item in understood.alternatives if item[0] != asked]
            return _understanding("route", asked, score, ((asked, score), *others)[:ALTERNATIVES], words)
        if _FAREWELL in named:  # the caller hanging up in so many words: ending the call, whatever the complaint
            leaving = self._leaving(ranked, text)
            if leaving is not None:
                score = max(dict(ranked)[leaving] * factor, ROUTE_AT)
                others = [item for item in understood.alternatives if item[0] != leaving]
                return _understanding("route", leaving, score, ((leaving, score), *others)[:ALTERNATIVES], words)
        if learnt:
            understood = self._by_examples(understood, factor, barred, named, text) or understood
        if self.settled is None or among or understood.outcome == "ask":  # a question stays (`settled.decide`)
            return understood
        return self._by_settled(understood, text, factor, ranked[0][0] if ranked else None, barred)

    def _asked_for(self, ranked: tuple[tuple[str, float], ...], text: str) -> str | None:
        """The person global (`PERSON_GLOBALS`) the caller asks for in so many words (`concepts.person_asked`:
        "representative please, i already tried the website"; not "a representative told me my case was approved"),
        when the keywords scored it: read only when a word of one was said."""
        if PERSON_GLOBALS.isdisjoint(map(_name, ranked)):  # most sentences: no person scored (tested in C)
            return None
        asked = self._person_asked(text)
        return asked if asked is not None and any(name == asked for name, _ in ranked) else None

    def _person_asked(self, text: str) -> str | None:
        """`concepts.person_asked`; in a submenu of a line, also being put through to someone, no one named
        ("mejor comuníqueme con alguien": `concepts.put_through_to_someone`, round 10), or someone asked after by
        whether one is there ("is there a supervisor available": `concepts.person_available`, the submenus' round 16)."""
        asked = person_asked(text, self.language)
        if asked is None and self.main is not None:
            if put_through_to_someone(text, self.language):
                return "representative"
            return person_available(text, self.language)  # "is there a supervisor available" (round 16)
        return asked

    def _global_asked(self, text: str) -> str | None:
        """The global this submenu offers that the caller asks for in so many words (`menu_globals.global_asked`):
        back to the start (this menu's option to the main menu, `start`), the menu again, the hours, a receipt number
        gone, a supervisor asked for (`_person_asked`); whatever one word of it scores for an option ("back" the previous menu's, "otra vez" hearing a status again)."""
        said = global_asked(text, self.language)
        if said is None and "supervisor" in self.names and someone_above_named(text, self.language) and \
                self._person_asked(text) == "supervisor":  # read only where someone above is named (most: none)
            return "supervisor"  # "can the person above you handle my case": asked whatever the keywords scored (s4)
        if said == START:  # where no option goes to the main menu ("why do you need an appointment"), back a menu
            return self.start or ("previous" if "previous" in self.names else None)
        if said == END:
            return self.end
        if said == REPEAT:  # keyed everywhere: said here even where an option heard again took its "otra vez"
            return said
        if said == PREVIOUS and "previous" not in self.names:
            return self.back
        return said if said is not None and said in self.names else None

    def _appointment(self, understood: Understanding, text: str) -> Understanding:
        """A question or nothing understood at a menu that cancels or books an appointment: a move said is the option
        that reschedules, a cancel said in so many words the option that cancels, an appointment had or wanted the
        option for one already had or a new one (`appointment_moves`; the s4 round)."""
        chosen: str | None = None
        move = moved(text, self.language)
        had = appointment_had(text, self.language) if self.booking is not None else None
        if self.reschedule is not None and move:
            chosen = self.reschedule
        elif cancelled(text, self.language) and not move:
            chosen = self.cancel
        elif self.booking is not None and had is not None:
            chosen = self.booking[1] if had else self.booking[0]
        elif self.how is not None and asked_in_general(text, self.language):
            chosen = self.how
        return understood if chosen is None else _routed_to(understood, chosen)

    def _leaving(self, ranked: tuple[tuple[str, float], ...], text: str) -> str | None:
        """The choice of ending the call (the one whose examples teach a farewell most) when the caller says they are
        hanging up (`concepts.hanging_up`: "forget it this is taking way too long i'm hanging up") and the keywords
        scored it; read only when a farewell was said."""
        if not (hanging_up(text, self.language) or giving_up(text, self.language)):
            return None  # "never mind i'll ask my cousin bye": giving up on the call is leaving it too
        leaving = self._taught_most(frozenset({_FAREWELL}))
        return leaving if leaving is not None and any(name == leaving for name, _ in ranked) else None

    def forbids(self, choice: str, text: str, words: Sequence[str] = ()) -> bool:
        """Whether the concept rules of the examples' classifier keep `text` from `choice`, as they keep it for any
        classifier: a concept of `TAUGHT_ONLY` named ("i lost my green card") whose examples never taught it for
        `choice`, the line abroad for a place inside the United States named (`#in_us`: "i'm calling from puerto
        rico"), or another business named (`lexicon.ELSEWHERE`, `ELSEWHERE_CONCEPTS`: "did my loan get approved")
        that the examples never taught for it, in a sentence not about the caller's own case (`concepts.about_ours`)."""
        if self.bayes is None:
            return False
        named, unsaid = reading(text, self.language, self.places)
        words = words or self.scores(text, unsaid)[1]
        labels, evidence = self.bayes.labels, self.bayes.evidence
        only = TAUGHT_ONLY.intersection(named)
        if only and choice not in {labels[at] for concept in only for at, _ in evidence.get(concept, ())}:
            return True
        if _IN_US in named and _ABROAD not in named and choice == self._taught_most(frozenset({_ABROAD})):
            return True  # "i'm calling from puerto rico": inside the United States, not the line abroad
        return self._elsewhere_unlearnt(words, choice, named) and not about_ours(text, self.language) and \
            not self._at_work(words, choice, named, text)

    def _at_work(self, words: Sequence[str], best: str, named: Sequence[str], text: str) -> bool:
        """Whether the other business said is only where the caller works or what they run (`concepts.at_work`:
        "i've been down in guatemala running my family's store … how long can a resident be away"): context, which
        holds no route back; read only when another business would."""
        work = at_work(text, self.language)
        return bool(work) and not self._elsewhere_unlearnt(tuple([word for word in words if word not in work]),
                                                           best, named)

    def _by_settled(
        self, understood: Understanding, text: str, factor: float, keywords_best: str | None = None,
        barred: frozenset[str] = frozenset(),
    ) -> Understanding:
        """The outcome as the settled utterances' classifier leaves it (`settled.decide`): its choice when it is sure
        and the matcher did not ask, with its guesses as the alternatives ("by": "settled").  It never chooses what the
        rules bar (`barred`: "can we push it back a week" is no cancel, "text me directions" none of a submenu's
        options), as the other two models do not.

        In a submenu of a line (`main` set), whose classifier learnt a few hundred sentences, not the main menu's
        thousands, the keywords' routes stand ("how do i put in an e-request" is a new request by its phrases'
        word, which the classifier's plain words do not see), and a person is put through only when the words name
        someone (`names_someone`), as the examples' classifier does there."""
        assert self.settled is not None
        if understood.choice in KEYWORD_GLOBALS:  # `decide` never takes the keywords' global away
            return understood
        if self.main is not None and understood.outcome == "route" and understood.by == "keywords":
            return understood
        was = understood.choice if understood.outcome == "route" else OUT_OF_SCOPE
        ranked = self.settled.posterior_if_sure(text, factor, was)  # () when `decide` would leave the outcome
        chosen = decide(ranked, factor, understood.outcome, understood.choice)
        if chosen is None or chosen in barred or \
                chosen != OUT_OF_SCOPE and self.forbids(chosen, text, understood.words):
            return understood
        if self.main is not None and chosen in PERSON_GLOBALS and not names_someone(text, self.language):
            return understood
        if self._needed(chosen, text) or self._line_named(understood, text, keywords_best):
            return understood
        guesses = tuple(islice(((name, p * factor) for name, p in ranked if name != OUT_OF_SCOPE), ALTERNATIVES))
        if chosen == OUT_OF_SCOPE:
            return Understanding("not_understood", None, understood.score, understood.alternatives, understood.words,
                                 "settled", guesses)
        return Understanding("route", chosen, ranked[0][1] * factor, guesses, understood.words, "settled")

    def _needed(self, chosen: str, text: str) -> bool:
        """Whether a need is said (`NEED`: a condition, a therapist brought, a wheelchair) and `chosen` is the
        appointment where it arises (`WHERE_NEEDED`: the field office's interview, the biometrics): the settled
        utterances' classifier does not take a need to the appointment for the appointment's words ("i have
        tourette's, can the officer be told ahead of time for my interview": an accommodation at the interview,
        service requests, not the field office); the matcher's outcome stands."""
        return chosen in self.need_appointments and NEED in reading(text, self.language, self.places)[0]

    def _line_named(self, understood: Understanding, text: str, keywords_best: str | None) -> bool:
        """Whether the matcher routed to the line of a concept the sentence names (`LINE_CONCEPTS`: a hurry asked, the
        border's records, an office's own appointment days), the choice whose examples teach it most, and the keywords
        ranked it first (`keywords_best`; both models read it so, not the examples' classifier alone): the settled
        utterances' classifier reads words, not concepts, and does not take such a route to where the sentence's other
        words lean ("… wants to see me sworn in before he passes, is there a way to move my case up": an expedite,
        not the oath's field office; "my travel history from customs … for my citizenship application": CBP's
        records, not our case; "does the field office do appointments on saturdays": the office's days, not our
        hours)."""
        if understood.outcome != "route" or understood.choice != keywords_best or self.bayes is None:
            return False
        named = LINE_CONCEPTS.intersection(reading(text, self.language, self.places)[0])
        return any(understood.choice == self._taught_most(frozenset({concept})) for concept in named)

    def _barred(self, words: Sequence[str]) -> frozenset[str]:
        """The lacks (`lacks`) the words cannot mean: they say nothing is lacking ("pull up my receipt number")."""
        if not self.lacks or not _lacking(self.language).isdisjoint(words):
            return frozenset()
        return self.lacks

    def _by_examples(
        self, understood: Understanding, factor: float, barred: frozenset[str] = frozenset(), named: tuple[str, ...] = (),
        text: str = "",
    ) -> Understanding | None:
        """What the examples' classifier decides over the keywords' outcome: a choice it is sure of, or None.

        It routes an utterance the keywords did not understand from `LEARNT_AT`, picks
        one of the two choices the keywords would ask between from `LEARNT_SETTLES`, and
        overrules a route of the keywords from `LEARNT_OVERRULES` ("it's been three months
        since they approved me and still no card": a card that never came, not the case's
        status).  It never routes what it takes for out of scope (from `LEARNT_OVERRULES`
        it stops the keywords' route: "my car broke down" is not a biometrics appointment),
        nor a sentence naming another business (`lexicon.ELSEWHERE`), and it does not let the keywords ask about
        one it takes for out of scope ("check on my order of eyeglasses").  A weak keyword route (below
        `WEAK_ROUTE`) to a choice it gives less than `DOUBTED` is decided as if not understood.
        A concept of `TAUGHT_ONLY` said ("i lost my green card") leaves only the choices whose
        examples taught it, for both models; a status asked of our kind of case (`OUR_CASES`) is
        not taken for out of scope.  A sentence about the caller's own case (`concepts.about_ours`: "my case",
        "my card", a receipt) or an ICE or court matter (`REMOVAL`) is not held back by a word of another business
        ("the filing fee came out of my bank account, is somebody working on my case": the bank is how the fee was
        paid), nor by the business where the caller works or that they run (`concepts.at_work`: "running my
        family's store").  A status asked with nothing else named (`STATUS` and `OUR_CASES` alone: no hurry, no card
        that never came) is not taken to the choice whose examples teach a hurry (`_taught_most`): a job or an
        employer waiting on the decision is context ("they wanna know if my green card was granted yet"); only "can it
        be done faster" asks for an expedite.  Such a status asked, when the keywords ask between it and another
        choice and the classifier leans to it, is settled there below `LEARNT_SETTLES` ("… he got his approval notice
        and i got nothing, what's happening with mine").  A person asked for by name is routed before this
        (`_asked_for`).
        """
        assert self.bayes is not None
        words = understood.words
        ranked = self.bayes.posterior((*words, *named) if named else words)
        if barred and ranked:  # what the words cannot mean is left out, and the rest shares its probability
            ranked = _shared([item for item in ranked if item[0] not in barred])
        if ranked and not TAUGHT_ONLY.isdisjoint(named):  # nor do the keywords route or ask elsewhere
            ranked = self._taught(ranked, TAUGHT_ONLY.intersection(named))
            taught = {name for name, _ in ranked}
            if understood.outcome == "route" and understood.choice not in taught or \
                    understood.outcome == "ask" and taught.isdisjoint(understood.asked):
                understood = _as(understood, "not_understood", None)
        status_ours = not STATUS.isdisjoint(named) and not OUR_CASES.isdisjoint(named)
        if ranked and ranked[0][0] == OUT_OF_SCOPE and status_ours:  # a status asked of our kind of case
            ranked = _shared(ranked[1:])
        if not ranked:
            return None
        best, probability = ranked[0][0], ranked[0][1] * factor
        # another business said is context (`SUMMONS`); `ours` is read only when it decides (a pattern over the text)
        elsewhere = self._elsewhere_unlearnt(words, best, named) and not (
            status_ours or _FAREWELL in named or PRINTS in named and not _summons(self.language).isdisjoint(words)
            or self._agency_line(best, named)
        ) and (best == OUT_OF_SCOPE or not (about_ours(text, self.language) or
                                            not _removal(self.language).isdisjoint(words) or
                                            self._at_work(words, best, named, text)))
        if elsewhere and understood.outcome != "route":
            if best == OUT_OF_SCOPE and understood.outcome == "ask":  # "check on my order of eyeglasses": no question
                return _understanding("not_understood", None, understood.score, understood.alternatives, words,
                                      "examples", _guesses(ranked, factor))
            return self._unsettled(understood, ranked, factor)
        only_status = not STATUS.isdisjoint(named) and _STATUS_OR_OURS.issuperset(named)  # no hurry, nor else
        needed = NEED in named and best == self._taught_most(frozenset({NEED}))  # a need said: its line decides
        if NOT_ARRIVED in named and STATUS.isdisjoint(named) and best != understood.choice and \
                understood.outcome in ("route", "ask") and not NEVER.isdisjoint(words):
            missing = self._taught_most(frozenset({NOT_ARRIVED}))
            if missing in [choice for choice, _ in understood.alternatives[:2]]:
                score = dict(understood.alternatives)[missing]  # the keywords' own score for the missing thing's line
                return _understanding("route", missing, max(score, ROUTE_AT), understood.alternatives, words,
                                      "keywords")
        if understood.outcome == "route" and understood.score < WEAK_ROUTE and best != understood.choice and \
                (dict(ranked).get(understood.choice or "", 0.0) < DOUBTED or needed or
                 only_status and probability >= LEARNT_SETTLES and best == self._taught_most(STATUS)):
            understood = _as(understood, "not_understood", None)
        if only_status and best == self._taught_most(frozenset({HURRY})):  # a job waiting is no hurry asked
            status = self._taught_most(STATUS)
            if understood.outcome == "route" and understood.choice == status:
                return None
            runners = [choice for choice, _ in understood.alternatives[:2]]
            if status in understood.asked and probability < LEARNT_OVERRULES or \
                    status in runners and _asks_if(text):  # "they wanna know if my green card was granted"
                score = dict(understood.alternatives).get(status, understood.score)
                return _understanding("route", status, score, understood.alternatives, words, "examples")
        if understood.outcome == "route":
            sure = probability >= LEARNT_OVERRULES or (elsewhere and best == OUT_OF_SCOPE)
            if best == understood.choice or not sure:
                return None
            if best == OUT_OF_SCOPE:
                return _understanding("not_understood", None, understood.score, understood.alternatives, words,
                                      "examples", _guesses(ranked, factor))
        elif best == OUT_OF_SCOPE:
            return self._unsettled(understood, ranked, factor)
        elif understood.outcome == "ask":  # a need said settles a question where its line is asked (`NEED`)
            # and so does a status asked with nothing else named, when the examples lean to the status
            status_leads = only_status and best in understood.asked and best == self._taught_most(STATUS)
            if probability < (LEARNT_SETTLES if best in understood.asked else LEARNT_OVERASKS) and \
                    not (needed and best in understood.asked) and not status_leads and \
                    not (best in understood.asked and STATUS.isdisjoint(named) and self._agency_line(best, named)):
                return self._unsettled(understood, ranked, factor)
        elif probability < LEARNT_AT:
            return self._unsettled(understood, ranked, factor)
        if self.main is not None and best in PERSON_GLOBALS and understood.choice != best and \
                not names_someone(text, self.language):
            # in a submenu of a line the examples put the caller through to a person only when the words name someone
            # ("so we can end it here" is no supervisor asked, nor "does making one of these requests cost anything":
            # the submenus' round 16)
            return self._unsettled(understood, ranked, factor) if understood.outcome != "route" else None
        alternatives = tuple(islice(((name, p * factor) for name, p in ranked if name != OUT_OF_SCOPE), ALTERNATIVES))
        return _understanding("route", best, probability, alternatives, words, "examples")

    def _agency_line(self, best: str, named: Sequence[str]) -> bool:
        """Whether `best` is the line whose examples teach most an agency the sentence names (`AGENCIES`)."""
        return any(best == self._taught_most(frozenset({agency})) for agency in AGENCIES.intersection(named))

    def _taught_most(self, taught: frozenset[str]) -> str | None:
        """The choice whose examples teach the concepts `taught` most (status: case status; a hurry: an expedite):
        worked out once per model and set of concepts (the rules ask it of a few constant sets, sentence after
        sentence; the examples do not change once compiled)."""
        known = self.most_taught
        if taught not in known:
            known[taught] = self._count_taught(taught)
        return known[taught]

    def _count_taught(self, taught: frozenset[str]) -> str | None:
        """`_taught_most`, worked out from the examples' classifier's evidence."""
        assert self.bayes is not None
        weights: dict[int, float] = {}
        for concept in taught:
            for at, weight in self.bayes.evidence.get(concept, ()):
                weights[at] = weights.get(at, 0.0) + weight
        return self.bayes.labels[max(weights, key=weights.__getitem__)] if weights else None

    def _elsewhere_unlearnt(self, words: Sequence[str], best: str, named: Sequence[str] = ()) -> bool:
        """Whether the words name another business (`lexicon.ELSEWHERE`), or a concept of another business or
        a wrong number (`ELSEWHERE_CONCEPTS`), that the examples never taught for `best`.

        "is the grocery store open on sunday" is not our hours; "the officer asked me to come back
        with my tax returns" is the field office, as the examples teach ("tax" with an interview).
        """
        said = _elsewhere(self.language)
        if said.isdisjoint(words) and ELSEWHERE_CONCEPTS.isdisjoint(named):  # most sentences name no other business
            return False
        elsewhere = said.intersection(words) | ELSEWHERE_CONCEPTS.intersection(named)
        if best == OUT_OF_SCOPE:
            return True
        assert self.bayes is not None
        index, evidence = self.bayes.labels.index(best), self.bayes.evidence
        return not all(any(at == index for at, _ in evidence.get(feature, ())) for feature in elsewhere)

    def _taught(self, ranked: tuple[tuple[str, float], ...], named: frozenset[str]) -> tuple[tuple[str, float], ...]:
        """`ranked` without the choices whose examples never taught the concepts `named` (`TAUGHT_ONLY`), renormalised."""
        assert self.bayes is not None
        labels, evidence = self.bayes.labels, self.bayes.evidence
        taught = {labels[at] for concept in named for at, _ in evidence.get(concept, ())}
        return _shared([item for item in ranked if item[0] in taught or item[0] == OUT_OF_SCOPE])

    @staticmethod
    def _unsettled(understood: Understanding, ranked: tuple[tuple[str, float], ...], factor: float) -> Understanding:
        """The keywords' ask or not understood, with the classifier's best guesses that did not decide (`learnt`)."""
        return _understanding(understood.outcome, understood.choice, understood.score, understood.alternatives,
                              understood.words, understood.by, _guesses(ranked, factor))

    def _by_keywords(
        self, ranked: tuple[tuple[str, float], ...], words: tuple[str, ...], factor: float, among: Sequence[str]
    ) -> Understanding:
        """The keyword model's outcome from its ranked scores (see the module docstring)."""
        if among:
            ranked = tuple([item for item in ranked if item[0] in among])
        if factor != 1.0:  # full from a confidence of 0.5 (events.UNSURE, recorded below it)
            ranked = tuple([(name, score * factor) for name, score in ranked])
        alternatives = ranked[:ALTERNATIVES]
        if not ranked:
            return _understanding("not_understood", None, 0.0, (), words)
        best, top = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        if among:
            outcome: Outcome = "route" if top >= ASK_AT and top - runner >= CLOSE else "not_understood"
        else:
            outcome = thresholds_outcome(top, runner)
        return _understanding(outcome, best if outcome == "route" else None, top, alternatives, words)


def _routed_to(understood: Understanding, choice: str) -> Understanding:
    """`understood` made a route to `choice` (a global asked for in so many words, an appointment's option), at
    `ROUTE_AT` or the score the rest gave it, first among the alternatives."""
    score = max(dict(understood.alternatives).get(choice, 0.0), ROUTE_AT)
    others = [item for item in understood.alternatives if item[0] != choice]
    return _understanding("route", choice, score, ((choice, score), *others)[:ALTERNATIVES], understood.words)


def thresholds_outcome(top: float, runner: float) -> Outcome:
    """What the thresholds make of a best score `top` and the runner-up's `runner`: not understood below `ASK_AT`,
    a question between two within `CLOSE` of each other, a route from `ROUTE_AT`, else not understood."""
    if top < ASK_AT:
        return "not_understood"
    if runner >= ASK_AT and top - runner < CLOSE:
        return "ask"
    return "route" if top >= ROUTE_AT else "not_understood"


_REPEAT_ONLY: Final = frozenset({REPEAT})
_HOURS_ONLY: Final = frozenset({"hours"})


def _again(ranked: tuple[tuple[str, float], ...], again: str) -> tuple[tuple[str, float], ...]:
    """`ranked` with the repeat global's score given to the option that plays a thing again (`Model.again`), when
    higher than its own, ordered again."""
    scores = dict(ranked)
    if REPEAT not in scores:
        return ranked
    said = scores.pop(REPEAT)
    scores[again] = max(said, scores.get(again, 0.0))
    return tuple(sorted(sorted(scores.items()), key=lambda item: -item[1]))


@functools.cache
def _lacking(language: str) -> frozenset[str]:
    """`lexicon.LACKING` as the model compares words (folded and stemmed)."""
    said = LACKING.get(language, LACKING["en"])
    return frozenset(fold(word, language) for word in said) | {form for word in said for form in content(word, language)}


@functools.cache
def _removal(language: str) -> frozenset[str]:
    """`REMOVAL` as the model compares words (folded and stemmed)."""
    return frozenset(fold(word, language) for word in REMOVAL.get(language, REMOVAL["en"]))


@functools.cache
def _summons(language: str) -> frozenset[str]:
    """`SUMMONS` as the model compares words (folded and stemmed)."""
    return frozenset(fold(word, language) for word in SUMMONS.get(language, SUMMONS["en"]))


@functools.cache
def _elsewhere(language: str) -> frozenset[str]:
    """`lexicon.ELSEWHERE` as the model compares words (folded and stemmed), less the stems of everyday words
    (`lexicon.SHADOWED`: "el mes pasado" names no restaurant's table)."""
    shadowed = {fold(word, language) for word in SHADOWED.get(language, frozenset())}
    return frozenset(fold(word, language) for word in ELSEWHERE.get(language, ELSEWHERE["en"])) - shadowed


_CLOSE_WORDS_MOST = 4096
"""Words a model keeps the close word of (`Model.close_words`); past that it starts afresh."""


def _closest(said: str, candidates: tuple[str, ...]) -> str | None:
    """The written form among `candidates` closest to the word `said` (rapidfuzz ratio from `FUZZY_CUTOFF`), or None."""
    found = process.extractOne(said, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return None if found is None else str(found[0])


_IF_WORDS: Final = ("if", "si", "whether")
"""The words `_ASKED_IF` finds."""


def _asks_if(text: str) -> bool:
    """`_ASKED_IF.search(text)`: in ASCII text (most), each of its words found in the text lower-cased, by `str.find`
    in C, standing alone as the pattern's `\\b` has it; any other text searched (`tests/understanding/test_step_shortcuts.py`).

    In ASCII text ignoring case is lower-casing it, and a word character is a letter, a digit or "_"."""
    if not text.isascii():
        return _ASKED_IF.search(text) is not None
    lowered = text.lower()
    end = len(lowered)
    for word in _IF_WORDS:
        at = lowered.find(word)
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not _word_character(lowered[at - 1])) and (after == end or not _word_character(lowered[after])):
                return True
            at = lowered.find(word, at + 1)
    return False


def _word_character(character: str) -> bool:
    """Whether an ASCII `character` is one of the `\\w` a pattern's `\\b` stands between."""
    return character.isalnum() or character == "_"


@per_sentence(1024)
def heard(text: str, language: str) -> str:
    """`text` as a submenu of a line, and a menu offering the receipt-number global, read it: a global's word split by
    the recogniser joined ("a super visor", round 11), an opening "no" that takes back left out ("no wait i do have
    it": no missing thing, the s9 round).  Kept per sentence: a submenu's check against the main menu reads the words
    so again (`Model._main_may_claim`)."""
    return taken_back(joined(text, language), language)


@functools.lru_cache(maxsize=1024)
def _build(choices: tuple[tuple[str, tuple[str, ...]], ...], language: str, examples: tuple[tuple[str, str], ...] = (),
           settled: tuple[tuple[str, str], ...] = ()) -> Model:
    return Model._compile(choices, language, examples, settled)


@functools.lru_cache(maxsize=16384)
def phrase_words(phrase: str, language: str, places: bool = True) -> tuple[str, ...]:
    """A training phrase's words, as the model compares them (stop words kept only if nothing else is left).

    A phrase that is only a country's name ("Kenya") keeps it: its menu asks which country.
    """
    places = places and not is_place(phrase, language)
    words = content(phrase, language, places) or tokens(phrase, language, places)
    return tuple(dict.fromkeys(words))


_NONE_UNSAID: Final[frozenset[str]] = frozenset()
_score: Final = itemgetter(1)
"""A ranked pair's score (or probability)."""
_name: Final = itemgetter(0)
"""A ranked pair's choice."""


def _shared(kept: Sequence[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """The choices `kept` of a ranking, sharing all of its probability (nothing, when none of them had any)."""
    whole = sum(map(_score, kept))
    return tuple([(name, p / whole) for name, p in kept]) if whole > 0 else ()


def _guesses(ranked: tuple[tuple[str, float], ...], factor: float) -> tuple[tuple[str, float], ...]:
    """The classifier's best guesses, scaled by the recogniser's confidence (`Understanding.learnt`)."""
    return tuple((name, p * factor) for name, p in ranked[:ALTERNATIVES])


def _leaders(phrases: Sequence[int], phrase_choice: list[int], phrase_weight: list[float]) -> tuple[int, ...]:
    """For each choice with one of `phrases` (those holding a word), its lightest one: the phrase of that choice that
    scores best when that word is all that is said of it (`Model.scores`).

    A phrase scores 2*P*amount / (P*weight + amount*total) = 2 / (weight/amount + total/P), where P = amount +
    OTHER_PHRASES * (explained - amount + negated) = (1 - OTHER_PHRASES) * amount + OTHER_PHRASES * (explained +
    negated), `explained` the choice's and `negated` the phrase's negations said: more as P and the amount grow, less
    as the phrase weighs more.  A phrase said only by this word scores at most as its leader: with the same amount and
    negated (the word's), the leader weighs no more, and each rounded step of the sum is monotone in the weight; or
    the leader is said by another word too, and its amount and P exceed the phrase's by a share of a whole word's
    weight.  A phrase two words said is a candidate of its own.  So the best phrase of each choice is among the
    leaders of the words said and the phrases two of them said, and scoring those alone gives each choice the score
    scoring every phrase gives."""
    lightest: dict[int, int] = {}
    for phrase in phrases:
        choice = phrase_choice[phrase]
        if choice not in lightest or phrase_weight[phrase] < phrase_weight[lightest[choice]]:
            lightest[choice] = phrase
    return tuple(lightest.values())


def _phrase_features(
    names: tuple[str, ...], texts: dict[str, list[str]], language: str, places: bool
) -> list[tuple[str, tuple[str, ...]]]:
    """Each choice's distinct phrases as the classifier learns them: their words, then the concepts they name."""
    learnt: list[tuple[str, tuple[str, ...]]] = []
    for name in names:
        seen: set[tuple[str, ...]] = set()
        for text in texts[name]:
            words = phrase_words(text, language, places)
            if words and words not in seen:
                seen.add(words)
                learnt.append((name, (*words, *concepts(text, language, places))))
    return learnt


@functools.cache
def _countries(language: str) -> frozenset[str]:
    """Every country's name as a country menu reads it (`place_countries.country_said`, folded)."""
    from ivr.core.place_countries import NAME  # read at a country menu only, not at start-up

    return frozenset(fold(name, language) for name in NAME.get(language, NAME["en"]).values())


def _other_countries(words: tuple[str, ...], others: frozenset[str]) -> tuple[str, ...]:
    """An example's words with a country no option of its menu names (`others`) read as `COUNTRY`: "i live in
    germany" teaches another country, whichever country it names."""
    if others.isdisjoint(words):
        return words
    return tuple(dict.fromkeys(COUNTRY if word in others else word for word in words))


def _example_words(example: str, language: str, places: bool) -> tuple[str, ...]:
    """A training example's words, as the model compares a caller's (`phrase_words` without its country-menu check).

    Not cached: each example is read once, when its state's model is compiled.  At a menu that asks which country
    (not `places`), a city abroad is its country, as a caller's words are (`wording.country_marked`).
    """
    if not places:
        marks = country_marked(example, language)
        return tuple(dict.fromkeys([word for word, stop, _ in marks if not stop] or [word for word, _, _ in marks]))
    return tuple(dict.fromkeys(content(example, language, places) or tokens(example, language, places)))
