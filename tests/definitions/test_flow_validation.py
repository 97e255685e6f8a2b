"""The flow validator and its graph checks (ivr/definitions/flows.py), one fault at a time.

Each test breaks one small valid flow in one way and checks the exact
`file:line: where: what` line(s) issue 2 asks for; the golden corpus in
tests/data/flows/broken/ covers the same faults as whole files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.core.registry import Outcome, Registry
from ivr.definitions.flows import load_flow, load_flow_text
from ivr.errors import DefinitionError

FILE = "flows/tiny.yaml"

TINY = """\
version: 1
id: tiny
start: main
keys:
  representative: {key: "0"}
  repeat: {key: "*"}
  previous: {key: "#"}
messages:
  no_input: {en: "I didn't hear anything.", es: "No escuché nada."}
  no_match: {en: "I didn't get that.", es: "No le entendí."}
  global_keys: {en: "Press 0 for a representative.", es: "Oprima 0 para un representante."}
  confirm: {en: "I heard {value}.", es: "Escuché {value}."}
  apology: {en: "Sorry.", es: "Lo sentimos."}
escalation:
  representative: live
  max_attempts: goodbye
states:
  main:
    kind: menu
    prompt: {en: "Main menu.", es: "Menú principal."}
    options:
      "1":
        topic: {en: your case, es: su caso}
        goto: receipt
      "9":
        topic: {en: ending this call, es: terminar esta llamada}
        goto: goodbye
  receipt:
    kind: collect
    prompt: {en: "Your receipt number, then pound?", es: "¿Su número de recibo y la tecla numeral?"}
    validator: receipt_number
    into: receipt_number
    confirm: true
    goto: look_up
  look_up:
    kind: action
    run: look_up_case
    args: {source: receipt_number}
    on: {found: read, not_found: main}
  read:
    kind: message
    prompt: {en: "Case {receipt_number_readback}.", es: "Caso {receipt_number_readback}."}
    goto: main
  live:
    kind: branch
    branches:
      - when: live_assistance_open
        goto: transfer
      - goto: main
  transfer:
    kind: transfer
    to: tier1
    reason: caller_requested_live_assistance
    goto: goodbye
  goodbye:
    kind: hangup
    prompt: {en: "Goodbye.", es: "Adiós."}
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    """A fixed registry, so messages listing allowed names do not change when behaviours are added."""
    registry = Registry()
    registry.guard("live_assistance_open")(lambda ctx: True)
    registry.guard("caller_verified")(lambda ctx: True)
    registry.action("look_up_case", outcomes=("found", "not_found"), params=("source",))(
        lambda ctx: Outcome("found")
    )
    registry.validator("receipt_number", readback=lambda value, language: value)(
        lambda value, kind, language: value
    )
    registry.validator("date_of_birth", readback=lambda value, language: value)(
        lambda value, kind, language: value
    )
    return registry


def broken(*edits: tuple[str, str]) -> str:
    """TINY with each `old` text replaced by `new` (each must occur exactly once)."""
    text = TINY
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def line(text: str, snippet: str) -> int:
    """The line number of the first line containing `snippet`."""
    return next(number for number, content in enumerate(text.splitlines(), 1) if snippet in content)


def errors(text: str, registry: Registry) -> list[str]:
    with pytest.raises(DefinitionError) as raised:
        load_flow_text(text, FILE, registry)
    return str(raised.value).splitlines()


# --- the valid flow ------------------------------------------------------------------------------


def test_tiny_flow_is_valid(registry: Registry) -> None:
    """The flow every other test breaks loads, with all its states."""
    flow = load_flow_text(TINY, FILE, registry)
    assert list(flow.states) == ["main", "receipt", "look_up", "read", "live", "transfer", "goodbye"]


def test_texts_are_split_by_language_with_ids(registry: Registry) -> None:
    """A prompt becomes a Text with English, Spanish and the id `<state>.prompt`."""
    prompt = load_flow_text(TINY, FILE, registry).state("main").prompt
    assert prompt is not None and (prompt.id, prompt.en, prompt.es) == (
        "main.prompt",
        "Main menu.",
        "Menú principal.",
    )


def test_option_keys_are_text_in_written_order(registry: Registry) -> None:
    """Menu options keep their phone keys as text, in the order written."""
    options = load_flow_text(TINY, FILE, registry).state("main").options
    assert [(option.key, option.goto) for option in options] == [("1", "receipt"), ("9", "goodbye")]


def test_waiting_states_get_the_default_attempts_and_timeout(registry: Registry) -> None:
    """Without `defaults:` a waiting state allows 3 attempts and waits 6 seconds."""
    state = load_flow_text(TINY, FILE, registry).state("receipt")
    assert (state.max_attempts, state.timeout) == (3, 6)


def test_flow_defaults_apply_to_every_waiting_state(registry: Registry) -> None:
    """`defaults:` sets attempts and timeout for waiting states that do not set their own."""
    text = broken(("start: main\n", "start: main\ndefaults: {max_attempts: 2, timeout: 8}\n"))
    state = load_flow_text(text, FILE, registry).state("main")
    assert (state.max_attempts, state.timeout) == (2, 8)


def test_confirm_true_gives_a_read_back_text(registry: Registry) -> None:
    """A collect with `confirm: true` carries a read-back step named `<state>.confirm`."""
    confirm = load_flow_text(TINY, FILE, registry).state("receipt").confirm
    assert confirm is not None and confirm.id == "receipt.confirm"


def test_negated_guard_of_a_known_guard_is_accepted(registry: Registry) -> None:
    """`when: not <guard>` is allowed for a registered guard."""
    text = broken(("      - when: live_assistance_open\n", "      - when: not live_assistance_open\n"))
    assert load_flow_text(text, FILE, registry).state("live").branches[0].when == "not live_assistance_open"


def test_literal_braces_are_not_placeholders(registry: Registry) -> None:
    """`{{` and `}}` are literal braces in a prompt."""
    text = broken(('{en: "Goodbye.",', '{en: "Goodbye {{friend}}.",'))
    load_flow_text(text, FILE, registry)


def test_state_level_no_input_is_enough_without_a_shared_message(registry: Registry) -> None:
    """A waiting state with its own no_input needs no messages.no_input."""
    text = broken(
        ("""  no_input: {en: "I didn't hear anything.", es: "No escuché nada."}\n""", ""),
        ("    kind: menu\n", '    kind: menu\n    no_input: {en: "Hello?", es: "¿Hola?"}\n'),
        ("    kind: collect\n", '    kind: collect\n    no_input: {en: "Hello?", es: "¿Hola?"}\n'),
    )
    load_flow_text(text, FILE, registry)


# --- version first ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "shown"),
    [("2", "2"), ("true", "true"), ("1.0", "1.0"), ('"1"', "'1'")],
    ids=["2", "true", "1.0", "quoted"],
)
def test_only_the_whole_number_1_is_version_1(written: str, shown: str, registry: Registry) -> None:
    """`version:` must be the number 1: `true` and `1.0` equal 1 in Python but are not accepted."""
    assert errors(broken(("version: 1\n", f"version: {written}\n")), registry) == [
        f"{FILE}:1: version: unsupported flow version {shown} (this program reads 1)"
    ]


def test_missing_version_is_the_only_problem_reported(registry: Registry) -> None:
    """Without a version nothing else is checked: the rest may be another language."""
    text = broken(("version: 1\n", ""), ("        goto: receipt\n", "        goto: nowhere\n"))
    assert errors(text, registry) == [
        f"{FILE}:1: top level: missing required key 'version' (this program reads version 1)"
    ]


# --- strict keys -----------------------------------------------------------------------------------


def test_unknown_top_level_key_lists_the_allowed_keys(registry: Registry) -> None:
    """A misspelt top-level key is reported with every allowed key."""
    text = broken(("start: main\n", "start: main\ntitel: Tiny\n"))
    assert errors(text, registry) == [
        f"{FILE}:4: titel: unknown key 'titel' (allowed: version, id, title, start, defaults, keys, intents, messages, escalation, include, examples, settled, states)"
    ]


@pytest.mark.parametrize(
    ("state", "anchor", "key"),
    [
        ("main", "    kind: menu\n", "goto: read"),
        ("receipt", "    kind: collect\n", "options: {}"),
        ("read", "    kind: message\n", "timeout: 5"),
        ("look_up", "    kind: action\n", "goto: main"),
        ("live", "    kind: branch\n", "prompt_: x"),
        ("transfer", "    kind: transfer\n", "run: look_up_case"),
        ("goodbye", "    kind: hangup\n", "goto: main"),
    ],
    ids=["menu", "collect", "message", "action", "branch", "transfer", "hangup"],
)
def test_each_kind_rejects_keys_of_other_kinds(state: str, anchor: str, key: str, registry: Registry) -> None:
    """A state accepts only its own kind's keys; the error names the key and the state."""
    name = key.split(":")[0]
    problems = errors(broken((anchor, anchor + f"    {key}\n")), registry)
    assert any(
        f"states.{state}.{name}: unknown key '{name}' (allowed: kind, tier, prompt, description" in p
        for p in problems
    )


def test_unknown_kind_lists_the_kinds(registry: Registry) -> None:
    """A state kind outside the language is reported with the seven kinds."""
    text = broken(("    kind: hangup\n", "    kind: goodbye\n"))
    assert errors(text, registry) == [
        (
            f"{FILE}:{line(text, 'kind: goodbye')}: states.goodbye.kind: unknown value 'goodbye' "
            "(allowed: menu, collect, message, action, branch, transfer, hangup)"
        )
    ]


def test_missing_required_state_key(registry: Registry) -> None:
    """A collect without `into:` says which key is missing."""
    text = broken(("    into: receipt_number\n", ""))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'kind: collect')}: states.receipt: missing required key 'into'"
    ]


# --- graph checks --------------------------------------------------------------------------------


def test_unknown_target_names_the_closest_states(registry: Registry) -> None:
    """A goto to a state that does not exist suggests the nearest names."""
    text = broken(("        goto: receipt\n", "        goto: reciept\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'goto: reciept')}: states.main.options['1'].goto: unknown target 'reciept' (known: receipt, …)"
    ]


def test_unknown_start_state(registry: Registry) -> None:
    """`start:` must name a state."""
    text = broken(("start: main\n", "start: menu\n"))
    assert errors(text, registry) == [f"{FILE}:3: start: unknown target 'menu' (known: main, …)"]


def test_unknown_action_outcome_target(registry: Registry) -> None:
    """An action outcome that leads nowhere is an unknown target at the outcome's key."""
    text = broken(("on: {found: read, not_found: main}", "on: {found: reed, not_found: main}"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'found: reed')}: states.look_up.on.found: unknown target 'reed' (known: read, receipt, …)"
    ]


def test_unreachable_state(registry: Registry) -> None:
    """A state nothing leads to is unreachable."""
    text = broken(
        ("  goodbye:\n", "  orphan:\n    kind: hangup\n    prompt: {en: Hi., es: Hola.}\n  goodbye:\n")
    )
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'orphan:')}: states.orphan: unreachable: no transition leads here from the start"
    ]


def test_escalation_states_count_as_reachable(registry: Registry) -> None:
    """States reached only through the representative key or attempt limits are reachable."""
    flow = load_flow_text(TINY, FILE, registry)
    assert "live" in flow.states and not any(option.goto == "live" for option in flow.state("main").options)


def test_message_loop_is_a_dead_end(registry: Registry) -> None:
    """A message that leads to itself never reaches a hangup."""
    text = broken(("    goto: main\n  live:", "    goto: read\n  live:"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, '  read:')}: states.read: dead end: no path from here reaches a hangup state"
    ]


def test_flow_without_any_hangup_is_all_dead_ends(registry: Registry) -> None:
    """With no hangup state, every reachable state is a dead end."""
    text = broken(("    kind: hangup\n", "    kind: message\n    goto: main\n"))
    assert len(errors(text, registry)) == 7


# --- no-input and no-match handling -------------------------------------------------------------


@pytest.mark.parametrize(("message", "words"), [("no_input", "no-input"), ("no_match", "no-match")])
def test_waiting_states_need_no_input_and_no_match_handling(
    message: str, words: str, registry: Registry
) -> None:
    """Without a shared message and without one on the state, every menu and collect is reported."""
    shared = next(entry for entry in TINY.splitlines(keepends=True) if entry.startswith(f"  {message}:"))
    text = broken((shared, ""))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'kind: menu')}: states.main: menu has no {words} handling (give it '{message}:' or set messages.{message})",
        f"{FILE}:{line(text, 'kind: collect')}: states.receipt: collect has no {words} handling (give it '{message}:' or set messages.{message})",
    ]


# --- bilingual text ------------------------------------------------------------------------------


@pytest.mark.parametrize(("kept", "missing", "name"), [("en", "es", "Spanish"), ("es", "en", "English")])
def test_text_needs_both_languages(kept: str, missing: str, name: str, registry: Registry) -> None:
    """Every text needs English and Spanish; the missing one is named."""
    texts = {"en": '"Goodbye."', "es": '"Adiós."'}
    text = broken(
        ('    prompt: {en: "Goodbye.", es: "Adiós."}\n', f"    prompt: {{{kept}: {texts[kept]}}}\n")
    )
    assert errors(text, registry) == [
        f"{FILE}:{line(text, kept + ': ' + texts[kept])}: states.goodbye.prompt: missing the {name} text ('{missing}')"
    ]


def test_text_in_a_third_language_is_an_unknown_key(registry: Registry) -> None:
    """Only en and es are languages."""
    text = broken(('{en: "Goodbye.", es: "Adiós."}', '{en: "Goodbye.", es: "Adiós.", fr: "Au revoir."}'))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'fr:')}: states.goodbye.prompt.fr: unknown key 'fr' (allowed: en, es)"
    ]


@pytest.mark.parametrize(
    ("placeholder", "what"),
    [
        (
            "{Receipt}",
            "'{Receipt}' is not a variable (write {name} with lower-case letters, digits, _; '{{' for a brace)",
        ),
        ("{when:%H}", "'{when}' may not have a format spec or conversion"),
        ("{when!r}", "'{when}' may not have a format spec or conversion"),
        (
            "{",
            "bad placeholder: Single '{' encountered in format string (write '{{' and '}}' for literal braces)",
        ),
    ],
    ids=["capitals", "format spec", "conversion", "lone brace"],
)
def test_bad_placeholders_are_reported_per_language(placeholder: str, what: str, registry: Registry) -> None:
    """A placeholder must be `{name}`: lower-case, no format spec, braces balanced."""
    text = broken(('{en: "Goodbye.",', f'{{en: "Goodbye {placeholder}",'))
    assert errors(text, registry) == [f"{FILE}:{line(text, 'Goodbye {')}: states.goodbye.prompt.en: {what}"]


# --- names from the registry -----------------------------------------------------------------------


def test_unknown_guard(registry: Registry) -> None:
    """A guard that is not registered is reported with the closest registered names."""
    text = broken(("      - when: live_assistance_open\n", "      - when: lines_open\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'lines_open')}: states.live.branches[0].when: unknown guard 'lines_open' (allowed: live_assistance_open, …)"
    ]


def test_unknown_action(registry: Registry) -> None:
    """An action that is not registered is reported at `run:`."""
    text = broken(("    run: look_up_case\n", "    run: find_case\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'find_case')}: states.look_up.run: unknown action 'find_case' (allowed: look_up_case)"
    ]


def test_unknown_validator(registry: Registry) -> None:
    """A validator that is not registered is reported with every registered validator."""
    text = broken(("    validator: receipt_number\n", "    validator: receipt\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'validator: receipt')}: states.receipt.validator: unknown validator 'receipt' (allowed: date_of_birth, receipt_number)"
    ]


def test_every_action_outcome_must_be_routed(registry: Registry) -> None:
    """An action state that leaves an outcome of its action unrouted is reported."""
    text = broken(("on: {found: read, not_found: main}", "on: {found: read}"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'on: {found')}: states.look_up.on: outcomes not routed: not_found"
    ]


def test_outcome_the_action_does_not_have(registry: Registry) -> None:
    """Routing an outcome the action never returns is reported with the action's outcomes."""
    text = broken(("not_found: main}", "not_found: main, error: main}"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'error: main')}: states.look_up.on.error: action 'look_up_case' has no outcome 'error' (allowed: found, not_found)"
    ]


def test_argument_the_action_does_not_take(registry: Registry) -> None:
    """An action argument outside the action's declared parameters is reported."""
    text = broken(("args: {source: receipt_number}", "args: {source: receipt_number, mode: fast}"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'mode: fast')}: states.look_up.args.mode: unknown argument 'mode' for action 'look_up_case' (allowed: source)"
    ]


# --- menus, keys and branches -------------------------------------------------------------------


@pytest.mark.parametrize(("key", "purpose"), [("0", "representative"), ("*", "repeat"), ("#", "previous")])
def test_option_on_a_global_key_is_rejected(key: str, purpose: str, registry: Registry) -> None:
    """Menus cannot use the global keys for options."""
    text = broken(('      "9":\n', f'      "{key}":\n'))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, chr(34) + key + chr(34) + ':')}: states.main.options['{key}']: key '{key}' is the global '{purpose}' key in every menu"
    ]


@pytest.mark.parametrize(
    ("key", "where"),
    [("10", "options['10']"), ("A", "options.A"), ("yes", "options.yes")],
    ids=["10", "A", "yes"],
)
def test_option_key_must_be_one_phone_key(key: str, where: str, registry: Registry) -> None:
    """An option key is one of 0-9, * and #."""
    text = broken(('      "9":\n', f"      {key}:\n"))
    assert errors(text, registry) == [
        (
            f"{FILE}:{line(text, key + ':')}: states.main.{where}: '{key}' is not a phone key "
            '(allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, *, #; quote keys: "1")'
        )
    ]


def test_two_global_keys_on_one_key(registry: Registry) -> None:
    """Each global key needs its own phone key."""
    text = broken(('  previous: {key: "#"}\n', '  previous: {key: "0"}\n'))
    assert errors(text, registry) == [
        f"{FILE}:7: keys.previous.key: key '0' is already used by another global key"
    ]


def test_last_branch_with_a_guard_is_reported_on_that_branch(registry: Registry) -> None:
    """A branch state needs a default arm: the last arm may not have `when`."""
    text = broken(("      - goto: main\n", "      - when: caller_verified\n        goto: main\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'when: caller_verified')}: states.live.branches[1]: the last branch must have no 'when' (the default)"
    ]


def test_branch_without_arms(registry: Registry) -> None:
    """A branch state with an empty list of arms is reported."""
    text = broken(
        (
            "    branches:\n      - when: live_assistance_open\n        goto: transfer\n      - goto: main\n",
            "    branches: []\n",
        ),
        ("  main:\n    kind: menu\n", "  main:\n    kind: menu\n    reprompt: {en: Menu., es: Menú.}\n"),
    )
    problems = errors(text, registry)
    assert (
        f"{FILE}:{line(text, 'branches: []')}: states.live.branches: a branch state needs at least one branch (the last one has no 'when')"
        in problems
    )


def test_transfer_cannot_go_to_the_ivr_tier(registry: Registry) -> None:
    """A transfer goes to a live tier: tier1, tier2 or supervisor."""
    text = broken(("    to: tier1\n", "    to: ivr\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'to: ivr')}: states.transfer.to: unknown value 'ivr' (allowed: tier1, tier2, supervisor)"
    ]


def test_attempts_must_be_at_least_one(registry: Registry) -> None:
    """`max_attempts: 0` would escalate before the caller could answer."""
    text = broken(("    kind: menu\n", "    kind: menu\n    max_attempts: 0\n"))
    assert errors(text, registry) == [
        f"{FILE}:{line(text, 'max_attempts: 0')}: states.main.max_attempts: must be at least 1"
    ]


# --- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Read", "read-case", "read..case", "1read"])
def test_state_names_are_lower_case_words(name: str, registry: Registry) -> None:
    """State names are lower-case words joined by `_`, nested as `parent.child`."""
    text = broken(("found: read,", f"found: {name},"), ("  read:\n", f"  {name}:\n"))
    assert errors(text, registry) == [
        (
            f"{FILE}:{line(text, '  ' + name + ':')}: states.{name}: '{name}' is not a state name "
            "(lower-case words joined by '_', nested menus as 'parent.child')"
        )
    ]


def test_confirm_suffix_is_reserved(registry: Registry) -> None:
    """`<collect>.confirm` is the read-back state's name, so no state may be called that."""
    text = broken(
        ("    goto: look_up\n", "    goto: receipt.confirm\n"), ("  look_up:\n", "  receipt.confirm:\n")
    )
    assert errors(text, registry) == [
        f"{FILE}:{line(text, '  receipt.confirm:')}: states.receipt.confirm: state names ending in '.confirm' are reserved for read-back confirmation"
    ]


def test_flow_id_pattern(registry: Registry) -> None:
    """The flow id is lower-case letters, digits and `_`."""
    assert errors(broken(("id: tiny\n", "id: Tiny-Flow\n")), registry) == [
        f"{FILE}:2: id: 'Tiny-Flow' is not a flow id (lower-case letters, digits, _)"
    ]


# --- every problem at once ------------------------------------------------------------------------


def test_every_problem_of_a_file_is_reported_at_once_in_line_order(registry: Registry) -> None:
    """Faults in different states are all reported, sorted by line."""
    text = broken(
        ("        goto: receipt\n", "        goto: reciept\n"),
        ("    validator: receipt_number\n", "    validator: receipt\n"),
        ("    reason: caller_requested_live_assistance\n", "    reason: because\n"),
    )
    problems = errors(text, registry)
    assert [int(p.split(":")[1]) for p in problems] == [
        line(text, "goto: reciept"),
        line(text, "validator: receipt"),
        line(text, "reason: because"),
    ]


# --- include ------------------------------------------------------------------------------------------


def write_flow(folder: Path, main: str, fragments: dict[str, str]) -> Path:
    for name, text in fragments.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "tiny.yaml"
    path.write_text(main, encoding="utf-8")
    return path


FRAGMENT = """\
version: 1
description: The goodbye.
states:
  goodbye:
    kind: hangup
    prompt: {en: "Goodbye.", es: "Adiós."}
"""


def without_goodbye() -> str:
    return broken(('  goodbye:\n    kind: hangup\n    prompt: {en: "Goodbye.", es: "Adiós."}\n', ""))


def test_included_fragment_adds_its_states(tmp_path: Path, registry: Registry) -> None:
    """States of an included fragment join the flow, as if written in it."""
    main = without_goodbye().replace("states:\n", "include: [tiny/goodbye.yaml]\nstates:\n")
    flow = load_flow(write_flow(tmp_path, main, {"tiny/goodbye.yaml": FRAGMENT}), registry)
    assert flow.state("goodbye").kind == "hangup"


def test_fragment_problems_name_the_fragment(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A problem in a fragment is reported with the fragment's own path and line."""
    monkeypatch.chdir(tmp_path)
    main = without_goodbye().replace("states:\n", "include: [tiny/goodbye.yaml]\nstates:\n")
    write_flow(
        tmp_path,
        main,
        {"tiny/goodbye.yaml": FRAGMENT.replace("kind: hangup", "kind: hangup\n    goto: main")},
    )
    with pytest.raises(DefinitionError) as raised:
        load_flow("tiny.yaml", registry)
    assert str(raised.value).splitlines() == [
        "tiny/goodbye.yaml:6: states.goodbye.goto: unknown key 'goto' (allowed: kind, tier, prompt, description)"
    ]


def test_fragment_may_not_carry_flow_keys(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fragment holds version, description and states only."""
    monkeypatch.chdir(tmp_path)
    main = without_goodbye().replace("states:\n", "include: [tiny/goodbye.yaml]\nstates:\n")
    write_flow(tmp_path, main, {"tiny/goodbye.yaml": "id: other\n" + FRAGMENT})
    with pytest.raises(DefinitionError) as raised:
        load_flow("tiny.yaml", registry)
    assert str(raised.value).splitlines() == [
        "tiny/goodbye.yaml:1: id: unknown key 'id' (allowed: version, description, states)"
    ]


def test_include_of_a_missing_file(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An include naming no file is reported at the include line."""
    monkeypatch.chdir(tmp_path)
    main = TINY.replace("states:\n", "include:\n  - tiny/absent.yaml\nstates:\n")
    write_flow(tmp_path, main, {})
    with pytest.raises(DefinitionError) as raised:
        load_flow("tiny.yaml", registry)
    assert str(raised.value).splitlines() == [
        "tiny.yaml:18: include[0]: cannot include 'tiny/absent.yaml': file not found"
    ]


def test_state_in_flow_and_fragment(
    tmp_path: Path, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state defined in the flow and again in a fragment is reported with both places."""
    monkeypatch.chdir(tmp_path)
    main = TINY.replace("states:\n", "include: [tiny/goodbye.yaml]\nstates:\n")
    write_flow(tmp_path, main, {"tiny/goodbye.yaml": FRAGMENT})
    with pytest.raises(DefinitionError) as raised:
        load_flow("tiny.yaml", registry)
    assert str(raised.value).splitlines() == [
        f"tiny/goodbye.yaml:4: states.goodbye: state defined twice (also at tiny.yaml:{line(main, '  goodbye:')})"
    ]
