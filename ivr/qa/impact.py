"""The impact of a draft: which calls of a corpus would now go another way, grouped.

`ivr replay CORPUS --against DRAFT` plays every call of a corpus (stored
transcripts of the line, hand-written test calls) twice: with the current
definitions (the baseline) and with the draft.  Both runs use the same
inputs, instants and world, so any difference is the draft's doing.  Each
changed call is classified by its first difference, and identical changes
are grouped, most frequent first:

    412 calls: prompt main_menu.prompt changed (same path)
      3 calls: now end at hours.info instead of tier1.topic

This module owns the classification and grouping (pure functions over
observations) and `play`, which turns one corpus file into the observations
a replayer produces for it.  It prints nothing; `ivr.qa.commands` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ivr.errors import display_path
from ivr.qa import testcall, transcript
from ivr.qa.replay import Replayer, line_diff
from ivr.qa.transcript import CallerInput, Observation

__all__ = ["Change", "ImpactGroup", "ImpactReport", "PlayedCall", "classify", "group", "measure_impact", "play"]


@dataclass(frozen=True)
class PlayedCall:
    """One corpus file as a replayer plays it: its inputs and what each produced."""

    path: str
    inputs: tuple[CallerInput, ...]
    observed: tuple[Observation | None, ...]
    error: str = ""

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(seen.state if seen is not None else "(not running)" for seen in self.observed)

    @property
    def end(self) -> str:
        ends = [seen.state for seen in self.observed if seen is not None]
        return ends[-1] if ends else "(no state)"


@dataclass(frozen=True)
class Change:
    """How one call differs under the draft: a grouping key, its sentence, and the first divergence."""

    key: tuple[str, ...]
    summary: str
    path: str
    step: int  # 1-based step of the first difference
    detail: tuple[str, ...]  # diff lines of that step (heard then / heard now)


@dataclass
class ImpactGroup:
    """Calls that changed the same way."""

    summary: str
    changes: list[Change] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.changes)

    @property
    def example(self) -> Change:
        return self.changes[0]


@dataclass(frozen=True)
class ImpactReport:
    """The draft's impact on a corpus: unchanged calls, grouped changes, files that could not be played."""

    total: int
    unchanged: int
    groups: tuple[ImpactGroup, ...]
    errors: tuple[tuple[str, str], ...] = ()

    @property
    def changed(self) -> int:
        return sum(group.count for group in self.groups)

    def lines(self, full_list: bool = False) -> list[str]:
        """The report in words: a line per group with one example (every call with `full_list`)."""
        out = [f"impact on {self.total} calls: {self.unchanged} unchanged, {self.changed} changed"
               + (f", {len(self.errors)} could not be played" if self.errors else "")]
        width = len(str(max((group.count for group in self.groups), default=1)))
        for group in self.groups:
            noun = "call" if group.count == 1 else "calls"
            out.append(f"{group.count:>{width}} {noun}: {group.summary}")
            example = group.example
            out.append(f"{'':>{width}}   e.g. {example.path} (step {example.step})")
            out += [f"{'':>{width}}     {line}" for line in example.detail]
            if full_list:
                out += [f"{'':>{width}}   - {change.path} (step {change.step})" for change in group.changes]
        for path, error in self.errors:
            out.append(f"could not play {path}: {error.splitlines()[0] if error else '?'}")
        return out


# --- playing -------------------------------------------------------------------------------------


def play(replayer: Replayer, path: Path | str) -> PlayedCall:
    """Play one `*.call.yaml` or `*.transcript.yaml` file with `replayer`, noting what every input produced.

    Expectations of test calls are not checked here: the impact compares two runs, not a run and a file.
    """
    shown = display_path(path)
    try:
        if str(path).endswith(testcall.SUFFIX):
            call = testcall.load_call(path)
            flow_id = call.flow_id or replayer.default_flow
            cases = call.cases if call.cases is not None else replayer.case_book(call.cases_file)
            run = replayer.start_run(flow_id, cases, call.settings, call.caller, "CAimpact", ())
            now = call.clock
            inputs, observed = [], []
            for step in call.steps:
                now = step.at or now
                inputs.append(step.input)
                observed.append(run.send((now, step.input)))
            return PlayedCall(shown, tuple(inputs), tuple(observed))
        recorded = transcript.load_transcript(path)
        flow_id = recorded.flow_id or replayer.default_flow
        from ivr.definitions.cases import CaseBook

        run = replayer.start_run(
            flow_id, CaseBook.from_dict({"cases": recorded.cases}), recorded.settings, recorded.caller,
            recorded.call_sid, recorded.sequences,
        )
        observed_steps = [run.send((step.at, step.input), step.cases) for step in recorded.steps]
        return PlayedCall(shown, tuple(step.input for step in recorded.steps), tuple(observed_steps))
    except Exception as error:  # noqa: BLE001 - one odd file is reported, never stops a corpus
        return PlayedCall(shown, (), (), error=str(error) or type(error).__name__)


# --- classifying ---------------------------------------------------------------------------------


def classify(before: PlayedCall, after: PlayedCall) -> Change | None:
    """How `after` (the draft) differs from `before` (the baseline); None when the call is unchanged."""
    pairs = list(zip(before.observed, after.observed))
    first = next(
        (index for index, (old, new) in enumerate(pairs) if _comparable(old) != _comparable(new)),
        None,
    )
    if first is None:
        return None
    if before.states != after.states:  # a path change is shown where the path parts
        first = next(index for index, (a, b) in enumerate(zip(before.states, after.states)) if a != b)
    old, new = pairs[first]
    detail = _detail(line_diff(_lines(old), _lines(new)))
    step = first + 1
    key: tuple[str, ...]
    if before.end != after.end:
        key = ("end", before.end, after.end)
        return Change(key, f"now end at {after.end} instead of {before.end}", before.path, step, detail)
    if before.states != after.states:
        went_then = old.state if old is not None else "(not running)"
        went_now = new.state if new is not None else "(not running)"
        where = before.inputs[first].describe() if first < len(before.inputs) else "went on"
        state_before = before.states[first - 1] if first > 0 else "the start"
        key = ("path", state_before, went_then, went_now)
        summary = f"another path, same end: after {state_before}, {_said(where)} now goes to {went_now} instead of {went_then}"
        return Change(key, summary, before.path, step, detail)
    prompts = _changed_prompts(before, after)
    if prompts:
        noun = "prompt" if len(prompts) == 1 else "prompts"
        return Change(("prompt", *prompts), f"{noun} {', '.join(prompts)} changed (same path)", before.path, step, detail)
    return Change(("other",), "same path and prompts; effects, scripts or actions changed", before.path, step, detail)


def group(changes: Iterable[Change]) -> tuple[ImpactGroup, ...]:
    """Identical changes together, most frequent first (ties in order of first appearance)."""
    groups: dict[tuple[str, ...], ImpactGroup] = {}
    for change in changes:
        groups.setdefault(change.key, ImpactGroup(change.summary)).changes.append(change)
    return tuple(sorted(groups.values(), key=lambda g: -g.count))


def measure_impact(
    paths: Sequence[Path | str],
    baseline: Replayer,
    draft: Replayer,
    on_call: Callable[[], None] | None = None,
) -> ImpactReport:
    """Play every file with both replayers and group how the draft changes them."""
    changes: list[Change] = []
    errors: list[tuple[str, str]] = []
    unchanged = 0
    for path in paths:
        before, after = play(baseline, path), play(draft, path)
        if before.error or after.error:
            errors.append((before.path, before.error or after.error))
        else:
            change = classify(before, after)
            if change is None:
                unchanged += 1
            else:
                changes.append(change)
        if on_call is not None:
            on_call()
    return ImpactReport(len(paths), unchanged, group(changes), tuple(errors))


# --- helpers -------------------------------------------------------------------------------------


def _comparable(seen: Observation | None) -> object:
    return seen.comparable() if seen is not None else None


def _lines(seen: Observation | None) -> list[str]:
    return seen.lines() if seen is not None else ["(nothing: the call was not running)"]


def _changed_prompts(before: PlayedCall, after: PlayedCall) -> tuple[str, ...]:
    """Prompt ids whose text differs anywhere in the call, in order of first difference."""
    changed: list[str] = []
    for old, new in zip(before.observed, after.observed):
        if old is None or new is None:
            continue
        # A prompt may be said in several parts (the greeting: each language in its own voice).
        texts: dict[str, list[str]] = {}
        for heard in new.heard:
            texts.setdefault(heard.prompt, []).append(heard.text)
        olds: dict[str, list[str]] = {}
        for heard in old.heard:
            olds.setdefault(heard.prompt, []).append(heard.text)
        for prompt, said in olds.items():
            if texts.get(prompt, said) != said and prompt not in changed:
                changed.append(prompt)
        known = {heard.prompt for heard in old.heard}
        changed += [heard.prompt for heard in new.heard if heard.prompt not in known and heard.prompt not in changed]
    return tuple(changed)


def _detail(diff: list[str]) -> tuple[str, ...]:
    """What changed at a step, briefly: the word changes of a reworded prompt, else the changed lines."""
    words = tuple(line.strip() for line in diff if line.strip().startswith("words:"))
    changed = tuple(line for line in diff if line.startswith(("- ", "+ ")))
    if words and len(words) * 2 == len(changed):
        return words
    return tuple(line if len(line) <= 160 else line[:157] + "…" for line in changed)


def _said(described: str) -> str:
    return f"the caller who {described}"
