"""Tier 1 informational response scripts: versioned files, their lock, the set in force.

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in
verbiage and format by informational response scripts that are created and
provided by USCIS."  A simulated representative may say only what a script says.

This module owns:

* the script file format, `scripts/<id>/v<N>.yaml`, and its validation, verbiage
  limits included (`load_scripts`);
* the check that no published version was edited since it was published (the
  lock itself, `scripts/published.lock`, and `publish`, which adds drafts to it,
  are `ivr.definitions.script_lock`'s; re-exported here);
* choosing the scripts in force on a date, with pins from the configuration,
  and finding a script by menu key, topic or what the caller said (`ScriptSet`);
* the glossary (`ivr.rules.glossary.avoided_forms`) over the Spanish label, text and
  wording of every draft and of each script's newest version: what callers hear from
  now on.  Older published versions are history and are not held to it;
* wording scripts (`wording:` in place of `text:`, `ivr.definitions.script_wording`):
  the fixed sentences Tier 1 says around the answers, checked here to be said by
  exactly one script in force on every date once the first of them is.

Files are read only by `load_scripts` and `publish`, at start-up or from the CLI.
Everything after loading is pure: dates come in as arguments, never from the clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ivr.core.bayes import NONE, Bayes
from ivr.core.matching import normalize
from ivr.core.neighbours import Neighbours
from ivr.core.understanding import CLOSE, Model, Understanding
from ivr.core.wording import content, tokens
from ivr.definitions.script_reading import (
    ABROAD,
    ABROAD_SCRIPT,
    CLAUSE,
    FORM,
    LONE,
    NAMED,
    NOT_OURS,
    OWN,
    SCRIPT_ROUTE_AT,
    SCRIPT_TIE_AT,
    SITUATION,
    another_agencys,
    businesses_named,
    clause_read,
    decide,
    elsewhere,
    errand_elsewhere,
    form_read,
    forms_named,
    joined_splits,
    languages_named,
    ours_named,
    settled_abroad,
    spoken_forms,
    theirs_abroad,
)
from ivr.definitions.topic_situations import (
    ADDRESS_SCRIPT,
    CARD_SCRIPT,
    FIELD_OFFICE_SCRIPT,
    NOTICE_SCRIPT,
    appointment_moved,
    as_asked,
    card_came,
    at_field_office,
    notice_came,
    situation_read,
)
from ivr.definitions import yamlsource
from ivr.definitions.checks import Checker, LANGUAGES, join, kind_of
from ivr.definitions.script_examples import ScriptExamples, read_script_examples
from ivr.definitions.script_lock import LOCK_NAME, LockEntry, content_hash, parse_ref, publication_records, publish, read_lock
from ivr.definitions.script_wording import WORDING_KEYS, Wording, check_wording, wording_problems, wordings_in_force
from ivr.errors import ConfigError, DefinitionError, Problem, display_path
from ivr.rules.glossary import avoided_forms
from ivr.rules.own_words import own_word_read, problems as own_word_problems
from ivr.rules.uscis_forms import form_question

__all__ = [
    "FORMAT_VERSIONS",
    "LOCK_NAME",
    "MAX_SENTENCES",
    "MAX_TEXT_CHARS",
    "MENU_KEYS",
    "NEXT_STEPS",
    "SCRIPTS_ROOT",
    "SCRIPT_KEYS",
    "SCRIPT_ROUTE_AT",
    "SCRIPT_TIE_AT",
    "TOPICS",
    "Script",
    "ScriptLibrary",
    "ScriptSet",
    "Wording",
    "content_hash",
    "load_scripts",
    "publication_records",
    "publish",
]

FORMAT_VERSIONS = (1,)

TOPICS = (
    "case_status",
    "biometrics",
    "field_office",
    "service_request",
    "change_of_address",
    "processing_times",
    "forms_and_fees",
    "special_lines",
    "outside_us",
    "other_agency",
    "ice_checkin",
    "expedite",
    "accommodations",
    "premium_processing",
    "adoptions",
    "military",
    "card_not_received",
    "general",
)

# What Tier 1 may do once the script is said (seed 003: create a service request,
# escalate to Tier 2, route to a supervisor), or go back to the topics, or end.
NEXT_STEPS = ("service_request_offer", "tier2_transfer", "supervisor", "topic_menu", "goodbye")

# 0 stays free for "a representative", * and # for repeat and end of entry.
MENU_KEYS = tuple("123456789")

SCRIPT_KEYS = (
    "version",
    "id",
    "script_version",
    "effective",
    "topics",
    "label",
    "phrases",
    "key",
    "text",
    "may_follow",
)
_REQUIRED_KEYS = tuple(key for key in SCRIPT_KEYS if key != "key")

MAX_TEXT_CHARS = 600
MAX_SENTENCES = 6
MAX_LABEL_CHARS = 60

# Effective dates are calendar dates at the Contact Center (Eastern time).
_CONTACT_CENTER_ZONE = ZoneInfo("America/New_York")


def _default_root() -> Path:
    beside_package = Path(__file__).resolve().parents[2] / "scripts"
    return beside_package if beside_package.is_dir() else Path.cwd() / "scripts"


SCRIPTS_ROOT = _default_root()

_LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}



# --- values --------------------------------------------------------------------------


@dataclass(frozen=True)
class Script:
    """One published (or draft) version of a response script."""

    id: str
    version: int
    effective: dt.date
    topics: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]] = field(hash=False)
    key: str | None
    text: dict[str, str] = field(hash=False)
    may_follow: tuple[str, ...]
    path: str
    label: dict[str, str] = field(hash=False)

    @property
    def ref(self) -> str:
        """The name a call records: `id@version`."""
        return f"{self.id}@{self.version}"


ADOPTION_SCRIPT = "hague-adoptions"
"""The adoptions script: a country named beside it is the child's, never the caller's abroad."""
LEARNT_SURE = 0.9999
"""How sure the topic question's examples classifier must be to read a script no rule read (`ScriptSet.learnt_read`).
Measured in round 14 with the eleven training batches, each left out of the training in turn, on the questions no rule
read (the batches' 1,209, topics.yaml's 1,063): at 0.9999 with the keywords' first two, 24 and 6 read right for none
wrong; at 0.999, 27 and 8 for 2 and 0; at 0.99, 32 and 10 for 2 and 1; with the keywords' first only, 20 and 4 for
none."""
LEARNT_AMONG = 2
"""... and the script it reads must be among the scripts' keyword model's first `LEARNT_AMONG`."""
NEAREST_K = 5
"""How many of the training examples nearest to what the caller said vote (`ScriptSet.nearest_read`, round 19)."""
NEAREST_SHARE = 0.8
"""The share of the nearest examples' vote (each votes its similarity) the script must have ..."""
NEAREST_AGREES = 0.95
"""... and how sure the examples classifier (`learnt_read`'s naive Bayes) must be of the same script.  Chosen in round
19 with the eleven training batches, each left out of the training in turn, on the questions no rule and no
`learnt_read` read (docs/understanding-log.md): at 5, 0.8 and 0.95, 9 more read right for none wrong (33 with
`learnt_read`'s 24); the nearest examples instead of `learnt_read` read at most 28 without a wrong script, and no
setting tried with the scripts' phrases indexed too read none wrong."""


@dataclass(frozen=True)
class ScriptSet:
    """The scripts in force at one moment: at most one version of each id."""

    scripts: tuple[Script, ...]
    wordings: tuple[Wording, ...] = ()
    # the topic question's training examples (`scripts/examples.yaml`), by language: what the examples classifier
    # learns besides the scripts' labels and phrases (`learnt_read`)
    examples: ScriptExamples = field(default_factory=dict, repr=False, compare=False)
    # the examples classifiers learnt, shared by every set of one library (`ScriptLibrary.in_force`): by the refs of
    # the scripts in force, so the days whose versions are the same learn once
    learnt_cache: dict[tuple[str, ...], dict[str, Bayes | None]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # the examples' nearest-neighbour indexes (`nearest_read`), shared and keyed the same way
    neighbours_cache: dict[tuple[str, ...], dict[str, Neighbours | None]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _by_key: dict[str, Script] = field(init=False, repr=False, compare=False)
    _says: dict[tuple[str, str], str] = field(init=False, repr=False, compare=False)
    _phrases: dict[str, tuple[tuple[int, tuple[str, ...]], ...]] = field(
        init=False, repr=False, compare=False
    )
    _models: dict[str, Model] = field(init=False, repr=False, compare=False)  # ivr.core.understanding, per language
    # per language: each script's label words, each form number its phrases name (with the ids naming it), each
    # script's words (label and phrases): what `script_reading` weighs, compiled once
    _labels: dict[str, dict[str, frozenset[str]]] = field(init=False, repr=False, compare=False)
    _forms: dict[str, dict[str, frozenset[str]]] = field(init=False, repr=False, compare=False)
    _vocabulary: dict[str, dict[str, frozenset[str]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {s.key: s for s in self.scripts if s.key is not None})
        object.__setattr__(
            self,
            "_says",
            {(name, language): text for w in self.wordings for name, texts in w.says.items() for language, text in texts.items()},
        )
        object.__setattr__(
            self,
            "_models",
            {
                language: Model.build(((s.id, (s.label[language], *s.phrases[language])) for s in self.scripts), language)
                for language in LANGUAGES
            },
        )
        object.__setattr__(
            self,
            "_labels",
            {
                language: {s.id: frozenset(content(s.label[language], language)) for s in self.scripts}
                for language in LANGUAGES
            },
        )
        object.__setattr__(self, "_forms", {language: forms_named(self.scripts, language) for language in LANGUAGES})
        object.__setattr__(
            self,
            "_vocabulary",
            {
                language: {
                    s.id: frozenset(
                        word for text in (s.label[language], *s.phrases[language]) for word in content(text, language)
                    )
                    for s in self.scripts
                }
                for language in LANGUAGES
            },
        )
        object.__setattr__(
            self,
            "_phrases",
            {
                language: tuple(
                    (index, _content_words(phrase, language))
                    for index, script in enumerate(self.scripts)
                    for phrase in script.phrases[language]
                )
                for language in LANGUAGES
            },
        )

    def refs(self) -> tuple[str, ...]:
        """`id@version` of every script in the set, for the call record."""
        return tuple(script.ref for script in self.scripts)

    def says(self, name: str, language: str) -> str | None:
        """The sentences of wording `name` (`ivr.definitions.script_wording.WORDING`) in force, with their `{facts}`."""
        return self._says.get((name, language))

    def wording_refs(self) -> tuple[str, ...]:
        """`id@version` of every wording script in the set."""
        return tuple(wording.ref for wording in self.wordings)

    def by_id(self, script_id: str) -> Script | None:
        """The version of `script_id` in force, if any."""
        return next((script for script in self.scripts if script.id == script_id), None)

    def by_key(self, key: str) -> Script | None:
        """The script chosen with `key` on the Tier 1 topic menu."""
        return self._by_key.get(key)

    def for_topic(self, topic: str) -> Script | None:
        """The script whose first topic is `topic`, else the first listing it; ties go by id."""
        listing = [script for script in self.scripts if topic in script.topics]
        primary = [script for script in listing if script.topics[0] == topic]
        chosen = primary or listing
        return chosen[0] if chosen else None

    def match(self, utterance: str, language: str) -> Script | None:
        """The script that best answers what the caller said, or None.

        Scored by the understanding model (`ivr.core.understanding`) over the scripts'
        phrases and labels, compiled once per set of scripts in force: case, accents,
        contractions, plurals and recogniser slips do not matter, words shared by
        several scripts weigh less, and a form's number is read as a recogniser writes it
        (`script_reading.spoken_forms`).  A script's phrases are few, so Tier 1 reads one only
        when sure (`script_reading.decide`: a sure route, a lone candidate, or the one of two close
        scripts whose label the caller named); it asks no clarifying question; otherwise None.
        """
        understood = self.understand(utterance, language)
        return self.by_id(understood.choice) if understood.choice is not None else None

    def understand(self, utterance: str, language: str) -> Understanding:
        """How the scripts' model reads what the caller said, decided as `match` decides: a route to the script
        read (its id as the choice) when sure, else not understood; the scores and runners-up are kept, for
        `ivr understand` and trainers."""
        return self.reading(utterance, language)[0]

    def reading(self, utterance: str, language: str) -> tuple[Understanding, dict[str, float]]:
        """`understand` and `scores` at once, the scripts' model run once: what the topic question weighs."""
        # a recogniser's slip put right, what was mailed about a card a notice, a relative's place theirs (round 11)
        said = theirs_abroad(as_asked(self._said(utterance, language), language), language)
        ranked, words = self._models[language].scores(said)
        understood = decide(
            ranked, words, self._labels[language], frozenset(content(said, language)), self._vocabulary[language]
        )
        away = elsewhere(said, language) and not ours_named(said, language)  # a business as context (round 16)
        foreign = another_agencys(said, language) or errand_elsewhere(said, language)
        if understood.by in (LONE, NAMED) and away:  # another business's question: not ours
            understood = dataclasses.replace(understood, outcome="not_understood", choice=None, by="keywords")
        elif understood.choice is not None and away and not self.names_business(understood.choice, said, language):
            # a business the script never names: "what time does the dmv open" (round 12)
            understood = dataclasses.replace(understood, outcome="not_understood", choice=None, by="keywords")
        if foreign:  # a state's licence, money sent to family: not ours at all, for any reader (round 12)
            return dataclasses.replace(understood, outcome="not_understood", choice=None, by=NOT_OURS), dict(ranked)
        scores = dict(ranked)
        ours = not away and not foreign
        said_tokens = tokens(said, language) if ours else ()
        if understood.choice is None and ours:
            asked = form_question(said, said_tokens, language)  # a form named, its question's kind
            if asked is not None and self.by_id(asked) is not None:
                understood = dataclasses.replace(
                    understood, outcome="route", choice=asked, score=scores.get(asked, 0.0), by=FORM
                )
        if understood.choice is None and ours:
            own = own_word_read(said, language, ranked, (s.id for s in self.scripts))  # a script's own word alone
            abroad = ABROAD in said_tokens or ABROAD in tokens(settled_abroad(said, language), language)
            # an adoption names the child's country, not the caller's (the t16/t17 round): intercountry adoption is abroad
            adoption = bool(ranked) and ranked[0][0] == ADOPTION_SCRIPT
            if own is None and abroad and not adoption and self.by_id(ABROAD_SCRIPT) is not None:
                own = ABROAD_SCRIPT  # the caller where they are, a country or city abroad: calls from abroad
            if own is not None:
                understood = dataclasses.replace(
                    understood, outcome="route", choice=own, score=scores.get(own, 0.0), by=OWN
                )
        # a situation whose script is plain, the case named beside it its context (round 12)
        situation = situation_read(said, language, understood.choice) if ours else None
        if situation is not None and self.by_id(situation) is not None:
            understood = dataclasses.replace(
                understood, outcome="route", choice=situation, score=scores.get(situation, 0.0), by=SITUATION
            )
        if understood.choice is None and not foreign:
            # a long story around a plain request: its clauses read one script, the whole's best (round 9); a story may
            # name another business (a restaurant, insurance) and still ask ours in so many words
            clause = clause_read(said, language, self._clause_reading)
            if clause is not None and ranked and clause == ranked[0][0] and \
                    (not away or self.names_business(clause, said, language)):  # "my mom's medicare card ..." (round 12)
                understood = dataclasses.replace(
                    understood, outcome="route", choice=clause, score=scores.get(clause, 0.0), by=CLAUSE
                )
        if understood.choice is None:
            form = form_read(words, self._forms[language])
            runner = ranked[1][1] if len(ranked) > 1 else 0.0
            if form is not None and ranked[0][0] == form and ranked[0][1] - runner >= CLOSE:  # leads, not in doubt
                understood = dataclasses.replace(
                    understood, outcome="route", choice=form, score=scores.get(form, 0.0), by=FORM
                )
        looked = self.second_look(understood.choice, said, language) if understood.choice is not None else None
        if looked is None and understood.choice is not None:  # a date moved, a notice or card come
            understood = dataclasses.replace(understood, outcome="not_understood", choice=None, by="keywords")
        elif looked != understood.choice:  # what to bring to the field office (round 12), its date (round 20)
            understood = dataclasses.replace(understood, choice=looked, score=scores.get(looked or "", 0.0), by=SITUATION)
        return understood, scores

    def learnt_read(self, said: str, language: str) -> str | None:
        """The script the topic question's examples classifier reads for what the caller said (normalised), when no
        rule read one (`tier1_scripts.answer_read`): a naive Bayes (`ivr.core.bayes`) learnt from the scripts'
        labels and phrases and the training examples (`scripts/examples.yaml`, `none` among them) reads a script
        only when it is sure (`LEARNT_SURE`) and the scripts' keyword model ranks it among its first two
        (`LEARNT_AMONG`); never a
        question of another business or agency (`elsewhere`, `another_agencys`, `errand_elsewhere`), and the same
        second looks as the rules' reading (a date moved is no new home, a notice come is not one missing).

        The rules stay first: they are never confidently wrong on the corpus, and the classifier alone would be
        (round 14, docs/understanding-log.md)."""
        model = self._learnt.get(language)
        if model is None:
            return None
        heard = self._examples_heard(said, language)
        if heard is None:
            return None
        ranked, _ = self._models[language].scores(heard)
        learnt = model.posterior(_content_words(said, language))
        if not learnt or learnt[0][1] < LEARNT_SURE or learnt[0][0] not in (choice for choice, _ in ranked[:LEARNT_AMONG]):
            return None
        return self.second_look(learnt[0][0], heard, language)

    def nearest_read(self, said: str, language: str) -> str | None:
        """The script the training examples nearest to what the caller said (normalised) read, when neither a rule nor
        `learnt_read` read one (`tier1_scripts.answer_read`, round 19): the `NEAREST_K` examples most similar to the
        caller's sentence (`ivr.core.neighbours`: word stems and character trigrams, tf-idf cosine) give the script
        `NEAREST_SHARE` of their vote, and the examples classifier's first choice is the same script at
        `NEAREST_AGREES`; the keyword model need not rank it.  The same guards and second looks as `learnt_read`."""
        model, index = self._learnt.get(language), self._neighbours.get(language)
        if model is None or index is None:
            return None
        words = _content_words(said, language)
        learnt = model.posterior(words)
        if not learnt or learnt[0][0] == NONE or learnt[0][1] < NEAREST_AGREES:  # cheap first: most questions stop here
            return None
        heard = self._examples_heard(said, language)
        if heard is None:
            return None
        votes = index.vote(words, NEAREST_K)
        if not votes or votes[0][0] != learnt[0][0] or votes[0][1] < NEAREST_SHARE:
            return None
        return self.second_look(learnt[0][0], heard, language)

    def _examples_heard(self, said: str, language: str) -> str | None:
        """What the examples' readers weigh of what the caller said (a split word joined, a notice mailed about a card
        that notice, a country of theirs abroad), or None for a question of another business or agency, which no
        script of ours answers (`another_agencys`, `errand_elsewhere`, `elsewhere` unless ours are named beside it)."""
        heard = theirs_abroad(as_asked(self._said(said, language), language), language)
        if another_agencys(heard, language) or errand_elsewhere(heard, language) or \
                elsewhere(heard, language) and not ours_named(heard, language):  # a business as context (round 15)
            return None
        return heard

    def second_look(self, choice: str, heard: str, language: str) -> str | None:
        """The rules' second looks at a script chosen for what the caller said (by the scripts' model, a line or an
        examples' reader): what to bring, a rescheduling or a letter come where a field office is named is the field
        office (`at_field_office`, rounds 12 and 20); a date moved is no new home, a notice or card come is none
        missing (None)."""
        if at_field_office(choice, heard, language) and self.by_id(FIELD_OFFICE_SCRIPT) is not None:
            return FIELD_OFFICE_SCRIPT
        if choice == ADDRESS_SCRIPT and appointment_moved(heard, language) or \
                choice == NOTICE_SCRIPT and notice_came(heard, language) or choice == CARD_SCRIPT and card_came(heard, language):
            return None
        return choice

    @functools.cached_property
    def _learnt(self) -> dict[str, Bayes | None]:
        """The examples classifier of each language, learnt at its first use (about 0.1 s, once per library and set of
        versions in force, `learnt_cache`): the scripts' labels and phrases, and the examples of scripts in force or
        `none`."""
        key = self.refs()
        if key not in self.learnt_cache:
            self.learnt_cache[key] = self._learn()
        return self.learnt_cache[key]

    def _learn(self) -> dict[str, Bayes | None]:
        ids = {script.id for script in self.scripts}
        return {
            language: Bayes.learn([
                *((script.id, _content_words(normalize(text), language))
                  for script in self.scripts for text in (script.label[language], *script.phrases[language])),
                *((label, _content_words(normalize(text), language))
                  for label, text in self.examples.get(language, ()) if label in ids or label == NONE),
            ])
            for language in LANGUAGES
        }

    @functools.cached_property
    def _neighbours(self) -> dict[str, Neighbours | None]:
        """The training examples of each language indexed for `nearest_read`, at its first use (once per library and
        set of versions in force, `neighbours_cache`): the examples of scripts in force or `none`, not the scripts'
        phrases (a short phrase is no caller's sentence: with them the nearest examples read wrong, round 19)."""
        key = self.refs()
        if key not in self.neighbours_cache:
            ids = {script.id for script in self.scripts}
            self.neighbours_cache[key] = {
                language: Neighbours.learn(
                    ((label, _content_words(normalize(text), language))
                     for label, text in self.examples.get(language, ()) if label in ids or label == NONE),
                    language,
                )
                for language in LANGUAGES
            }
        return self.neighbours_cache[key]

    def _clause_reading(self, clause: str, language: str) -> str | None:
        """The script a sure route reads for one clause of what the caller said (`script_reading.clause_read`)."""
        ranked, words = self._models[language].scores(clause)
        understood = decide(ranked, words, self._labels[language], frozenset(content(clause, language)))
        return understood.choice if understood.by == "keywords" else None

    def names_business(self, script_id: str, said: str, language: str) -> bool:
        """Whether the script's label and phrases name every other business the caller names as the question's object
        (`script_reading.businesses_named`; true when none is named): a script that never names the business does not
        answer a question about it, whichever model reads it (issue 16, round 12)."""
        named = businesses_named(said, language)
        return not named or named <= self._vocabulary[language].get(script_id, frozenset())

    def scores(self, utterance: str, language: str) -> dict[str, float]:
        """Every script's score for what the caller said (the scripts' model, keywords alone), by id: the evidence
        Tier 1 weighs when another model has named the line and several of its scripts could answer."""
        ranked, _ = self._models[language].scores(self._said(utterance, language))
        return dict(ranked)

    def _said(self, utterance: str, language: str) -> str:
        """What the scripts' model reads: a word the recogniser split joined, a form's number joined as a recogniser
        writes it, a language named as such."""
        _check_language(language)
        return languages_named(spoken_forms(joined_splits(utterance, language), language), language)

    def menu(self, language: str) -> list[tuple[str, str]]:
        """(key, label) of every script with a key, in key order: "For <label>, press <key>."."""
        _check_language(language)
        return [(key, self._by_key[key].label[language]) for key in sorted(self._by_key)]


@dataclass(frozen=True)
class ScriptLibrary:
    """Every loaded version of every script; loaded once at start-up."""

    versions: Mapping[str, tuple[Script, ...]]  # by id, versions ascending
    draft_refs: frozenset[str] = frozenset()
    wordings: Mapping[str, tuple[Wording, ...]] = field(default_factory=dict)  # wording scripts, by id
    examples: ScriptExamples = field(default_factory=dict)  # the topic question's training examples, by language
    _sets: dict[tuple[dt.date, tuple[tuple[str, int], ...]], ScriptSet] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _learnt: dict[tuple[str, ...], dict[str, Bayes | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _neighbours: dict[tuple[str, ...], dict[str, Neighbours | None]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def refs(self) -> tuple[str, ...]:
        """Every loaded `id@version` of an informational script, by id and then version."""
        return tuple(script.ref for id_ in sorted(self.versions) for script in self.versions[id_])

    def wording_refs(self) -> tuple[str, ...]:
        """Every loaded `id@version` of a wording script, by id and then version."""
        return tuple(wording.ref for id_ in sorted(self.wordings) for wording in self.wordings[id_])

    def get_wording(self, ref: str) -> Wording:
        """The wording script `id@version`; KeyError when it is not loaded."""
        id_, version = parse_ref(ref)
        for wording in self.wordings.get(id_, ()):
            if wording.version == version:
                return wording
        known = [w.ref for w in self.wordings.get(id_, ())] or list(self.wording_refs())  # its versions, if the id is known
        raise KeyError(f"unknown wording script {ref} (known: {', '.join(known) or 'none'})")

    def get(self, ref: str) -> Script:
        """The script `id@version`; KeyError when it is not loaded, ValueError when `ref` is malformed."""
        id_, version = parse_ref(ref)
        for script in self.versions.get(id_, ()):
            if script.version == version:
                return script
        known = [s.ref for s in self.versions.get(id_, ())] or list(self.refs())  # its versions, if the id is known
        raise KeyError(f"unknown script {ref} (known: {', '.join(known) or 'none'})")

    def in_force(self, on: dt.date, pins: Mapping[str, int] | None = None) -> ScriptSet:
        """For each id, the highest version in force on `on`, unless `pins` names the version.

        `on` is a calendar date at the Contact Center; an aware datetime is converted
        to America/New_York first.  A pin to an unknown id or version, or pins that
        give two scripts the same menu key, raise `ConfigError`.
        """
        day = _contact_center_date(on)
        pin_items = tuple(sorted((pins or {}).items()))
        cache_key = (day, pin_items)
        cached = self._sets.get(cache_key)
        if cached is not None:
            return cached
        pinned = dict(pin_items)
        chosen = self._pinned({id_: v for id_, v in pinned.items() if id_ not in self.wordings})
        for id_ in sorted(self.versions):
            if id_ not in chosen:
                script = _latest_effective(self.versions[id_], day)
                if script is not None:
                    chosen[id_] = script
        scripts = tuple(chosen[id_] for id_ in sorted(chosen))
        clash = _first_key_clash(scripts)
        if clash:
            raise ConfigError(f"script pins give menu key {clash[0]} to both {clash[1]} and {clash[2]}")
        result = ScriptSet(
            scripts, wordings_in_force(self.wordings, day, {i: v for i, v in pinned.items() if i in self.wordings}),
            self.examples, self._learnt, self._neighbours,
        )
        self._sets[cache_key] = result
        return result

    def _pinned(self, pins: Mapping[str, Any]) -> dict[str, Script]:
        chosen: dict[str, Script] = {}
        for id_, version in pins.items():
            if id_ not in self.versions:
                known_ids = ", ".join(sorted(self.versions))
                raise ConfigError(f"script pin {id_}@{version}: no script '{id_}' (known: {known_ids})")
            if isinstance(version, bool) or not isinstance(version, int):
                raise ConfigError(f"script pin for {id_}: {version!r} is not a version number")
            known = {script.version: script for script in self.versions[id_]}
            if version not in known:
                listed = ", ".join(script.ref for script in self.versions[id_])
                raise ConfigError(f"script pin {id_}@{version}: no such version (known: {listed})")
            chosen[id_] = known[version]
        return chosen


# --- loading -------------------------------------------------------------------------


@dataclass(frozen=True)
class _VersionFile:
    id: str
    number: int
    path: Path

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.number}"


@dataclass(frozen=True)
class _Loaded:
    script: Script | Wording
    effective_line: int
    key_line: int


def published_ids(root: Path | str = SCRIPTS_ROOT) -> frozenset[str]:
    """The ids some published version defines, read from the lock alone (no script file is parsed): what a flow's
    `script_lines:` may name (`ivr.definitions.flows`); a malformed lock is `load_scripts`' to report."""
    return frozenset(parse_ref(ref)[0] for ref in read_lock(Path(root), []))


def load_scripts(root: Path | str = SCRIPTS_ROOT, include_drafts: bool = False) -> ScriptLibrary:
    """Load and check every published version under `root` (and drafts when asked).

    Raises `DefinitionError` with every problem of every file: a malformed or edited
    version, a published version whose file is gone, a menu key used twice by
    scripts in force together.
    """
    root = Path(root)
    if not root.is_dir():
        raise DefinitionError([Problem(display_path(root), 1, "", "scripts folder not found")])
    problems: list[Problem] = []
    lock = read_lock(root, problems)
    files = _version_files(root, problems)
    loaded: list[_Loaded] = []
    drafts: set[str] = set()
    newest = _newest(files)
    for version_file in files:
        entry = lock.get(version_file.ref)
        if entry is None and not include_drafts:
            continue
        held_to_glossary = entry is None or version_file.ref in newest
        result = _load_version(version_file, entry, problems, held_to_glossary)
        if result is not None:
            loaded.append(result)
            if entry is None:
                drafts.add(version_file.ref)
    _check_missing(root, lock, {f.ref for f in files}, problems)
    _check_gaps(files, lock, problems)
    _check_version_order(loaded, problems)
    _check_key_clashes(loaded, problems)
    problems += wording_problems([(item.script, item.key_line) for item in loaded if isinstance(item.script, Wording)])
    examples = read_script_examples(
        root, frozenset(f.id for f in files if f.id not in {i.script.id for i in loaded if isinstance(i.script, Wording)}), problems
    )
    if root.resolve() == Path(SCRIPTS_ROOT).resolve():  # the table speaks of the shipped scripts, not a test's root
        script_ids = {item.script.id for item in loaded if not isinstance(item.script, Wording)}
        problems += [Problem("ivr/rules/own_words.py", 1, "OWN_WORDS", what) for what in own_word_problems(script_ids, LANGUAGES)]
    if problems:
        raise DefinitionError(problems)
    by_id: dict[str, list[Script]] = {}
    wordings: dict[str, list[Wording]] = {}
    for item in sorted(loaded, key=lambda i: (i.script.id, i.script.version)):
        if isinstance(item.script, Wording):
            wordings.setdefault(item.script.id, []).append(item.script)
        else:
            by_id.setdefault(item.script.id, []).append(item.script)
    return ScriptLibrary(
        {id_: tuple(scripts) for id_, scripts in by_id.items()},
        frozenset(drafts),
        {id_: tuple(versions) for id_, versions in wordings.items()},
        examples,
    )


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VERSION_FILE = re.compile(r"v([1-9][0-9]*)\.yaml")


def _newest(files: list[_VersionFile]) -> set[str]:
    """`id@version` of each script's highest version on disk, published or draft (a draft is the next wording)."""
    newest = {version_file.id: version_file for version_file in files}  # sorted by id, then number: the last wins
    return {version_file.ref for version_file in newest.values()}


def _version_files(root: Path, problems: list[Problem]) -> list[_VersionFile]:
    files: list[_VersionFile] = []
    for folder in sorted(root.iterdir()):
        if not folder.is_dir() or folder.name.startswith((".", "__")):
            continue
        for path in sorted(folder.iterdir()):
            if path.name.startswith("."):
                continue
            named = _VERSION_FILE.fullmatch(path.name)
            if named is None or not path.is_file():
                problems.append(
                    Problem(
                        display_path(path),
                        1,
                        "",
                        f"'{path.name}' is not a script version file "
                        "(a script folder holds only v<N>.yaml files: v1.yaml, v2.yaml, ...)",
                    )
                )
                continue
            files.append(_VersionFile(folder.name, int(named.group(1)), path))
    return sorted(files, key=lambda f: (f.id, f.number))


def _load_version(
    version_file: _VersionFile, entry: LockEntry | None, problems: list[Problem], held_to_glossary: bool = True
) -> _Loaded | None:
    shown = display_path(version_file.path)
    try:
        text = version_file.path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(shown, 1, "", f"not UTF-8 text ({exc.reason})"))
        return None
    checker = Checker(shown, spanish=avoided_forms if held_to_glossary else None, source=text)
    if entry is not None:
        now = content_hash(text)
        if now != entry.digest:
            checker.problem(
                1,
                "",
                f"published version {version_file.ref} was edited (published hash {entry.digest[:12]}, "
                f"now {now[:12]}); publish a new version instead",
            )
    if not re.match(r"#\s*source:\s*\S", text.removeprefix("\ufeff"), re.IGNORECASE):
        checker.problem(
            1,
            "",
            "the first line must cite what the script paraphrases ('# source: seed 001_… or DOMAIN.md §…')",
        )
    try:
        data = yamlsource.load_text(text, shown)
    except DefinitionError as exc:
        problems.extend(checker.problems)
        problems.extend(exc.problems)
        return None
    result = _check_script(checker, data, version_file)
    problems.extend(checker.problems)
    return result if not checker.problems else None


def _check_script(checker: Checker, data: Any, version_file: _VersionFile) -> _Loaded | None:
    top = checker.mapping(data, "top level", 1)
    if top is None:
        return None
    fmt = top.get("version")
    if isinstance(fmt, bool) or fmt not in FORMAT_VERSIONS:
        if "version" in top:
            checker.problem(
                top.line_of("version"),
                "version",
                f"file-format version {fmt} is not supported (supported: {_listed(FORMAT_VERSIONS)})",
            )
        else:
            checker.problem(top.line, "top level", "missing required key 'version' (the file-format version)")
        return None
    if "wording" in top:
        return _check_wording_script(checker, top, version_file)
    checker.keys(top, "", SCRIPT_KEYS, required=_REQUIRED_KEYS)
    id_ = _check_id(checker, top, version_file)
    number = _check_script_version(checker, top, version_file)
    effective = checker.date(top, "effective", "") if "effective" in top else None
    topics = _names(checker, top, "topics", TOPICS, "topic")
    may_follow = _names(checker, top, "may_follow", NEXT_STEPS, "next step")
    label = _bilingual_words(checker, top, "label", _check_label)
    text = _bilingual_words(checker, top, "text", _check_text)
    phrases = _phrases(checker, top)
    key = _menu_key(checker, top)
    if (
        id_ is None
        or number is None
        or effective is None
        or topics is None
        or may_follow is None
        or label is None
        or text is None
        or phrases is None
    ):
        return None
    script = Script(
        id=id_,
        version=number,
        effective=effective,
        topics=topics,
        phrases=phrases,
        key=key,
        text=text,
        may_follow=may_follow,
        path=checker.path,
        label=label,
    )
    return _Loaded(script, top.line_of("effective"), top.line_of("key"))


def _check_wording_script(checker: Checker, top: yamlsource.Mapping, version_file: _VersionFile) -> _Loaded | None:
    """A wording script: Tier 1's fixed sentences by name, in place of an informational text."""
    checker.keys(top, "", WORDING_KEYS, required=WORDING_KEYS)
    id_ = _check_id(checker, top, version_file)
    number = _check_script_version(checker, top, version_file)
    effective = checker.date(top, "effective", "") if "effective" in top else None
    label = _bilingual_words(checker, top, "label", _check_label)
    says = check_wording(checker, top, _check_text)
    if id_ is None or number is None or effective is None or label is None or says is None:
        return None
    wording = Wording(id=id_, version=number, effective=effective, label=label, says=says, path=checker.path)
    return _Loaded(wording, top.line_of("effective"), top.line_of("wording"))


def _check_id(checker: Checker, top: yamlsource.Mapping, version_file: _VersionFile) -> str | None:
    if "id" not in top:
        return None
    id_ = checker.text(top, "id", "")
    if id_ is None:
        return None
    if not _ID.fullmatch(id_):
        checker.problem(
            top.line_of("id"), "id", f"'{id_}' is not a script id (lower-case words joined by dashes)"
        )
        return None
    if id_ != version_file.id:
        checker.problem(
            top.line_of("id"),
            "id",
            f"'{id_}' does not match its folder '{version_file.id}' (a script's id is its folder name)",
        )
        return None
    return id_


def _check_script_version(
    checker: Checker, top: yamlsource.Mapping, version_file: _VersionFile
) -> int | None:
    if "script_version" not in top:
        return None
    number = checker.integer(top, "script_version", "", minimum=1)
    if number is None:
        return None
    if number != version_file.number:
        checker.problem(
            top.line_of("script_version"),
            "script_version",
            f"{number} does not match the file name v{version_file.number}.yaml",
        )
        return None
    return number


def _menu_key(checker: Checker, top: yamlsource.Mapping) -> str | None:
    if "key" not in top:
        return None
    key = checker.text(top, "key", "")
    if key is not None and key not in MENU_KEYS:
        checker.problem(
            top.line_of("key"), "key", f"'{key}' is not a menu key (allowed: {_listed(MENU_KEYS)})"
        )
        return None
    return key


def _names(
    checker: Checker, top: yamlsource.Mapping, key: str, allowed: tuple[str, ...], noun: str
) -> tuple[str, ...] | None:
    if key not in top:
        return None
    items = checker.sequence(top[key], key, top.line_of(key))
    if items is None:
        return None
    if not items:
        checker.problem(top.line_of(key), key, f"must list at least one {noun}")
        return None
    names: list[str] = []
    for index, item in enumerate(items):
        where = f"{key}[{index}]"
        if not isinstance(item, str):
            checker.problem(items.line_of(index), where, f"expected a {noun}, found {kind_of(item)}")
        elif item not in allowed:
            checker.problem(
                items.line_of(index), where, f"unknown {noun} '{item}' (allowed: {_listed(allowed)})"
            )
        elif item in names:
            checker.problem(items.line_of(index), where, f"'{item}' is listed twice")
        else:
            names.append(item)
    return tuple(names) if len(names) == len(items) else None


def _phrases(checker: Checker, top: yamlsource.Mapping) -> dict[str, tuple[str, ...]] | None:
    if "phrases" not in top:
        return None
    inner = checker.mapping(top["phrases"], "phrases", top.line_of("phrases"))
    if inner is None:
        return None
    checker.keys(inner, "phrases", LANGUAGES)
    result: dict[str, tuple[str, ...]] = {}
    for language in LANGUAGES:
        where = join("phrases", language)
        if language not in inner:
            checker.problem(
                inner.line, "phrases", f"missing the {_LANGUAGE_NAMES[language]} phrases ('{language}')"
            )
            continue
        items = checker.sequence(inner[language], where, inner.line_of(language))
        if items is None:
            continue
        if not items:
            checker.problem(inner.line_of(language), where, "must list at least one phrase")
            continue
        phrases = _phrase_list(checker, items, where, language)
        if phrases is not None:
            result[language] = phrases
    return result if len(result) == len(LANGUAGES) else None


def _phrase_list(
    checker: Checker, items: yamlsource.Sequence, where: str, language: str
) -> tuple[str, ...] | None:
    phrases: list[str] = []
    seen: dict[tuple[str, ...], int] = {}
    for index, item in enumerate(items):
        at = f"{where}[{index}]"
        line = items.line_of(index)
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            checker.problem(line, at, f"expected a phrase, found {kind_of(item)}")
            continue
        phrase = " ".join(str(item).split())
        words = _content_words(phrase, language)
        if not words:
            checker.problem(
                line, at, f"'{phrase}' has no words to match on (common words such as 'my' are ignored)"
            )
            continue
        if words in seen:
            checker.problem(line, at, f"'{phrase}' repeats {where}[{seen[words]}]")
            continue
        seen[words] = index
        phrases.append(phrase)
    return tuple(phrases) if len(phrases) == len(items) else None


def _bilingual_words(
    checker: Checker,
    top: yamlsource.Mapping,
    key: str,
    check: Callable[[str], list[str]],
) -> dict[str, str] | None:
    """`{en, es}` text, each checked by `check(text) -> list of faults`, Spanish not a copy of English."""
    if key not in top:
        return None
    texts = checker.bilingual(top, key, "")
    if texts is None:
        return None
    inner = top[key]
    ok = True
    for language in LANGUAGES:
        for fault in check(texts[language]):
            checker.problem(inner.line_of(language), join(key, language), fault)
            ok = False
    if _folded(texts["es"]) == _folded(texts["en"]):
        checker.problem(
            inner.line_of("es"), join(key, "es"), "is the same as the English text (translate it)"
        )
        ok = False
    return {language: " ".join(texts[language].split()) for language in LANGUAGES} if ok else None


# --- verbiage limits -----------------------------------------------------------------

_MARKUP = "<>{}*#_[]`|\\\t"
_URL = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://\S*|\bwww\.\S*|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*")
_PHONE_LIKE = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.\u2013\u2014-]?\d{3}[\s.\u2013\u2014-]\d{4}(?![\w-])"
)
_PHONE = re.compile(r"(?:1-)?\d{3}-\d{3}-\d{4}")
_ABBREVIATION = re.compile(
    r"(?i)(?<![\w.])(?:a\.\s?m\.|p\.\s?m\.|u\.s\.|ee\.\s?uu\.|e\.g\.|i\.e\.|etc\.|mr\.|mrs\.|ms\.|dr\.|sr\.|sra\.|no\.)"
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019\u00bb)]*\s+")


def _check_text(text: str) -> list[str]:
    """Faults of a script text: plain spoken sentences within the verbiage limits."""
    faults = _plain_faults(text)
    spoken = " ".join(text.split())
    if len(spoken) > MAX_TEXT_CHARS:
        faults.append(f"is {len(spoken)} characters long (at most {MAX_TEXT_CHARS})")
    sentences = _sentence_count(spoken)
    if sentences > MAX_SENTENCES:
        faults.append(f"has {sentences} sentences (at most {MAX_SENTENCES})")
    if not re.search(r"[.!?][\"'\u201d\u2019\u00bb)]*$", spoken):
        faults.append("must end a sentence with '.', '?' or '!'")
    return faults


def _check_label(text: str) -> list[str]:
    """Faults of a menu label, which is read inside "For <label>, press <key>."."""
    faults = _plain_faults(text)
    spoken = " ".join(text.split())
    if len(spoken) > MAX_LABEL_CHARS:
        faults.append(f"is {len(spoken)} characters long (at most {MAX_LABEL_CHARS})")
    if re.search(r"[.,;:!?]$", text):
        faults.append("must not end with punctuation (it is read as 'For <label>, press <key>.')")
    return faults


def _plain_faults(text: str) -> list[str]:
    faults = []
    markup = sorted({"a tab" if ch == "\t" else f"'{ch}'" for ch in text if ch in _MARKUP})
    if markup:
        faults.append(f"contains markup ({', '.join(markup)}): write plain sentences")
    for url in _URL.findall(text):
        faults.append(
            f"contains the web address '{url.rstrip('.,;:!?)')}' (write a bare domain such as uscis.gov)"
        )
    for phone in _PHONE_LIKE.findall(text):
        if not _PHONE.fullmatch(phone):
            faults.append(
                f"phone number '{phone}' must be written as digits with dashes, like 1-800-375-5283"
            )
    return faults


def _sentence_count(text: str) -> int:
    masked = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    return len([part for part in _SENTENCE_END.split(masked) if part.strip()])


# --- checks across files -------------------------------------------------------------


def _check_missing(
    root: Path, lock: Mapping[str, LockEntry], found: set[str], problems: list[Problem]
) -> None:
    shown = display_path(root / LOCK_NAME)
    for ref, entry in lock.items():
        if ref not in found:
            id_, number = ref.split("@")
            expected = display_path(root / id_ / f"v{number}.yaml")
            problems.append(Problem(shown, entry.line, ref, f"the published file {expected} is missing"))


def _check_gaps(files: list[_VersionFile], lock: Mapping[str, Any], problems: list[Problem]) -> None:
    """Versions are numbered 1, 2, 3… with no gap: a missing v<N>.yaml is a file left out or misnamed
    (a published one that is gone is reported by `_check_missing`)."""
    numbers: dict[str, list[_VersionFile]] = {}
    for version_file in files:
        numbers.setdefault(version_file.id, []).append(version_file)
    for id_, versions in numbers.items():
        expected = 1
        for version_file in versions:  # sorted by number
            missing = [n for n in range(expected, version_file.number) if f"{id_}@{n}" not in lock]
            if missing:
                text = version_file.path.read_text(encoding="utf-8", errors="replace")
                line = next((i for i, row in enumerate(text.splitlines(), 1) if row.startswith("script_version:")), 1)
                before = f"follows v{expected - 1}.yaml" if expected > 1 else "is the first version"
                problems.append(Problem(
                    display_path(version_file.path), line, "script_version",
                    f"{version_file.number} {before}: {', '.join(f'v{n}.yaml' for n in missing)} "
                    f"{'is' if len(missing) == 1 else 'are'} missing (versions are numbered 1, 2, 3… with no gap)",
                ))
            expected = version_file.number + 1


def _check_version_order(loaded: list[_Loaded], problems: list[Problem]) -> None:
    """A new version comes into force on or after the version before it."""
    by_id: dict[str, list[_Loaded]] = {}
    for item in sorted(loaded, key=lambda i: (i.script.id, i.script.version)):
        by_id.setdefault(item.script.id, []).append(item)
    for versions in by_id.values():
        for before, after in pairwise(versions):
            if after.script.effective < before.script.effective:
                problems.append(
                    Problem(
                        after.script.path,
                        after.effective_line,
                        "effective",
                        f"{after.script.effective} is before {before.script.ref} comes into force "
                        f"({before.script.effective}); a new version cannot take effect earlier",
                    )
                )


def _check_key_clashes(loaded: list[_Loaded], problems: list[Problem]) -> None:
    """No two scripts in force together on any date share a menu key."""
    by_id: dict[str, list[_Loaded]] = {}
    for item in sorted(loaded, key=lambda i: (i.script.id, i.script.version)):
        by_id.setdefault(item.script.id, []).append(item)
    reported: set[tuple[str, str]] = set()
    for day in sorted({item.script.effective for item in loaded}):
        in_force: dict[str, list[_Loaded]] = {}
        for versions in by_id.values():
            current = [item for item in versions if item.script.effective <= day]
            script = current[-1].script if current else None
            key = script.key if isinstance(script, Script) else None
            if key is not None:
                in_force.setdefault(key, []).append(current[-1])
        for key, holders in in_force.items():
            holders.sort(key=lambda i: (i.script.effective, i.script.id))
            first = holders[0].script
            for item in holders[1:]:
                pair = (first.ref, item.script.ref)
                if pair in reported:
                    continue
                reported.add(pair)
                problems.append(
                    Problem(
                        item.script.path,
                        item.key_line,
                        "key",
                        f"'{key}' is also the key of {first.ref} (both in force from {day})",
                    )
                )


def _first_key_clash(scripts: Iterable[Script]) -> tuple[str, str, str] | None:
    seen: dict[str, Script] = {}
    for script in scripts:
        if script.key is None:
            continue
        if script.key in seen:
            return script.key, seen[script.key].ref, script.ref
        seen[script.key] = script
    return None


# --- matching what a caller said -----------------------------------------------------

_STOP_WORDS = {
    "en": frozenset(
        "a about am an and are at be can could do does for from get have help hi hello how i i'm im "
        "in is it know like me my need of on or please the that this to want was what when where "
        "which with would you your".split()
    ),
    "es": frozenset(
        "a al como con de del el en es esta este hola la las lo los me mi mis necesito o para por "
        "puedo que quiero saber se su sus tengo un una unos unas y yo".split()
    ),
}


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", plain)


def _content_words(text: str, language: str) -> tuple[str, ...]:
    stop = _STOP_WORDS[language]
    return tuple(dict.fromkeys(word for word in _words(text) if word not in stop))


def _said(word: str, said: set[str]) -> bool:
    """Whether `word` or a plural/singular of it (cita, citas; address, addresses) was said."""
    if word in said:
        return True
    return any(_same_stem(word, other) for other in said)


def _same_stem(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and len(long_) - len(short) <= 2 and long_.startswith(short)


# --- small helpers -------------------------------------------------------------------


def _contact_center_date(on: dt.date) -> dt.date:
    if isinstance(on, dt.datetime):
        if on.tzinfo is None:
            raise ValueError(f"{on.isoformat()} has no UTC offset; pass a date or an aware datetime")
        return on.astimezone(_CONTACT_CENTER_ZONE).date()
    return on


def _latest_effective(versions: tuple[Script, ...], day: dt.date) -> Script | None:
    current = [script for script in versions if script.effective <= day]
    return current[-1] if current else None


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}' (allowed: {', '.join(LANGUAGES)})")


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _listed(values: Iterable[object]) -> str:
    return ", ".join(str(value) for value in values)
