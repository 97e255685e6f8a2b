"""The strict YAML loader (ivr/definitions/yamlsource.py) refuses YAML 1.1's traps.

PyYAML's `safe_load` turns `yes`/`on` into booleans (and `yes == 1`, so it
replaces menu option 1), reads `0123` as octal, dates as `datetime`, drops
duplicate keys in silence and cannot parse an unquoted `*` key.  Each test
pins down one way this loader does better.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ivr.core.registry import builtin_registry
from ivr.definitions.flows import load_flow_text
from ivr.definitions.yamlsource import Mapping, Sequence, Text, load_file, load_text
from ivr.errors import DefinitionError

FILE = "traps.yaml"


def value_of(scalar: str) -> object:
    return load_text(f"value: {scalar}\n", FILE)["value"]


def errors(text: str) -> list[str]:
    with pytest.raises(DefinitionError) as raised:
        load_text(text, FILE)
    return str(raised.value).splitlines()


# --- booleans ----------------------------------------------------------------------------------


@pytest.mark.parametrize("scalar", ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "True", "FALSE"])
def test_yaml_1_1_booleans_stay_text(scalar: str) -> None:
    """yes/no/on/off (and capitalised true/false) are read as the text written, not as booleans."""
    assert value_of(scalar) == scalar
    assert isinstance(value_of(scalar), Text)


@pytest.mark.parametrize(("scalar", "expected"), [("true", True), ("false", False)], ids=["true", "false"])
def test_only_lower_case_true_and_false_are_booleans(scalar: str, expected: bool) -> None:
    """`true` and `false` are the only booleans."""
    assert value_of(scalar) is expected


def test_on_as_a_key_stays_the_text_on() -> None:
    """`on:` (an action's outcome routing) is the key 'on', where PyYAML makes it the boolean True."""
    assert yaml.safe_load("on: x\n") == {True: "x"}
    assert list(load_text("on: x\n", FILE)) == ["on"]


def test_yes_as_a_key_does_not_replace_option_1() -> None:
    """A `yes:` key next to `1:` is a second key, where PyYAML's `yes == 1` overwrites option 1."""
    assert load_text("1: one\nyes: two\n", FILE) == {"1": "one", "yes": "two"}


# --- keys --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    ["0", "1", '"0"', '"*"', '"#"', "'#'"],
    ids=["0", "1", "quoted 0", "star", "pound", "single-quoted pound"],
)
def test_phone_keys_stay_text(key: str) -> None:
    """Menu keys `0`-`9`, `"*"` and `"#"` are kept as the text written, quoted or not."""
    loaded = load_text(f"{key}: option\n", FILE)
    assert list(loaded) == [key.strip("\"'")]


def test_unquoted_star_key_is_a_syntax_error_with_a_hint() -> None:
    """An unquoted `*` starts a YAML alias: one problem, on its line, saying to quote the key."""
    assert errors("options:\n  *:\n    goto: main\n") == [
        (
            "traps.yaml:2: YAML syntax: expected alphabetic or numeric character, but found ':' "
            "(quote keys such as '*' and '#': \"*\")"
        )
    ]


def test_unquoted_pound_key_is_a_comment() -> None:
    """An unquoted `#` starts a comment, so the line is not a key at all (the validator then complains)."""
    assert load_text('options:\n  #: x\n  "1": y\n', FILE) == {"options": {"1": "y"}}


# --- numbers, dates and nothing -------------------------------------------------------------------


@pytest.mark.parametrize("scalar", ["0123", "0o17", "0x1F", "1_000", "+.inf", ".nan", "1e3"])
def test_numbers_yaml_1_1_would_convert_stay_text(scalar: str) -> None:
    """Leading zeros, octal, hex, underscores and exponents are kept as written ('0123' is not 83)."""
    assert value_of(scalar) == scalar


@pytest.mark.parametrize(("scalar", "expected"), [("0", 0), ("42", 42), ("-7", -7), ("1.5", 1.5)])
def test_plain_decimal_numbers_are_numbers(scalar: str, expected: float) -> None:
    """Plain decimal integers (no leading zero) and decimals are numbers."""
    assert value_of(scalar) == expected
    assert type(value_of(scalar)) is type(expected)


@pytest.mark.parametrize("scalar", ["2026-11-23", "2026-11-23T10:00:00-05:00", "12:30", "1:30:00"])
def test_dates_and_times_stay_text(scalar: str) -> None:
    """Dates, instants and sexagesimal times are text for the validators to parse."""
    assert value_of(scalar) == scalar
    assert isinstance(value_of(scalar), str)


@pytest.mark.parametrize("scalar", ["", "~", "null"], ids=["empty", "tilde", "null"])
def test_null_forms_are_nothing(scalar: str) -> None:
    """An empty value, `~` and `null` are nothing (None)."""
    assert value_of(scalar) is None


# --- duplicates and lines -------------------------------------------------------------------------


def test_duplicate_key_reports_both_lines() -> None:
    """A duplicate key is an error on its own line that names the line of the first one."""
    assert errors('options:\n  "1": a\n  "2": b\n  1: c\n') == [
        "traps.yaml:4: 1: duplicate key (first defined on line 2)"
    ]


def test_every_duplicate_key_of_a_file_is_reported_at_once() -> None:
    """Duplicates anywhere in the file are all listed, in line order."""
    text = "a:\n  x: 1\n  x: 2\nb:\n  y: 1\n  y: 2\na: 3\n"
    assert errors(text) == [
        "traps.yaml:3: x: duplicate key (first defined on line 2)",
        "traps.yaml:6: y: duplicate key (first defined on line 5)",
        "traps.yaml:7: a: duplicate key (first defined on line 1)",
    ]


def test_loaded_values_remember_their_lines() -> None:
    """Mappings, sequences, keys and text know the line they were written on."""
    loaded = load_text("top:\n  key: value\n  list:\n    - one\n    - two\n", FILE)
    top = loaded["top"]
    assert isinstance(top, Mapping) and isinstance(top["list"], Sequence)
    assert (top.line, top.line_of("list"), top["key"].line, top["list"].line_of(1)) == (2, 3, 2, 5)


def test_syntax_error_is_one_problem_with_a_line_and_no_chained_traceback() -> None:
    """A file that does not parse gives one `file:line` problem, not a PyYAML traceback."""
    with pytest.raises(DefinitionError) as raised:
        load_text("a:\n  b: 1\n c: 2\n", FILE)
    assert [(p.path, p.line) for p in raised.value.problems] == [(FILE, 3)]
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


# --- files -----------------------------------------------------------------------------------------


def test_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    """Loading a file that does not exist raises a definition problem 'file not found'."""
    with pytest.raises(DefinitionError, match="file not found"):
        load_file(tmp_path / "absent.yaml")


def test_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    """A file in another encoding is reported, not decoded wrongly."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes("prompt: menú\n".encode("latin-1"))
    with pytest.raises(DefinitionError, match="not UTF-8 text"):
        load_file(path)


# --- a whole flow --------------------------------------------------------------------------------

EVERY_TRAP_FLOW = """\
version: 1
id: traps
start: main
keys:
  representative: {key: 0}
  repeat: {key: "*"}
  previous: {key: "#"}
messages:
  global_keys: {en: "Press 0.", es: "Oprima 0."}
  confirm: {en: "I heard {value}.", es: "Escuché {value}."}
  apology: {en: "Sorry.", es: "Lo sentimos."}
escalation: {representative: bye, max_attempts: bye}
states:
  main:
    kind: menu
    bilingual: yes
    announce_keys: off
    no_input: {en: "Hello?", es: "¿Hola?"}
    no_match: {en: "Pardon?", es: "¿Perdón?"}
    options:
      1: {topic: {en: yes, es: sí}, goto: bye}
  bye:
    kind: hangup
    prompt: {en: "Bye.", es: "Adiós."}
"""


def test_every_problem_of_a_flow_file_is_reported_at_once() -> None:
    """Two trap-made faults in one flow are both reported; the `yes` topic and the unquoted keys are fine."""
    with pytest.raises(DefinitionError) as raised:
        load_flow_text(EVERY_TRAP_FLOW, "traps.yaml", builtin_registry())
    assert str(raised.value).splitlines() == [
        "traps.yaml:16: states.main.bilingual: expected true or false, found 'yes'",
        "traps.yaml:17: states.main.announce_keys: expected true or false, found 'off'",
    ]
