"""Readable replay reports: one diff per distinct divergence, and the self-contained HTML page.

Issue 15: "identical divergences grouped with a count; the HTML report of a replay run (one
self-contained file: summary, groups, each call's timeline with the divergence highlighted)".
"""

from __future__ import annotations

import html.parser
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.qa.replay import ReplayResult
from ivr.qa.report import group_failures, html_report, signature

from .conftest import HERE

TRANSCRIPTS = HERE.parent / "transcripts"
FLOW = HERE.parents[1] / "flows" / "uscis_contact_center.yaml"


@pytest.fixture
def reworded_flows(tmp_path: Path) -> Path:
    """The shipped flows with the main menu's hours option reworded: every transcript that heard the menu diverges."""
    folder = tmp_path / "flows"
    shutil.copytree(FLOW.parent, folder)
    main_flow = folder / FLOW.name
    text = main_flow.read_text(encoding="utf-8")
    changed = text.replace("topic: {en: our hours,", "topic: {en: our opening hours,", 1)
    assert changed != text
    main_flow.write_text(changed, encoding="utf-8")
    return main_flow


def _failure(path: str, step: int, diff_body: str) -> ReplayResult:
    header = f"step {step} of 9 ({path}:{step * 4}): the caller pressed \"1\" in main_menu at 2026-11-23T10:00:00-05:00"
    return ReplayResult(path, False, "transcript", steps=step, diff=f"{header}\npath so far: a > b\n{diff_body}")


def test_failures_with_the_same_changed_lines_are_one_divergence() -> None:
    """Different files, steps and paths, the same changed lines: one group with both files, in order."""
    body = '- say main_menu.prompt: "For our hours"\n+ say main_menu.prompt: "For our opening hours"\n    words: added "opening"'
    first, second = _failure("a.transcript.yaml", 2, body), _failure("b.transcript.yaml", 5, body)
    other = _failure("c.transcript.yaml", 2, "- state goodbye\n+ state main_menu")
    groups = group_failures([first, ReplayResult("ok.call.yaml", True, "call"), second, other])
    assert [(group.count, [r.path for r in group.results]) for group in groups] == [
        (2, ["a.transcript.yaml", "b.transcript.yaml"]),
        (1, ["c.transcript.yaml"]),
    ]


def test_the_signature_leaves_out_headers_and_context() -> None:
    """Only changed lines and word changes make the signature; file names and step numbers do not."""
    body = "  state main_menu\n- say x.prompt: \"a\"\n+ say x.prompt: \"b\""
    assert signature(_failure("a", 1, body).diff) == ('- say x.prompt: "a"', '+ say x.prompt: "b"')


def test_replay_prints_a_shared_divergence_once(reworded_flows: Path) -> None:
    """Transcripts failing on the same reworded prompt: the diff once, then one line per other file naming the first."""
    result = CliRunner().invoke(main, ["replay", str(TRANSCRIPTS), "--flows", str(reworded_flows)])
    output = result.output
    assert result.exit_code == 1
    assert output.count('words: added "opening"') == 1
    same = [line for line in output.splitlines() if "(the same divergence as " in line]
    assert len(same) >= 5
    assert re.search(r"^\d+ failures, 1 distinct divergence; shared by several files:$", output, re.M)


def test_the_html_report_is_one_self_contained_page(reworded_flows: Path, tmp_path: Path) -> None:
    """`--html FILE` writes a page with the summary, the grouped divergence and every failing call's timeline."""
    target = tmp_path / "report" / "replay.html"
    result = CliRunner().invoke(main, ["replay", "-q", str(TRANSCRIPTS), "--flows", str(reworded_flows), "--html", str(target)])
    page = target.read_text(encoding="utf-8")
    failed = result.output.splitlines()[-1].split(", ")[1].split()[0]
    tags = _tags(page)
    assert f'<dd class="fail">{failed}</dd>' in page
    assert page.count('<section class="call"') == int(failed)
    assert page.count('<tr class="diverged">') == int(failed)
    assert not [attrs for tag, attrs in tags if tag in {"script", "link", "img"}]  # nothing fetched: self-contained
    assert '<span class="ins">' in page and "opening hours" in page


def test_the_html_report_escapes_what_callers_said() -> None:
    """A caller's words are text in the page, never markup."""
    result = ReplayResult("x.call.yaml", False, "call", steps=1, diff='step 1\n- say a: "<b>hi</b>"\n+ say a: "<script>"')
    page = html_report([result], 0.1)
    assert "<script>" not in page and "&lt;script&gt;" in page


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    found: list[tuple[str, dict[str, str | None]]] = []

    class Parser(html.parser.HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Parser().feed(page)
    return found
