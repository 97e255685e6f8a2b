"""Publishing flows and Tier 1 scripts: immutable versions, the live line on the published one, diffs in words.

Issue 15: "`ivr scripts publish ID` and `ivr flows publish FLOW` record an immutable version (the
files' content, who, when, a note); the phone line runs the published version (or a pinned one,
per number), rehearsals may run a draft; `ivr flows diff FLOW A B` and `ivr scripts diff ID A B`
show states, options and prompts added, removed and changed, in words; rolling back is publishing
an older version again."  Seed 003_29c9fde61bf22c66.txt: Tier 1 information is "limited in verbiage
and format by informational response scripts that are created and provided by USCIS" - what a
caller hears is the published script.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from flask import Flask

from ivr.cli import main
from ivr.definitions.releases import load_releases
from ivr.errors import DefinitionError
from ivr.testing import PhoneCall

from ..conftest import ROOT, TOKEN
from .conftest import only_the_first_version

GOLDEN = Path(__file__).resolve().parent / "data" / "diffs"
NEW_STATUS_TEXT = "Case Status Online shows the same status I can read to you."
DRAFT_STATUS_TEXT = "This is the draft wording of the case status script."


def ivr(*args: str, input: str | None = None, **env: str) -> Result:
    return CliRunner().invoke(main, list(args), input=input, env={"IVR_USER": "qa-lead", **env})


@pytest.fixture
def scripts_dir(tmp_path: Path) -> Path:
    """A copy of the shipped scripts to publish into."""
    target = tmp_path / "scripts"
    shutil.copytree(ROOT / "scripts", target)
    only_the_first_version(target, "case-status")  # these tests publish their own v2 and v3
    return target


@pytest.fixture
def flows_dir(tmp_path: Path) -> Path:
    """A copy of the shipped flows, never published yet."""
    target = tmp_path / "flows"
    shutil.copytree(ROOT / "flows", target, ignore=shutil.ignore_patterns("releases"))
    return target


def write_version(scripts_dir: Path, version: int, english: str) -> Path:
    """A new draft of case-status: v1 with another version number and English text."""
    text = (scripts_dir / "case-status" / "v1.yaml").read_text(encoding="utf-8")
    head, _, _ = text.partition("text:\n")
    spanish = text[text.index("  es: >-"):text.index("may_follow:")]
    body = f"{head}text:\n  en: >-\n    {english}\n{spanish}may_follow: [tier2_transfer, supervisor, topic_menu, goodbye]\n"
    body = body.replace("script_version: 1", f"script_version: {version}")
    path = scripts_dir / "case-status" / f"v{version}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def reword_hours(flows_dir: Path) -> None:
    main_flow = flows_dir / "uscis_contact_center.yaml"
    text = main_flow.read_text(encoding="utf-8")
    main_flow.write_text(text.replace("topic: {en: our hours,", "topic: {en: our opening hours,", 1), encoding="utf-8")


def case_status_script_heard(app: Flask) -> str:
    """Call the line, go to a representative and ask for the case-status script; what Tier 1 said."""
    call = PhoneCall(app, TOKEN)
    call.start()
    call.press("1")  # English
    call.press("0")  # a representative
    return call.press("1").text  # Tier 1: your case status


# --- scripts -------------------------------------------------------------------------------------


def test_scripts_publish_records_who_when_and_why(scripts_dir: Path) -> None:
    """`ivr scripts publish ID -m NOTE` locks the draft with its publisher, time and note on the lock line."""
    write_version(scripts_dir, 2, NEW_STATUS_TEXT)
    result = ivr("scripts", "publish", "case-status", "-m", "Plainer wording", "--scripts", str(scripts_dir))
    assert (result.exit_code, result.output) == (0, "published case-status@2\n")
    [line] = [l for l in (scripts_dir / "published.lock").read_text().splitlines() if l.startswith("case-status@2 ")]
    assert line.endswith(" by qa-lead: Plainer wording") and "  # 20" in line


def test_scripts_publish_refuses_when_there_is_no_draft(scripts_dir: Path) -> None:
    """Nothing to publish is a one-line error and exit 1."""
    result = ivr("scripts", "publish", "case-status", "-m", "again", "--scripts", str(scripts_dir))
    assert (result.exit_code, result.output) == (1, "Error: nothing to publish: no draft of case-status\n")


def test_a_published_script_cannot_be_edited(scripts_dir: Path) -> None:
    """Editing a published version is refused at load, naming the file."""
    path = write_version(scripts_dir, 2, NEW_STATUS_TEXT)
    ivr("scripts", "publish", "case-status", "-m", "first", "--scripts", str(scripts_dir))
    path.write_text(path.read_text().replace("Case Status Online shows", "Case Status Online says"), encoding="utf-8")
    result = ivr("scripts", "list", "case-status", "--scripts", str(scripts_dir))
    assert result.exit_code == 1 and "case-status/v2.yaml" in result.output


def test_the_live_line_speaks_the_published_script_while_a_rehearsal_speaks_the_draft(
    scripts_dir: Path, make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    """Published v2, draft v3: a phone caller hears v2; `ivr rehearse --pin case-status@3` hears v3."""
    write_version(scripts_dir, 2, NEW_STATUS_TEXT)
    ivr("scripts", "publish", "case-status", "-m", "published wording", "--scripts", str(scripts_dir))
    write_version(scripts_dir, 3, DRAFT_STATUS_TEXT)

    heard_live = case_status_script_heard(make_app(SCRIPTS_DIR=str(scripts_dir)))
    rehearsal = ivr("rehearse", "--lang", "en", "--pin", "case-status@3", "--instance", str(tmp_path),
                    input="0\n1\n/hangup\n", IVR_SCRIPTS_DIR=str(scripts_dir))

    assert NEW_STATUS_TEXT in heard_live and DRAFT_STATUS_TEXT not in heard_live
    assert DRAFT_STATUS_TEXT in rehearsal.output, rehearsal.output


def test_scripts_diff_says_what_changed_in_words(scripts_dir: Path) -> None:
    """`ivr scripts diff ID A B` prints the changes as the golden file has them: label, phrases, words of the text."""
    v1 = (scripts_dir / "case-status" / "v1.yaml").read_text(encoding="utf-8")
    v2 = (v1.replace("script_version: 1", "script_version: 2")
          .replace("en: your case status", "en: the status of your case")
          .replace("check my case, receipt number]", "check my case, receipt number, where is my case]")
          .replace("If you need more than the status", "If you need more than that status"))
    (scripts_dir / "case-status" / "v2.yaml").write_text(v2, encoding="utf-8")
    result = ivr("scripts", "diff", "case-status", "1", "2", "--scripts", str(scripts_dir))
    assert result.exit_code == 0
    assert result.output == (GOLDEN / "case-status-1-2.txt").read_text(encoding="utf-8")


# --- flows ---------------------------------------------------------------------------------------


def test_flows_publish_snapshots_the_flow_and_its_includes(flows_dir: Path) -> None:
    """`ivr flows publish FLOW` copies the flow file, every included file, its training examples and its settled utterances
    into v1 with a release record."""
    result = ivr("flows", "publish", "uscis_contact_center", "-m", "First release", "--flows-dir", str(flows_dir))
    assert result.exit_code == 0, result.output
    [release] = load_releases(flows_dir / "releases")["uscis_contact_center"]
    assert (release.version, release.published_by, release.note, release.source) == (1, "qa-lead", "First release", "draft")
    copied = sorted(p.relative_to(release.folder).as_posix() for p in release.folder.rglob("*.yaml"))
    assert copied == ["RELEASE.yaml", "uscis_contact_center.yaml", "uscis_contact_center/examples.yaml",
                      "uscis_contact_center/live_assistance.yaml", "uscis_contact_center/self_service.yaml",
                      "uscis_contact_center/settled.yaml"]


def test_publishing_an_unchanged_flow_is_refused(flows_dir: Path) -> None:
    """The same content as the latest version: nothing to publish, exit 1."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    result = ivr("flows", "publish", "uscis_contact_center", "-m", "two", "--flows-dir", str(flows_dir))
    assert (result.exit_code, result.output) == (1, "Error: uscis_contact_center: nothing to publish: the same as v1\n")


def test_an_edited_release_is_refused(flows_dir: Path) -> None:
    """A release's files are immutable: an edit is a definition error naming the release."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    reword_hours(flows_dir / "releases" / "uscis_contact_center" / "v1")
    with pytest.raises(DefinitionError, match="v1 was edited after it was published"):
        load_releases(flows_dir / "releases")


def test_ivr_validate_checks_published_versions(flows_dir: Path) -> None:
    """`ivr validate flows/releases` passes unedited releases and names an edited one, exit 1."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    releases = flows_dir / "releases"
    assert ivr("validate", str(releases)).exit_code == 0
    reword_hours(releases / "uscis_contact_center" / "v1")
    result = ivr("validate", str(releases))
    assert result.exit_code == 1 and "uscis_contact_center v1 was edited after it was published" in result.output


def test_the_live_line_runs_the_published_flow_and_rehearsals_the_draft(
    flows_dir: Path, make_app: Callable[..., Flask]
) -> None:
    """After publishing v1 and editing the draft, phone calls still hear v1; the softphone's engine default is the draft."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    reword_hours(flows_dir)
    app = make_app(FLOWS=[str(flows_dir / "uscis_contact_center.yaml")])
    call = PhoneCall(app, TOKEN)
    call.start()
    menu = call.press("1").text
    runtime = app.extensions["ivr"]
    assert "For our hours, press 8." in menu
    assert runtime.store.session(call.call_sid).flow_id == "uscis_contact_center@1"
    draft_menu = runtime.engine.flow().flow.state("main_menu").options[7].topic.en
    assert draft_menu == "our opening hours"


def test_a_called_number_can_be_pinned_to_a_version(flows_dir: Path, make_app: Callable[..., Flask]) -> None:
    """FLOW_PINS sends calls to one number to an older version while the others run the latest."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    reword_hours(flows_dir)
    ivr("flows", "publish", "uscis_contact_center", "-m", "two", "--flows-dir", str(flows_dir))
    app = make_app(FLOWS=[str(flows_dir / "uscis_contact_center.yaml")], FLOW_PINS={"+15550001111": "uscis_contact_center@1"})
    pinned, latest = PhoneCall(app, TOKEN), PhoneCall(app, TOKEN)
    pinned.post("/voice", From=pinned.caller, To="+15550001111")
    latest.post("/voice", From=latest.caller, To="+18003755283")
    assert "For our hours, press 8." in pinned.press("1").text
    assert "For our opening hours, press 8." in latest.press("1").text


def test_a_pin_to_an_unpublished_version_stops_the_app(flows_dir: Path, make_app: Callable[..., Flask]) -> None:
    """A FLOW_PINS entry naming no published version is a configuration error at start-up."""
    from ivr.errors import ConfigError

    with pytest.raises(ConfigError, match="FLOW_PINS: \\+15550001111: 'uscis_contact_center@4' is not a published"):
        make_app(FLOWS=[str(flows_dir / "uscis_contact_center.yaml")], FLOW_PINS={"+15550001111": "uscis_contact_center@4"})


def test_rolling_back_publishes_an_older_version_again(flows_dir: Path) -> None:
    """`--from 1` makes v3 a copy of v1: the live line is back on v1's content, and the history says so."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    reword_hours(flows_dir)
    ivr("flows", "publish", "uscis_contact_center", "-m", "two", "--flows-dir", str(flows_dir))
    result = ivr("flows", "publish", "uscis_contact_center", "--from", "1", "-m", "back", "--flows-dir", str(flows_dir))
    releases = load_releases(flows_dir / "releases")["uscis_contact_center"]
    assert result.output == f"published uscis_contact_center@3 (from v1) in {releases[2].folder}\n"
    assert releases[2].sha256 == releases[0].sha256 and releases[2].source == "v1"
    listing = ivr("flows", "list", "uscis_contact_center", "--flows-dir", str(flows_dir)).output.splitlines()
    assert listing[-1].endswith("by qa-lead (again from v1): back  <- live")


def test_flows_diff_says_what_changed_in_words(flows_dir: Path) -> None:
    """`ivr flows diff FLOW 1 draft` names the option whose topic changed and the state added, as the golden file."""
    ivr("flows", "publish", "uscis_contact_center", "-m", "one", "--flows-dir", str(flows_dir))
    reword_hours(flows_dir)
    main_flow = flows_dir / "uscis_contact_center.yaml"
    text = main_flow.read_text(encoding="utf-8")
    text = text.replace("        goto: hours.info\n", "        goto: hours.opening\n", 1)
    text = text.replace("\n  hours.info:\n", "\n  hours.opening:\n    kind: message\n    prompt:\n"
                        "      en: \"We answer around the clock.\"\n      es: \"Atendemos a toda hora.\"\n"
                        "    goto: hours.info\n\n  hours.info:\n", 1)
    main_flow.write_text(text, encoding="utf-8")
    result = ivr("flows", "diff", "uscis_contact_center", "1", "draft", "--flows-dir", str(flows_dir))
    assert result.exit_code == 0, result.output
    assert result.output == (GOLDEN / "uscis-1-draft.txt").read_text(encoding="utf-8")


def test_flows_diff_of_an_unknown_version_is_a_one_line_error(flows_dir: Path) -> None:
    """A version that was never published: one line naming the published ones, exit 1."""
    result = ivr("flows", "diff", "uscis_contact_center", "3", "--flows-dir", str(flows_dir))
    assert (result.exit_code, result.output) == (
        1, "Error: uscis_contact_center has no version '3' (published: none; or live, draft)\n")



def test_flows_list_of_a_flow_that_does_not_exist_is_a_one_line_error(flows_dir: Path) -> None:
    """A mistyped flow id is an error naming the known flows, not "never published" with exit 0."""
    result = ivr("flows", "list", "uscis_contact_centre", "--flows-dir", str(flows_dir))
    assert result.exit_code == 1
    assert result.output.startswith("Error: no flow 'uscis_contact_centre' in ") and "(known: uscis_contact_center)" in result.output
    assert ivr("flows", "list", "uscis_contact_center", "--flows-dir", str(flows_dir)).output == (
        "uscis_contact_center: never published (the phone line runs the working copy)\n")


def test_flows_diff_shows_changes_callers_feel_outside_the_states(flows_dir: Path) -> None:
    """A global key's phrase removed, an escalation moved, an intent's phrase added and the title: each is a line (they were '0 changes')."""
    assert ivr("flows", "publish", "uscis_contact_center", "-m", "base", "--flows-dir", str(flows_dir)).exit_code == 0
    path = flows_dir / "uscis_contact_center.yaml"
    text = path.read_text(encoding="utf-8")
    changed = (text.replace("title: USCIS Contact Center (simulated)", "title: USCIS line")
                   .replace("en: [representative, agent, operator,", "en: [representative, operator,", 1)
                   .replace("business hours, hours of operation,", "business hours, opening times, hours of operation,", 1)
                   .replace("    tier1: attempts.silent_goodbye\n", "    tier1: attempts.silent\n", 1))
    assert changed.count("\n") == text.count("\n") and changed != text
    path.write_text(changed, encoding="utf-8")
    lines = [line.strip() for line in ivr("flows", "diff", "uscis_contact_center", "1", "--flows-dir", str(flows_dir)).output.splitlines()]
    assert lines[0] == "uscis_contact_center 1 -> draft: 4 changes"
    assert 'title: "USCIS Contact Center (simulated)" -> "USCIS line"' in lines
    assert "key representative, phrases (en): removed [agent]" in lines
    assert "intent hours, phrases (en): added [opening times]" in lines
    assert "escalation silence, from tier1: now goes to attempts.silent (was attempts.silent_goodbye)" in lines


@pytest.mark.parametrize("command", [["flows", "publish", "uscis_contact_center"], ["scripts", "publish"]], ids=["flow", "script"])
def test_a_blank_note_is_refused(command: list[str], flows_dir: Path, scripts_dir: Path) -> None:
    """`-m ""` published an immutable version with no why; now it is a usage error and nothing is published."""
    write_version(scripts_dir, 2, "A plainer answer.")
    lock = (scripts_dir / "published.lock").read_text(encoding="utf-8")
    result = ivr(*command, "-m", "  ", "--flows-dir" if command[0] == "flows" else "--scripts",
                 str(flows_dir if command[0] == "flows" else scripts_dir))
    assert result.exit_code == 2
    assert "Invalid value for '--note' / '-m': say why you publish" in result.output
    assert not (flows_dir / "releases").exists()
    assert (scripts_dir / "published.lock").read_text(encoding="utf-8") == lock


def test_flows_diff_counts_changed_training_examples(flows_dir: Path) -> None:
    """Training examples decide where callers' words go: an example removed and one added are a line, not '0 changes'."""
    assert ivr("flows", "publish", "uscis_contact_center", "-m", "base", "--flows-dir", str(flows_dir)).exit_code == 0
    path = flows_dir / "uscis_contact_center" / "examples.yaml"
    text = path.read_text(encoding="utf-8")
    old = '        - "checking on my application"\n'
    assert old in text
    path.write_text(text.replace(old, '        - "checking up on my application please"\n', 1), encoding="utf-8")
    lines = [line.strip() for line in ivr("flows", "diff", "uscis_contact_center", "1", "--flows-dir", str(flows_dir)).output.splitlines()]
    assert lines == ["uscis_contact_center 1 -> draft: 1 change", "examples main_menu (en): 1 added, 1 removed"]


def test_scripts_diff_of_an_unknown_version_names_that_scripts_versions(scripts_dir: Path) -> None:
    """`ivr scripts diff case-status 1 9` names case-status's versions, not the fifty of every script."""
    result = ivr("scripts", "diff", "case-status", "1", "9", "--scripts", str(scripts_dir))
    assert (result.exit_code, result.output) == (1, "Error: unknown script case-status@9 (known: case-status@1)\n")
