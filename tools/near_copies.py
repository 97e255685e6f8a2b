"""How close a blind set's sentences come to what was written before: `python tools/near_copies.py SET OUT [BELOW]`.

A writer given no list of earlier sentences (`tools/blind_briefs.py ... --fresh`) writes some that an earlier writer
already wrote in nearly the same words, and the model learnt those.  This reads SET (a blind set in corpus form) and,
for each sentence, the closest sentence said before at the same place: the corpus, the holdouts (SET's own note left
out), the flow's training examples and settled utterances, and at the Tier 1 topic question its corpus, holdouts and
the scripts' examples.  Closeness is rapidfuzz's `token_sort_ratio` (0-100: the same words in any order score 100)
over the lower-cased words.  It prints each sentence at BELOW or more (default 80) beside its nearest, the set's
spread of closeness, and writes OUT: SET without those sentences, to measure with `ivr understand --corpus OUT` beside
SET itself.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "tests" / "understanding"
FLOW = ROOT / "flows" / "uscis_contact_center"
TOPIC = "tier1.topic"
MENUS = (HERE / "corpus.yaml", HERE / "holdout.yaml", FLOW / "examples.yaml", FLOW / "settled.yaml")
TOPICS = (HERE / "topics.yaml", HERE / "topics_holdout.yaml")
SCRIPT_EXAMPLES = ROOT / "scripts" / "examples.yaml"
WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _plain(text: str) -> str:
    return " ".join(WORDS.findall(str(text).lower()))


@functools.cache
def _groups(path: Path) -> list[dict]:
    """A corpus-format file's groups, read once."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return list(yaml.load(path.read_text(encoding="utf-8"), Loader=loader)["groups"])


def earlier(state: str, language: str, leave_out: str) -> list[str]:
    """Every sentence said before at `state` in `language`, a group noted `leave_out` excepted."""
    found: dict[str, None] = {}
    paths = TOPICS if state == TOPIC else MENUS
    for path in paths:
        for group in _groups(path):
            at = group.get("state", TOPIC if path in TOPICS else "main_menu")
            if at == state and group.get("language") == language and group.get("note") != leave_out:
                for sentences in group["expect"].values():
                    found.update(dict.fromkeys(_plain(s) for s in sentences))
    if state == TOPIC:  # the scripts' examples: groups by language, with no state
        for group in _groups(SCRIPT_EXAMPLES):
            if group.get("language") == language:
                for sentences in group["expect"].values():
                    found.update(dict.fromkeys(_plain(s) for s in sentences))
    return list(found)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    source, out = Path(argv[0]), Path(argv[1])
    below = float(argv[2]) if len(argv) == 3 else 80.0
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    scores: list[float] = []
    kept_groups = []
    cache: dict[tuple[str, str, str], list[str]] = {}
    for group in data["groups"]:
        state = group.get("state", "main_menu")
        key = (state, group["language"], group.get("note", ""))
        pool = cache.setdefault(key, earlier(*key))
        expect: dict[str, list[str]] = {}
        for label, sentences in group["expect"].items():
            for sentence in sentences:
                best = process.extractOne(_plain(sentence), pool, scorer=fuzz.token_sort_ratio) if pool else None
                score = best[1] if best else 0.0
                scores.append(score)
                if score >= below:
                    print(f"{score:5.1f}  {state} {group['language']} {label}: {sentence!r}\n       nearest: {best[0]!r}")
                else:
                    expect.setdefault(label, []).append(sentence)
        if expect:
            kept_groups.append({**group, "expect": expect})
    near = sum(score >= below for score in scores)
    spread = sorted(scores)
    print(f"{len(scores)} sentences; {near} at {below:g} or more (left out of {out}); closeness median "
          f"{spread[len(spread) // 2]:.0f}, 90th percentile {spread[int(len(spread) * 0.9)]:.0f}, most {spread[-1]:.0f}")
    out.write_text(yaml.safe_dump({**data, "groups": kept_groups}, allow_unicode=True, sort_keys=False, width=120),
                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
