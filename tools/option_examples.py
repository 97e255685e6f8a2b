"""Training examples per option of each self-service submenu, per language (issue 16's coverage table).

    .venv/bin/python tools/option_examples.py [AT_LEAST]

Prints, for each menu of a line (`machine.lines_of`: not the main menu, nor `verify.*`, `tier1.*`, `tier2.*`) and
each language, every option's key and the number of training examples (`examples.yaml`) labelled with it, the
option to the main menu left out (a global, taught in `test_submenu_globals.py`); then the median and the least per
language, and every option below AT_LEAST (12).
"""
import statistics
import sys

from ivr.core.flow import LANGUAGES
from ivr.core.machine import MAIN_MENU, lines_of
from ivr.trainers.understand import compiled


def counts(name: str = "uscis_contact_center") -> dict[tuple[str, str], dict[str, int]]:
    """(state, language) -> option key -> examples labelled with it."""
    flow = compiled(name).flow
    lines = lines_of(flow)
    table: dict[tuple[str, str], dict[str, int]] = {}
    for state_name, state in flow.states.items():
        if state.kind != "menu" or "." not in state_name or state_name.split(".", 1)[0] not in lines:
            continue
        keys = [option.key for option in state.options if option.goto != MAIN_MENU]
        for language in LANGUAGES:
            pairs = flow.examples.get(state_name, {}).get(language, ())
            table[(state_name, language)] = {key: sum(label == key for label, _ in pairs) for key in dict.fromkeys(keys)}
    return table


if __name__ == "__main__":
    at_least = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    table = counts()
    for (state, language), by_key in table.items():
        print(f"{state} {language}: " + ", ".join(f"{key} {n}" for key, n in by_key.items()))
    for language in LANGUAGES:
        values = [n for (state, lang), by_key in table.items() if lang == language for n in by_key.values()]
        short = [f"{state} {key} ({n})" for (state, lang), by_key in table.items() if lang == language
                 for key, n in by_key.items() if n < at_least]
        print(f"{language}: {len(values)} options, median {statistics.median(values)}, least {min(values)}; "
              f"below {at_least}: {len(short)}")

