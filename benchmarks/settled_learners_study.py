"""Issue 16 spike: other learners in place of the submenus' settled utterances' classifier, measured as a call decides.

    IVR_NATIVE=0 .venv/bin/python benchmarks/settled_learners_study.py [VARIANT ...] [--cv] [--oracle]

Every submenu model's `settled` (not the main menu's) is replaced by a variant learnt from exactly the pairs the
shipped `Settled.learn` was given (the menu's examples and settled utterances), and the whole pipeline
(`Model.understand`) is run over the untuned blind sets s24-s31 (`holdout.yaml`, 480 sentences) and the corpus.
`decide`'s policy and the guards in `Model._by_settled` are unchanged (a variant may name another SURE,MARGIN after
an `@`, to show how the policy binds a learner whose probabilities are not naive Bayes's).  Printed per variant:
s24-s31 right and confident wrong (+gained -lost against the shipped learner), the corpus per language, the learner's
own top-1 on s24-s31 (and how many of its >= SURE answers are right or wrong), the learning time of the 39 submenu
models and the pipeline's time per blind sentence (pure Python, the variants unoptimised).

`--cv`: 5-fold cross-validation over the corpus's submenu sentences (each fold's sentences taken out of what the
variant learns; the matcher is the corpus's fit either way, so only the difference between variants means much).
`--oracle`: the ceiling under the kept rules: a "learner" that knows each blind sentence's label at probability 1.

Variants are counting-only naive Bayes (no dependency) except `lr*`, `svc*` and `agree`, which need scikit-learn on
the path (the product does not).  Pure computation over the repository's files; run it under `nice`.
"""

from __future__ import annotations

import functools
import math
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

os.environ["IVR_NATIVE"] = "0"  # the pure Python: the learner is swapped on the instances
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import Stemmer  # noqa: E402

import ivr.core.settled as settled_mod  # noqa: E402
import ivr.core.understanding as understanding  # noqa: E402
from ivr.core.bayes import ranked  # noqa: E402
from ivr.core.concepts import concepts  # noqa: E402
from ivr.rules.scrub import scrub_speech  # noqa: E402
from ivr.trainers.understand import Report, Result, check_choices, compiled, load_corpus  # noqa: E402

BLIND = {f"holdout s{n}" for n in range(24, 32)}
STEM = {"en": Stemmer.Stemmer("english"), "es": Stemmer.Stemmer("spanish")}

_taught: dict[int, list[tuple[str, str]]] = {}
_kept: list[object] = []
_learn = settled_mod.Settled.learn.__func__  # type: ignore[attr-defined]


def _recording(cls, examples, alpha=settled_mod.ALPHA):  # type: ignore[no-untyped-def]
    pairs = list(examples)
    learnt = _learn(cls, pairs, alpha)
    if learnt is not None:
        _taught[id(learnt)] = pairs
        _kept.append(learnt)
    return learnt


settled_mod.Settled.learn = classmethod(_recording)  # type: ignore[method-assign,assignment]


# --- features -------------------------------------------------------------------------------------------------------

def words_of(text: str) -> list[str]:
    """The shipped classifier's words (`settled.features` without the pairs), scrubbed as it scrubs."""
    words = settled_mod._tokens(text.lower())
    if settled_mod.may_scrub(text, words):
        words = settled_mod._TOKEN.findall(scrub_speech(text).lower())
    return words


def pairs_of(words: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in zip(words, words[1:])]


def chars_of(words: list[str], lo: int = 3, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (scikit-learn's `char_wb`), the scrub's bracketed words left out."""
    out = []
    for word in words:
        if word.startswith("["):
            continue
        padded = f" {word} "
        for n in range(lo, min(hi, len(padded)) + 1):
            out.extend("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
    return out


Features = Callable[[str], list[tuple[str, float]]]
Make = Callable[[list[tuple[str, str]], str, understanding.Model], object]


def featurer(language: str, model: understanding.Model, *, stem: bool = False, skip: bool = False,
             binary: bool = False, chars: float = 0.0, lo: int = 3, hi: int = 5, concept: float = 0.0,
             content: bool = False, raw: bool = True) -> Features:
    """text -> weighted features: the words and pairs (stemmed or not; `skip`: pairs one word apart too; `binary`:
    each once), char n-grams at weight `chars`, the concepts named (`ivr.core.concepts`) at weight `concept`, and
    (`content`) the examples' classifier's own words of the sentence (stop words out, places marked) and their pairs."""
    stemmer = STEM[language]
    places = model.places

    def features(text: str) -> list[tuple[str, float]]:
        words = words_of(text)
        if stem:
            words = stemmer.stemWords(words)
        said = [*words, *pairs_of(words)] if raw else []
        if skip:
            said += [f"{a} _ {b}" for a, b in zip(words, words[2:])]
        if content:
            kept = list(understanding._example_words(text, language, places))
            said += ["w:" + f for f in (*kept, *pairs_of(kept))]
        if binary:
            said = list(dict.fromkeys(said))
        out = [(f, 1.0) for f in said]
        if chars:
            grams = chars_of(words_of(text), lo, hi)
            out += [(g, chars) for g in (dict.fromkeys(grams) if binary else grams)]
        if concept:
            out += [(c, concept) for c in concepts(text, language, places)]
        return out

    return features


# --- learners -------------------------------------------------------------------------------------------------------

class NaiveBayes:
    """Multinomial naive Bayes over weighted counts, priors from the counts, additive smoothing: with the plain words
    and pairs at `ALPHA`, the shipped `Settled` to the sentence (checked: the same 407/480)."""

    def __init__(self, pairs: list[tuple[str, str]], features: Features, alpha: float = settled_mod.ALPHA) -> None:
        self.features = features
        counts: dict[str, dict[str, float]] = {}
        said: dict[str, int] = defaultdict(int)
        for label, text in pairs:
            found = features(text)
            if not found:
                continue
            said[label] += 1
            bucket = counts.setdefault(label, defaultdict(float))
            for feature, weight in found:
                bucket[feature] += weight
        self.labels = tuple(counts)
        size = len({feature for bucket in counts.values() for feature in bucket})
        whole = sum(said.values())
        self.prior = [math.log(said[label] / whole) for label in self.labels]
        self.unseen = [math.log(alpha / (sum(counts[label].values()) + alpha * size)) for label in self.labels]
        self.rows: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, label in enumerate(self.labels):
            for feature, count in counts[label].items():
                self.rows[feature].append((index, math.log((count + alpha) / alpha)))

    def posterior(self, text: str) -> tuple[tuple[str, float], ...]:
        known = [(f, w) for f, w in self.features(text) if f in self.rows]
        weight = sum(w for _, w in known)
        totals = [prior + weight * unseen for prior, unseen in zip(self.prior, self.unseen)]
        for feature, w in known:
            for index, value in self.rows[feature]:
                totals[index] += w * value
        return ranked(self.labels, totals)

    def posterior_if_sure(self, text: str, factor: float, was: str | None = None, sure: float = 0.95):  # noqa: ANN201
        return self.posterior(text)


class OneClass(Exception):
    pass


class Linear:
    """A scikit-learn classifier with `predict_proba` over the same features, tf-idf (sublinear) and L2-normalised."""

    def __init__(self, pairs: list[tuple[str, str]], features: Features, make: Callable[[int], object]) -> None:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfTransformer

        rows, labels = [], []
        for label, text in pairs:
            found = features(text)
            if found:
                rows.append(self._counts(found))
                labels.append(label)
        if len(set(labels)) < 2:
            raise OneClass
        self.features = features
        self.vectors = DictVectorizer()
        self.weights = TfidfTransformer(sublinear_tf=True)
        self.model = make(min(Counter(labels).values()))
        matrix = self.weights.fit_transform(self.vectors.fit_transform(rows))
        self.model.fit(matrix, labels)  # type: ignore[attr-defined]
        self.labels = tuple(str(label) for label in self.model.classes_)  # type: ignore[attr-defined]

    @staticmethod
    def _counts(found: list[tuple[str, float]]) -> dict[str, float]:
        counts: dict[str, float] = defaultdict(float)
        for feature, weight in found:
            counts[feature] += weight
        return counts

    def posterior(self, text: str) -> tuple[tuple[str, float], ...]:
        row = self.weights.transform(self.vectors.transform([self._counts(self.features(text))]))
        probabilities = self.model.predict_proba(row)[0]  # type: ignore[attr-defined]
        return tuple(sorted(zip(self.labels, map(float, probabilities)), key=lambda item: -item[1]))

    posterior_if_sure = NaiveBayes.posterior_if_sure


def logistic(c: float) -> Callable[[int], object]:
    from sklearn.linear_model import LogisticRegression

    return lambda fewest: LogisticRegression(C=c, max_iter=3000)


def calibrated_svc(c: float = 1.0) -> Callable[[int], object]:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    def make(fewest: int) -> object:
        if fewest < 2:
            return LogisticRegression(C=10.0, max_iter=3000)
        return CalibratedClassifierCV(LinearSVC(C=c), cv=min(3, fewest), method="sigmoid")
    return make


class Agree(NaiveBayes):
    """The shipped naive Bayes, its overrule vetoed when a second learner's top choice differs."""

    def __init__(self, pairs: list[tuple[str, str]], features: Features, second: Callable[[], object]) -> None:
        super().__init__(pairs, features)
        try:
            self.second: object | None = second()
        except OneClass:
            self.second = None

    def posterior_if_sure(self, text: str, factor: float, was: str | None = None, sure: float = 0.95):  # noqa: ANN201
        said = self.posterior(text)
        if self.second is None or said[0][1] * factor < sure:
            return said
        return said if self.second.posterior(text)[0][0] == said[0][0] else ()  # type: ignore[attr-defined]


ORACLE: dict[str, str] = {}
PHRASES: dict[int, list[tuple[str, str]]] = {}
"""A submenu model -> its own options' phrases (`with_phrases`)."""


def with_phrases(make: Make) -> Make:
    """A variant that learns the menu's own options' phrases besides its examples and settled utterances."""
    return lambda pairs, language, model: make([*pairs, *PHRASES.get(id(model), ())], language, model)


class Oracle(NaiveBayes):
    """The ceiling under the kept rules: a blind sentence's own label at probability 1, the shipped NB otherwise."""

    def posterior(self, text: str) -> tuple[tuple[str, float], ...]:
        label = ORACLE.get(text)
        if label is None or label not in self.labels:
            return super().posterior(text)
        return ((label, 1.0), *((other, 0.0) for other in self.labels if other != label))



def nb(alpha: float = settled_mod.ALPHA, **kind: object) -> Make:
    return lambda pairs, language, model: NaiveBayes(
        pairs, featurer(language, model, **kind), alpha)  # type: ignore[arg-type]


def linear(make: Callable[[], Callable[[int], object]], **kind: object) -> Make:
    return lambda pairs, language, model: Linear(
        pairs, featurer(language, model, **kind), make())  # type: ignore[arg-type]


VARIANTS: dict[str, Make] = {
    "shipped-nb": nb(),
    "nb-stems": nb(stem=True),
    "nb-skip-pairs": nb(skip=True),
    "nb-binary": nb(binary=True),
    "nb-binary-stems": nb(binary=True, stem=True),
    "nb-alpha0.03": nb(0.03),
    "nb-alpha0.3": nb(0.3),
    "nb-alpha1": nb(1.0),
    "nb-chars3-5": nb(chars=1.0),
    "nb-chars3-5-w0.3": nb(chars=0.3),
    "nb-chars3-5-w0.1": nb(chars=0.1),
    "nb-chars3-5-w0.05": nb(chars=0.05),
    "nb-chars4-5-w0.1": nb(chars=0.1, lo=4),
    "nb-stems-chars-w0.3": nb(stem=True, chars=0.3),
    "nb-binary-chars-w0.1": nb(binary=True, chars=0.1),
    "nb-concepts": nb(concept=1.0),
    "nb-concepts-w2": nb(concept=2.0),
    "nb-content-concepts-only": nb(concept=1.0, content=True, raw=False),
    "nb-words-content-concepts": nb(concept=1.0, content=True),
    "nb-words-content": nb(content=True),
    "nb-words-content-concepts-stems": nb(concept=1.0, content=True, stem=True),
    "nb-words-content-concepts-alpha0.03": nb(0.03, concept=1.0, content=True),
    "nb@0.95,0.01": nb(),
    "nb-with-phrases": with_phrases(nb()),
    "nb-concepts-with-phrases": with_phrases(nb(concept=1.0)),
    "lr-words-C10": linear(lambda: logistic(10.0)),
    "lr-chars-C10": linear(lambda: logistic(10.0), chars=1.0),
    "lr-chars-C100": linear(lambda: logistic(100.0), chars=1.0),
    "lr-words-C1000": linear(lambda: logistic(1000.0)),
    "lr-words-C1000@0.95,0.01": linear(lambda: logistic(1000.0)),
    "lr-chars-C1000@0.95,0.01": linear(lambda: logistic(1000.0), chars=1.0),
    "lr-chars-C1000@0.9,0.02": linear(lambda: logistic(1000.0), chars=1.0),
    "lr-content-concepts-C1000@0.9,0.02": linear(lambda: logistic(1000.0), concept=1.0, content=True),
    "svc-chars": linear(calibrated_svc, chars=1.0),
    "svc-chars@0.9,0.02": linear(calibrated_svc, chars=1.0),
    "agree-nb-lr": lambda pairs, language, model: Agree(
        pairs, featurer(language, model),
        lambda: Linear(pairs, featurer(language, model, chars=1.0), logistic(1000.0))),
}


# --- the measure ----------------------------------------------------------------------------------------------------

class Study:
    def __init__(self) -> None:
        self.flow = compiled("uscis_contact_center")
        _, self.corpus = load_corpus(ROOT / "tests/understanding/corpus.yaml")
        _, held = load_corpus(ROOT / "tests/understanding/holdout.yaml")
        self.blind = [case for case in held if case.note in BLIND]
        check_choices(self.flow, self.blind)
        self.models = {}
        for name, state in self.flow.states.items():
            for model in (state.understanding or {}).values():
                if model.settled is not None and name != "main_menu":
                    self.models[id(model)] = (model, model.settled, _taught[id(model.settled)])
                    PHRASES.setdefault(id(model), [(option.key, phrase) for option in state.state.options
                                                   for phrase in option.phrases.get(model.language, ())])

    def install(self, make: Make | None, leave_out: frozenset[str] = frozenset()) -> float:
        started = time.perf_counter()
        learnt: dict[int, object] = {}
        for model, shipped, pairs in self.models.values():
            if make is None:
                learner: object = shipped
            else:
                if id(shipped) not in learnt:
                    try:
                        learnt[id(shipped)] = make([p for p in pairs if p[1] not in leave_out], model.language, model)
                    except OneClass:
                        learnt[id(shipped)] = None
                learner = learnt[id(shipped)]
            object.__setattr__(model, "settled", learner)
        return time.perf_counter() - started

    def evaluate(self, cases: list) -> Report:  # type: ignore[type-arg]
        report = Report()
        for case in cases:
            model = self.flow.states[case.state].understanding[case.language]
            report.results.append(Result(case, model.understand(case.text)))
        return report

    def top1(self) -> str:
        right = sure_right = sure_wrong = 0
        for case in self.blind:
            said = self.flow.states[case.state].understanding[case.language].settled.posterior(case.text)
            right += said[0][0] == case.expected
            if said[0][1] >= settled_mod.SURE:
                sure_right += said[0][0] == case.expected
                sure_wrong += said[0][0] != case.expected
        return f"{right}/{len(self.blind)} (>= {settled_mod.SURE}: {sure_right} right, {sure_wrong} wrong)"


def line(report: Report, label: str) -> str:
    parts = [f"{language} {sum(r.right for r in report.of(language))}/{len(report.of(language))} "
             f"cw {len(report.confident_wrong(language))}" for language in ("en", "es")]
    right = sum(r.right for r in report.results)
    return f"{label}: {right}/{len(report.results)} cw {len(report.confident_wrong())} " \
           f"({', '.join(parts)})"


def policy(name: str) -> str:
    sure, margin = settled_mod.SURE, settled_mod.MARGIN
    if "@" in name:
        sure, margin = map(float, name.split("@")[1].split(","))
    understanding.decide = functools.partial(settled_mod.decide, sure=sure, margin=margin)  # type: ignore[assignment]
    return f"SURE {sure}, MARGIN {margin}"


def main(argv: list[str]) -> None:
    cv, oracle = "--cv" in argv, "--oracle" in argv
    names = [name for name in argv if not name.startswith("--")] or list(VARIANTS)
    study = Study()
    sub = [case for case in study.corpus if case.state != "main_menu"]
    main_menu = study.evaluate([case for case in study.corpus if case.state == "main_menu"])
    study.install(None)
    policy("")
    shipped = study.evaluate(study.blind)
    print(line(shipped, "shipped, s24-s31"), "| its top-1 alone", study.top1())
    corpus = Report(main_menu.results + study.evaluate(sub).results)
    print(line(corpus, "shipped, corpus"))
    was = {(r.case.state, r.case.language, r.case.text): r.right for r in shipped.results}
    if oracle:
        ORACLE.update({case.text: case.expected for case in study.blind})
        study.install(lambda pairs, language, model: Oracle(pairs, featurer(language, model)))
        print(line(study.evaluate(study.blind), "ORACLE learner (the kept rules' ceiling), s24-s31"))
        ORACLE.clear()
    for name in names:
        rule = policy(name)
        learning = study.install(VARIANTS[name])
        started = time.perf_counter()
        blind = study.evaluate(study.blind)
        each = (time.perf_counter() - started) / len(study.blind)
        keys = [((r.case.state, r.case.language, r.case.text), r.right) for r in blind.results]
        gained = sum(right and not was[key] for key, right in keys)
        lost = sum(was[key] and not right for key, right in keys)
        print(f"== {name} ({rule}): learnt in {learning:.2f} s, {each * 1e3:.2f} ms a blind sentence; "
              f"top-1 alone {study.top1()}")
        print("   " + line(blind, "s24-s31") + f" +{gained} -{lost}")
        print("   " + line(Report(main_menu.results + study.evaluate(sub).results), "corpus"))
        if cv:
            folded = Report()
            for fold in range(5):
                cases = [case for at, case in enumerate(sub) if at % 5 == fold]
                study.install(VARIANTS[name], frozenset(case.text for case in cases))
                folded.results += study.evaluate(cases).results
            print("   " + line(folded, "5-fold CV, the corpus's submenu sentences"))
        sys.stdout.flush()
    study.install(None)


if __name__ == "__main__":
    main(sys.argv[1:])
