"""JUnit XML for replay results, so CI systems show each test call and transcript as a test case."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ivr.qa.replay import ReplayResult


def junit_xml(results: Sequence[ReplayResult], seconds: float, suite: str = "ivr replay") -> str:
    """One `<testsuite>` with a `<testcase>` per file; a failure carries its diff."""
    failures = sum(1 for result in results if not result.passed)
    root = ET.Element(
        "testsuite", name=suite, tests=str(len(results)), failures=str(failures), errors="0", time=f"{seconds:.3f}"
    )
    for result in results:
        case = ET.SubElement(
            root,
            "testcase",
            classname=f"ivr.replay.{result.kind}",
            name=result.path,
            time=f"{result.seconds:.4f}",
        )
        if result.name:
            ET.SubElement(ET.SubElement(case, "properties"), "property", name="title", value=result.name)
        if not result.passed:
            first = result.diff.splitlines()[0] if result.diff else "failed"
            failure = ET.SubElement(case, "failure", message=first, type="ReplayMismatch")
            failure.text = result.diff
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
