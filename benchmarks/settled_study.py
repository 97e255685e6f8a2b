"""The time-ordered study of the settled utterances' classifier on the spent blind holdouts v10-v34.

    .venv/bin/python benchmarks/settled_study.py [--sure 0.95 ...]

For each holdout vN (998 sentences, each set written blind after a freeze of the matcher), the
shipped classifier (`ivr.core.settled.Settled`) is trained only on what existed at vN's freeze
commit: that commit's training examples and its corpus's main-menu utterances, asks left out, made
into settled utterances as `tools/settle_corpus.py` makes them (vN's own sentences are never in
them: they joined the corpus after it was measured).  Its decision (`ivr.core.settled.decide`) is
combined with the matcher's outcome on vN at that freeze (`settled_study_matcher.json`: every
sentence's outcome, choice and score, from the freeze's own code; recorded once by running each
freeze's `Model.understand` over its set), and the result scored against vN's expected routes.
Reads the repository's history with `git show`; needs no scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from settle_corpus import settled  # noqa: E402

from ivr.core.settled import MARGIN, SURE, Settled, decide  # noqa: E402

FREEZES = {10: "5c147a5", 11: "5c147a5", 12: "da5c2e6", 13: "27247cc", 14: "c86a78d", 15: "edb16a7", 16: "26e083b",
           17: "6773061", 18: "f4eaaec", 19: "d2e5c99", 20: "764e7e7", 21: "005b4ae", 22: "d30e67a", 23: "2186e74",
           24: "c624b73", 25: "08357ec", 26: "a2137b7", 27: "a2100cc", 28: "8505e9a", 29: "1d76db5", 30: "778486f",
           31: "4c6979b", 32: "92238e7", 33: "8034abc", 34: "04583a1"}
"""Holdout vN -> the commit it was written blind after ("Freeze the matcher for holdout vN"; v10 and v11 shared one)."""
MATCHER = Path(__file__).with_name("settled_study_matcher.json")
CORPUS = "tests/understanding/corpus.yaml"
EXAMPLES = "flows/uscis_contact_center/examples.yaml"


def _show(rev: str, path: str) -> dict:
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True, check=True)
    return yaml.safe_load(text.stdout)


def _main_menu(doc: dict, language: str) -> list[tuple[str, str]]:
    return [(str(text), str(choice)) for group in doc["groups"] if group.get("state") == "main_menu"
            and group.get("language") == language for choice, texts in group["expect"].items() if choice != "ask"
            for text in texts]


def _holdout(corpus: dict, n: int, language: str) -> list[tuple[str, str]]:
    return _main_menu({"groups": [g for g in corpus["groups"] if str(g.get("note")) == f"holdout v{n} (spent)"]}, language)


def guesses(corpus: dict) -> list[tuple[int, str, str, str, tuple[tuple[str, float], ...]]]:
    """(n, language, sentence, expected, the classifier's ranked guesses) for every sentence of v10-v34, each set's classifier
    trained on what existed at its freeze."""
    found = []
    models: dict[tuple[str, str], Settled | None] = {}
    for n, rev in FREEZES.items():
        for language in ("en", "es"):
            if (rev, language) not in models:
                examples, old = _show(rev, EXAMPLES), _show(rev, CORPUS)
                for each in ("en", "es"):
                    pairs = [(choice, text) for text, choice in _main_menu(examples, each)]
                    pairs += [(choice, text) for text, choice in _main_menu({"groups": settled(old, examples)}, each)]
                    models[rev, each] = Settled.learn(pairs)
            model = models[rev, language]
            assert model is not None
            found += [(n, language, text, expected, model.posterior(text)) for text, expected in _holdout(corpus, n, language)]
    return found


def score(found: list, matcher: dict, sure: float, margin: float, forbids: Any = None) -> tuple[int, int, Counter]:
    """(right, wrong routes, what the classifier changed) over v10-v34 at threshold `sure` and `margin`; with
    `forbids(language, choice, text)`, less the routes the matcher's concept rules forbid (`Model.forbids`)."""
    right = wrong_routes = 0
    changed: Counter = Counter()
    for n, language, text, expected, ranked in found:
        outcome, choice = matcher[str(n)][text][:2]
        chosen = decide(ranked, 1.0, outcome, choice, sure, margin)
        if chosen not in (None, "none") and forbids is not None and forbids(language, chosen, text):
            chosen = None
        was = _got(outcome, choice)
        got = was if chosen is None else chosen
        right += got == expected
        wrong_routes += got not in ("none", "ask") and got != expected
        if chosen is not None:
            changed["right -> wrong" if was == expected else "wrong -> right" if got == expected else "wrong -> wrong"] += 1
    return right, wrong_routes, changed


def _forbids() -> Any:
    """`Model.forbids` of today's main menu: its concept rules and what today's examples taught (newer than
    every freeze: an approximation, which the line without vetoes bounds)."""
    from ivr.trainers.understand import compiled

    menu = compiled("uscis_contact_center").states["main_menu"].understanding
    return lambda language, choice, text: menu[language].forbids(choice, text)


def cross_validate(folds: int) -> None:
    """`folds`-fold cross-validation over today's corpus (main menu, asks included): the settled classifier learns
    from the examples and the settled utterances less the fold, and the whole model decides the fold; beside it the
    matcher alone.  The matcher was developed on the corpus, so its side is a fit; the classifier's is not."""
    from dataclasses import replace

    from ivr.core.machine import build_model
    from ivr.trainers.understand import compiled, load_corpus

    flow = compiled("uscis_contact_center").flow
    cases = [case for case in load_corpus(ROOT / CORPUS)[1] if case.state == "main_menu"]
    for language in ("en", "es"):
        mine = [case for case in cases if case.language == language]
        taught = flow.settled["main_menu"][language]
        tally: Counter = Counter()
        for k in range(folds):
            fold = mine[k::folds]
            held = {case.text.lower().strip() for case in fold}
            trimmed = replace(flow, settled={"main_menu": {language: tuple(p for p in taught if p[1] not in held)}})
            model = build_model(trimmed, trimmed.states["main_menu"], language)
            for name, chosen in (("with", model), ("matcher alone", replace(model, settled=None))):
                for case in fold:
                    understood = chosen.understand(case.text)
                    got = _got(understood.outcome, understood.choice)
                    tally[name, "right"] += got == case.expected
                    tally[name, "wrong routes"] += understood.outcome == "route" and got != case.expected
        print(f"{folds}-fold, {language} ({len(mine)}): " + "; ".join(
            f"{name}: {tally[name, 'right']} right, {tally[name, 'wrong routes']} wrong routes"
            for name in ("matcher alone", "with")))


def _got(outcome: str, choice: str | None) -> str:
    return str(choice) if outcome == "route" else "ask" if outcome == "ask" else "none"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sure", type=float, nargs="*", default=[SURE])
    parser.add_argument("--margin", type=float, nargs="*", default=[MARGIN])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate over today's corpus instead")
    args = parser.parse_args()
    if args.folds:
        cross_validate(args.folds)
        return 0
    corpus = yaml.safe_load((ROOT / CORPUS).read_text(encoding="utf-8"))
    matcher = json.loads(MATCHER.read_text(encoding="utf-8"))
    found = guesses(corpus)
    alone = [_got(*matcher[str(n)][text][:2]) for n, _, text, _, _ in found]
    base = sum(got == expected for got, (_, _, _, expected, _) in zip(alone, found))
    misrouted = sum(got not in ("none", "ask") and got != expected for got, (_, _, _, expected, _) in zip(alone, found))
    top = sum(ranked[0][0] == expected for _, _, _, expected, ranked in found)
    print(f"{len(found)} sentences; the matcher at each freeze: {base} right, {misrouted} wrong routes; "
          f"the classifier alone (top-1): {top} right")
    for sure, margin in ((sure, margin) for sure in args.sure for margin in args.margin):
        for vetoes, forbids in (("", None), (" with today's concept vetoes", _forbids())):
            right, wrong_routes, changed = score(found, matcher, sure, margin, forbids)
            print(f"sure {sure}, margin {margin:g}{vetoes}: {right}/{len(found)} right ({right / len(found):.1%}), "
                  f"{wrong_routes} wrong routes; changed: {dict(sorted(changed.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
