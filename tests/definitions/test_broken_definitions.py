"""The broken-definition corpus of issue 10.4: files that escape their tree, bytes YAML refuses, complex keys.

Each file under tests/data/definitions/broken/ has one fault and begins with
`# expect: <the line>`; `ivr validate FILE` must print exactly that line, exit 1
and show no traceback.  The corpus is written by tools/broken_definitions.py
(NUL bytes, bytes that are not UTF-8 and symbolic links cannot be typed in an
editor); `--bless` refills the headers from `ivr validate` for review.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path("tests/data/definitions/broken")
CASES = sorted((ROOT / CORPUS).glob("*.yaml"))
EXPECT = b"# expect: "
PROBLEM = re.compile(rf"^{re.escape(str(CORPUS))}/\S+:\d+: ")


def expected(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0]
    assert first.startswith(EXPECT), f"{path.name} has no '# expect:' first line"
    return first[len(EXPECT) :].decode("utf-8")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are shown relative to the working folder: work from the repository root."""
    monkeypatch.chdir(ROOT)


def test_the_corpus_has_thirty_cases_of_the_faults_the_issue_lists() -> None:
    """Issue 10.4 asks for 30 cases: path escapes, NUL bytes, invalid UTF-8, complex keys and an include cycle."""
    names = [path.name for path in CASES]
    assert len(names) >= 30
    for fault in ("escape", "absolute", "symlink", "nul", "utf8", "complex_key", "itself"):
        assert any(fault in name for name in names), fault


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_ivr_validate_gives_file_line_and_exit_1(path: Path, runner) -> None:
    """Each broken file gets exactly its `file:line: …` line from `ivr validate`, exit 1, no traceback."""
    result = runner.invoke(main, ["validate", str(CORPUS / path.name)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    assert [line for line in result.output.splitlines() if PROBLEM.match(line)] == [expected(path)]


@pytest.mark.parametrize("path", [p for p in CASES if "text_file" in p.name or "escape" in p.name], ids=lambda p: p.name)
def test_a_rejected_file_is_never_echoed_beyond_a_short_excerpt(path: Path, runner) -> None:
    """Neither /etc/passwd nor a text file named by mistake is printed: at most 40 characters of it."""
    result = runner.invoke(main, ["validate", str(CORPUS / path.name)])
    assert "daemon:x:1:1" not in result.output
    assert "/usr/sbin/nologin" not in result.output


def test_an_allow_listed_root_may_be_included(tmp_path: Path) -> None:
    """The explicit allow-list (DEFINITION_ROOTS) lets a flow name a file outside its own folder."""
    from ivr.definitions import yamlsource

    outside = tmp_path / "shared"
    outside.mkdir()
    (outside / "fragment.yaml").write_text("version: 1\nstates: {}\n", encoding="utf-8")
    folder = tmp_path / "flows"
    folder.mkdir()
    with pytest.raises(ValueError, match="outside this definition's folder"):
        yamlsource.inside(folder, "../shared/fragment.yaml")
    saved = list(yamlsource.ALLOWED_ROOTS)
    try:
        yamlsource.allow_roots([outside])
        assert yamlsource.inside(folder, "../shared/fragment.yaml") == (outside / "fragment.yaml").resolve()
    finally:
        yamlsource.ALLOWED_ROOTS[:] = saved


def test_a_nul_byte_in_yaml_text_is_a_definition_error_not_a_traceback() -> None:
    """Before issue 10, `load_text` built its loader outside its `try`: a NUL byte raised a bare ReaderError."""
    from ivr.definitions.yamlsource import load_text
    from ivr.errors import DefinitionError

    with pytest.raises(DefinitionError, match=r"x.yaml:3: a NUL byte"):
        load_text("a: 1\nb: 2\nc: \x00\n", "x.yaml")
