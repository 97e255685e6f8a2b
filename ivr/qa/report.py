"""Readable replay reports: identical divergences grouped, and one self-contained HTML page.

When one prompt changes, every call that heard it fails with the same diff.
`group_failures` puts such failures together (the same changed lines, wherever
and whenever in the call they happened) so the diff is shown once, with a
count and the files.  `html_report` writes the run as one HTML file with no
external resource: the summary, the groups, and each failing call's timeline
with the diverging step highlighted.

Pure functions of replay results (the HTML's timelines come from `impact.play`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ivr.qa.replay import ReplayResult

__all__ = ["FailureGroup", "Timeline", "TimelineStep", "group_failures", "html_report"]


@dataclass
class FailureGroup:
    """Failures whose first divergence changed the same lines."""

    signature: tuple[str, ...]
    results: list[ReplayResult] = field(default_factory=list)

    @property
    def example(self) -> ReplayResult:
        return self.results[0]

    @property
    def count(self) -> int:
        return len(self.results)


def signature(diff: str) -> tuple[str, ...]:
    """The changed lines of a diff: what two failures must share to be one divergence.

    Headers (file, step number, path so far, flow versions) and unchanged context differ
    from call to call and are left out; a diff with no changed lines is its own signature.
    """
    lines = diff.splitlines()
    changed = tuple(
        line for line in lines
        if (line.startswith(("- ", "+ ", "    words:")) and not line.startswith(("--- ", "+++ ")))
    )
    return changed or tuple(lines)


def group_failures(results: Sequence[ReplayResult]) -> list[FailureGroup]:
    """The failed results grouped by `signature`, in order of first appearance."""
    groups: dict[tuple[str, ...], FailureGroup] = {}
    for result in results:
        if not result.passed:
            key = signature(result.diff)
            groups.setdefault(key, FailureGroup(key)).results.append(result)
    return list(groups.values())


def group_lines(groups: Sequence[FailureGroup]) -> list[str]:
    """The groups in words: each divergence once, with how many files share it and which."""
    lines: list[str] = []
    for number, group in enumerate(groups, 1):
        files = "file" if group.count == 1 else "files"
        lines.append(f"divergence {number}: {group.count} {files}")
        lines += [f"    {line}" for line in group.example.diff.splitlines()]
        if group.count > 1:
            lines.append("  also in:")
            lines += [f"    {result.path}" for result in group.results[1:]]
    return lines


# --- timelines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineStep:
    """One step of a call as the report shows it."""

    said: str  # what the caller did, in words
    heard: tuple[str, ...]
    state: str


@dataclass(frozen=True)
class Timeline:
    """A failing call played with the current definitions, and where it diverged (1-based)."""

    steps: tuple[TimelineStep, ...]
    diverged_at: int


TimelineOf = Callable[[ReplayResult], Timeline | None]


def html_report(
    results: Sequence[ReplayResult],
    seconds: float,
    timeline_of: TimelineOf | None = None,
    title: str = "ivr replay",
    generated: dt.datetime | None = None,
) -> str:
    """The whole run as one self-contained HTML page (inline style, no script, no external resource)."""
    failed = [result for result in results if not result.passed]
    groups = group_failures(results)
    generated = generated or dt.datetime.now(dt.timezone.utc)
    steps = sum(result.steps for result in results)
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}: {len(results) - len(failed)} passed, {len(failed)} failed</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        '<section class="summary" aria-label="Summary"><dl>',
        f"<dt>Files</dt><dd>{len(results)}</dd>",
        f'<dt>Passed</dt><dd class="pass">{len(results) - len(failed)}</dd>',
        f'<dt>Failed</dt><dd class="{"fail" if failed else "pass"}">{len(failed)}</dd>',
        f"<dt>Distinct divergences</dt><dd>{len(groups)}</dd>",
        f"<dt>Steps replayed</dt><dd>{steps}</dd>",
        f"<dt>Time</dt><dd>{seconds:.2f} s</dd>",
        f"<dt>Generated</dt><dd>{_e(generated.isoformat(timespec='seconds'))}</dd>",
        "</dl></section>",
    ]
    if groups:
        out.append("<h2>Divergences</h2>")
    for number, group in enumerate(groups, 1):
        files = "file" if group.count == 1 else "files"
        out.append(f'<section class="group" id="divergence-{number}">')
        out.append(f"<h3>Divergence {number}: {group.count} {files}</h3>")
        out.append(_diff_block(group.example.diff))
        out.append("<details><summary>Files</summary><ul>")
        out += [f'<li><a href="#{_anchor(result.path)}">{_e(result.path)}</a></li>' for result in group.results]
        out.append("</ul></details></section>")
    if failed:
        out.append("<h2>Failing calls</h2>")
    for result in failed:
        out.append(f'<section class="call" id="{_anchor(result.path)}">')
        out.append(f"<h3>{_e(result.path)}</h3>")
        if result.name:
            out.append(f"<p class=\"name\">{_e(result.name)}</p>")
        timeline = timeline_of(result) if timeline_of is not None else None
        if timeline is None:
            out.append(_diff_block(result.diff))
        else:
            out.append(_timeline_table(timeline, result.diff))
        out.append("</section>")
    passed = [result for result in results if result.passed]
    if passed:
        out.append(f"<details><summary>{len(passed)} passing files</summary><ul>")
        out += [f"<li>{_e(result.path)}</li>" for result in passed]
        out.append("</ul></details>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _timeline_table(timeline: Timeline, diff: str) -> str:
    rows = ['<table class="timeline"><thead><tr><th>#</th><th>Caller</th><th>Heard now</th><th>State</th></tr></thead><tbody>']
    for number, step in enumerate(timeline.steps, 1):
        diverged = number == timeline.diverged_at
        cls = ' class="diverged"' if diverged else ""
        heard = "<br>".join(_e(line) for line in step.heard) or "<em>(nothing)</em>"
        rows.append(f"<tr{cls}><td>{number}</td><td>{_e(step.said)}</td><td>{heard}</td><td><code>{_e(step.state)}</code></td></tr>")
        if diverged:
            rows.append(f'<tr class="diverged-diff"><td></td><td colspan="3">{_diff_block(diff)}</td></tr>')
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _diff_block(diff: str) -> str:
    lines = []
    for line in diff.splitlines():
        cls = "del" if line.startswith("- ") else "ins" if line.startswith("+ ") else "words" if line.strip().startswith("words:") else ""
        lines.append(f'<span class="{cls}">{_e(line)}</span>' if cls else _e(line))
    return '<pre class="diff">' + "\n".join(lines) + "</pre>"


def _anchor(path: str) -> str:
    return "call-" + "".join(ch if ch.isalnum() else "-" for ch in Path(path).as_posix())


def _e(text: str) -> str:
    return html.escape(text, quote=True)


_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
.summary dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
.summary dt{font-weight:600}.pass{color:#00612e}.fail{color:#b50909;font-weight:700}
pre.diff{background:#f6f6f6;padding:.6rem;overflow-x:auto;white-space:pre-wrap}
.del{background:#fde0e0;color:#8a0000;}.ins{background:#dcf5e3;color:#00522a;}
.words{color:#5a3e00}
table.timeline{border-collapse:collapse;width:100%}table.timeline td,table.timeline th{border:1px solid #ddd;
padding:.3rem .5rem;vertical-align:top;text-align:left}tr.diverged{background:#fff3c4;outline:3px solid #e0a800}
section.call,section.group{margin:1rem 0 2rem}
"""
