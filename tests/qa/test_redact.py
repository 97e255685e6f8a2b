"""Redacted exports: identifiers replaced consistently, nothing of them left, and the call's path kept."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from ivr.qa import transcript as transcripts
from ivr.qa.export import export
from ivr.qa.redact import Redactor, collect_validators
from ivr.qa.replay import Replayer
from ivr.qa.transcript import Transcript
from ivr.testing import PhoneCall

from .conftest import DATA, Record, drive, transcript_of

IDENTIFIERS_FLOW = DATA / "identifiers_flow.yaml"


def redactor_for(replayer: Replayer) -> Redactor:
    return Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))


def exported_file(original: Transcript, redactor: Redactor, replayer: Replayer, tmp_path: Path) -> Path:
    """Export `original` redacted, as `ivr transcripts export` does, and return the file written."""
    result = export(original, redactor, replayer)
    assert result.warning is None
    return transcripts.write(result.transcript, tmp_path / transcripts.file_name(result.transcript))


def path_of(recorded: Transcript) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(s.observed.state, s.observed.tier, tuple(h.prompt for h in s.observed.heard)) for s in recorded.steps]


CALLS = {
    "case-status-keyed": ("1", "1", "2690250102#", "1", "04121990", "2", "2690350103#", "1", "09031979"),
    "case-status-spoken-spanish": (
        "2", "1", "say:W A C dos seis nueve cero dos cinco cero uno cero dos", "say:sí", "say:12 de abril de 1990",
    ),
    "wrong-dates-of-birth": ("1", "1", "2690250102#", "1", "01011990", "say:I O E 0 9 9 0 7 5 0 1 0 7", "say:yes",
                             "say:May 21st 1958", "2690250102#", "1", "say:April 13th 1990", "1"),
    "shared-digits": ("1", "1", "2791051110#", "1", "2", "01251996"),
    "biometrics-booked": ("1", "2", "say:E A C two six nine zero one five zero one zero one", "say:yes",
                          "say:February 28th 1987", "1", "1", "1", "1"),
    "service-request-created": ("1", "4", "2", "2690250102#", "1", "04121990", "1", "1", "1"),
    "junk-receipt": ("1", "1", "269025#", "say:two six nine zero", "2690250102#", "1", "04121990"),
    "stray-key-at-receipt": ("1", "1", "1", "2690250102#", "1", "04121990"),
    "no-receipt-or-attorney-said": ("1", "2", "say:I don't have it", "2", "say:I am the applicant's attorney", "2"),
}  # fmt: skip


@pytest.mark.parametrize("inputs", list(CALLS.values()), ids=list(CALLS))
def test_a_redacted_export_replays_to_the_same_path(
    record: Record, replayer: Replayer, tmp_path: Path, inputs: tuple[str, ...]
) -> None:
    """The redacted file replays cleanly, through the same states, tiers and prompt ids as the original call."""
    original = record(*inputs, caller="+12135550102")
    path = exported_file(original, redactor_for(replayer), replayer, tmp_path)
    redacted = transcripts.load_transcript(path)
    assert redacted.redacted
    assert path_of(redacted) == path_of(original)
    result = replayer.replay_transcript(redacted)
    assert result.passed, result.diff


def test_a_call_from_abroad_stays_a_call_from_abroad(record: Record, replayer: Replayer, tmp_path: Path) -> None:
    """Seed 001: a redacted caller ID abroad keeps its country code, so the call still gets international guidance."""
    original = record("1", "3", "1", caller="+442079460113")  # "Do you live outside the United States?" - yes (issue 12)
    redacted = transcripts.load_transcript(exported_file(original, redactor_for(replayer), replayer, tmp_path))
    assert redacted.caller is not None and redacted.caller.startswith("+44") and redacted.caller != "+442079460113"
    assert redacted.steps[-1].observed.state == "outside_us.menu"


# Written out here, independently of the redactor, as a person would look for them.
ANA_TORRES = (
    "WAC2690250102", "2690250102", "2 6 9, 0 2 5, 0 1 0 2", "2 6 9 0 2 5 0 1 0 2", "dos seis nueve cero dos cinco",
    "two six nine zero two five", "1990-04-12", "04121990", "04/12/1990", "April 12, 1990", "12 de abril de 1990",
    "A099900102", "099900102", "0 9 9, 9 0 0, 1 0 2", "+12135550102", "2135550102", "2 1 3, 5 5 5, 0 1 0 2",
    "Ana", "Torres",
)  # fmt: skip


def test_no_identifier_survives_redaction(record: Record, replayer: Replayer, tmp_path: Path) -> None:
    """Receipt, date of birth, A-number, phone and name of the caller appear nowhere in the redacted file."""
    original = record(
        "2", "1", "say:W A C dos seis nueve cero dos cinco cero uno cero dos", "say:sí", "say:12 de abril de 1990",
        "2", "2690250102#", "1", "04121990", "9", "4", "2", "2690250102#", "1", "04121990", "1", "1",
        caller="+12135550102",
    )  # fmt: skip
    plain = transcripts.dumps(original)
    present = ("WAC2690250102", "2 6 9, 0 2 5, 0 1 0 2", "dos seis nueve cero dos cinco", "1990-04-12", "04121990",
               "12 de abril de 1990", "A099900102", "+12135550102", "Ana", "Torres")
    assert [identifier for identifier in present if identifier not in " ".join(plain.split())] == []
    text = " ".join(exported_file(original, redactor_for(replayer), replayer, tmp_path).read_text(encoding="utf-8").split())
    assert [identifier for identifier in ANA_TORRES if identifier in text] == []


def test_one_export_gives_one_identifier_one_synthetic_value(record: Record, replayer: Replayer) -> None:
    """The same receipt in two calls of one export becomes the same synthetic receipt, with its office prefix."""
    redactor = redactor_for(replayer)
    first = export(record("1", "1", "2690250102#", "1", "04121990"), redactor, replayer).transcript
    second = export(record("1", "2", "2690250102#", "1", "04121990"), redactor, replayer).transcript
    [case_one], [case_two] = first.cases, second.cases
    assert case_one["receipt_number"] == case_two["receipt_number"] != "WAC2690250102"
    assert case_one["receipt_number"].startswith("WAC")
    assert case_one["date_of_birth"] == case_two["date_of_birth"] != "1990-04-12"


def test_receipts_sharing_digits_still_share_them(record: Record, replayer: Replayer) -> None:
    """DESIGN.md §3: EAC2791051110 and WAC2791051110 keep their prefixes and keep sharing their ten digits."""
    redacted = export(record("1", "1", "2791051110#", "1", "1", "07041975"), redactor_for(replayer), replayer).transcript
    receipts = sorted(case["receipt_number"] for case in redacted.cases)
    assert [r[:3] for r in receipts] == ["EAC", "WAC"] and receipts[0][3:] == receipts[1][3:] != "2791051110"


@pytest.fixture
def identifiers_app(make_app):
    return make_app(FLOWS=[str(IDENTIFIERS_FLOW)], DEFAULT_FLOW="identifiers")


@pytest.mark.parametrize(
    ("inputs", "originals"),
    [
        pytest.param(("099900102", "1", "2135550102", "1"), ("099900102", "99900102", "2135550102"), id="keyed"),
        pytest.param(
            ("say:A cero nueve nueve nueve cero cero uno cero dos", "1", "say:two one three five five five zero one zero two", "1"),
            ("nueve nueve nueve cero", "0 9 9, 9 0 0, 1 0 2", "two one three", "2 1 3, 5 5 5, 0 1 0 2"),
            id="spoken",
        ),
    ],
)
def test_a_numbers_and_phone_numbers_are_redacted(identifiers_app, tmp_path: Path, inputs, originals) -> None:
    """A-numbers and phone numbers given keyed or spoken are replaced in the inputs and the read-backs, and replay."""
    replayer = Replayer({"FLOWS": [str(IDENTIFIERS_FLOW)], "DEFAULT_FLOW": "identifiers"})
    call = PhoneCall(identifiers_app, identifiers_app.config["TWILIO_AUTH_TOKEN"])
    call.start()
    drive(call, inputs)
    original = transcript_of(identifiers_app.extensions["ivr"], call)
    assert original.steps[-1].observed.state == "goodbye"
    path = exported_file(original, redactor_for(replayer), replayer, tmp_path)
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert [value for value in originals if value in text] == []
    assert replayer.replay_transcript(transcripts.load_transcript(path)).passed


def test_a_call_recorded_with_other_flows_is_redacted_with_a_warning(record: Record, replayer: Replayer) -> None:
    """A call that no longer replays cannot be re-recorded: it is redacted by substitution, and the export says so."""
    original = record("1", "1", "2690250102#", "1", "04121990")
    last = original.steps[-1]
    older = replace(original, steps=(*original.steps[:-1], replace(last, observed=replace(last.observed, state="case_status.old"))))
    result = export(older, redactor_for(replayer), replayer)
    assert result.warning is not None and "no longer replays as recorded" in result.warning
    assert "2690250102" not in transcripts.dumps(result.transcript)


GOLDEN = sorted((DATA.parents[1] / "transcripts").glob("*.transcript.yaml"))


def _demo_identifiers() -> set[str]:
    from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
    from ivr.rules.spoken import read_digits, say_date

    found: set[str] = set()
    for case in load_cases(DEMO_CASES_PATH):
        found |= {case.receipt_number, case.digits, read_digits(case.digits, "en")}
        born = case.date_of_birth
        found |= {born.isoformat(), born.strftime("%m%d%Y"), say_date(born, "en"), say_date(born, "es")}
        if case.a_number:
            found |= {case.a_number, case.a_number[1:]}
        if case.phone:
            found |= {case.phone, case.phone[-10:]}
        if case.applicant_name:
            found |= {word for word in case.applicant_name.replace("-", " ").split() if len(word) > 2}
    return found


@pytest.mark.parametrize("path", GOLDEN, ids=[path.name for path in GOLDEN])
def test_the_golden_transcripts_hold_no_demo_identifier(path: Path) -> None:
    """The shipped transcripts are redacted exports: no receipt, date of birth, phone, A-number or name of the demo data."""
    text = " ".join(path.read_text(encoding="utf-8").split())
    assert "redacted: true" in text
    words = set(re.findall(r"[^\W\d_]+", text))
    left = {i for i in _demo_identifiers() if (i in words if i.isalpha() else i in text)}
    assert sorted(left) == []
