"""Write the flow's settled utterances from the test corpus: `python tools/settle_corpus.py`.

The settled utterances' classifier (`ivr.core.settled`) learns, state by state, from every
utterance whose route is settled, but the product must not read `tests/`: this copies the
corpus's groups, the main menu's and every submenu's, into
`flows/uscis_contact_center/settled.yaml` (the examples' shape), without the `ask` utterances (a
question is no route) and without what the state's training examples already hold.  Run it after
moving a spent holdout into the corpus; tests/understanding/test_training_examples.py checks it was run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/understanding/corpus.yaml"
EXAMPLES = ROOT / "flows/uscis_contact_center/examples.yaml"
SETTLED = ROOT / "flows/uscis_contact_center/settled.yaml"
MAIN_MENU = "main_menu"
"""A corpus group without a `state` is the main menu's."""
HEADER = """\
# Settled utterances for the settled utterances' classifier (ivr.core.settled; docs/understanding.md): the test
# corpus's utterances (tests/understanding/corpus.yaml), the main menu's and every submenu's, with their routes, less
# the ask utterances (a question is no route) and what examples.yaml already holds for the state.  Written by
# tools/settle_corpus.py: edit the corpus, not this file.  The corpus is therefore this classifier's training data:
# its rate on the corpus is a fit, not a generalisation (the blind holdouts measure that).  Never a holdout's utterance.
"""


def settled(corpus: dict, examples: dict) -> list[dict]:
    """The corpus's groups as training groups, state by state: asks and the state's examples' utterances left out."""
    seen = {(group.get("state", MAIN_MENU), group["language"], str(text).strip().lower())
            for group in examples["groups"] for texts in group["expect"].values() for text in texts}
    groups = []
    for group in corpus["groups"]:
        state, language = group.get("state", MAIN_MENU), group["language"]
        expect: dict[str, list[str]] = {}
        for choice, texts in group["expect"].items():
            if choice == "ask":
                continue
            kept = [str(text) for text in texts if (state, language, str(text).strip().lower()) not in seen]
            seen.update((state, language, text.strip().lower()) for text in kept)
            if kept:
                expect[str(choice)] = kept
        if expect:
            groups.append({"state": state, "language": language, "note": f"corpus: {group.get('note')}",
                           "expect": expect})
    return groups


def main() -> int:
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    examples = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    body = {"version": 1, "flow": corpus["flow"], "groups": settled(corpus, examples)}
    SETTLED.write_text(HEADER + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"{SETTLED.relative_to(ROOT)}: {sum(len(v) for g in body['groups'] for v in g['expect'].values())} utterances")
    return 0


if __name__ == "__main__":
    sys.exit(main())
