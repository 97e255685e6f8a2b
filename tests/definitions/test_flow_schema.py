"""flows/schema.json: generated from the loader's constants and the registry, so it cannot drift.

Editors with yaml-language-server check flows against it as they are typed
(issue 2).  These tests hold the committed file against the generator, the
generator against the key constants of ivr/definitions/flows.py, and the
shipped flows against the schema.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from ivr.core.flow import LANGUAGES, STATE_KINDS, TIER_CHANGE_REASONS, TIERS
from ivr.core.registry import Outcome, Registry
from ivr.definitions import flows
from ivr.definitions.flows import (
    BRANCH_KEYS,
    DEFAULTS_KEYS,
    ESCALATION_KEYS,
    FRAGMENT_KEYS,
    GLOBAL_KEY_KEYS,
    INPUT_MODES,
    KEYS_KEYS,
    MESSAGE_KEYS,
    MESSAGES_REQUIRED,
    OPTION_KEYS,
    STATE_KEYS,
    STATE_REQUIRED,
    TOP_KEYS,
    TOP_REQUIRED,
)
from ivr.definitions.schema import flow_schema, schema_text, shipped_registry
from ivr.definitions.yamlsource import load_file

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO_ROOT / "flows" / "schema.json"
TRAINING_EXAMPLES = {  # a flow's `examples:` and `settled:` files are training data in the corpus's shape, checked
    (path.parent / str(data[key])).resolve()  # by their own loader
    for path in (REPO_ROOT / "flows").glob("*.yaml")
    if isinstance(data := yaml.safe_load(path.read_text(encoding="utf-8")), dict)
    for key in ("examples", "settled") if key in data
}
SHIPPED_FLOW_FILES = sorted(path for path in (REPO_ROOT / "flows").rglob("*.yaml") if path.resolve() not in TRAINING_EXAMPLES)
EXAMPLE_PATH = REPO_ROOT / "tests" / "data" / "flows" / "example.yaml"
REGENERATE = "python -m ivr.definitions.schema > flows/schema.json"


def plain(value: Any) -> Any:
    """Loaded YAML (line-aware Mapping/Sequence/Text) as plain JSON-like data."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return flow_schema(shipped_registry())


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def violations(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [error.message for error in validator.iter_errors(data)]


def example() -> dict[str, Any]:
    data, _ = load_file(EXAMPLE_PATH)
    return plain(data)  # type: ignore[no-any-return]


# --- the committed file ------------------------------------------------------------------------------


def test_committed_schema_is_the_generated_one() -> None:
    """flows/schema.json is exactly what the generator prints for the built-in registry."""
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(shipped_registry()), (
        f"regenerate it: {REGENERATE}"
    )


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    """The generated schema is itself valid JSON Schema draft 2020-12."""
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_file_is_json_with_the_generated_content(schema: dict[str, Any]) -> None:
    """The committed text parses as JSON equal to the generated schema."""
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == schema


# --- shipped flows ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED_FLOW_FILES, ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_shipped_flow_file_satisfies_the_schema(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    """Every flow and fragment under flows/ validates against the schema."""
    data, _ = load_file(path)
    assert violations(validator, plain(data)) == []


@pytest.mark.parametrize("path", SHIPPED_FLOW_FILES, ids=lambda path: str(path.relative_to(REPO_ROOT)))
def test_shipped_flow_file_points_editors_at_the_schema(path: Path) -> None:
    """Every shipped flow file starts with the yaml-language-server modeline naming flows/schema.json."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    relative = Path(*[".."] * (len(path.relative_to(REPO_ROOT / "flows").parts) - 1), "schema.json")
    assert (
        first == f"# yaml-language-server: $schema={'./' if relative.name == str(relative) else ''}{relative}"
    )


def test_documented_example_satisfies_the_schema(validator: jsonschema.Draft202012Validator) -> None:
    """The complete example of docs/flow-language.md validates against the schema."""
    assert violations(validator, example()) == []


# --- constants and property names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("definition", "keys"),
    [
        ("flow", TOP_KEYS),
        ("fragment", FRAGMENT_KEYS),
        ("defaults", DEFAULTS_KEYS),
        ("keys", KEYS_KEYS),
        ("global_key", GLOBAL_KEY_KEYS),
        ("messages", MESSAGE_KEYS),
        ("escalation", ESCALATION_KEYS),
        ("option", OPTION_KEYS),
        ("branch", BRANCH_KEYS),
        ("text", LANGUAGES),
        ("phrases", LANGUAGES),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_schema_properties_are_the_loaders_keys(
    definition: str, keys: tuple[str, ...], schema: dict[str, Any]
) -> None:
    """Each part of the schema allows exactly the keys the loader allows, and no others."""
    part = schema["$defs"][definition]
    assert tuple(part["properties"]) == keys
    assert part["additionalProperties"] is False


@pytest.mark.parametrize("kind", STATE_KINDS)
def test_state_schema_of_each_kind_has_the_kinds_keys(kind: str, schema: dict[str, Any]) -> None:
    """A state of each kind allows STATE_KEYS[kind] and requires kind plus STATE_REQUIRED[kind]."""
    part = schema["$defs"][f"state_{kind}"]
    assert tuple(part["properties"]) == STATE_KEYS[kind]
    assert part["additionalProperties"] is False
    assert part["required"] == ["kind", *STATE_REQUIRED[kind]]
    assert part["properties"]["kind"] == {
        "const": kind,
        "description": part["properties"]["kind"]["description"],
    }


def test_state_dispatch_offers_every_state_key(schema: dict[str, Any]) -> None:
    """The kind-independent state schema (for completion) knows the union of every kind's keys."""
    union = {key for keys in STATE_KEYS.values() for key in keys}
    assert set(schema["$defs"]["state"]["properties"]) == union


def test_required_keys_follow_the_loader(schema: dict[str, Any]) -> None:
    """A flow requires the loader's required keys plus messages; messages require the loader's three."""
    assert set(schema["$defs"]["flow"]["required"]) == set(TOP_REQUIRED) | {"messages"}
    assert schema["$defs"]["messages"]["required"] == list(MESSAGES_REQUIRED)
    assert schema["$defs"]["fragment"]["required"] == ["version", "states"]


def test_name_patterns_are_the_loaders(schema: dict[str, Any]) -> None:
    """State names, flow ids and variable names follow the loader's own patterns."""
    defs = schema["$defs"]
    assert defs["state_name"]["pattern"] == flows._STATE_NAME.pattern
    assert defs["states"]["patternProperties"] == {flows._STATE_NAME.pattern: {"$ref": "#/$defs/state"}}
    assert defs["flow"]["properties"]["id"]["pattern"] == flows._FLOW_ID.pattern
    assert defs["state_collect"]["properties"]["into"]["pattern"] == flows._VAR_NAME.pattern


# --- enums -------------------------------------------------------------------------------------------


def test_enums_come_from_the_flow_model(schema: dict[str, Any]) -> None:
    """kind, tier, transfer target, reason and input list exactly the model's values."""
    defs = schema["$defs"]
    assert defs["state"]["properties"]["kind"]["enum"] == list(STATE_KINDS)
    assert defs["state_menu"]["properties"]["tier"]["enum"] == list(TIERS)
    assert defs["state_transfer"]["properties"]["to"]["enum"] == list(TIERS[1:])
    assert defs["state_transfer"]["properties"]["reason"]["enum"] == list(TIER_CHANGE_REASONS)
    assert defs["state_collect"]["properties"]["input"]["enum"] == list(INPUT_MODES)


def test_registry_names_are_the_only_run_when_and_validator_values() -> None:
    """`run`, `when` and `validator` accept exactly the registry's actions, guards (or 'not' guards) and validators."""
    defs = flow_schema(sample_registry())["$defs"]
    assert defs["state_action"]["properties"]["run"]["enum"] == ["look_up_case"]
    assert defs["guard"]["enum"] == ["live_assistance_open", "not live_assistance_open"]
    assert defs["state_collect"]["properties"]["validator"]["enum"] == ["receipt_number"]


# --- the schema rejects what the loader rejects ------------------------------------------------------


def sample_registry() -> Registry:
    registry = Registry()
    registry.guard("live_assistance_open")(lambda ctx: True)
    registry.action("look_up_case", outcomes=("found", "not_found"), params=("source",))(
        lambda ctx: Outcome("found")
    )
    registry.validator("receipt_number", readback=lambda value, language: value)(
        lambda value, kind, language: value
    )
    return registry


def with_action(on: dict[str, str], args: dict[str, str] | None = None) -> dict[str, Any]:
    data = example()
    data["states"]["main_menu"]["options"]["7"] = {
        "topic": {"en": "a lookup", "es": "una consulta"},
        "goto": "lookup",
    }
    data["states"]["lookup"] = {
        "kind": "action",
        "run": "look_up_case",
        "on": on,
        **({"args": args} if args else {}),
    }
    return data


def test_action_must_route_every_outcome_in_the_schema() -> None:
    """For a registered action, the schema requires every outcome under `on:` and only those."""
    validator = jsonschema.Draft202012Validator(flow_schema(sample_registry()))
    assert (
        violations(validator, with_action({"found": "goodbye", "not_found": "goodbye"}, {"source": "x"}))
        == []
    )
    assert violations(validator, with_action({"found": "goodbye"})) != []
    assert (
        violations(validator, with_action({"found": "goodbye", "not_found": "goodbye", "error": "goodbye"}))
        != []
    )
    assert (
        violations(validator, with_action({"found": "goodbye", "not_found": "goodbye"}, {"mode": "x"})) != []
    )


def mutate(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(example())
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), 2),
        (("version",), True),
        (("stats",), {}),
        (("states", "main_menu", "announce_keys"), "yes"),
        (("states", "main_menu", "options", "10"), {"topic": {"en": "x", "es": "x"}, "goto": "goodbye"}),
        (("states", "main_menu", "goto"), "goodbye"),
        (("states", "main_menu", "kind"), "prompt"),
        (("states", "goodbye", "prompt", "es"), None),
        (("states", "goodbye", "prompt", "fr"), "Au revoir."),
        (("states", "Goodbye"), {"kind": "hangup", "prompt": {"en": "Bye.", "es": "Adiós."}}),
        (("states", "case.receipt.confirm"), {"kind": "hangup", "prompt": {"en": "Bye.", "es": "Adiós."}}),
        (("states", "case.receipt", "validator"), "receipt"),
        (("states", "case.receipt", "into"), "Receipt"),
        (("states", "representative", "branches", 0, "when"), "lines_open"),
        (("states", "transfer", "to"), "ivr"),
        (("states", "transfer", "reason"), "because"),
    ],
    ids=[
        "version 2",
        "version true",
        "unknown top key",
        "yes for true",
        "two-digit option key",
        "goto in a menu",
        "unknown kind",
        "missing Spanish",
        "third language",
        "capitalised state name",
        "reserved .confirm name",
        "unknown validator",
        "bad variable name",
        "unknown guard",
        "transfer to the IVR",
        "unknown reason",
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    path: tuple[Any, ...], value: Any, validator: jsonschema.Draft202012Validator
) -> None:
    """Faults a schema can see are flagged by the schema too (so editors mark them as they are typed)."""
    assert violations(validator, mutate(path, value)) != []
