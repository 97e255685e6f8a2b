"""The `*.call.yaml` format: what a test call says, how its expectations judge a step, and its errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ivr.errors import DefinitionError
from ivr.qa.replay import Replayer
from ivr.qa.testcall import Expectation, load_call
from ivr.qa.transcript import CallerInput, Heard, Observation


def _call(tmp_path: Path, text: str, name: str = "x.call.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """\
version: 1
name: Special lines
clock: 2026-11-23T10:00:00-05:00
steps:
  - press: "1"
  - say: special lines
    at: 2026-11-23T11:00:00-05:00
    expect:
      state: special_lines.menu
"""


def test_a_test_call_starts_with_the_call_coming_in(tmp_path: Path) -> None:
    """Without a `start` step, the call begins with one: a test call is one whole call."""
    call = load_call(_call(tmp_path, MINIMAL))
    assert [step.input for step in call.steps] == [
        CallerInput("start"),
        CallerInput("press", "1"),
        CallerInput("say", "special lines"),
    ]


def test_a_step_may_move_the_clock(tmp_path: Path) -> None:
    """`at:` on a step sets the simulated time from that step on; the file's `clock` is the start."""
    call = load_call(_call(tmp_path, MINIMAL))
    assert call.clock == dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")
    assert call.steps[2].at == dt.datetime.fromisoformat("2026-11-23T11:00:00-05:00")


def test_inline_cases_are_checked_like_a_case_data_file(tmp_path: Path) -> None:
    """DESIGN.md §4: inline cases follow the CASES_FILE format; a bad receipt is reported with its line."""
    text = MINIMAL.replace("steps:", "cases:\n  - receipt_number: WAC12\n    form: I-765\n    status: x\n    date_of_birth: 1990-01-02\nsteps:")
    with pytest.raises(DefinitionError, match=r"x.call.yaml:5: cases\[0\].receipt_number"):
        load_call(_call(tmp_path, text))


def test_a_cases_file_is_found_beside_the_test_call(tmp_path: Path) -> None:
    """`cases_file:` is relative to the test call; a missing one is an error at its line."""
    text = MINIMAL.replace("steps:", "cases_file: nowhere.yaml\nsteps:")
    with pytest.raises(DefinitionError, match=r"x.call.yaml:4: cases_file: no such file: nowhere.yaml"):
        load_call(_call(tmp_path, text))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(("name: Special lines", "title: Special lines"), r":2: title: unknown key 'title'", id="unknown-top-key"),
        pytest.param(('  - press: "1"', '  - press: "1"\n    wait: 5'), r":6: steps\[0\].wait: unknown key 'wait'", id="unknown-step-key"),
        pytest.param(("      state:", "      heard:"), r":9: steps\[1\].expect.heard: unknown key 'heard' \(allowed: prompt, says", id="unknown-expectation"),
        pytest.param(("state: special_lines.menu", "tier: tier3"), r":9: steps\[1\].expect.tier: unknown value 'tier3'", id="unknown-tier"),
        pytest.param(('  - press: "1"', "  - press: 1"), r":5: steps\[0\].press: write keys as quoted text", id="unquoted-key"),
        pytest.param(('  - press: "1"', '  - press: "1"\n  - start: true'), r":6: steps\[1\]: 'start' can only be the first step", id="late-start"),
        pytest.param(("clock: 2026-11-23T10:00:00-05:00", "clock: 2026-11-23T10:00:00"), r":3: clock: '2026-11-23T10:00:00' has no UTC offset", id="naive-clock"),
    ],
)
def test_a_broken_test_call_is_reported_with_file_and_line(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    """Unknown keys and bad values are `file:line: where: what (allowed: ...)`."""
    with pytest.raises(DefinitionError, match=expected):
        load_call(_call(tmp_path, MINIMAL.replace(*change)))


def test_every_problem_of_a_test_call_is_reported_at_once(tmp_path: Path) -> None:
    """Four faults in one file (a missing name, an unknown key, an unquoted key, an unknown expectation) are one error."""
    text = MINIMAL.replace("name: Special lines", "title: x").replace('press: "1"', "press: 1").replace("state:", "colour:")
    with pytest.raises(DefinitionError) as raised:
        load_call(_call(tmp_path, text))
    assert [problem.line for problem in raised.value.problems] == [1, 2, 5, 9]


def _seen(**changes: object) -> Observation:
    base: dict[str, object] = {
        "heard": (Heard("main_menu.prompt", "Main menu. For our hours, press 8.", "en"),),
        "state": "main_menu",
        "tier": "ivr",
        "language": "en",
        "effects": ({"kind": "service_request_created", "type": "expedite", "office": "California Service Center"},),
        "tier_changes": ({"from": "ivr", "to": "tier1", "reason": "caller_requested_live_assistance"},),
        "scripts": ("case-status@2",),
    }
    base.update(changes)
    return Observation(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("expectation", "holds"),
    [
        pytest.param(Expectation(0, prompts=("main_menu.prompt",)), True, id="prompt-heard"),
        pytest.param(Expectation(0, prompts=("hours.info.prompt",)), False, id="prompt-not-heard"),
        pytest.param(Expectation(0, says=("for OUR hours,   press 8",)), True, id="says-ignores-case-and-spacing"),
        pytest.param(Expectation(0, says=("press 9",)), False, id="says-missing"),
        pytest.param(Expectation(0, not_says=("press 8",)), False, id="not-says-heard"),
        pytest.param(Expectation(0, state="main_menu", tier="ivr", language="en"), True, id="state-tier-language"),
        pytest.param(Expectation(0, state="hours.info"), False, id="other-state"),
        pytest.param(Expectation(0, hung_up=True), False, id="not-hung-up"),
        pytest.param(Expectation(0, service_request={"type": "expedite", "office": "california service center"}), True, id="service-request"),
        pytest.param(Expectation(0, service_request={"type": "accommodation"}), False, id="other-service-request"),
        pytest.param(Expectation(0, effects=("case_updated",)), False, id="effect-missing"),
        pytest.param(Expectation(0, tier_change={"to": "tier1", "reason": "caller_requested_live_assistance"}), True, id="tier-change"),
        pytest.param(Expectation(0, tier_change={"reason": "caller_requested_supervisor"}), False, id="other-tier-change"),
        pytest.param(Expectation(0, scripts=("case-status",)), True, id="script-any-version"),
        pytest.param(Expectation(0, scripts=("case-status@1",)), False, id="script-other-version"),
    ],
)
def test_an_expectation_judges_what_a_step_produced(expectation: Expectation, holds: bool) -> None:
    """Each kind of expectation holds exactly when the step produced what it names."""
    assert (expectation.failures(_seen()) == []) is holds


def test_a_text_cut_at_a_comma_gets_a_hint(tmp_path: Path) -> None:
    """`{says: a, b}` is YAML for two keys; the error says to quote the text rather than listing the allowed keys."""
    text = MINIMAL.replace("      state: special_lines.menu", "      says: For the TDD line, press 1.")
    text = text.replace("    expect:\n      says: For the TDD line, press 1.", "    expect: {says: For the TDD line, press 1.}")
    with pytest.raises(DefinitionError) as raised:
        load_call(_call(tmp_path, text))
    [problem] = raised.value.problems
    assert (problem.line, problem.what) == (8, "'press 1.' looks like the end of a text cut at a comma: quote the text (says: \"a, b\")")


def test_an_unknown_key_does_not_hide_a_bad_state_name(replayer: Replayer, tmp_path: Path) -> None:
    """Issue 17: a file with an unknown key and an expected state the flow lacks reports both, in one run."""
    text = MINIMAL.replace("name: Special lines", "name: Special lines\ntitle: x").replace("special_lines.menu", "special_lines.mneu")
    flows = {flow_id: traced.flow for flow_id, traced in replayer.flows.items()}
    with pytest.raises(DefinitionError) as raised:
        load_call(_call(tmp_path, text), flows, replayer.default_flow)
    assert [(problem.line, problem.where) for problem in raised.value.problems] == [
        (3, "title"),
        (10, "steps[1].expect.state"),
    ]
    assert "did you mean 'special_lines.menu'?" in raised.value.problems[1].what


def test_ivr_replay_reports_every_problem_of_a_test_call(tmp_path: Path) -> None:
    """Issue 17: `ivr replay` shows the unknown key and the unknown state of one file together."""
    from click.testing import CliRunner

    from ivr.cli import main

    text = MINIMAL.replace("name: Special lines", "name: Special lines\ntitle: x").replace("special_lines.menu", "special_lines.mneu")
    path = _call(tmp_path, text)
    result = CliRunner().invoke(main, ["replay", str(path)])
    assert result.exit_code == 1
    assert "title: unknown key 'title'" in result.output
    assert "steps[1].expect.state: no state 'special_lines.mneu'" in result.output


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(("steps:", "flow: uscis_contact_centre\nsteps:"),
                     "x.call.yaml:4: flow: unknown flow 'uscis_contact_centre' (known: uscis_contact_center)", id="unknown-flow"),
        pytest.param(("steps:", "settings: {SCRIPT_PINS: {case-statu: 1}}\nsteps:"),
                     "x.call.yaml:4: settings.SCRIPT_PINS['case-statu']: no script 'case-statu' (did you mean 'case-status'?)",
                     id="unknown-script"),
        pytest.param(("steps:", "settings: {SCRIPT_PINS: {case-status: 99}}\nsteps:"),
                     "x.call.yaml:4: settings.SCRIPT_PINS['case-status']: no version 99 of 'case-status' (known: case-status@1",
                     id="unknown-version"),
    ],
)
def test_ivr_validate_reports_a_flow_or_script_pin_that_does_not_exist(tmp_path: Path, change: tuple[str, str],
                                                                       expected: str) -> None:
    """`ivr validate` holds a test call's flow and script pins against what is loaded (it said "No problems"; replay then failed)."""
    from click.testing import CliRunner

    from ivr.cli import main

    path = _call(tmp_path, MINIMAL.replace(*change))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert expected in result.output.replace(str(tmp_path) + "/", "")
