"""A transcript export withholds what a caller said to describe a service request, whatever the store keeps.

docs/privacy.md: a request described in the caller's own words (the new address, the accommodation
needed, the correction) is kept as `[details withheld]` wherever it appears. A store kept with
`KEEP_IDENTIFIERS` (a local demo) holds the words; its export must not (only `--keep-pii`, the
existing raw export, writes a call as stored).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.qa import transcript as transcripts
from ivr.qa.commands import transcripts_group
from ivr.qa.export import export
from ivr.qa.redact import Redactor, collect_validators
from ivr.qa.replay import Replayer
from ivr.qa.tokenise import WITHHELD_TEXT
from ivr.testing import PhoneCall

TOKEN = "test-auth-token"
ANA = ("WAC2690250102", "04121990")
ADDRESS = "my new address is 221 Maple Street apartment 4 Lincoln Nebraska 68508"
WORDS = ("Maple", "68508", "Lincoln")


@pytest.fixture
def database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'instance' / 'calls.sqlite3'}"


@pytest.fixture
def demo_app(make_app, database):
    """A local demo's app: the store keeps transcripts as heard (KEEP_IDENTIFIERS)."""
    return make_app(DATABASE_URL=database, KEEP_IDENTIFIERS=True)


@pytest.fixture
def change_of_address(demo_app) -> transcripts.Transcript:
    """Ana files a change of address, saying her new address in her own words; the call as the store keeps it."""
    phone = PhoneCall(demo_app, TOKEN, caller="+12025550143", call_sid="CAaddress")
    phone.start()
    for key in ("1", "4", "2", ANA[0][3:] + "#", "1", ANA[1], "7", "1"):
        phone.press(key)
    phone.say(ADDRESS)
    assert "Your reference number is" in phone.press("1").text
    phone.hang_up()
    [recorded] = transcripts.from_entries(demo_app.extensions["ivr"].store.transcript("CAaddress"))
    assert "Maple" in transcripts.dumps(recorded)  # the demo store keeps the words
    return recorded


@pytest.fixture
def replayer() -> Replayer:
    return Replayer()


def test_a_redacted_export_withholds_the_words_of_a_request(change_of_address, replayer: Replayer) -> None:
    """The address said, its read-back and the request filed are all `[details withheld]` in the export."""
    redactor = Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))
    exported = export(change_of_address, redactor, replayer)
    text = transcripts.dumps(exported.transcript)
    assert [word for word in WORDS if word in text] == []
    said = [step.input.value for step in exported.transcript.steps if step.input.kind == "say"]
    assert said == [WITHHELD_TEXT]
    [created] = [e for step in exported.transcript.steps for e in step.observed.effects if e["kind"] == "service_request_created"]
    assert created["new_address"] == WITHHELD_TEXT
    assert exported.warning is None  # re-recorded: the withheld answer takes the call's path


def test_an_export_with_withheld_words_replays_as_exported(change_of_address, replayer: Replayer) -> None:
    """The exported call, its request words withheld, replays as it is written."""
    redactor = Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))
    exported = export(change_of_address, redactor, replayer)
    result = replayer.replay_transcript(exported.transcript)
    assert result.passed, result.diff


def test_the_export_command_withholds_request_words_from_a_demo_store(
    change_of_address, database: str, tmp_path: Path
) -> None:
    """`ivr transcripts export` of a KEEP_IDENTIFIERS store writes no word of the request."""
    out = tmp_path / "out"
    result = CliRunner().invoke(transcripts_group, ["export", "--db", database, "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = "".join(path.read_text(encoding="utf-8") for path in out.glob("*.transcript.yaml"))
    assert WITHHELD_TEXT in written
    assert [word for word in WORDS if word in written] == []


def test_keep_pii_is_the_raw_export_and_keeps_the_words(change_of_address, database: str, tmp_path: Path) -> None:
    """`--keep-pii`, the existing way to ask for a raw export, writes the call as the store keeps it."""
    out = tmp_path / "raw"
    result = CliRunner().invoke(transcripts_group, ["export", "--db", database, "-o", str(out), "--keep-pii"])
    assert result.exit_code == 0, result.output
    written = "".join(path.read_text(encoding="utf-8") for path in out.glob("*.transcript.yaml"))
    assert "Maple" in written
