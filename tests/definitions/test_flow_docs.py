"""docs/flow-language.md: its example loads, and it names everything the loader knows (issue 2).

The reference must not drift from the code: its complete example is the file
tests/data/flows/example.yaml verbatim, its allow-list table is generated
from the registry, it mentions every key, kind and value the loader accepts,
and the error lines it quotes are the ones the broken-flow corpus produces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ivr.core.flow import LANGUAGES, STATE_KINDS, TIER_CHANGE_REASONS, TIERS
from ivr.core.machine import compile_flow
from ivr.definitions.flows import (
    BRANCH_KEYS,
    COMMON_STATE_KEYS,
    DEFAULTS_KEYS,
    ESCALATION_KEYS,
    FRAGMENT_KEYS,
    GLOBAL_KEY_KEYS,
    INPUT_MODES,
    KEYS_KEYS,
    MESSAGE_KEYS,
    OPTION_KEYS,
    STATE_KEYS,
    STATE_REQUIRED,
    TOP_KEYS,
    load_flow,
)
from ivr.definitions.schema import docs_with_table, shipped_registry

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = REPO_ROOT / "docs" / "flow-language.md"
EXAMPLE = REPO_ROOT / "tests" / "data" / "flows" / "example.yaml"


@pytest.fixture(scope="module")
def docs() -> str:
    return DOCS.read_text(encoding="utf-8")


def test_example_flow_loads_with_the_shipped_registry() -> None:
    """The documented example is a valid flow that compiles into a machine."""
    flow = load_flow(EXAMPLE)
    compiled = compile_flow(flow, shipped_registry())
    assert flow.id == "example" and set(compiled.states) == set(flow.states)


def test_example_uses_every_state_kind() -> None:
    """The example is complete: it shows each of the seven kinds but `action` (whose names change with the registry)."""
    kinds = {state.kind for state in load_flow(EXAMPLE).states.values()}
    assert kinds == set(STATE_KINDS) - {"action"}


def test_docs_contain_the_example_verbatim(docs: str) -> None:
    """The page's complete example is the tested file, character for character, in a yaml block."""
    assert f"```yaml\n{EXAMPLE.read_text(encoding='utf-8')}```" in docs


def test_docs_allow_list_is_the_generated_table(docs: str) -> None:
    """The table of guards, actions, validators and variables matches the registry."""
    assert docs_with_table(docs, shipped_registry()) == docs, (
        "regenerate it: python -m ivr.definitions.schema --write"
    )


KEYS = sorted(
    set(TOP_KEYS)
    | set(FRAGMENT_KEYS)
    | set(DEFAULTS_KEYS)
    | set(KEYS_KEYS)
    | set(GLOBAL_KEY_KEYS)
    | set(MESSAGE_KEYS)
    | set(ESCALATION_KEYS)
    | set(OPTION_KEYS)
    | set(BRANCH_KEYS)
    | {key for keys in STATE_KEYS.values() for key in keys}
)


@pytest.mark.parametrize("key", KEYS)
def test_docs_describe_every_key(key: str, docs: str) -> None:
    """Every key the loader accepts is named in the reference (as `key`)."""
    assert f"`{key}`" in docs


@pytest.mark.parametrize(
    "value", [*STATE_KINDS, *TIERS, *TIER_CHANGE_REASONS, *INPUT_MODES, *LANGUAGES], ids=lambda value: value
)
def test_docs_name_every_allowed_value(value: str, docs: str) -> None:
    """Every kind, tier, tier-change reason, input mode and language is named in the reference."""
    assert f"`{value}`" in docs


@pytest.mark.parametrize("kind", STATE_KINDS)
def test_docs_kinds_table_lists_each_kinds_keys(kind: str, docs: str) -> None:
    """The kinds table gives each kind exactly its own keys (and required common ones), the required ones in bold."""
    row = next(line for line in docs.splitlines() if line.startswith(f"| `{kind}` | "))
    cell = row.split(" | ")[1]
    own_keys = set(STATE_KEYS[kind]) - set(COMMON_STATE_KEYS)
    assert set(re.findall(r"`([a-z_]+)`", cell)) == own_keys | set(STATE_REQUIRED[kind])
    assert set(re.findall(r"\*\*`([a-z_]+)`\*\*", cell)) == set(STATE_REQUIRED[kind])


def test_docs_show_the_editor_modeline(docs: str) -> None:
    """The editor set-up line is given exactly as the shipped flow files use it."""
    assert "# yaml-language-server: $schema=./schema.json" in docs


def test_error_lines_quoted_in_the_docs_are_real(docs: str) -> None:
    """Every corpus error line the page quotes is one its golden file expects."""
    quoted = re.findall(r"^tests/data/flows/broken/[a-z_]+\.yaml:\d+: .*$", docs, re.MULTILINE)
    assert quoted
    for line in quoted:
        golden = (REPO_ROOT / line.split(":")[0]).read_text(encoding="utf-8")
        assert f"# expect: {line}\n" in golden
