"""`ivr rehearse`: an interactive call in the terminal, keys and phrases typed or piped on stdin."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from ivr.cli import main
from ivr.qa.transcript import load_transcript

DEMO_CASE = "EAC2690150101"  # biometrics on Dec 8, never rescheduled (ivr/data/demo_cases.yaml)


def _flat(output: str) -> str:
    """The output with line wrapping undone (prompts are wrapped to the terminal's width)."""
    return " ".join(output.split())


@pytest.fixture
def rehearse(runner, tmp_path: Path, small_flow: Path):
    """Run `ivr rehearse` on the small flow (or the shipped one) with typed lines; instance in tmp_path."""

    def run(*lines: str, flow: str | None = str(small_flow), args: tuple[str, ...] = ()):
        argv = ["rehearse", *([flow] if flow else []), "--instance", str(tmp_path), *args]
        return runner.invoke(main, argv, input="".join(f"{line}\n" for line in lines))

    return run


def test_prompts_are_printed_as_spoken_with_the_state_and_tier(rehearse) -> None:
    """Each turn prints what the caller hears and a status line with the state, tier and what is awaited."""
    result = rehearse("1", "1")

    assert result.exit_code == 0, result.output
    assert "  IVR: Welcome to the rehearsal line.\n  IVR: Bienvenido a la línea de ensayo.\n  IVR: For English, press 1." in result.output
    assert "[main_menu | IVR | listening: keys or speech]" in result.output
    assert "  IVR: We are open all day." in result.output


def test_piped_input_is_echoed_so_the_output_reads_as_a_dialogue(rehearse) -> None:
    """Lines read from a pipe are shown after a '>' prompt."""
    result = rehearse("1", "hours")

    assert "> 1\n" in result.output and "> hours\n" in result.output


def test_phrases_are_sent_as_speech(rehearse) -> None:
    """Anything that is not keys is something the caller says: 'hours' chooses the hours option."""
    result = rehearse("english", "hours")

    assert "  IVR: We are open all day." in result.output


def test_the_end_of_input_hangs_up_and_summarises_the_call(rehearse) -> None:
    """EOF hangs up; the summary gives the path, tiers, service requests, scripts heard and branches, in plain words."""
    result = rehearse("1", "1")

    assert "(end of input: hanging up)" in result.output
    assert "Path: Choosing a language › The main menu › Our hours › The main menu" in result.output
    assert "Tiers reached: automated system" in result.output
    assert "Service requests: none" in result.output
    assert "Scripts heard: none" in result.output
    assert "Branches rehearsed: Press 1: English; Press 1: our hours" in result.output


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("1", "/silence"), "  IVR: Sorry, I didn't hear anything."),
        (("1", "0", "/supervisor"), "[supervisor.greeting | Supervisor |"),
        (("1", "0", "/upset"), "Tier 1 representative → supervisor (the caller is unusually upset and believes the proposed resolution is improper)"),
        (("1", "/hangup", "1"), "[main_menu | IVR | call ended]"),
        (("/help",), "/supervisor  ask for a supervisor"),
        (("1", "/state"), "  menus: language > main_menu"),
        (("/dance",), "unknown command /dance (try /help)"),
    ],
    ids=["silence", "supervisor", "upset", "hangup", "help", "state", "unknown"],
)
def test_commands(rehearse, lines: tuple[str, ...], expected: str) -> None:
    """Slash commands stand for silence, hanging up, asking for a supervisor, sounding upset, help and state."""
    result = rehearse(*lines)

    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_tier_changes_are_summarised_with_their_reasons(rehearse) -> None:
    """Seed 003_29c9fde61bf22c66.txt: the summary names each move between tiers and why."""
    result = rehearse("1", "0", "8")

    assert "automated system → Tier 1 representative (the caller asked for live assistance from within the IVR)" in result.output
    assert "Tier 1 representative → supervisor (the caller requested to speak to a supervisor)" in result.output


def test_the_transcript_is_saved_for_replay(rehearse, tmp_path: Path) -> None:
    """The call's transcript is written under INSTANCE/rehearsals as a replayable file, and its path printed."""
    result = rehearse("1", "1", "9")

    saved = list((tmp_path / "rehearsals").glob("*.transcript.yaml"))
    assert len(saved) == 1 and f"Transcript: {saved[0]}" in result.output
    transcript = load_transcript(saved[0])
    assert (transcript.channel, transcript.flow_id) == ("rehearsal", "rehearsal_demo")
    assert [step.input.kind for step in transcript.steps] == ["start", "press", "press", "press"]


def test_a_transcript_path_can_be_given(rehearse, tmp_path: Path) -> None:
    """--transcript FILE saves the transcript there."""
    target = tmp_path / "mine.transcript.yaml"

    rehearse("1", "9", args=("--transcript", str(target)))

    assert load_transcript(target).steps[-1].observed.state == "goodbye"


def test_each_rehearsal_counts_towards_the_trainees_coverage(rehearse) -> None:
    """Every rehearsal adds to its trainee's checklist; the summary gives the running total."""
    rehearse("1", "1", "9", args=("--trainee", "Ana"))
    result = rehearse("2", "9", args=("--trainee", "Ana"))

    assert "Coverage: 4 of 7 branches rehearsed by Ana" in result.output


def test_lang_chooses_the_language_at_the_language_menu(rehearse) -> None:
    """--lang es answers the language menu: the first prompt heard after the welcome is the Spanish main menu."""
    result = rehearse("9", args=("--lang", "es"))

    assert "  IVR: Menú principal." in result.output
    assert "  IVR: Adiós." in result.output


def test_a_spanish_call_is_summarised_in_the_terminals_english(rehearse) -> None:
    """--lang es: the caller hears Spanish, but the summary's headings, state and branch names stay in the terminal's English."""
    result = rehearse("9", args=("--lang", "es"))

    assert "  IVR: Adiós." in result.output
    summary = result.output.split("Call over after")[1]
    assert "it ended at: Ending this call." in summary
    assert "Path: Choosing a language › The main menu ›" in summary
    assert "Transfers: none" in summary
    assert "Branches rehearsed: Press 2: Spanish; Press 9: ending this call" in summary
    assert not re.search(r"Recorrido|Transferencias|Oprima|Elegir|menú", summary), summary


def test_at_sets_the_simulated_time(rehearse) -> None:
    """DOMAIN.md §1.1: at 8:30 p.m. Eastern on a weekday representatives are closed; asking for one says so."""
    result = rehearse("1", "0", "9", flow=None, args=("--at", "2026-11-23T20:30:00-05:00"))

    assert "Rehearsing USCIS Contact Center (simulated) at Monday 2026-11-23 20:30 -0500" in result.output
    assert "Our representatives are not available now." in _flat(result.output)
    assert "Tiers reached: automated system" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--at", "tomorrow"), "not an ISO 8601 date and time"), (("--case", "ABC0000000000"), "no case 'ABC0000000000'")],
    ids=["bad-time", "unknown-case"],
)
def test_bad_options_are_usage_errors(rehearse, args: tuple[str, ...], message: str) -> None:
    """A malformed --at or an unknown --case exits 2 and says why."""
    result = rehearse("1", args=args)

    assert result.exit_code == 2
    assert message in result.output


def test_a_case_shows_the_caller_what_they_know(rehearse) -> None:
    """--case prints the case card: receipt and date of birth as the caller would key them."""
    result = rehearse("9", flow=None, args=("--case", DEMO_CASE, "--lang", "en"))

    assert "You are calling about Rafael Ortega Lunares's case EAC2690150101" in result.output
    assert "(keyed 02281987); receipt keyed as 2690150101#." in result.output


def test_a_biometrics_appointment_is_rescheduled_in_the_terminal(rehearse) -> None:
    """Seed 000_183b307099edfec1.txt, DOMAIN.md §3: a verified caller reschedules a biometrics appointment by phone."""
    result = rehearse(
        "1",            # English
        "2",            # biometrics appointments
        "2690150101#",  # the receipt number's ten digits
        "1",            # yes, that is the receipt
        "02281987",     # date of birth
        "1",            # reschedule this appointment
        "1",            # the first time offered
        "1",            # book it
        "2",            # end the call
        flow=None,
        args=("--case", DEMO_CASE),
    )

    assert result.exit_code == 0, result.output
    assert "Your biometrics appointment is now on" in _flat(result.output)
    assert f"Changes: case {DEMO_CASE} updated (biometrics)" in result.output  # the case rehearsed, not its stored token
    assert "[goodbye | IVR | call ended]" in result.output


def test_a_rehearsal_replays_against_the_current_flows(rehearse, runner, tmp_path: Path) -> None:
    """The saved transcript is a regression test: `ivr replay` runs it again and it passes."""
    rehearse("1", "0", "8", "9")
    saved = next((tmp_path / "rehearsals").glob("*.transcript.yaml"))

    result = runner.invoke(main, ["replay", "--flows", str(Path(__file__).parent / "data" / "rehearsal_flow.yaml"), str(saved)])

    assert result.exit_code == 0, result.output
    assert "1 passed, 0 failed" in result.output


def test_a_one_key_menu_takes_the_first_key_as_twilio_does(rehearse) -> None:
    """Issue 17: `12` at a one-key menu (numDigits=1) is `1`, as on a phone, with a note that `2` was ignored."""
    result = rehearse("12", "/hangup", flow=None)

    assert "(this menu takes 1 key: 1 was pressed, 2 ignored)" in result.output
    assert "[main_menu | IVR |" in result.output


def test_the_closing_hint_is_a_command_that_runs(rehearse, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: the replay hint names an `ivr` that exists (the venv's, when `ivr` is not on the PATH)."""
    import os

    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # no venv on the PATH: bare `ivr` would not be found
    result = rehearse("1", "/hangup")

    hint = result.output.split("(replay it with: ", 1)[1].split(")", 1)[0]
    program, command, *_, path = hint.split(" ")
    assert command == "replay" and Path(path).exists()
    assert program != "ivr" and os.access(program, os.X_OK)


def test_the_closing_hint_replays_a_rehearsal_of_a_flow_file(rehearse, runner) -> None:
    """A rehearsal of a flow file hints `replay --flows FILE …`: without it the replay failed (unknown flow)."""
    import shlex

    result = rehearse("1", "/hangup")
    hint = result.output.split("(replay it with: ", 1)[1].split(")", 1)[0]
    replayed = runner.invoke(main, shlex.split(hint)[1:])
    assert replayed.exit_code == 0, replayed.output
    assert "1 passed, 0 failed" in replayed.output


def test_typed_lines_use_readline_where_the_platform_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: an interactive rehearsal loads readline before it reads, so arrow keys edit the line instead of printing ^[[A."""
    import sys

    from ivr.trainers import commands

    monkeypatch.delitem(sys.modules, "readline", raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "1")
    lines = commands._lines(sys.stdin, interactive=True)
    assert next(lines) == "1"
    assert "readline" in sys.modules


def test_a_damaged_coverage_file_stops_the_rehearsal_before_the_call(rehearse, tmp_path: Path) -> None:
    """A coverage.json that is not JSON is one line naming it, before the call (it crashed after the call, losing its transcript)."""
    (tmp_path / "coverage.json").write_text("{not json", encoding="utf-8")
    result = rehearse("1", "/hangup")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {tmp_path / 'coverage.json'}: not a coverage file")
    assert "IVR:" not in result.stdout and "Traceback" not in result.output


def test_a_new_instance_folder_is_readable_by_its_owner_only(runner, small_flow: Path, tmp_path: Path) -> None:
    """Issue 10.3: the folder a rehearsal makes for its transcripts and coverage is 0700, as the app's is."""
    import stat

    instance = tmp_path / "fresh-instance"
    result = runner.invoke(main, ["rehearse", str(small_flow), "--instance", str(instance)], input="1\n")
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
