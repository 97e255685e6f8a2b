"""The broken-flow corpus: each file under tests/data/flows/broken/ has one fault and names its errors.

Every file begins with `# expect: <error line>` comments, one per problem, and
loading it must fail with exactly those lines, in order, with no traceback.
Fragments a case includes live in a folder named after the case and are not
cases themselves.

The corpus is checked against a small fixed registry rather than the built-in
one, so that registering a new behaviour does not change the "allowed: …"
lists the golden files spell out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.core.registry import Outcome, Registry
from ivr.definitions.flows import load_flow, load_flow_text
from ivr.errors import DefinitionError

REPO_ROOT = Path(__file__).resolve().parents[2]
BROKEN_DIR = Path("tests/data/flows/broken")
BROKEN_FILES = sorted((REPO_ROOT / BROKEN_DIR).glob("*.yaml"))
EXPECT = "# expect: "


def corpus_registry() -> Registry:
    """The guards, actions and validators the corpus may name."""
    registry = Registry()
    registry.guard("live_assistance_open")(lambda ctx: True)
    registry.guard("caller_verified")(lambda ctx: True)
    registry.action("look_up_case", outcomes=("found", "not_found"), params=("receipt",), sets=("case_status",))(
        lambda ctx: Outcome("found")
    )
    registry.action("book_appointment", outcomes=("booked",), seats=("tier2",))(lambda ctx: Outcome("booked"))
    registry.variable("live_assistance_hours")(lambda ctx: "weekdays")
    registry.validator("receipt_number", readback=lambda value, language: value)(
        lambda value, kind, language: value
    )
    registry.validator("date_of_birth", readback=lambda value, language: value)(
        lambda value, kind, language: value
    )
    return registry


def expected_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line[len(EXPECT) :] for line in lines if line.startswith(EXPECT)]


def test_corpus_has_a_case_for_each_fault_the_issue_lists() -> None:
    """The corpus holds at least 16 broken flows (issue 2 asks for 12), each naming the errors it expects."""
    assert len(BROKEN_FILES) >= 16
    assert [path.name for path in BROKEN_FILES if not expected_lines(path)] == []


def test_the_corpus_base_flow_is_valid_without_its_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fault is the only thing wrong: the flow the cases are cut from loads with the corpus registry."""
    monkeypatch.chdir(REPO_ROOT)
    path = BROKEN_DIR / "unknown_target.yaml"
    text = path.read_text(encoding="utf-8").replace("goto: hour\n", "goto: hours\n")
    flow = load_flow_text(text, str(path), corpus_registry())
    assert flow.start == "main"


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda path: path.name)
def test_broken_flow_reports_exactly_its_expected_errors(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken flow fails with exactly the `file:line: where: what` lines its header lists."""
    monkeypatch.chdir(REPO_ROOT)
    with pytest.raises(DefinitionError) as raised:
        load_flow(BROKEN_DIR / path.name, corpus_registry())
    assert str(raised.value).splitlines() == expected_lines(path)
