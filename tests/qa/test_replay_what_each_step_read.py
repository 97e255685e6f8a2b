"""Replay uses what each step of a call read, so a case another call changes mid-call replays as recorded.

Issue 11.3: a transcript entry records what the step read. Found by session 8's audit as 1 of 300
live calls at concurrency 4 failing its own replay: call X reads Ana's case, call Y reschedules
her biometrics appointment (seed 000: an appointment rescheduled twice is a representative's
matter), and X, pressing 1 to reschedule, is told so; replayed against the case as X first read
it, X would be offered times instead. A step whose read differs from what the call's own steps
explain carries only the difference (`cases` on the step: the fields changed, the requests read
for the first time), never the whole case. Transcripts written before keep replaying as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer
from ivr.testing import PhoneCall

TOKEN = "test-auth-token"
ANA = ("WAC2690250102", "04121990")  # Ana Torres, I-765, biometrics Dec 14, rescheduled once already
VERIFIED = ("1", "2", ANA[0][3:] + "#", "1", ANA[1])  # English, biometrics, receipt, confirmed, date of birth
GOLDEN = Path(__file__).parent / "data" / "step_reads"
WRITTEN_BEFORE = sorted((Path(__file__).parents[1] / "transcripts").glob("*.transcript.yaml"))


@pytest.fixture(params=["tokenised", "kept"])
def store_app(request, make_app, tmp_path):
    """The app over a SQLite file, transcripts tokenised at rest (the default) or kept as heard (a local demo)."""
    return make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'calls.sqlite3'}", KEEP_IDENTIFIERS=request.param == "kept")


@pytest.fixture
def demo_app(make_app, tmp_path):
    """A store kept as heard: its transcripts are the same on every run (the golden file's)."""
    return make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'calls.sqlite3'}", KEEP_IDENTIFIERS=True)


def call(app, sid: str, keys: tuple[str, ...] = ()) -> PhoneCall:
    phone = PhoneCall(app, TOKEN, caller="+12025550143", call_sid=sid)
    phone.start()
    for key in keys:
        phone.press(key)
    return phone


def recorded(app, sid: str) -> transcripts.Transcript:
    [found] = transcripts.from_entries(app.extensions["ivr"].store.transcript(sid))
    return found


def rescheduled_meanwhile(app) -> transcripts.Transcript:
    """X hears Ana's appointment; Y reschedules it; X presses 1 to reschedule and is told it cannot."""
    x = call(app, "CAreader", VERIFIED)
    other = call(app, "CAwriter", (*VERIFIED, "1", "1", "1"))
    other.hang_up()
    assert "rescheduled two or more times" in x.press("1").text
    x.hang_up()
    return recorded(app, "CAreader")


def request_filed_meanwhile(app) -> transcripts.Transcript:
    """X starts a request; Y files the same one; X, filing, hears that one is already open."""
    start = ("1", "4", "2", ANA[0][3:] + "#", "1", ANA[1])
    x = call(app, "CAreader", start)
    other = call(app, "CAwriter", (*start, "1", "1"))
    other.hang_up()
    x.press("1")
    assert "already have an open service request" in x.press("1").text
    x.hang_up()
    return recorded(app, "CAreader")


def test_a_call_whose_case_another_call_changed_between_its_steps_replays_as_recorded(store_app) -> None:
    """The step that read the rescheduled appointment replays against it, not against the case as first read."""
    result = Replayer().replay_transcript(rescheduled_meanwhile(store_app))
    assert result.passed, result.diff


def test_its_transcript_file_replays_as_recorded(store_app, tmp_path: Path) -> None:
    """Written as a `*.transcript.yaml` file and read back, the call still replays as recorded."""
    path = transcripts.write(rescheduled_meanwhile(store_app), tmp_path / "reader.transcript.yaml")
    result = Replayer().replay_path(path)
    assert result.passed, result.diff


def test_the_step_keeps_only_what_another_call_changed(demo_app) -> None:
    """The step carries the receipt and the changed appointment, not the whole case."""
    call_x = rescheduled_meanwhile(demo_app)
    reads = [(index, step.cases) for index, step in enumerate(call_x.steps) if step.cases]
    assert [(index, [sorted(case) for case in cases]) for index, cases in reads] == [(6, [["biometrics", "receipt_number"]])]
    [[case]] = [cases for _, cases in reads]
    assert case["biometrics"]["times_rescheduled"] == 2
    assert call_x.cases[0]["biometrics"]["times_rescheduled"] == 1  # the case as X first read it


def test_the_transcript_file_matches_its_golden_file(demo_app) -> None:
    """The call's file is the golden one, but for the flow's version and wording (the flow may be reworded)."""
    made = transcripts.to_data(rescheduled_meanwhile(demo_app))
    golden = transcripts.to_data(transcripts.load_transcript(GOLDEN / "rescheduled_meanwhile.transcript.yaml"))
    assert _without_wording(made) == _without_wording(golden)


def _without_wording(data: dict) -> dict:
    steps = [{key: value for key, value in step.items() if key != "heard"} for step in data["steps"]]
    return {**data, "call": {**data["call"], "flow_version": None}, "steps": steps}


def test_the_golden_file_replays_as_recorded() -> None:
    """The golden file of the call replays as recorded (the per-step reads are read from the file)."""
    result = Replayer().replay_path(GOLDEN / "rescheduled_meanwhile.transcript.yaml")
    assert result.passed, result.diff


def test_a_request_another_call_filed_meanwhile_is_read_at_the_step_that_read_it(store_app) -> None:
    """The other call's request joins the step that found it, not the case as the call first read it."""
    call_x = request_filed_meanwhile(store_app)
    assert all(not case.get("service_requests") for case in call_x.cases)
    added = [item for step in call_x.steps for case in step.cases for item in case.get("service_requests", ())]
    assert [item["type"] for item in added] == ["outside_normal_processing_time"]
    result = Replayer().replay_transcript(call_x)
    assert result.passed, result.diff


def test_a_call_that_changes_its_own_case_carries_no_step_reads(store_app) -> None:
    """What the call itself changed is replayed by the call: its transcript is written as before."""
    phone = call(store_app, "CAalone", (*VERIFIED, "1", "1", "1"))
    phone.hang_up()
    alone = recorded(store_app, "CAalone")
    assert [step for step in alone.steps if step.cases] == []
    assert "    cases:" not in transcripts.dumps(alone)
    assert Replayer().replay_transcript(alone).passed


@pytest.mark.parametrize("path", WRITTEN_BEFORE, ids=lambda path: path.name)
def test_transcripts_written_before_replay_as_before(path: Path) -> None:
    """A transcript file without per-step reads (the format before) replays against its one snapshot, as before."""
    assert "    cases:" not in path.read_text(encoding="utf-8")
    result = Replayer().replay_path(path)
    assert result.passed, result.diff


def test_a_step_read_of_an_unknown_case_is_a_file_error(tmp_path: Path) -> None:
    """A step's `cases` names a case of the transcript's snapshot; another receipt is `file:line: where: what`."""
    text = (GOLDEN / "rescheduled_meanwhile.transcript.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bad.transcript.yaml"
    head, _, tail = text.rpartition("  - receipt_number: WAC2690250102")
    path.write_text(head + "  - receipt_number: WAC2600000000" + tail, encoding="utf-8")
    result = Replayer().replay_path(path)
    assert not result.passed
    assert "bad.transcript.yaml:" in result.diff and "steps[6].cases[0]" in result.diff and "WAC2600000000" in result.diff


def test_a_step_read_with_a_key_no_case_has_is_a_file_error(tmp_path: Path) -> None:
    """A step's `cases` holds case data keys only; another key is `file:line: where: what (allowed: …)`."""
    text = (GOLDEN / "rescheduled_meanwhile.transcript.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bad.transcript.yaml"
    head, found, tail = text.rpartition("    biometrics:\n")
    path.write_text(head + "    biometric:\n" + tail, encoding="utf-8")
    result = Replayer().replay_path(path)
    assert not result.passed
    assert "steps[6].cases[0]" in result.diff and "biometric" in result.diff and "allowed:" in result.diff


def _step(at: str, cases: dict) -> dict:
    return {"type": "step", "at": at, "input": {"kind": "digits", "value": "1"}, "state_before": "a",
            "state": "b", "tier": "ivr", "language": "en", "cases": cases}


def test_an_appointment_another_call_cancelled_is_read_as_none() -> None:
    """A field the later read lacks (a cancelled field-office appointment is left out) is read as emptied."""
    case = {"receipt_number": "WAC2690250102", "form": "I-765", "status": "Case Was Received",
            "date_of_birth": "1990-04-12",
            "field_office_appointment": {"appointment": "2026-12-03T10:30:00-05:00", "office": "Washington Field Office",
                                         "reason": "ADIT stamp"}}
    later = {key: value for key, value in case.items() if key != "field_office_appointment"}
    header = {"type": "call", "call_sid": "CA1", "flow": {"id": "uscis_contact_center", "version": ""},
              "started_at": "2026-11-23T10:00:00-05:00"}
    [found] = transcripts.from_entries([
        header,
        _step("2026-11-23T10:00:00-05:00", {case["receipt_number"]: case}),
        _step("2026-11-23T10:00:05-05:00", {case["receipt_number"]: later}),
    ])
    assert found.steps[1].cases == ({"receipt_number": "WAC2690250102", "field_office_appointment": None},)
    assert transcripts.merge_read(found.cases[0], found.steps[1].cases[0])["field_office_appointment"] is None


def test_a_redacted_export_of_the_call_keeps_the_step_read_redacted_and_replays(demo_app) -> None:
    """`ivr transcripts export`'s redaction reaches the step's read (the receipt's synthetic value) and the
    exported call re-records and replays as recorded."""
    from ivr.qa.export import export
    from ivr.qa.redact import Redactor, collect_validators

    replayer = Replayer()
    redactor = Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))
    exported = export(rescheduled_meanwhile(demo_app), redactor, replayer)
    assert exported.warning is None
    [[read]] = [step.cases for step in exported.transcript.steps if step.cases]
    assert read["receipt_number"] == exported.transcript.cases[0]["receipt_number"] != ANA[0]
    result = replayer.replay_transcript(exported.transcript)
    assert result.passed, result.diff
