"""`ivr graph FLOW -o FILE`: the flow drawn as SVG (Graphviz or built-in), Mermaid, DOT or JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ivr.cli import main
from ivr.trainers import graph as graphs


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("flow.mmd", lambda text: text.splitlines()[1] == "flowchart LR"),
        ("flow.dot", lambda text: text.startswith('digraph "rehearsal_demo"')),
        ("flow.json", lambda text: json.loads(text)["flow_id"] == "rehearsal_demo"),
        ("flow.svg", lambda text: ET.fromstring(text).tag == "{http://www.w3.org/2000/svg}svg"),
    ],
    ids=["mermaid", "dot", "json", "svg"],
)
def test_the_format_follows_the_output_suffix(runner, small_flow: Path, tmp_path: Path, name: str, check) -> None:
    """`-o x.mmd|x.dot|x.json|x.svg` writes that format."""
    output = tmp_path / name

    result = runner.invoke(main, ["graph", str(small_flow), "-o", str(output)])

    assert result.exit_code == 0, result.output
    assert check(output.read_text(encoding="utf-8"))


def test_without_output_mermaid_goes_to_stdout(runner, small_flow: Path) -> None:
    """`ivr graph FLOW` prints Mermaid text, which needs no system dependency."""
    result = runner.invoke(main, ["graph", str(small_flow)])

    assert result.exit_code == 0
    assert "main_menu -->|1 our hours| hours__info" in result.output


def test_a_flow_can_be_named_by_its_id(runner) -> None:
    """A shipped flow is found by id."""
    result = runner.invoke(main, ["graph", "uscis_contact_center"])

    assert result.exit_code == 0
    assert "uscis_contact_center" in result.output.splitlines()[0]


def test_svg_without_graphviz_uses_the_builtin_layout_and_says_so(runner, small_flow, tmp_path, monkeypatch) -> None:
    """With no `dot` installed, an SVG is still written (built-in layout) with a hint on stderr."""
    monkeypatch.setattr(graphs, "dot_program", lambda: None)
    output = tmp_path / "flow.svg"

    result = runner.invoke(main, ["graph", str(small_flow), "-o", str(output)])

    assert result.exit_code == 0
    assert "Graphviz is not installed" in result.output
    assert 'id="state-main_menu"' in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["no_such_flow"], "unknown flow 'no_such_flow'"), (["-o", "flow.png"], "cannot tell the format")],
    ids=["unknown-flow", "unknown-suffix"],
)
def test_usage_errors_exit_2(runner, args: list[str], message: str) -> None:
    """An unknown flow id or output format is a usage error (exit 2) that says what is allowed."""
    result = runner.invoke(main, ["graph", *args])

    assert result.exit_code == 2
    assert message in result.output
