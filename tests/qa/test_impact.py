"""`ivr replay --against DRAFT`: the impact of a draft on a corpus, grouped by how each call changes.

Issue 15: "replays a corpus … against a draft and reports, grouped, which calls now take another
path, hear another prompt or end elsewhere … with one example each and the full list on request."
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.qa import transcript as transcripts
from ivr.qa.impact import measure_impact
from ivr.qa.replay import Replayer, find_files

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "flows" / "example.yaml"
AT = dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")

# The generated day: how many calls of each kind (1,000 in all).
HOURS_CALLS, GOODBYE_CALLS, REPRESENTATIVE_CALLS = 430, 350, 220


def _record(replayer: Replayer, sid: str, *keys: str) -> transcripts.Transcript:
    """A transcript of a call that presses `keys` after choosing English, as the store would keep it."""
    run = replayer.start_run("example", replayer.case_book(None), {}, "+15555550100", sid, ())
    run.send((AT, transcripts.CallerInput("start")))
    for key in ("1", *keys):
        given = transcripts.CallerInput("hang_up") if key == "hang up" else transcripts.CallerInput("press", key)
        run.send((AT, given))
    [recorded] = transcripts.from_entries(run.tx.transcript)
    return recorded


@pytest.fixture(scope="module")
def baseline() -> Replayer:
    return Replayer({"FLOWS": [str(EXAMPLE)]})


@pytest.fixture(scope="module")
def corpus(baseline: Replayer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,000 generated transcripts of the example flow: the hours, goodbye, and a representative's goodbye."""
    folder = tmp_path_factory.mktemp("corpus")
    kinds = [
        ("hours", ("8", "hang up"), HOURS_CALLS),
        ("goodbye", ("9",), GOODBYE_CALLS),
        ("representative", ("0", "2"), REPRESENTATIVE_CALLS),
    ]
    for name, keys, count in kinds:
        template = _record(baseline, f"CA{name}", *keys)
        for number in range(count):
            sid = f"CA{name}{number:04d}"
            copy = transcripts.Transcript(**{**template.__dict__, "call_sid": sid})
            transcripts.write(copy, folder / f"{sid}.transcript.yaml")
    return folder


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example flow with one prompt reworded (the hours) and one transition changed (goodbye now says the hours)."""
    folder = tmp_path_factory.mktemp("draft")
    text = EXAMPLE.read_text(encoding="utf-8")
    reworded = text.replace('en: "Representatives are available {live_assistance_hours}."',
                            'en: "Our representatives take calls {live_assistance_hours}."')
    rerouted = reworded.replace("        phrases: {en: [goodbye], es: [adios]}\n        goto: goodbye",
                                "        phrases: {en: [goodbye], es: [adios]}\n        goto: hours")
    assert reworded != text and rerouted != reworded
    target = folder / "example.yaml"
    target.write_text(rerouted, encoding="utf-8")
    return target


def test_an_unchanged_draft_changes_no_call(corpus: Path, baseline: Replayer) -> None:
    """The same definitions on both sides: every call unchanged, no group."""
    report = measure_impact(find_files([corpus]), baseline, baseline)
    assert (report.total, report.unchanged, report.groups) == (1000, 1000, ())


def test_the_impact_groups_calls_by_how_the_draft_changes_them(corpus: Path, baseline: Replayer, draft: Path) -> None:
    """A reworded prompt and a changed transition: one group each, counted exactly, biggest first."""
    report = measure_impact(find_files([corpus]), baseline, Replayer({"FLOWS": [str(draft)]}))
    summary = [(group.count, group.summary) for group in report.groups]
    assert summary == [
        (HOURS_CALLS, "prompt hours.prompt changed (same path)"),
        (GOODBYE_CALLS, "now end at main_menu instead of goodbye"),
    ]
    assert report.unchanged == REPRESENTATIVE_CALLS


def test_each_group_shows_one_example_with_what_changed_in_words(corpus: Path, baseline: Replayer, draft: Path) -> None:
    """The prompt group's example names its file and step and says the change in words, not the whole prompt."""
    report = measure_impact(find_files([corpus]), baseline, Replayer({"FLOWS": [str(draft)]}))
    prompt_group, path_group = report.groups
    assert prompt_group.example.step == 3
    assert prompt_group.example.detail == ('words: "Representatives are available" -> "Our representatives take calls"',)
    assert Path(path_group.example.path).name.startswith("CAgoodbye")
    assert any(line.startswith("+ say hours.prompt") for line in path_group.example.detail)


def test_replay_against_prints_the_grouped_report(corpus: Path, draft: Path) -> None:
    """`ivr replay CORPUS --flows BASE --against DRAFT` prints the counts, a line per group and one example each."""
    result = CliRunner().invoke(main, ["replay", str(corpus), "--flows", str(EXAMPLE), "--against", str(draft)])
    lines = result.output.splitlines()
    assert result.exit_code == 0, result.output
    assert lines[0] == "impact on 1000 calls: 220 unchanged, 780 changed"
    assert lines[1] == f"430 calls: prompt hours.prompt changed (same path)"
    assert lines[2].startswith("      e.g. ") and lines[2].endswith("(step 3)")
    assert sum(1 for line in lines if line.lstrip().startswith("e.g.")) == 2


def test_replay_against_with_list_names_every_changed_call(corpus: Path, draft: Path) -> None:
    """`--list` adds every changed call under its group."""
    result = CliRunner().invoke(main, ["replay", str(corpus), "--flows", str(EXAMPLE), "--against", str(draft), "--list"])
    listed = [line for line in result.output.splitlines() if line.lstrip().startswith("- ") and "(step" in line]
    assert len(listed) == HOURS_CALLS + GOODBYE_CALLS


def test_a_file_that_cannot_be_played_is_reported_not_fatal(corpus: Path, baseline: Replayer, tmp_path: Path) -> None:
    """A broken file in the corpus is named in the report; the other calls are still measured."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(next(corpus.glob("CAhours0000*")), folder / "good.transcript.yaml")
    (folder / "bad.transcript.yaml").write_text("version: 1\nsteps: [\n", encoding="utf-8")
    report = measure_impact(find_files([folder]), baseline, baseline)
    assert (report.unchanged, [Path(path).name for path, _ in report.errors]) == (1, ["bad.transcript.yaml"])


def test_a_draft_of_another_flow_is_refused_not_compared(tmp_path: Path) -> None:
    """A draft whose id no current flow has (the wrong file given) is one line naming both ids, not "73 calls changed"."""
    calls = Path(__file__).resolve().parents[1] / "calls" / "hours.call.yaml"
    result = CliRunner().invoke(main, ["replay", str(calls), "--against", str(EXAMPLE)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: --against: ") and "'example'" in line and "uscis_contact_center" in line
    assert "impact on" not in result.output
