"""The pytest plugin: `*.call.yaml` test calls and `*.transcript.yaml` transcripts are tests.

Registered as the `ivr_calls` entry point (`pytest11`), so plain `pytest`
collects every such file under the test paths, replays it against the current
flows and scripts (compiled once per session) and reports a failure with the
same diff `ivr replay` prints.  Settings come from the environment as for the
app (`IVR_FLOWS`, `IVR_SCRIPTS_DIR`, …); `-p no:ivr_calls` turns it off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ivr.errors import DefinitionError
from ivr.qa.replay import FILE_SUFFIXES, ReplayResult, Replayer

_REPLAYER = pytest.StashKey[Replayer]()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(FILE_SUFFIXES):
        return ReplayFile.from_parent(parent, path=file_path)
    return None


class ReplayFile(pytest.File):
    """A test call or transcript file: one test."""

    def collect(self) -> Any:
        kind = "call" if self.path.name.endswith(FILE_SUFFIXES[0]) else "transcript"
        yield ReplayItem.from_parent(self, name=kind)


class ReplayFailed(Exception):
    """The file replayed another way than it says (or could not be read)."""

    def __init__(self, result: ReplayResult) -> None:
        super().__init__(result.diff)
        self.result = result


class ReplayItem(pytest.Item):
    """Replays one file; fails with the first divergence."""

    def runtest(self) -> None:
        stash = self.config.stash
        if _REPLAYER not in stash:
            stash[_REPLAYER] = Replayer()
        result = stash[_REPLAYER].replay_path(self.path)
        if not result.passed:
            raise ReplayFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ReplayFailed):
            return excinfo.value.result.diff
        if isinstance(excinfo.value, DefinitionError):  # the flows or scripts themselves do not load
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"replay {self.path.name}"
