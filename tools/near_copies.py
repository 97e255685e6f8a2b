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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blind_briefs import HERE, ROOT, TOPIC, said_at  # noqa: E402  (a tool beside this one)

FLOW = ROOT / "flows" / "uscis_contact_center"
MENUS = (HERE / "corpus.yaml", HERE / "holdout.yaml", FLOW / "examples.yaml", FLOW / "settled.yaml")
TOPICS = (HERE / "topics.yaml", HERE / "topics_holdout.yaml")
SCRIPT_EXAMPLES = ROOT / "scripts" / "examples.yaml"
NEAR = 80.0
"""The closeness from which a sentence counts as a near copy of an earlier one."""
WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _plain(text: str) -> str:
    return " ".join(WORDS.findall(str(text).lower()))


@functools.cache
def earlier(state: str, language: str, leave_out: str) -> tuple[str, ...]:
    """Every sentence said before at `state` in `language` (lower-cased words), a group noted `leave_out` excepted;
    at the topic question the scripts' examples too (their groups name no state)."""
    said = (said_at(TOPICS, [TOPIC], language, leave_out) + said_at([SCRIPT_EXAMPLES], ["main_menu"], language)
            if state == TOPIC else said_at(MENUS, [state], language, leave_out))
    return tuple(dict.fromkeys(_plain(sentence) for sentence in said))


def nearest(text: str, state: str, language: str, leave_out: str) -> tuple[float, str]:
    """How close the closest earlier sentence (`earlier`) comes to `text`, and that sentence (0 and "" for none)."""
    best = process.extractOne(_plain(text), earlier(state, language, leave_out), scorer=fuzz.token_sort_ratio)
    return (best[1], best[0]) if best else (0.0, "")


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    source, out = Path(argv[0]), Path(argv[1])
    below = float(argv[2]) if len(argv) == 3 else NEAR
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    scores: list[float] = []
    kept_groups = []
    for group in data["groups"]:
        state, language, note = group.get("state", "main_menu"), group["language"], group.get("note", "")
        expect: dict[str, list[str]] = {}
        for label, sentences in group["expect"].items():
            for sentence in sentences:
                score, close = nearest(sentence, state, language, note)
                scores.append(score)
                if score >= below:
                    print(f"{score:5.1f}  {state} {language} {label}: {sentence!r}\n       nearest: {close!r}")
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
