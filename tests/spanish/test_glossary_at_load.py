"""The glossary's avoided forms are definition errors: a script draft or newest version, and a flow's Spanish prompts.

ivr/data/glossary.yaml gives one Spanish name for each thing callers hear and lists the forms
to avoid ("cita biométrica": say "cita de servicios biométricos").  The loaders report each use
as `file:line: where: "<avoided>" — say "<preferred>" (glossary)`, so `ivr validate` tells an
author at once and `ivr scripts publish` refuses the draft; a published older version is
history and is not reported.  The golden cases are tests/data/scripts/broken/glossary-avoided-forms
and tests/data/flows/broken/glossary_avoided_form.yaml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.definitions.scripts import load_scripts
from ivr.errors import DefinitionError
from ivr.rules.glossary import avoided_forms

CORPUS = Path(__file__).resolve().parents[1] / "data" / "scripts" / "broken" / "glossary-avoided-forms"
DRAFT_LINE = 'sample/v2.yaml:9: label.es: "cita biométrica" — say "cita de servicios biométricos" (glossary)'


@pytest.fixture
def scripts_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the golden library: `sample` (v1 published, v2 a draft) and `other` (v1, v2 published)."""
    root = tmp_path / "scripts"
    shutil.copytree(CORPUS, root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def sample_only(scripts_root: Path) -> Path:
    """The library with `sample` alone: its published v1 says "cita biométrica" in its text, its draft v2 in its label."""
    shutil.rmtree(scripts_root / "other")
    lock = scripts_root / "published.lock"
    lock.write_text("".join(line for line in lock.read_text().splitlines(True) if line.startswith("sample@")))
    return scripts_root


def test_the_message_names_the_avoided_form_as_written_and_the_glossary_term() -> None:
    """One finding per avoided form, quoted as the text wrote it, with the term to say instead."""
    assert [str(found) for found in avoided_forms("Para su Cita Biométrica, vaya a la oficina de campo.")] == [
        '"Cita Biométrica" — say "cita de servicios biométricos" (glossary)',
        '"oficina de campo" — say "oficina local" (glossary)',
    ]


def test_ivr_validate_reports_the_draft_and_exits_1(sample_only: Path) -> None:
    """`ivr validate` on a library whose draft says an avoided form prints its line and exits 1."""
    result = CliRunner().invoke(main, ["validate", "."])

    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "(glossary)" in line] == [DRAFT_LINE]


def test_scripts_publish_refuses_the_draft_and_leaves_the_lock_alone(sample_only: Path) -> None:
    """`ivr scripts publish` prints the glossary line, exits 1 and publishes nothing."""
    before = (sample_only / "published.lock").read_text()

    result = CliRunner().invoke(main, ["scripts", "publish", "sample", "-m", "New label", "--scripts", "."])

    assert result.exit_code == 1
    assert DRAFT_LINE in result.output
    assert (sample_only / "published.lock").read_text() == before


def test_a_draft_that_says_the_term_publishes(sample_only: Path) -> None:
    """Once the draft says "cita de servicios biométricos" it publishes; the old v1 is history, not reported."""
    draft = sample_only / "sample" / "v2.yaml"
    draft.write_text(draft.read_text().replace("cambiar una cita biométrica", "cambiar una cita de servicios biométricos"))

    result = CliRunner().invoke(main, ["scripts", "publish", "sample", "-m", "Glossary term", "--scripts", "."])

    assert (result.exit_code, result.output) == (0, "published sample@2\n")


def test_the_newest_published_version_is_held_to_the_glossary_at_start_up(scripts_root: Path) -> None:
    """Without drafts (as the app loads), the newest published version with an avoided form is a load error on its line."""
    with pytest.raises(DefinitionError) as raised:
        load_scripts(scripts_root)

    assert [str(problem) for problem in raised.value.problems] == [
        'other/v2.yaml:18: text.es: "línea de ayuda militar" — say "línea de ayuda para militares" (glossary)'
    ]


def test_callers_words_may_use_avoided_forms(sample_only: Path) -> None:
    """Phrases are what callers say ("mi cita biométrica"): they are not held to the glossary."""
    draft = sample_only / "sample" / "v2.yaml"
    draft.write_text(draft.read_text().replace("cambiar una cita biométrica", "cambiar una cita de servicios biométricos"))

    library = load_scripts(sample_only, include_drafts=True)

    assert "mi cita biométrica sample" in library.get("sample@2").phrases["es"]


def test_a_wording_draft_is_held_to_the_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft of one of Tier 1's wording scripts saying "oficina de campo" is reported on that sentence's line."""
    root = tmp_path / "scripts"
    shutil.copytree(Path(__file__).resolve().parents[2] / "scripts", root)
    monkeypatch.chdir(root)
    published = (root / "tier1-appointments" / "v2.yaml").read_text(encoding="utf-8")
    draft = published.replace("script_version: 2", "script_version: 3").replace("en una oficina local.", "en una oficina de campo.")
    (root / "tier1-appointments" / "v3.yaml").write_text(draft, encoding="utf-8")
    line = 1 + draft.splitlines().index('    es: "Usted pidió una cita en una oficina de campo. Un oficial de USCIS programa esas citas."')

    with pytest.raises(DefinitionError) as raised:
        load_scripts(root, include_drafts=True)

    assert [str(problem) for problem in raised.value.problems] == [
        f'tier1-appointments/v3.yaml:{line}: wording.field_office.es: "oficina de campo" — say "oficina local" (glossary)'
    ]


def test_ivr_validate_reports_a_flow_prompt_with_an_avoided_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A menu option of the shipped flow reworded to "oficina de campo" is reported on its line; callers' phrases are not."""
    flows = Path(__file__).resolve().parents[2] / "flows"
    shutil.copy(flows / "uscis_contact_center.yaml", tmp_path)
    shutil.copytree(flows / "uscis_contact_center", tmp_path / "uscis_contact_center")
    monkeypatch.chdir(tmp_path)
    flow = tmp_path / "uscis_contact_center.yaml"
    lines = flow.read_text(encoding="utf-8").splitlines(True)
    at = next(i for i, line in enumerate(lines) if "es: las citas en una oficina local}" in line)
    lines[at] = lines[at].replace("una oficina local}", "una oficina de campo}")
    flow.write_text("".join(lines), encoding="utf-8")

    result = CliRunner().invoke(main, ["validate", "uscis_contact_center.yaml"])

    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "(glossary)" in line] == [
        f"uscis_contact_center.yaml:{at + 1}: states.main_menu.options['3'].topic.es: "
        '"oficina de campo" — say "oficina local" (glossary)'
    ]


def test_an_avoided_form_over_a_line_break_is_reported_on_the_es_line(sample_only: Path) -> None:
    """Words a folded text splits over two lines are still found, and named on the text's `es:` line."""
    draft = sample_only / "sample" / "v2.yaml"
    text = draft.read_text().replace("cambiar una cita biométrica", "cambiar una cita de servicios biométricos")
    draft.write_text(text.replace("sobre su cita de servicios biométricos.", "sobre su cita\n    biométrica."))

    with pytest.raises(DefinitionError) as raised:
        load_scripts(sample_only, include_drafts=True)

    assert [str(problem) for problem in raised.value.problems] == [
        'sample/v2.yaml:16: text.es: "cita biométrica" — say "cita de servicios biométricos" (glossary)'
    ]
