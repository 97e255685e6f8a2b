"""Replay throughput: calls per second (a benchmark, not a timed test).

Builds a corpus of N files by cycling through the golden transcripts
(tests/transcripts) and the test calls (tests/calls), then reports:
  * replay alone: transcripts already parsed, replayed in memory (the engine, the
    call service and the comparison; no file reading);
  * end to end on one process: reading and checking each YAML file, then replaying it,
    as `ivr replay` does;
  * end to end on every core (`ivr replay --jobs 0`).

Run: `.venv/bin/python benchmarks/replay_bench.py [--n 2000]`.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import tempfile
import time
from pathlib import Path

from ivr.qa.replay import Replayer, find_files, replay_paths
from ivr.qa.transcript import load_transcript

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, folder: Path) -> list[Path]:
    sources = find_files([ROOT / "tests" / "transcripts", ROOT / "tests" / "calls"])
    paths = []
    for index, source in zip(range(n), itertools.cycle(sources)):
        suffix = ".call.yaml" if source.name.endswith(".call.yaml") else ".transcript.yaml"
        target = folder / f"{index:05d}{suffix}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


def report(label: str, calls: int, steps: int, seconds: float) -> None:
    print(f"{label:<34} {calls / seconds:8.0f} calls/s  {steps / seconds:9.0f} steps/s  ({calls} calls in {seconds:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="files in the corpus (default 2000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(args.n, Path(tmp))
        started = time.perf_counter()
        replayer = Replayer()
        print(f"flows compiled in {time.perf_counter() - started:.2f} s; corpus: {len(paths)} files; {os.cpu_count()} cores")

        recorded = [load_transcript(p) for p in paths if p.name.endswith(".transcript.yaml")]
        for transcript in recorded[:50]:  # warm up
            replayer.replay_transcript(transcript)
        started = time.perf_counter()
        results = [replayer.replay_transcript(transcript) for transcript in recorded]
        report("replay alone (parsed transcripts)", len(results), sum(r.steps for r in results), time.perf_counter() - started)
        assert all(r.passed for r in results), [r.diff for r in results if not r.passed][:1]

        for jobs, label in ((1, "end to end, 1 process"), (0, f"end to end, --jobs 0 ({os.cpu_count()})")):
            started = time.perf_counter()
            results = replay_paths(paths, jobs=jobs)
            report(label, len(results), sum(r.steps for r in results), time.perf_counter() - started)
            assert all(r.passed for r in results)


if __name__ == "__main__":
    main()
