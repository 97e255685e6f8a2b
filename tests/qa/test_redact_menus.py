"""The export's redactor catches what a caller says at a menu, even when no case was read (issue 10.3)."""

from __future__ import annotations

import re
from pathlib import Path

from ivr.qa import transcript as transcripts
from ivr.qa.export import export
from ivr.qa.redact import Redactor, collect_validators
from ivr.rules.scrub import scrub_speech

SAID = "my name is Dana Whitfield, my email is dana.whitfield@example.com, my social is 123 45 6789"


def test_names_emails_and_numbers_said_at_a_menu_do_not_survive_the_export(record, replayer, tmp_path: Path) -> None:
    """No case is read: before issue 10 the name and the e-mail survived into the exported file."""
    original = record("1", f"say:{SAID}", "9")
    redactor = Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))
    exported = export(original, redactor, replayer)
    text = transcripts.dumps(exported.transcript)
    for secret in ("Dana", "Whitfield", "dana.whitfield@example.com", "123 45 6789", "6789"):
        # a word of its own: the flow's version, a hash in hex, may hold the digits ("b246789b570c")
        assert re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", text) is None, secret
    assert "my name is [name], my email is [email], my social is [number]" in text
    assert exported.warning is None  # the scrubbed call still replays the same way


def test_what_a_menu_acts_on_is_kept() -> None:
    """Short numbers, topics, yes and no stay: a menu matches on them."""
    for said in ("one", "press 2", "case status", "biometrics appointment", "yes", "in May", "representative"):
        assert scrub_speech(said) == said


def test_names_from_the_case_data_are_scrubbed_wherever_they_are_said() -> None:
    """A name the case data holds is replaced even without 'my name is'."""
    assert scrub_speech("calling for Ana Torres about her case", ["Ana Torres"]) == "calling for [name] [name] about her case"
