"""The strict loader builds plain documents directly (ivr/definitions/yamlsource.py `_build`), exactly as
PyYAML's constructor would: the same values, types, lines and shared anchors; anything unusual goes the long way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ivr.definitions import yamlsource
from ivr.definitions.yamlsource import load_text
from ivr.errors import DefinitionError

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(
    path
    for folder in ("flows", "scripts", "ivr/data", "tests/calls", "tests/transcripts", "scenarios")
    if (ROOT / folder).is_dir()
    for path in (ROOT / folder).rglob("*.yaml")
)


def constructed(text: str) -> Any:
    """The document as PyYAML's own constructor makes it, with the loader's constructors."""
    loader = yamlsource._FastStrictLoader(text)
    loader.duplicate_problems, loader.key_problems = [], []
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def built(text: str) -> Any:
    loader = yamlsource._FastStrictLoader(text)
    loader.duplicate_problems, loader.key_problems = [], []
    try:
        return yamlsource._built(loader)
    finally:
        loader.dispose()


def same(a: Any, b: Any, where: str = "$") -> None:
    assert type(a) is type(b), where
    assert a == b, where
    for attribute in ("line", "key_lines", "item_lines"):
        assert getattr(a, attribute, None) == getattr(b, attribute, None), f"{where}: {attribute}"
    if isinstance(a, dict):
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{index}]")


def test_the_shipped_files_are_many() -> None:
    """The corpus below covers flows, scripts, case data, test calls and transcripts."""
    assert len(SHIPPED) > 100


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_shipped_file_is_built_as_pyyaml_constructs_it(path: Path) -> None:
    """Values, their types (text, numbers, booleans, null) and every line are the same either way."""
    text = path.read_text(encoding="utf-8")
    same(built(text), constructed(text))


def test_an_alias_is_the_anchored_object_itself() -> None:
    """`*name` gives the very object `&name` made, as PyYAML does."""
    data = load_text("a: &shared {b: 1}\nc: *shared\n", "alias.yaml")
    assert data["c"] is data["a"] and data["c"]["b"] == 1


def test_a_recursive_anchor_is_refused_as_before() -> None:
    """A mapping that contains itself is left to PyYAML's constructor, which refuses it, with its line."""
    with pytest.raises(DefinitionError, match="loop.yaml:1: YAML syntax: found unconstructable recursive node"):
        load_text("a: &me\n  self: *me\n", "loop.yaml")


def test_a_merge_key_is_left_to_pyyaml() -> None:
    """`<<` is plain text to this loader (no YAML 1.1 merge), whichever way the document is built."""
    text = "base: &b {x: 1}\nchild:\n  <<: *b\n  y: 2\n"
    same(built(text), constructed(text))


def test_a_duplicate_key_is_still_reported_with_both_lines() -> None:
    """A document the direct build refuses still gets the loader's own problem list."""
    with pytest.raises(DefinitionError, match=r"dup.yaml:3: a: duplicate key \(first defined on line 1\)"):
        load_text("a: 1\nb: 2\na: 3\n", "dup.yaml")


def test_an_explicit_tag_goes_the_long_way() -> None:
    """A tag the loader does not know is refused as before (a syntax problem with its line)."""
    with pytest.raises(DefinitionError, match="alias.yaml:1"):
        load_text("a: !custom 1\n", "alias.yaml")


def read_by_pure_python(text: str) -> Any:
    """The document as PyYAML's pure-Python loader reads it (its own resolver hooks, no libyaml)."""
    loader = yamlsource._StrictLoader(text)
    loader.duplicate_problems, loader.key_problems = [], []
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.name.endswith((".call.yaml", ".transcript.yaml"))][:40],
                         ids=lambda path: str(path.relative_to(ROOT)))
def test_a_replayed_file_reads_as_the_pure_python_loader_reads_it(path: Path) -> None:
    """libyaml's per-node resolver hooks are skipped (the loader has no path resolvers): nothing read changes."""
    text = path.read_text(encoding="utf-8")
    same(load_text(text, str(path)), read_by_pure_python(text))
