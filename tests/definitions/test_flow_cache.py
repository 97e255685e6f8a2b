"""The flow cache `create_app()` starts from (ivr/definitions/flow_cache.py): used only while nothing it was made from changed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ivr.core.flow import Flow
from ivr.core.registry import builtin_registry
from ivr.definitions import flow_cache
from ivr.definitions.flow_cache import CACHE_NAME, cached_flows, cached_scripts
from ivr.definitions.flows import FLOWS_ROOT, load_flows
from ivr.definitions.scripts import SCRIPTS_ROOT, ScriptLibrary, load_scripts
from ivr.errors import DefinitionError


@pytest.fixture
def flows_folder(tmp_path: Path) -> Path:
    """A copy of the shipped flow and its fragments."""
    folder = tmp_path / "flows"
    folder.mkdir()
    shutil.copy(FLOWS_ROOT / "uscis_contact_center.yaml", folder)
    shutil.copytree(FLOWS_ROOT / "uscis_contact_center", folder / "uscis_contact_center")
    return folder


@pytest.fixture
def flow_file(flows_folder: Path) -> Path:
    return flows_folder / "uscis_contact_center.yaml"


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    return tmp_path / "instance"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every time the cache had to load the flows from their files."""
    calls: list[Any] = []

    def counted(*args: Any) -> dict[str, Flow]:
        calls.append(args)
        return load_flows(*args)

    monkeypatch.setattr(flow_cache, "load_flows", counted)
    return calls


def cached(flow_file: Path, instance: Path) -> dict[str, Flow]:
    """The flows a start gets (compiled; their definitions here)."""
    return {flow_id: compiled.flow for flow_id, compiled in cached_flows([flow_file], builtin_registry(), instance).items()}


def test_a_second_start_gets_the_same_flows_from_the_cache(flow_file: Path, instance: Path, loads: list[Any]) -> None:
    """The flows kept by the first start are equal to loading the files, and the second start does not load them."""
    first = cached(flow_file, instance)
    second = cached(flow_file, instance)
    assert len(loads) == 1
    assert second == first == load_flows([flow_file], builtin_registry())
    assert (instance / CACHE_NAME).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("data_file", [
    "GLOSSARY_PATH",  # the loaders hold Spanish prompts to the glossary
    "DIRECTORY_PATH",  # a flow's SMS texts must fit their segments with the directory's longest office name
])
def test_an_edited_data_file_the_checks_read_loads_the_flows_afresh(
    data_file: str, flow_file: Path, instance: Path, loads: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flows are checked against the glossary and the contact directory: once either changes, a start checks
    the flows against it again."""
    edited = tmp_path / "data.yaml"
    shutil.copy(getattr(flow_cache, data_file), edited)
    monkeypatch.setattr(flow_cache, data_file, edited)
    cached(flow_file, instance)
    edited.write_text(edited.read_text(encoding="utf-8") + "# an edit\n", encoding="utf-8")
    cached(flow_file, instance)
    assert len(loads) == 2


def test_a_flow_compiled_from_the_cache_says_and_listens_as_one_compiled_afresh(
    flow_file: Path, instance: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept compiled states give every state the same prompts, hints and understanding as compiling anew."""
    from ivr.core.machine import compile_flow

    cached(flow_file, instance)
    monkeypatch.setattr(flow_cache, "compile_parts", lambda *args: pytest.fail("compiled again"))
    kept = cached_flows([flow_file], builtin_registry(), instance)["uscis_contact_center"]
    fresh = compile_flow(kept.flow, builtin_registry())
    assert kept.states.keys() == fresh.states.keys()
    for name, state in fresh.states.items():
        again = kept.states[name]
        assert (again.prompt, again.reprompt, again.hints, again.parts) == (state.prompt, state.reprompt, state.hints, state.parts)
        for language, model in state.understanding.items():
            for said in ("representative", "check my case status", "uno", "hablar con alguien"):
                assert again.understanding[language].understand(said, 0.9) == model.understand(said, 0.9), (name, said)
    assert kept.machine.events.keys() == fresh.machine.events.keys()


def test_an_edited_flow_file_is_loaded_again(flow_file: Path, instance: Path, loads: list[Any]) -> None:
    """A change to the flow file itself means the files are read again, and the change is in the flows."""
    cached(flow_file, instance)
    flow_file.write_text(flow_file.read_text() + "\n# an edit\n")
    again = cached(flow_file, instance)
    assert len(loads) == 2
    assert again["uscis_contact_center"].content_hash == load_flows([flow_file], builtin_registry())["uscis_contact_center"].content_hash


def test_an_edited_fragment_is_loaded_again(flows_folder: Path, flow_file: Path, instance: Path, loads: list[Any]) -> None:
    """A change to a file the flow includes (not the flow file) is seen too."""
    before = cached(flow_file, instance)["uscis_contact_center"].content_hash
    fragment = sorted((flows_folder / "uscis_contact_center").glob("*.yaml"))[0]
    fragment.write_text(fragment.read_text() + "\n# an edit\n")
    after = cached(flow_file, instance)["uscis_contact_center"].content_hash
    assert len(loads) == 2
    assert after != before


def test_an_edited_training_examples_file_is_loaded_again(flows_folder: Path, flow_file: Path, instance: Path, loads: list[Any]) -> None:
    """The flow's training examples (`examples:`) are a file read too: a new example is in the flows at the next start."""
    cached(flow_file, instance)
    examples = flows_folder / "uscis_contact_center" / "examples.yaml"
    examples.write_text(examples.read_text() + '  - state: main_menu\n    language: en\n    expect:\n      "9": [a new example]\n')
    again = cached(flow_file, instance)["uscis_contact_center"]
    assert len(loads) == 2
    assert ("9", "a new example") in again.examples["main_menu"]["en"]


def test_a_cache_others_could_write_is_never_loaded(flow_file: Path, instance: Path, loads: list[Any]) -> None:
    """A cache file writable by the group or others is ignored (and replaced), never unpickled."""
    cached(flow_file, instance)
    (instance / CACHE_NAME).chmod(0o666)
    cached(flow_file, instance)
    assert len(loads) == 2
    assert (instance / CACHE_NAME).stat().st_mode & 0o777 == 0o600


def test_an_unreadable_cache_means_loading_the_files(flow_file: Path, instance: Path, loads: list[Any]) -> None:
    """A damaged cache file is not an error: the flows are loaded from their files and kept afresh."""
    cached(flow_file, instance)
    (instance / CACHE_NAME).write_bytes(b"not a pickle")
    assert cached(flow_file, instance) == load_flows([flow_file], builtin_registry())
    assert len(loads) == 2


def test_a_broken_flow_is_reported_even_after_a_good_start(flow_file: Path, instance: Path) -> None:
    """Breaking a flow that was cached gives its problems, never the kept good flow."""
    from ivr.errors import DefinitionError

    cached(flow_file, instance)
    flow_file.write_text(flow_file.read_text().replace("start:", "start: no_such_state\nstart_was:", 1))
    with pytest.raises(DefinitionError):
        cached(flow_file, instance)


# --- the published Tier 1 scripts, kept beside the flows -----------------------------------------


@pytest.fixture
def scripts_folder(tmp_path: Path) -> Path:
    """A copy of the shipped scripts folder (its lock and every version)."""
    folder = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_ROOT, folder)
    return folder


@pytest.fixture
def script_loads(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every time the cache had to load the scripts from their files."""
    calls: list[Any] = []

    def counted(*args: Any, **kwargs: Any) -> ScriptLibrary:
        calls.append(args)
        return load_scripts(*args, **kwargs)

    monkeypatch.setattr(flow_cache, "load_scripts", counted)
    return calls


def test_a_second_start_gets_the_same_scripts_from_the_cache(scripts_folder: Path, instance: Path, script_loads: list[Any]) -> None:
    """The scripts kept by the first start equal loading the files, and the second start does not load them."""
    first = cached_scripts(scripts_folder, False, instance)
    second = cached_scripts(scripts_folder, False, instance)
    assert len(script_loads) == 1 and first == second == load_scripts(scripts_folder)


def test_an_edited_script_version_is_loaded_again(scripts_folder: Path, instance: Path, script_loads: list[Any]) -> None:
    """A changed version file (here made unreadable as YAML) is read again, and its problem reported as always."""
    cached_scripts(scripts_folder, False, instance)
    version = next(scripts_folder.glob("case-status/v*.yaml"))
    version.write_text(version.read_text() + "\n  broken: [\n")
    with pytest.raises(DefinitionError):
        cached_scripts(scripts_folder, False, instance)
    assert len(script_loads) == 2


def test_an_edited_glossary_loads_the_scripts_afresh(
    scripts_folder: Path, instance: Path, script_loads: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each script's newest version is held to the glossary: once it changes, a start checks the scripts again."""
    glossary = tmp_path / "glossary.yaml"
    shutil.copy(flow_cache.GLOSSARY_PATH, glossary)
    monkeypatch.setattr(flow_cache, "GLOSSARY_PATH", glossary)
    cached_scripts(scripts_folder, False, instance)
    glossary.write_text(glossary.read_text(encoding="utf-8") + "# a new term to avoid\n", encoding="utf-8")
    cached_scripts(scripts_folder, False, instance)
    assert len(script_loads) == 2


def test_a_version_added_to_the_folder_is_loaded_again(scripts_folder: Path, instance: Path, script_loads: list[Any]) -> None:
    """A file that was not there when the cache was kept (a new draft) changes the key: the scripts are read again."""
    cached_scripts(scripts_folder, True, instance)
    shutil.copy(next(scripts_folder.glob("case-status/v*.yaml")), scripts_folder / "case-status" / "v99.yaml")
    try:
        cached_scripts(scripts_folder, True, instance)
    except DefinitionError:
        pass  # a copied version may be refused (same id and version): what matters is that it was read
    assert len(script_loads) == 2


def test_drafts_and_published_only_are_kept_apart(scripts_folder: Path, instance: Path, script_loads: list[Any]) -> None:
    """A start with drafts never gets the library of a start without them, nor the other way round."""
    cached_scripts(scripts_folder, False, instance)
    cached_scripts(scripts_folder, True, instance)
    assert len(script_loads) == 2


def test_a_check_with_drafts_does_not_push_out_the_library_a_start_keeps(
    scripts_folder: Path, instance: Path, script_loads: list[Any]
) -> None:
    """`ivr validate` checks the library with its drafts; the app's next start still finds its own (published) one kept."""
    cached_scripts(scripts_folder, False, instance)
    cached_scripts(scripts_folder, True, instance)
    cached_scripts(scripts_folder, False, instance)
    cached_scripts(scripts_folder, True, instance)
    assert len(script_loads) == 2


def test_a_start_from_another_working_folder_reuses_the_kept_flows(
    flow_file: Path, instance: Path, loads: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is keyed by the files and the program, not the folder a start runs from (`ivr replay` from a
    new folder each time); the flow's path is shown relative to the folder of the start that reads it."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    first = cached(flow_file, instance)["uscis_contact_center"]
    monkeypatch.chdir(tmp_path)
    second = cached(flow_file, instance)["uscis_contact_center"]
    assert len(loads) == 1
    assert first.path == str(flow_file)  # outside the working folder: shown whole
    assert second == load_flows([flow_file], builtin_registry())["uscis_contact_center"]
    assert second.path == "flows/uscis_contact_center.yaml"


def test_the_same_relative_path_from_another_folder_is_another_file(
    flows_folder: Path, instance: Path, loads: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flow asked for by a relative path is the file it names from the working folder: the same words from
    another folder with an edited copy load that copy."""
    other = tmp_path / "other"
    shutil.copytree(flows_folder, other / "flows")
    edited = other / "flows" / "uscis_contact_center.yaml"
    edited.write_text(edited.read_text() + "\n# an edit\n")
    monkeypatch.chdir(tmp_path)
    cached(Path("flows/uscis_contact_center.yaml"), instance)
    monkeypatch.chdir(other)
    again = cached(Path("flows/uscis_contact_center.yaml"), instance)["uscis_contact_center"]
    assert len(loads) == 2
    assert again.content_hash == load_flows([edited], builtin_registry())["uscis_contact_center"].content_hash
