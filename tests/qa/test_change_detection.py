"""The change-detection story: record calls, change one thing, replay: exactly the calls through the change fail.

Calls are recorded through the real webhooks and exported redacted, as QA would
collect them; then one prompt of a copy of the flows is changed, or a new
version of a Tier 1 script is published in a copy of the scripts, and the
exported calls are replayed against the copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ivr.definitions.flows import FLOWS_ROOT
from ivr.definitions.scripts import SCRIPTS_ROOT, publish
from ivr.qa import transcript as transcripts
from ivr.qa.export import export
from ivr.qa.redact import Redactor, collect_validators
from ivr.qa.replay import Replayer, replay_paths

from .conftest import Record, only_the_first_version

CALLS = {
    "tdd": ("1", "5", "1", "9"),
    "tdd-twice": ("1", "say:special lines", "1", "*", "1"),
    "tdd-in-spanish": ("2", "5", "1"),  # hears the Spanish text, which does not change
    "military": ("1", "5", "2"),
    "hours": ("1", "8", "9"),
    "case-status": ("1", "1", "2690250102#", "1", "04121990", "1"),
    "tier1-case-status-script": ("1", "0", "1", "1", "9"),
    "tier1-processing-times": ("1", "0", "say:how long does it take to process my case", "1"),
}


@pytest.fixture
def exported(record: Record, replayer: Replayer, tmp_path: Path) -> dict[str, Path]:
    """Every call of CALLS recorded, exported redacted into one folder; name -> file."""
    folder = tmp_path / "exported"
    redactor = Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))
    files = {}
    for name, inputs in CALLS.items():
        result = export(record(*inputs), redactor, replayer)
        assert result.warning is None
        files[name] = transcripts.write(result.transcript, folder / f"{name}.transcript.yaml")
    return files


def failing(files: dict[str, Path], config: dict[str, object]) -> dict[str, str]:
    """name -> diff of every exported call that fails against `config`."""
    names = {path: name for name, path in files.items()}
    return {names[Path(r.path)]: r.diff for r in replay_paths(list(files.values()), config) if not r.passed}


def test_every_recorded_call_passes_against_the_flows_it_was_recorded_with(exported: dict[str, Path]) -> None:
    """Before any change, the exported calls replay cleanly."""
    assert failing(exported, {}) == {}


def test_changing_one_prompt_fails_exactly_the_calls_that_hear_it(exported: dict[str, Path], tmp_path: Path) -> None:
    """A reworded English TDD prompt fails the English calls that heard it, and names the prompt in each diff."""
    flows = tmp_path / "flows"
    shutil.copytree(FLOWS_ROOT, flows)
    fragment = flows / "uscis_contact_center" / "self_service.yaml"
    text = fragment.read_text(encoding="utf-8")
    old = 'en: "For the deaf or hard of hearing, the TDD number is {line_tdd}."'
    assert text.count(old) == 1
    fragment.write_text(text.replace(old, 'en: "For callers who are deaf or hard of hearing, the TDD number is {line_tdd}."'), encoding="utf-8")
    failed = failing(exported, {"FLOWS": [str(flows / "uscis_contact_center.yaml")]})
    assert sorted(failed) == ["tdd", "tdd-twice"]
    for diff in failed.values():
        assert '- say special_lines.tdd.prompt: "For the deaf or hard of hearing' in diff
        assert '+ say special_lines.tdd.prompt: "For callers who are deaf or hard of hearing' in diff


def test_publishing_a_script_version_fails_exactly_the_calls_that_heard_the_script(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    """Seed 003: Tier 1 answers from versioned scripts; a new case-status version fails the calls that heard @1."""
    scripts = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_ROOT, scripts)
    only_the_first_version(scripts, "case-status")  # the shipped v2 (issue 16's phrases) comes into force after these calls
    first = (scripts / "case-status" / "v1.yaml").read_text(encoding="utf-8")
    second = first.replace("script_version: 1", "script_version: 2").replace("effective: 2025-01-01", "effective: 2026-11-01")
    second = second.replace("I can tell you the status of your case", "I can read you the status of your case")
    assert second.count("script_version: 2") == 1 and "I can read you" in second
    (scripts / "case-status" / "v2.yaml").write_text(second, encoding="utf-8")
    assert publish(scripts) == ["case-status@2"]
    failed = failing(exported, {"SCRIPTS_DIR": str(scripts)})
    assert sorted(failed) == ["tier1-case-status-script"]
    diff = failed["tier1-case-status-script"]
    assert "- script case-status@1" in diff.splitlines() and "+ script case-status@2" in diff.splitlines()
    assert '+ say tier1.answered.prompt: "I can read you the status of your case' in diff
