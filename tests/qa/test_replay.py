"""Replay: recorded calls and test calls run hermetically against the current flows; failures as diffs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from ivr.definitions.flow_cache import CACHE_NAME
from ivr.definitions.flows import FLOWS_ROOT
from ivr.errors import DefinitionError
from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer, file_names, find_files, replay_paths
from ivr.qa.testcall import load_call

from .conftest import Record


def test_a_recorded_call_replays_without_a_difference(record: Record, replayer: Replayer) -> None:
    """A call recorded through the webhooks replays step for step against the same flows."""
    result = replayer.replay_transcript(record("1", "5", "1", "2", "#", "8", "0", "hang_up"))
    assert (result.passed, result.steps, result.diff) == (True, 9, "")


def changed_flows(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the shipped flows with one text changed; the main file of the copy."""
    copy = tmp_path / "flows"
    shutil.copytree(FLOWS_ROOT, copy)
    fragment = copy / "uscis_contact_center" / "self_service.yaml"
    text = fragment.read_text(encoding="utf-8")
    assert old in text
    fragment.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy / "uscis_contact_center.yaml"


def test_a_changed_prompt_fails_at_the_step_that_says_it(record: Record, tmp_path: Path) -> None:
    """The diff names the step, the caller's input, the state, and the prompt heard then and now."""
    recorded = record("1", "5", "1", "9")
    flows = changed_flows(tmp_path, "the TDD number is {line_tdd}.", "the TDD phone number is {line_tdd}.")
    result = Replayer({"FLOWS": [str(flows)]}).replay_transcript(recorded)
    assert not result.passed
    lines = result.diff.splitlines()
    assert lines[0].startswith('step 4 of 5 (call CA') and lines[0].endswith(
        'the caller pressed "1" in special_lines.menu at 2026-11-23T10:00:00-05:00'
    )
    assert "- say special_lines.tdd.prompt: \"For the deaf or hard of hearing, the TDD number is 1, 8 0 0, 7 6 7, 1 8 3 3.\"" in lines
    assert "+ say special_lines.tdd.prompt: \"For the deaf or hard of hearing, the TDD phone number is 1, 8 0 0, 7 6 7, 1 8 3 3.\"" in lines
    assert '    words: added "phone"' in lines
    assert "  state special_lines.menu (tier ivr, language en)" in lines


def test_a_call_taking_another_way_shows_the_states(record: Record, tmp_path: Path) -> None:
    """When a state now leads elsewhere (the hours message hangs up), the diff shows the state then and now."""
    recorded = record("1", "8")
    flows = tmp_path / "uscis_contact_center.yaml"
    shutil.copytree(FLOWS_ROOT, tmp_path, dirs_exist_ok=True)
    text = flows.read_text(encoding="utf-8")
    hours = text.index("  hours.info:")
    changed = text[:hours] + text[hours:].replace("goto: main_menu", "goto: goodbye", 1)
    flows.write_text(changed, encoding="utf-8")
    diff = Replayer({"FLOWS": [str(flows)]}).replay_transcript(recorded).diff
    assert "- state main_menu (tier ivr, language en)" in diff.splitlines()
    assert "+ then hang_up" in diff.splitlines()


def test_replay_reads_the_case_data_of_the_transcript(make_app, tmp_path: Path, replayer: Replayer) -> None:
    """A call recorded on other case data replays on its own snapshot, not on the current case file."""
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "version: 1\ncases:\n  - receipt_number: EAC2699990123\n    form: I-765\n    status: Case Was Approved\n"
        "    date_of_birth: 1970-05-06\n",
        encoding="utf-8",
    )
    app = make_app(CASES_FILE=str(cases))
    runtime = app.extensions["ivr"]
    from ivr.testing import PhoneCall

    from .conftest import drive, transcript_of

    call = PhoneCall(app, app.config["TWILIO_AUTH_TOKEN"])
    call.start()
    drive(call, ("1", "1", "2699990123#", "1", "05061970"))
    recorded = transcript_of(runtime, call)
    assert "Case Was Approved" in recorded.steps[-1].observed.text
    assert replayer.replay_transcript(recorded).passed


def test_replay_runs_each_step_at_its_recorded_time(record: Record, replayer: Replayer) -> None:
    """DOMAIN.md §1.1: a representative asked for at 10 a.m. is there; the same input replayed at 9 p.m. is not."""
    recorded = record("1", "0")
    evening = dt.datetime.fromisoformat("2026-11-23T21:00:00-05:00")
    moved = dataclasses.replace(recorded, steps=tuple(dataclasses.replace(s, at=evening) for s in recorded.steps))
    assert replayer.replay_transcript(recorded).passed
    result = replayer.replay_transcript(moved)
    assert not result.passed and "+ say representative.closed.prompt" in result.diff


def test_replay_draws_the_recorded_reference_numbers(record: Record, replayer: Replayer) -> None:
    """The second service request of the day gets reference …0002 when recorded, and again when replayed alone."""
    create = ("1", "4", "2", "2690250102#", "1", "04121990", "1", "1")
    record(*create)
    second = record(*create[:3], "2691851118#", "1", "09091991", "1", "1")
    [effect] = second.steps[-1].observed.effects
    assert effect["reference"] == "2611230002"
    assert replayer.replay_transcript(second).passed


def test_a_failed_expectation_shows_what_was_expected_and_heard(tmp_path: Path, replayer: Replayer) -> None:
    """A test call's failure names its file and line, the expectation, and everything heard instead."""
    path = tmp_path / "hours.call.yaml"
    path.write_text(
        'version: 1\nname: Hours\nclock: 2026-11-23T10:00:00-05:00\nsteps:\n  - press: "1"\n  - press: "9"\n'
        "    expect:\n      state: hours.info\n      says: 24 hours a day\n",
        encoding="utf-8",
    )
    result = replayer.replay_path(path)
    lines = result.diff.splitlines()
    assert lines[0].endswith('hours.call.yaml:6): the caller pressed "9" in main_menu at 2026-11-23T10:00:00-05:00')
    assert lines[2:6] == [
        "- expected state hours.info",
        "+ now      state goodbye",
        '- expected to hear "24 hours a day"',
        "+ now      not heard",
    ]
    assert '    say goodbye.prompt: "Thank you for calling. Goodbye."' in lines


def test_a_test_call_naming_an_unknown_state_is_a_definition_error(tmp_path: Path, replayer: Replayer) -> None:
    """Names a test call expects are checked against the flow, with a suggestion."""
    path = tmp_path / "typo.call.yaml"
    path.write_text(
        'version: 1\nname: Typo\nclock: 2026-11-23T10:00:00-05:00\nsteps:\n  - press: "1"\n    expect: {state: main_meny}\n',
        encoding="utf-8",
    )
    with pytest.raises(DefinitionError, match=r"typo.call.yaml:6: steps\[0\].expect.state: no state 'main_meny' in flow uscis_contact_center \(did you mean 'main_menu'\?\)"):
        replayer.replay_call(load_call(path))


def test_a_file_that_cannot_be_read_fails_with_its_problems(tmp_path: Path, replayer: Replayer) -> None:
    """Replaying a broken file does not raise: it fails, and the diff is the file's problems."""
    path = tmp_path / "broken.call.yaml"
    path.write_text("version: 1\nname: Broken\n", encoding="utf-8")
    result = replayer.replay_path(path)
    assert not result.passed and "missing required key 'clock'" in result.diff


def test_a_transcript_of_an_unknown_flow_fails(record: Record, replayer: Replayer) -> None:
    """A transcript of a flow that is not loaded fails and lists the loaded flows."""
    recorded = dataclasses.replace(record("1"), flow_id="ice_check_in")
    result = replayer.replay_transcript(recorded)
    assert not result.passed and "flow 'ice_check_in' is not loaded (loaded: uscis_contact_center)" in result.diff


def test_folders_are_searched_for_test_calls_and_transcripts(tmp_path: Path) -> None:
    """Only `*.call.yaml` and `*.transcript.yaml` files are replayed, from every subfolder, once each."""
    for name in ("a.call.yaml", "deep/b.transcript.yaml", "deep/c.yaml", "d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = find_files([tmp_path, tmp_path / "a.call.yaml"])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == ["a.call.yaml", "deep/b.transcript.yaml"]


def test_files_come_in_path_order_folder_by_folder(tmp_path: Path) -> None:
    """A folder's files and subfolders are taken name by name, each subfolder whole ("a/" before "a-b/" before "a.call.yaml")."""
    for name in ("a.call.yaml", "a-b/x.call.yaml", "a/y.call.yaml", "a/z/w.transcript.yaml", "b.transcript.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = find_files([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a/y.call.yaml", "a/z/w.transcript.yaml", "a-b/x.call.yaml", "a.call.yaml", "b.transcript.yaml"]


@pytest.mark.parametrize("given", [".", "./", "calls/..", "TMP"])
def test_files_are_listed_as_text_as_their_paths_write_them(given: str, tmp_path: Path, monkeypatch) -> None:
    """`file_names` (what `ivr replay` lists) is `find_files` as text: the same files, order and spelling."""
    for name in ("a.call.yaml", "a-b/x.call.yaml", "a/y.call.yaml", "a/z/w.transcript.yaml", "calls/b.transcript.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    roots = [str(tmp_path) if given == "TMP" else given, "a/y.call.yaml", "a"]
    assert file_names(roots) == [str(path) for path in find_files(roots)]


def test_a_link_to_a_folder_is_not_followed(tmp_path: Path) -> None:
    """A symbolic link to a folder is not searched (a link back up would otherwise loop); a linked file is replayed."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.call.yaml").write_text("", encoding="utf-8")
    (tmp_path / "calls").mkdir()
    (tmp_path / "calls" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "calls" / "b.call.yaml").symlink_to(tmp_path / "real" / "a.call.yaml")
    found = find_files([tmp_path / "calls"])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == ["calls/b.call.yaml"]


def test_several_processes_give_the_same_results_in_order(record: Record, tmp_path: Path) -> None:
    """`--jobs`: replaying on two processes gives each file's result, in the order of the files."""
    paths = []
    for index, inputs in enumerate((("1", "5"), ("1", "6"), ("2", "8"), ("1", "9"))):
        recorded = record(*inputs)
        paths.append(transcripts.write(recorded, tmp_path / f"{index}.transcript.yaml"))
    (tmp_path / "4.transcript.yaml").write_text("version: 1\n", encoding="utf-8")
    paths.append(tmp_path / "4.transcript.yaml")
    one = replay_paths(paths, jobs=1)
    two = replay_paths(paths, jobs=2)
    assert [(r.path, r.passed) for r in two] == [(r.path, r.passed) for r in one]
    assert [r.passed for r in two] == [True, True, True, True, False]


@pytest.fixture
def flow_loads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every time the flow cache had to read and compile the flows from their files."""
    from ivr.definitions import flow_cache, flows

    calls: list[object] = []

    def counted(*args: object) -> object:
        calls.append(args)
        return flows.load_flows(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(flow_cache, "load_flows", counted)
    return calls


def test_the_replayer_reuses_the_flow_cache_from_another_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flow_loads: list[object]
) -> None:
    """`ivr replay` from a new folder (the bench's is new at every run) compiles nothing the app or an earlier run
    kept: building the replayer before the workers start was mostly compiling the understanding models."""
    cache = tmp_path / "instance"
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / name)
        replayer = Replayer(cache_folder=cache)
        assert replayer.default_flow == "uscis_contact_center"
    assert len(flow_loads) == 1


def test_a_changed_flow_file_is_recompiled_by_the_replayer(
    record: Record, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flow_loads: list[object]
) -> None:
    """The flows the environment names (as the app reads them) come from the cache until one of their files
    changes; then the replayer compiles them again and replays against the change."""
    recorded = record("1", "5", "1", "9")
    flow = changed_flows(tmp_path, "the TDD number is {line_tdd}.", "the TDD number is {line_tdd}.")  # a copy
    monkeypatch.setenv("IVR_FLOWS", str(flow))
    cache = tmp_path / "instance"
    assert Replayer(cache_folder=cache).replay_transcript(recorded).passed
    fragment = flow.parent / "uscis_contact_center" / "self_service.yaml"
    text = fragment.read_text(encoding="utf-8")
    fragment.write_text(text.replace("the TDD number is {line_tdd}.", "the TDD phone number is {line_tdd}.", 1),
                        encoding="utf-8")
    result = Replayer(cache_folder=cache).replay_transcript(recorded)
    assert len(flow_loads) == 2
    assert not result.passed and "the TDD phone number is" in result.diff


def test_flows_a_replay_is_given_never_touch_the_apps_cache(tmp_path: Path, flow_loads: list[object]) -> None:
    """Draft flows (`ivr diff`'s, a test's) are compiled afresh and not kept: they never push out the app's flows."""
    cache = tmp_path / "instance"
    Replayer({"FLOWS": [str(FLOWS_ROOT / "uscis_contact_center.yaml")]}, cache_folder=cache)
    assert flow_loads == [] and not (cache / CACHE_NAME).exists()


UNCHECKED_STEPS = """\
version: 1
name: Hours, two steps with nothing to check
clock: 2026-11-23T10:00:00-05:00
steps:
  - press: "1"
  - press: "8"
  - press: "1"
    expect:
      state: no_such_place_in_the_flow_but_named
"""


def test_a_fault_in_a_step_with_nothing_to_check_fails_the_test_call(replayer: Replayer, tmp_path: Path, monkeypatch) -> None:
    """A step without `expect` still fails its call when the engine had to recover from a fault there."""
    from ivr.core import stepping

    path = tmp_path / "fault.call.yaml"
    path.write_text(UNCHECKED_STEPS.replace('\n    expect:\n      state: no_such_place_in_the_flow_but_named', ""),
                    encoding="utf-8")
    handle = stepping.Run.handle

    def failing(run: stepping.Run, event: object) -> None:
        if getattr(event, "digits", None) == "8":
            raise RuntimeError("boom")
        handle(run, event)

    monkeypatch.setattr(stepping.Run, "handle", failing)
    result = replayer.replay_path(path)
    assert not result.passed and result.steps == 3
    assert "- expected no fault\n+ now      the engine recovered from a fault: RuntimeError" in result.diff


def test_the_path_so_far_holds_the_states_of_steps_with_nothing_to_check(replayer: Replayer, tmp_path: Path) -> None:
    """A failing expectation shows every state the call went through before it, checked or not."""
    path = tmp_path / "path.call.yaml"
    path.write_text(UNCHECKED_STEPS.replace("no_such_place_in_the_flow_but_named", "main_menu"), encoding="utf-8")
    result = replayer.replay_path(path)
    assert not result.passed, result.diff
    lines = result.diff.splitlines()
    assert lines[0].startswith("step 4 of 4 (") and 'the caller pressed "1" in main_menu at' in lines[0]
    assert lines[1].startswith("path so far: ") and "hours.info > main_menu" in lines[1]
