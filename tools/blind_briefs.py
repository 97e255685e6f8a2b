"""Briefs for blind writers, and their sets in corpus form (issue 16: "write 40 new ones after freezing the model").

A blind set is written by someone who has seen none of the phrases, examples, corpus or matcher, after a freeze, and
measured once there (`ivr understand --corpus FILE`).  This tool writes the writer's brief from the repository (what
the line offers, the counts, and every earlier sentence of that place to avoid) and turns the writer's file into the
corpus format, noted `holdout NAME`:

    python tools/blind_briefs.py topic t34 OUT_DIR      # the Tier 1 topic question: 40 questions (28 en, 12 es)
    python tools/blind_briefs.py submenus s18 OUT_DIR   # the 13 self-service submenus: 60 sentences (39 en, 21 es)
    python tools/blind_briefs.py main mf1 OUT_DIR --fresh  # the main menu: 40 sentences (28 en, 12 es)
    python tools/blind_briefs.py corpus OUT_DIR/holdout_t34.yaml t34 OUT_DIR/t34_corpus.yaml
    python tools/blind_briefs.py submenus sf1 OUT_DIR --fresh   # the same, with no list of earlier sentences

The writer is given only `OUT_DIR/holdout_NAME.md` ("Read it and do exactly what it says") and writes
`OUT_DIR/holdout_NAME.yaml`.  Two writers per pair, neither seeing the other's.

Two protocols.  The series (s-sets, t-sets) give the writer every sentence said there before, to avoid: each set
reaches for situations no list holds yet, the harder measure.  `--fresh` is the issue's own words, "write 40 new
ones": the writer is told to write what ordinary callers say, with no list, and `ivr understand` is then read twice,
on every sentence and on those no earlier sentence is close to (`tools/near_copies.py`), since writers who are not
told what was written converge on some of it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "tests" / "understanding"
FLOW = "uscis_contact_center"
TOPIC = "tier1.topic"
SUBMENUS = ("verify.no_receipt", "case_status.menu", "biometrics.menu", "biometrics.after", "field_office.menu",
            "field_office.reasons", "field_office.appointment_menu", "service_requests.menu", "service_requests.types",
            "service_requests.after", "special_lines.menu", "outside_us.menu", "other_agencies.menu")
SCRIPTS = (  # the scripts' ids with a line on each, in the writers' words (never a script's own phrases)
    ("case-status", "where a case stands now, or what the status shown online means"),
    ("processing-times", "how long a kind of case normally takes, or whether theirs is taking longer than it should"),
    ("biometrics-reschedule", "moving a biometrics (fingerprints, photo, signature) appointment to another day"),
    ("biometrics-what-to-bring", "what to bring to a biometrics appointment"),
    ("card-not-received", "a card (green card, work permit, travel document card) that was made or mailed but never arrived"),
    ("notice-not-received", "a notice or letter from USCIS (receipt, appointment, request for evidence, decision) that never arrived"),
    ("change-of-address", "updating the mailing address USCIS has for them"),
    ("forms-and-fees", "which form to file, what it costs, how to pay"),
    ("field-office-appointment", "an appointment at a local USCIS field office"),
    ("accommodations", "help for a disability at an appointment or interview"),
    ("expedite", "asking USCIS to speed a case up because of an urgent need"),
    ("fax", "sending documents to USCIS by fax"),
    ("hague-adoptions", "adopting a child from another country"),
    ("ice-checkin", "a check-in with ICE (another agency)"),
    ("immigration-court", "a hearing in immigration court (another agency)"),
    ("live-assistance-hours", "when representatives can be reached, and in which languages"),
    ("military-help-line", "members of the US military and their families"),
    ("outside-us", "callers who live outside the United States"),
    ("premium-processing", "paying for premium processing and its time limit"),
    ("service-request-follow-up", "following up on a service request they already made through the contact center"),
    ("none", "something none of these scripts answers: another agency's or business's matter, something unrelated, or small talk"),
)
ENGLISH = {"case-status": 2, "processing-times": 2, "card-not-received": 2, "notice-not-received": 1,
           "change-of-address": 2, "forms-and-fees": 2, "field-office-appointment": 2, "none": 2}
SPANISH = ("case-status", "processing-times", "biometrics-reschedule", "biometrics-what-to-bring", "card-not-received",
           "notice-not-received", "change-of-address", "forms-and-fees", "field-office-appointment", "expedite",
           "immigration-court", "none")
SPOKEN = ("- As a phone recogniser writes speech: lower case, no punctuation except apostrophes, numbers and letters as "
          "spoken (\"i seven sixty five\", \"a number\"), fillers (um, uh, so, yeah) where natural. Spanish may drop "
          "accents as recognisers sometimes do.")
SPOKEN_MENUS = ("- As a phone recogniser writes speech: lower case, no punctuation except apostrophes, numbers as spoken, "
                "fillers where natural; Spanish may drop accents.")


@functools.cache
def _groups(path: Path) -> tuple[dict, ...]:
    """A corpus-format file's groups, read once (with the C loader when there)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(yaml.load(path.read_text(encoding="utf-8"), Loader=loader)["groups"])


def said_at(paths: Iterable[Path], places: Iterable[str], language: str | None = None,
            leave_out: str | None = None) -> list[str]:
    """Every sentence of `paths` (corpus-format files; a group naming no state is the main menu's) said at one of
    `places`, in `language` when given, a group noted `leave_out` left out, once each, in order."""
    wanted = set(places)
    found: dict[str, None] = {}  # ordered, each once
    for path in paths:
        for group in _groups(path):
            if (group.get("state", "main_menu") in wanted and language in (None, group.get("language"))
                    and (leave_out is None or group.get("note") != leave_out)):
                for sentences in group["expect"].values():
                    found.update(dict.fromkeys(sentences))
    return list(found)


def _output(name: str, out: Path, shape: str = " in exactly this shape:") -> list[str]:
    return ["## Output", "", f"Write the file {out / f'holdout_{name}.yaml'} (YAML, UTF-8){shape}", ""]


def topic_brief(name: str, out: Path, fresh: bool = False) -> str:
    avoid = said_at([HERE / "topics.yaml", HERE / "topics_holdout.yaml"], [TOPIC])
    avoid = list(dict.fromkeys(avoid + said_at([ROOT / "scripts" / "examples.yaml"], ["main_menu"])))  # no state: all
    others = [script for script, _ in SCRIPTS if script not in ENGLISH]
    lines = [
        f"# Brief: blind holdout set {name} (40 questions put to a Tier 1 representative)", "",
        "You are writing test data for a simulated government contact center (modelled on the USCIS Contact Center; "
        "simulated, not affiliated with any agency).",
        "A caller has reached a live Tier 1 representative, who asks: \"What are you calling about today?\" The caller "
        "answers in their own words, over the phone.",
        "The representative can only read approved response scripts. Your questions test whether the system picks the "
        "right script. You have NOT seen the scripts' wording or the system; write as callers would speak, not as the "
        "system might expect.", "",
        "## The scripts (label: what it covers)", "", *[f"- `{script}`: {line}" for script, line in SCRIPTS], "",
        "## What to write", "", "Exactly 40 questions: 28 in English and 12 in Spanish.",
        "- English: " + ", ".join(f"{ENGLISH[s]} for `{s}`" for s in ENGLISH) + ", and 1 for each other script ("
        + ", ".join(f"`{s}`" for s in others) + ").",
        "- Spanish: 1 each for " + ", ".join(f"`{s}`" for s in SPANISH) + ".", SPOKEN,
        "- Real callers: mostly how ordinary people ask, in varied wording; some tell a short story first; a few long "
        "and rambling; a few with a recogniser's slip (a word misheard or split). Each question must be something a "
        "representative could answer with exactly the one script you label it with (or `none`).",
        *(_FRESH if fresh else ["- Every question must be new: not the same situation in similar words as any question in "
                                "the list below, nor a near-copy of another of yours."]),
        "", *_output(name, out, ", exactly in this shape, and nothing else:"),
        "```yaml", "version: 1", "groups:", "  - language: en", "    expect:", "      case-status:",
        "      - first question", "      - second question", "  - language: es", "    expect:", "      case-status:",
        "      - ...", "```", "",
        "Check the file loads with python3's yaml.safe_load and has the counts above. Then reply with one line: done.",
        *(() if fresh else ("", f"## Questions already written ({len(avoid)}): do not repeat or paraphrase closely", "",
                            *[f"- {q}" for q in avoid])),
    ]
    return "\n".join(lines) + "\n"


_FRESH = ["- Write what you expect ordinary callers to say on an ordinary day, in their own words: you are given no "
          "list of what others wrote, and need none. No two of yours the same thing in similar words."]
"""`--fresh`: the line that replaces the list of earlier sentences to avoid."""


EVERYWHERE = ("representative", "supervisor", "repeat", "previous", "hours", "no_receipt_number")
"""The answers a caller may give at every submenu (the flow's globals), unless a menu does not offer one."""


def submenus_brief(name: str, out: Path, fresh: bool = False) -> str:
    sys.path.insert(0, str(ROOT))
    from ivr.trainers.understand import compiled

    flows = compiled(FLOW)
    flow = flows.flow
    avoid = said_at([HERE / "corpus.yaml", HERE / "holdout.yaml", ROOT / "flows" / FLOW / "examples.yaml"], SUBMENUS)
    menus: list[str] = []
    for state in SUBMENUS:
        prompt = flow.states[state].prompt
        assert prompt is not None
        offered = set(flows.states[state].understanding["en"].names) | {"repeat"}  # as `ivr understand` checks them
        missing = [answer for answer in EVERYWHERE if answer not in offered]
        menus += [f"### `{state}`: \"{prompt.en}\" / \"{prompt.es}\"",
                  *[f"- `{o.key}`: {o.topic.en} / {o.topic.es}" for o in flow.states[state].options],
                  *([f"- (not offered here: {', '.join(f'`{answer}`' for answer in missing)}; label what a caller means by it "
                     "with this menu's own option that does it, or `none`)"] if missing else []),
                  ""]
    lines = [
        f"# Brief: blind holdout set {name} (60 sentences said at the IVR's submenus)", "",
        "You are writing test data for a simulated government contact center's phone menus (modelled on the USCIS "
        "Contact Center; simulated, not affiliated with any agency).",
        "At each menu below the caller hears the prompt and its options, and may press a key or say in their own words "
        "what they want. Your sentences test whether the system routes the words to the right option. You have NOT "
        "seen the system; write as callers would speak.", "",
        "Everywhere, besides the menu's own options, a caller may ask for: `representative` (a live person), "
        "`supervisor`, `repeat` (hear the menu again), `previous` (the previous menu), `hours` (when live help is "
        "open), `no_receipt_number` (they have no receipt number), except where a menu below says it does not offer "
        "one. Use `none` for something none of the menu's options nor these answers (another matter, another line's "
        "question, small talk).", "",
        "## The menus", "", *menus,
        "## What to write", "",
        "Exactly 60 sentences: for each of the 13 menus, 3 in English and 1 or 2 in Spanish (21 Spanish in all), "
        "labelled with the menu's option key, one of the words above, or `none`. Across the set use each menu's "
        "options, and about 12 of the everywhere-answers and 8 `none`.", SPOKEN_MENUS,
        "- Real callers: mostly ordinary wording, varied; some with a short reason first; a few with a recogniser's "
        "slip. The sentence must make sense said at that menu.",
        *_menus_ending(name, out, fresh, avoid, "biometrics.menu", ("'1'", "supervisor", "none"), 60, "these menus"),
    ]
    return "\n".join(lines) + "\n"


MAIN_ENGLISH = {"1": 3, "2": 3, "3": 3, "4": 4, "5": 2, "6": 2, "7": 3, "8": 2, "9": 1, "representative": 1,
                "supervisor": 1, "no_receipt_number": 1, "none": 2}
MAIN_SPANISH = ("1", "2", "3", "4", "4", "5", "6", "7", "8", "9", "representative", "none")


def main_brief(name: str, out: Path, fresh: bool = False) -> str:
    sys.path.insert(0, str(ROOT))
    from ivr.trainers.understand import compiled

    state = compiled(FLOW).flow.states["main_menu"]
    assert state.prompt is not None
    avoid = said_at([HERE / "corpus.yaml", HERE / "holdout.yaml", ROOT / "flows" / FLOW / "examples.yaml"], ["main_menu"])
    lines = [
        f"# Brief: blind holdout set {name} (40 sentences said at the IVR's main menu)", "",
        "You are writing test data for a simulated government contact center's phone menu (modelled on the USCIS "
        "Contact Center; simulated, not affiliated with any agency).",
        f"The caller hears: \"{state.prompt.en}\" (in Spanish: \"{state.prompt.es}\") and may press a key or say in "
        "their own words what they are calling about. Your sentences test whether the system routes the words to the "
        "right option. You have NOT seen the system; write as callers would speak.", "",
        "## The options", "", *[f"- `{o.key}`: {o.topic.en} / {o.topic.es}" for o in state.options],
        "- `representative`: they ask for a live person; `supervisor`: a supervisor; `no_receipt_number`: they say they "
        "have no receipt number; `none`: something none of these covers (another business, small talk, out of scope).",
        "", "## What to write", "", "Exactly 40 sentences: 28 in English and 12 in Spanish.",
        "- English: " + ", ".join(f"{count} for `{label}`" for label, count in MAIN_ENGLISH.items()) + ".",
        "- Spanish: " + ", ".join(f"1 for `{label}`" if MAIN_SPANISH.count(label) == 1 else f"{MAIN_SPANISH.count(label)} "
                                  f"for `{label}`" for label in dict.fromkeys(MAIN_SPANISH)) + ".",
        SPOKEN_MENUS,
        "- Real callers: mostly ordinary wording, varied; some tell a short story first; a few long and rambling; a "
        "few with a recogniser's slip (a word misheard or split).",
        *_menus_ending(name, out, fresh, avoid, "main_menu", ("'1'", "none", "'1'"), 40, "this menu"),
    ]
    return "\n".join(lines) + "\n"


def _menus_ending(name: str, out: Path, fresh: bool, avoid: list[str], state: str, labels: tuple[str, str, str],
                  count: int, where: str) -> list[str]:
    """A menu brief's last lines: what is new, the file's shape (an example at `state`: two English groups' labels,
    then a Spanish one's), the check, and (not `fresh`) every earlier sentence said `where` to avoid."""
    english, also, spanish = labels
    return [
        *(_FRESH if fresh else ["- Every sentence must be new: not the same thing in similar words as any sentence listed "
                                "below, nor a near-copy of another of yours."]),
        "", *_output(name, out),
        "```yaml", "version: 1", "groups:", f"  - state: {state}", "    language: en", "    expect:", f"      {english}:",
        "      - a sentence", f"      {also}:", "      - a sentence", f"  - state: {state}", "    language: es",
        "    expect:", f"      {spanish}:", "      - ...", "```", "",
        f"(Quote option keys: '1'.) Check it loads with python3's yaml.safe_load and has {count} sentences. Then reply "
        "with one line: done.",
        *(() if fresh else ("", f"## Sentences already written at {where} ({len(avoid)}): do not repeat or paraphrase "
                            "closely", "", *[f"- {q}" for q in avoid])),
    ]


def as_corpus(written: Path, name: str) -> str:
    """A writer's file in the corpus format: the flow, and each group's state (the topic question's when it names
    none) and note `holdout NAME`."""
    groups = [{"state": group.get("state", TOPIC), "language": group["language"], "note": f"holdout {name}",
               "expect": {str(label): said for label, said in group["expect"].items()}}
              for group in yaml.safe_load(written.read_text(encoding="utf-8"))["groups"]]
    return yaml.safe_dump({"version": 1, "flow": FLOW, "groups": groups}, allow_unicode=True, sort_keys=False, width=120)


def main(argv: list[str]) -> int:
    fresh = "--fresh" in argv
    argv = [arg for arg in argv if arg != "--fresh"]
    if len(argv) == 3 and argv[0] in ("topic", "submenus", "main"):
        name, out = argv[1], Path(argv[2])
        out.mkdir(parents=True, exist_ok=True)
        brief = {"topic": topic_brief, "submenus": submenus_brief, "main": main_brief}[argv[0]](name, out, fresh)
        (out / f"holdout_{name}.md").write_text(brief, encoding="utf-8")
        print(out / f"holdout_{name}.md")
        return 0
    if len(argv) == 4 and argv[0] == "corpus":
        Path(argv[3]).write_text(as_corpus(Path(argv[1]), argv[2]), encoding="utf-8")
        print(argv[3])
        return 0
    print(__doc__.split("\n\n")[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
