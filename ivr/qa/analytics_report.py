"""The call report as a page with charts, and as CSV.

Charts are drawn server-side as inline SVG with pygal (a well-kept SVG chart
library): the page fetches nothing — no CDN, no script — so it can be mailed,
archived, or served under the QA room's content security policy.  pygal's
optional tooltip script is turned off.

`report_html(report)` is a whole page (for `ivr report -o`); `report_body`
is the same content without `<html>`, for the QA room's template.
`report_csv(report)` is one long table: section, key, value columns.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Sequence
from typing import Any

from ivr.qa.analytics import LIVE_TIERS, CallReport

__all__ = ["report_body", "report_csv", "report_html"]

_SCRIPT = re.compile(r"<script\b.*?</script>|<!--.*?-->", re.S)  # pygal's tooltip config and its banner
_TIER_NAMES = {"tier1": "Tier 1", "tier2": "Tier 2", "supervisor": "Supervisor"}
_LANGUAGES = {"en": "English", "es": "Spanish"}


def report_csv(report: CallReport) -> str:
    """Every figure of the report, one per row: `section,key,detail,value`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "key", "detail", "value"])
    writer.writerow(["period", "from", "", report.start.isoformat() if report.start else ""])
    writer.writerow(["period", "to", "", report.end.isoformat() if report.end else ""])
    writer.writerow(["calls", "total", "", report.calls])
    writer.writerow(["calls", "contained", "ended in self-service", report.contained])
    writer.writerow(["calls", "containment", "share", f"{report.containment:.4f}"])
    writer.writerow(["calls", "abandoned", "", report.abandoned])
    for state, count in report.abandoned_by_state:
        writer.writerow(["abandoned by state", state, "", count])
    for tier in LIVE_TIERS:
        writer.writerow(["reached tier", tier, "", report.reached.get(tier, 0)])
    for tier, (median_s, max_s) in report.time_to_tier.items():
        writer.writerow(["seconds to tier", tier, "median", f"{median_s:.0f}"])
        writer.writerow(["seconds to tier", tier, "max", f"{max_s:.0f}"])
    for tier, reason, words, count in report.transfers:
        writer.writerow(["transfers", f"{tier}:{reason}", words, count])
    for kind, office, count in report.service_requests:
        writer.writerow(["service requests", kind, office, count])
    for hour, count in report.by_hour:
        writer.writerow(["calls by hour (Eastern)", f"{hour:02d}:00", "", count])
    for language, count, contained in report.by_language:
        writer.writerow(["by language", language, "calls", count])
        writer.writerow(["by language", language, "contained", contained])
    for flow, count, contained in report.by_flow:
        writer.writerow(["by flow version", flow, "calls", count])
        writer.writerow(["by flow version", flow, "contained", contained])
    return out.getvalue()


def report_html(report: CallReport, title: str = "Call report") -> str:
    """The report as one self-contained HTML page."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>\n"
        f"<h1>{_e(title)}</h1>\n{report_body(report)}</body></html>\n"
    )


def report_body(report: CallReport) -> str:
    """The report's sections: figures, charts (inline SVG) and tables."""
    period = f"{report.start or 'the first call'} to {report.end or 'the last call'}"
    parts = [
        f'<p class="period">Calls that started from {_e(str(period))} (Eastern dates).</p>',
        '<section class="figures" aria-label="Key figures"><dl>',
        _figure("Calls", str(report.calls)),
        _figure("Ended in self-service", f"{report.contained} ({report.containment:.0%})"),
        _figure("Abandoned", str(report.abandoned)),
        *(_figure(f"Reached {_TIER_NAMES[tier]}", str(report.reached.get(tier, 0))) for tier in LIVE_TIERS),
        _figure("Busiest hour (Eastern)", f"{report.busiest_hour:02d}:00" if report.busiest_hour is not None else "none"),
        "</dl></section>",
    ]
    if not report.calls:
        parts.append("<p>No calls in this period.</p>")
        return "\n".join(parts) + "\n"
    contained_other = report.calls - report.contained - report.abandoned
    parts.append(_chart_section("How calls ended", _pie("How calls ended", [
        ("Ended in self-service", report.contained), ("Reached a person", contained_other), ("Abandoned", report.abandoned),
    ])))
    parts.append(_chart_section("Calls by hour (Eastern)", _bars(
        "Calls by hour (Eastern)", [(f"{hour:02d}", count) for hour, count in report.by_hour])))
    if report.abandoned_by_state:
        parts.append(_chart_section("Where callers hung up", _hbars("Abandonment by state", report.abandoned_by_state)))
    if report.transfers:
        parts.append(_chart_section("Transfers to live assistance", _hbars(
            "Transfers", [(f"{_TIER_NAMES[tier]}: {reason}", count) for tier, reason, _, count in report.transfers])))
        parts.append(_table(("To", "Reason", "Calls"),
                            [(_TIER_NAMES[tier], words, str(count)) for tier, _, words, count in report.transfers]))
    if report.time_to_tier:
        parts.append("<h2>Time to reach a tier</h2>")
        parts.append(_table(("Tier", "Median", "Longest"), [
            (_TIER_NAMES[tier], _duration(median_s), _duration(max_s))
            for tier, (median_s, max_s) in report.time_to_tier.items()
        ]))
    if report.service_requests:
        parts.append(_chart_section("Service requests by type", _hbars(
            "Service requests", _totals((kind.replace("_", " "), count) for kind, _, count in report.service_requests))))
        parts.append(_table(("Type", "Office", "Requests"), [
            (kind.replace("_", " "), office, str(count)) for kind, office, count in report.service_requests]))
    parts.append("<h2>By language</h2>")
    parts.append(_table(("Language", "Calls", "Ended in self-service"), [
        (_LANGUAGES.get(language, language), str(count), str(contained)) for language, count, contained in report.by_language]))
    parts.append("<h2>By flow version</h2>")
    parts.append(_table(("Flow version", "Calls", "Ended in self-service"), [
        (flow, str(count), str(contained)) for flow, count, contained in report.by_flow]))
    return "\n".join(parts) + "\n"


# --- charts --------------------------------------------------------------------------------------


def _config() -> Any:
    import pygal
    from pygal.style import Style

    style = Style(
        background="white", plot_background="white", foreground="#1b1b1b", foreground_strong="#1b1b1b",
        foreground_subtle="#5c5c5c", colors=("#005ea2", "#00a91c", "#d54309", "#8168b3", "#e5a000", "#1a4480"),
        font_family="system-ui, sans-serif", label_font_size=13, major_label_font_size=13, legend_font_size=13,
        title_font_size=16,
    )
    config = pygal.Config()
    config.style = style
    config.js = []  # pygal's tooltip script would come from a CDN: none
    config.disable_xml_declaration = True
    config.width, config.height = 720, 340
    config.print_values = True
    config.truncate_legend = -1  # whole legend labels: "Ended in self-service", not "Ended in self-…"
    config.show_y_guides = True
    return config


def _pie(title: str, values: Sequence[tuple[str, int]]) -> str:
    import pygal

    chart = pygal.Pie(_config(), title=title, inner_radius=0.45)
    for label, value in values:
        chart.add(label, value)
    return _svg(chart)


def _bars(title: str, values: Sequence[tuple[str, int]]) -> str:
    import pygal

    chart = pygal.Bar(_config(), title=title, show_legend=False, print_values=False)
    chart.x_labels = [label for label, _ in values]
    chart.add("Calls", [value for _, value in values])
    return _svg(chart)


def _hbars(title: str, values: Sequence[tuple[str, int]]) -> str:
    import pygal

    config = _config()
    config.height = max(160, 48 * len(values) + 80)
    chart = pygal.HorizontalBar(config, title=title, show_legend=False)
    chart.x_labels = [label for label, _ in values]
    chart.add(title, [value for _, value in values])
    return _svg(chart)


def _svg(chart: Any) -> str:
    # pygal embeds its configuration for the (disabled) tooltip script and a banner; the page needs neither
    return _SCRIPT.sub("", str(chart.render(is_unicode=True)))


def _chart_section(heading: str, svg: str) -> str:
    return f'<section class="chart"><h2>{_e(heading)}</h2><figure role="img" aria-label="{_e(heading)}">{svg}</figure></section>'


def _totals(items: Any) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for key, count in items:
        totals[key] = totals.get(key, 0) + count
    return sorted(totals.items(), key=lambda item: -item[1])


# --- tables and figures --------------------------------------------------------------------------


def _figure(label: str, value: str) -> str:
    return f"<div><dt>{_e(label)}</dt><dd>{_e(value)}</dd></div>"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    cells = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="report"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>'


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#1b1b1b}
.figures dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem}
.figures div{border:1px solid #dfe1e2;border-radius:6px;padding:.6rem .8rem}
.figures dt{font-size:.85rem;color:#5c5c5c}.figures dd{margin:0;font-size:1.5rem;font-weight:700}
section.chart figure{margin:0;max-width:100%}section.chart svg{max-width:100%;height:auto}
table.report{border-collapse:collapse;margin:.5rem 0 1.5rem}table.report td,table.report th{border:1px solid #dfe1e2;
padding:.3rem .6rem;text-align:left}
"""
