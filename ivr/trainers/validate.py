"""Checking definition files: flows, scripts, case data and the directory (`ivr validate`).

With no paths it checks everything shipped: every flow under `flows/`, the
script library under `scripts/` (drafts too, so authors see problems before
publishing), the demo case data and the contact directory.  Given paths, it
tells the kinds apart by location and content: a script version file checks
its whole library (menu keys clash across scripts), a flow fragment checks
the flow that includes it, a folder checks what it holds.

Problems come back as `Problem`s (`file:line: where: what`), every problem of
every file at once; nothing here prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ivr.core.registry import builtin_registry
from ivr.console.scenarios import SCENARIOS_ROOT, load_scenario
from ivr.definitions.cases import DEMO_CASES_PATH, CaseBook, load_cases
from ivr.core.flow import Flow
from ivr.definitions.checked import load_flow, load_scripts  # the shipped tree's, kept while unchanged
from ivr.definitions.flows import FLOWS_ROOT
from ivr.definitions.scripts import LOCK_NAME, SCRIPTS_ROOT, ScriptLibrary
from ivr.definitions.yamlsource import Mapping, load_file
from ivr.errors import DefinitionError, Problem, display_path
from ivr.rules.directory import DEFAULT_PATH as DIRECTORY_PATH
from ivr.rules.directory import load_directory

KINDS = ("flow", "scripts", "cases", "directory", "transcript", "call", "scenario")


@dataclass
class Report:
    """What was checked (one line each) and every problem found."""

    checked: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def shipped() -> list[tuple[str, Path]]:
    """Every definition the project ships, with its kind."""
    targets: list[tuple[str, Path]] = [("flow", path) for path in sorted(FLOWS_ROOT.glob("*.yaml"))]
    targets += [("scripts", SCRIPTS_ROOT), ("cases", DEMO_CASES_PATH), ("directory", DIRECTORY_PATH)]
    targets += [("scenario", path) for path in sorted(SCENARIOS_ROOT.glob("*.yaml"))]
    if (FLOWS_ROOT / "releases").is_dir():
        targets.append(("releases", FLOWS_ROOT / "releases"))
    return targets


def validate(paths: Iterable[Path | str] = ()) -> Report:
    """Check `paths` (everything shipped when empty); a report of what was checked and what is wrong."""
    report = Report()
    given = [Path(p) for p in paths]
    targets: list[tuple[str, Path]] = []
    if not given:
        targets = shipped()
    for path in given:
        found = classify(path, report)
        targets += [target for target in found if target not in targets]
    shared = _Shared()
    for kind, path in targets:
        _check(kind, path, report, shared)
    return report


def classify(path: Path, report: Report) -> list[tuple[str, Path]]:
    """What to check for one given path; a problem in `report` when it cannot be told."""
    shown = display_path(path)
    if not path.exists():
        report.problems.append(Problem(shown, 1, "", "file not found"))
        return []
    if path.is_dir():
        if (path / LOCK_NAME).exists():
            return [("scripts", path)]
        if any(path.glob("*/v*/RELEASE.yaml")):
            return [("releases", path)]
        found = [target for child in sorted(path.glob("*.yaml")) for target in classify(child, Report())]
        if not found:
            report.problems.append(Problem(shown, 1, "", "no flows, scripts, case data or directory here"))
        return found
    if path.name == LOCK_NAME:
        return [("scripts", path.parent)]
    if path.name.endswith(".call.yaml"):
        return [("call", path)]
    if path.name.endswith(".transcript.yaml"):
        return [("transcript", path)]
    try:
        data, _ = load_file(path)
    except DefinitionError as error:
        report.problems.extend(error.problems)
        return []
    keys = set(data) if isinstance(data, Mapping) else set()
    if "script_version" in keys or (path.parent.parent / LOCK_NAME).exists():
        return [("scripts", path.parent.parent)]
    if "states" in keys and "id" not in keys and "start" not in keys:
        return _including_flows(path, report)
    if "states" in keys or "start" in keys:
        return [("flow", path)]
    if "cases" in keys:
        return [("cases", path)]
    if "live_assistance" in keys or "lines" in keys or "offices" in keys:
        return [("directory", path)]
    if "steps" in keys and "call" in keys:
        return [("transcript", path)]
    if "persona" in keys and "seat" in keys:
        return [("scenario", path)]
    if "steps" in keys:
        return [("call", path)]
    report.problems.append(
        Problem(shown, getattr(data, "line", 1), "", "not a flow, script, case-data, directory, test call or transcript file "
                "(a flow has 'states', case data 'cases', a script 'script_version', a test call 'steps', "
                "a transcript 'call' and 'steps', a scenario 'seat' and 'persona')")
    )
    return []


def _including_flows(fragment: Path, report: Report) -> list[tuple[str, Path]]:
    """A fragment (`states:` only) is checked through the flows that `include:` it."""
    target = fragment.resolve()
    found: list[tuple[str, Path]] = []
    for folder in (fragment.parent, fragment.parent.parent):
        for candidate in sorted(folder.glob("*.yaml")):
            if candidate.resolve() == target:
                continue
            try:
                data, _ = load_file(candidate)
            except DefinitionError:
                continue
            includes = data.get("include") if isinstance(data, Mapping) else None
            if isinstance(includes, list) and any((candidate.parent / str(name)).resolve() == target for name in includes):
                found.append(("flow", candidate))
    if not found:
        report.problems.append(
            Problem(display_path(fragment), 1, "", "a flow fragment that no flow includes (add it to a flow's 'include:')")
        )
    return found


class _Shared:
    """What several files of one run are checked against, loaded once per run rather than once per file.

    Every scenario is checked against the shipped script library and the demo cases, every
    test call against the configured flows: loading those again for each file made a run of
    the shipped tree load the script library sixteen times.
    """

    def __init__(self) -> None:
        self._script_ids: set[str] | None = None
        self._library: ScriptLibrary | None = None
        self._demo_cases: CaseBook | None = None
        self._flows: tuple[dict[str, Flow], str] | None = None

    def script_ids(self) -> set[str]:
        """The ids of the shipped (published) scripts."""
        if self._script_ids is None:
            self._script_ids = {ref.split("@")[0] for ref in load_scripts().refs()}
        return self._script_ids

    def scripts(self) -> ScriptLibrary:
        """The configured script library, drafts included (a test call may pin a draft to check it)."""
        if self._library is None:
            from ivr import config as settings

            root = settings.resolve({}).get("SCRIPTS_DIR")
            self._library = load_scripts(root, include_drafts=True) if root else load_scripts(include_drafts=True)
        return self._library

    def demo_cases(self) -> CaseBook:
        if self._demo_cases is None:
            self._demo_cases = load_cases(DEMO_CASES_PATH)
        return self._demo_cases

    def flows(self) -> tuple[dict[str, Flow], str]:
        """The configured flows and the default one among them."""
        if self._flows is None:
            from ivr import config as settings
            from ivr.definitions.flows import load_flows

            resolved = settings.resolve({})
            flows = load_flows(resolved.get("FLOWS"), builtin_registry())
            default = resolved.get("DEFAULT_FLOW")
            self._flows = flows, default if default in flows else next(iter(flows))
        return self._flows


def _check(kind: str, path: Path, report: Report, shared: _Shared) -> None:
    shown = display_path(path)
    try:
        described = _CHECKS[kind](path, shared)
    except DefinitionError as error:
        report.problems.extend(error.problems)
        report.checked.append(f"{shown}: {kind}: {len(error.problems)} problem{'s' if len(error.problems) != 1 else ''}")
        return
    report.checked.append(f"{shown}: {described}")


def _flow(path: Path, shared: _Shared) -> str:
    flow = load_flow(path, builtin_registry())
    return f"flow {flow.id}, {len(flow.states)} states"


def _scripts(path: Path, shared: _Shared) -> str:
    library = load_scripts(path, include_drafts=True)
    refs = library.refs() + library.wording_refs()
    drafts = len(library.draft_refs)
    wording = f" ({len(library.wordings)} of Tier 1's wording)" if library.wordings else ""
    return f"{len(library.versions) + len(library.wordings)} scripts{wording}, {len(refs)} versions" + (f" ({drafts} drafts)" if drafts else "")


def _cases(path: Path, shared: _Shared) -> str:
    return f"{len(load_cases(path))} cases"


def _directory(path: Path, shared: _Shared) -> str:
    directory: Any = load_directory(path)
    offices = getattr(directory, "offices", None)
    return "directory" + (f", {len(offices)} offices" if offices is not None else "")


def _releases(path: Path, shared: _Shared) -> str:
    """Published flow versions: unedited, and each still a valid flow."""
    from ivr.definitions.releases import load_release, load_releases

    releases = load_releases(path)
    for versions in releases.values():
        for release in versions:
            load_release(release, builtin_registry())
    count = sum(len(versions) for versions in releases.values())
    return f"{count} published flow version{'s' if count != 1 else ''} of {len(releases)} flow{'s' if len(releases) != 1 else ''}"


def _transcript(path: Path, shared: _Shared) -> str:
    from ivr.qa.transcript import load_transcript

    transcript = load_transcript(path, shared.flows()[0])
    return f"transcript of a {transcript.flow_id} call, {len(transcript.steps)} steps"


def _scenario(path: Path, shared: _Shared) -> str:
    """A console scenario, checked against the demo case data and the shipped script library."""
    scenario = load_scenario(path, shared.demo_cases(), shared.script_ids())
    return f"scenario for the {scenario.seat} seat ({scenario.persona.language})"


def _call(path: Path, shared: _Shared) -> str:
    from ivr.qa.testcall import load_call

    flows, default = shared.flows()
    call = load_call(path, flows, default, shared.scripts())
    if call.cases_file is not None:
        load_cases(call.cases_file)  # its own file:line problems, as replay would meet them
    return f"test call '{call.name}', {len(call.steps)} steps"


_CHECKS = {
    "scenario": _scenario, "call": _call, "flow": _flow, "scripts": _scripts, "cases": _cases,
    "directory": _directory, "transcript": _transcript, "releases": _releases,
}
