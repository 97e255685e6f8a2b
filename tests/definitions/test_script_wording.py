"""Wording scripts: Tier 1's fixed sentences are versioned, published, checked scripts (issue 12 point 8).

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in
verbiage and format by informational response scripts that are created and
provided by USCIS."  A wording script names its sentences (`wording:`); the
loader allows only the names Tier 1 says, only the call facts each may name, the
same facts in both languages, and, once one is in force, every wording said by
exactly one script in force.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ivr.definitions.script_wording import WORDING, fill
from ivr.definitions.scripts import SCRIPTS_ROOT, load_scripts, publish
from ivr.errors import DefinitionError

FIRST_DAY = dt.date(2025, 1, 1)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the shipped scripts, to add drafts to."""
    copy = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_ROOT, copy)
    return copy


def _write(root: Path, id_: str, version: int, effective: str, wording: str) -> Path:
    folder = root / id_
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"v{version}.yaml"
    path.write_text(
        "# source: DOMAIN.md §1.3 (test data)\n"
        f"version: 1\nid: {id_}\nscript_version: {version}\neffective: {effective}\n"
        "label:\n  en: a test wording\n  es: un texto de prueba\n"
        f"wording:\n{wording}",
        encoding="utf-8",
    )
    return path


def _problems(root: Path) -> str:
    with pytest.raises(DefinitionError) as raised:
        load_scripts(root, include_drafts=True)
    return str(raised.value)


def test_the_shipped_wording_scripts_say_every_wording_from_their_first_day():
    """Every name of the allow-list has English and Spanish words from 2025-01-01, the first wording's date."""
    scripts = load_scripts().in_force(FIRST_DAY)
    assert {name for name in WORDING if scripts.says(name, "en") and scripts.says(name, "es")} == set(WORDING)
    assert load_scripts().in_force(FIRST_DAY - dt.timedelta(days=1)).says("no_script", "en") is None


def test_a_wording_script_is_not_a_topic_tier1_can_read():
    """A wording is said where the flow puts it: it is never on the topic menu nor matched to the caller's words."""
    scripts = load_scripts().in_force(FIRST_DAY)
    wording_ids = {ref.split("@")[0] for ref in scripts.wording_refs()}
    assert wording_ids == {"tier1-refusals", "tier1-identity", "tier1-requests", "tier1-appointments"}
    assert wording_ids.isdisjoint(script.id for script in scripts.scripts)
    assert wording_ids.isdisjoint(scripts.by_key(key).id for key, _ in scripts.menu("en"))  # type: ignore[union-attr]


def test_a_new_wording_version_replaces_the_old_on_its_date(root):
    """Wording versions come into force on their effective date (America/New_York), like every script."""
    _write(root, "tier1-refusals", 2, "2027-01-04",
           '  no_script:\n    en: "I\'m sorry, no script covers that."\n    es: "Lo siento, ningún guion trata eso."\n'
           + "".join(f"  {name}:\n    en: \"Words {i}.\"\n    es: \"Palabras {i}.\"\n"
                     for i, name in enumerate(("refuse_case_details", "refuse_legal_advice", "refuse_local_office"))))
    assert publish(root, ["tier1-refusals"]) == ["tier1-refusals@2"]
    library = load_scripts(root)
    assert library.in_force(dt.date(2027, 1, 3)).says("no_script", "en") == "I'm sorry, I don't have information about that."
    assert library.in_force(dt.date(2027, 1, 4)).says("no_script", "en") == "I'm sorry, no script covers that."
    assert library.in_force(dt.date(2027, 1, 4), pins={"tier1-refusals": 1}).says("no_script", "es") == "Lo siento, no tengo información sobre eso."


@pytest.mark.parametrize(
    ("wording", "fault"),
    [
        pytest.param('  say_hello:\n    en: "Hello."\n    es: "Hola."\n', "unknown wording 'say_hello'", id="unknown-name"),
        pytest.param('  no_script:\n    en: "About {sr_topic}."\n    es: "Sobre {sr_topic}."\n',
                     "names the fact '{sr_topic}' (allowed: none: this sentence is fixed words)", id="fact-not-allowed"),
        pytest.param('  request_open:\n    en: "About {sr_topic}, on {sr_created_spoken}."\n    es: "Sobre {sr_topic}."\n',
                     "the English names {sr_created_spoken}, {sr_topic}", id="facts-differ-between-languages"),
        pytest.param('  no_script:\n    en: "See www.uscis.gov/x."\n    es: "Vea www.uscis.gov/x."\n', "contains the web address", id="verbiage-limits"),
        pytest.param('  no_script:\n    en: "Same words."\n    es: "Same words."\n', "is the same as the English text", id="untranslated"),
    ],
)
def test_a_broken_wording_is_refused_with_its_file_and_line(root, wording, fault):
    """A wording file's fault names the file, the line and what is wrong."""
    path = _write(root, "tier1-extra", 1, "2025-01-01", wording)
    problems = _problems(root)
    assert fault in problems and f"{path.parent.name}/v1.yaml:" in problems


def test_two_scripts_in_force_may_not_say_one_wording(root):
    """Each wording has one source: a second script saying it while the first is in force is refused."""
    _write(root, "tier1-extra", 1, "2026-01-01", '  no_script:\n    en: "Nothing on that."\n    es: "Nada sobre eso."\n')
    assert "wording.no_script: is also said by tier1-refusals@1 (both in force from 2026-01-01)" in _problems(root)


def test_a_wording_dropped_by_a_new_version_is_refused(root):
    """A new version that drops a wording leaves Tier 1 with nothing to say there: refused at load."""
    _write(root, "tier1-refusals", 2, "2027-01-04", '  no_script:\n    en: "Nothing on that."\n    es: "Nada sobre eso."\n')
    assert "no wording script in force on 2027-01-04 says 'refuse_case_details'" in _problems(root)


def test_a_wording_is_filled_with_the_calls_facts():
    """`{fact}` takes the call's value; a fact the call lacks is said as nothing rather than as a brace."""
    assert fill("About {sr_topic}, on {sr_created_spoken}.", {"sr_topic": "a change of address"}) == "About a change of address, on ."


def test_a_new_wording_version_is_compared_in_words(root):
    """`ivr scripts diff` names each changed wording and what changed in it, as for a text."""
    from ivr.qa.definition_diff import diff_wordings

    first = (root / "tier1-refusals" / "v1.yaml").read_text(encoding="utf-8")
    second = first.replace("script_version: 1", "script_version: 2").replace("effective: 2025-01-01", "effective: 2027-01-04")
    second = second.replace("I don't have information about that.", "I have no script about that.")
    (root / "tier1-refusals" / "v2.yaml").write_text(second, encoding="utf-8")
    library = load_scripts(root, include_drafts=True)
    lines = diff_wordings(library.get_wording("tier1-refusals@1"), library.get_wording("tier1-refusals@2"))
    assert lines[0] == "effective: 2027-01-04 (was 2025-01-01)"
    assert [line.split(":")[0] for line in lines[1:]] == ["wording no_script (en)"]
