"""The flow's own Tier 1 records the wording scripts it says, as the console's Tier 1 and the answers do.

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in verbiage and format by
informational response scripts that are created and provided by USCIS."  The sentences Tier 1 says around the
answers come from wording scripts (scripts/tier1-*); the call's record names each one heard as `id@version`, so a
transcript, the call summary and a QA replay show which version of the wording a caller heard.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ivr.definitions.scripts import SCRIPTS_ROOT, load_scripts, publish
from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer

ANA = ("WAC2690250102", "04121990")  # California Service Center
DEMO_DAY = dt.date(2026, 11, 23)


def wording_refs(*script_ids: str) -> list[str]:
    """`id@version` of each wording script in force on the demo day, in the order asked."""
    in_force = {w.id: w.ref for w in load_scripts().in_force(DEMO_DAY).wordings}
    return [in_force[script_id] for script_id in script_ids]


def test_a_live_call_whose_tier1_verifies_identity_lists_the_identity_script_heard(tier1):
    """Tier 1 asks for the receipt number and date of birth in tier1-identity's words: the call's record (its
    transcript and session) lists `tier1-identity@<version>` among the scripts heard."""
    tier1.press("7")
    tier1.press("2")
    asked = tier1.press("1")
    assert "To make the request, I need your receipt number." in asked.text
    tier1.verify(ANA)
    [ref] = wording_refs("tier1-identity")
    assert ref in tier1.scripts_heard()
    assert ref in tier1.session().scripts_heard


def test_the_identity_script_is_recorded_at_the_step_that_says_its_words(tier1):
    """The transcript entry of the step in which the caller first hears tier1-identity's words names it."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    [ref] = wording_refs("tier1-identity")
    [entry] = [e for e in tier1.transcript() if ref in e.get("scripts", [])]
    assert "To make the request, I need your receipt number." in " ".join(p["text"] for p in entry["prompts"])


def test_a_replay_against_a_new_wording_version_shows_the_version_and_words_heard(tier1, tmp_path: Path) -> None:
    """A recorded call whose Tier 1 asked for the receipt in tier1-identity's words, replayed after a new version
    of that wording script is published, fails at that step and shows the version and the words heard then and now."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    [recorded] = transcripts.from_entries(tier1.transcript())
    scripts = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_ROOT, scripts)
    [old_ref] = wording_refs("tier1-identity")
    old = int(old_ref.split("@")[1])
    text = (scripts / "tier1-identity" / f"v{old}.yaml").read_text(encoding="utf-8")
    new = text.replace(f"script_version: {old}", f"script_version: {old + 1}").replace("effective: 2025-01-01", "effective: 2026-11-01")
    new = new.replace("To make the request, I need your receipt number.", "To make the request, please give me your receipt number.")
    assert "please give me" in new and f"script_version: {old + 1}" in new
    (scripts / "tier1-identity" / f"v{old + 1}.yaml").write_text(new, encoding="utf-8")
    assert publish(scripts) == [f"tier1-identity@{old + 1}"]
    result = Replayer({"SCRIPTS_DIR": str(scripts)}).replay_transcript(recorded)
    assert not result.passed
    lines = result.diff.splitlines()
    assert f"- script {old_ref}" in lines and f"+ script tier1-identity@{old + 1}" in lines
    assert '+ say tier1.verify.receipt.prompt: "To make the request, please give me your receipt number.' in result.diff
