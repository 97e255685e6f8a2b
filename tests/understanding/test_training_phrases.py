"""Training phrases and global intents are flow data, checked at load with `file:line: where: what`."""

from __future__ import annotations

import pytest

from ivr.core.machine import compile_flow
from ivr.core.registry import Registry
from ivr.definitions.flows import INTENT_KEYS, load_flow_text
from ivr.definitions.schema import flow_schema
from ivr.errors import DefinitionError

FILE = "flows/phrases.yaml"

FLOW = """\
version: 1
id: phrases
start: main
keys:
  representative: {key: "0", phrases: {en: [representative], es: [representante]}}
  repeat: {key: "*"}
  previous: {key: "#"}
intents:
  hours:
    topic: {en: our hours, es: nuestro horario}
    phrases: {en: [what time do you close], es: [a que hora cierran]}
    goto: {ivr: hours}
messages:
  no_input: {en: "I didn't hear anything.", es: "No escuché nada."}
  no_match: {en: "I didn't get that.", es: "No le entendí."}
  global_keys: {en: "Press 0.", es: "Oprima 0."}
  confirm: {en: "I heard {value}.", es: "Escuché {value}."}
  apology: {en: "Sorry.", es: "Lo sentimos."}
escalation:
  representative: goodbye
  max_attempts: goodbye
states:
  main:
    kind: menu
    prompt: {en: "Main menu.", es: "Menú principal."}
    options:
      "1":
        topic: {en: your case, es: su caso}
        phrases: {en: [case status, where is my application], es: [estado de mi caso]}
        goto: goodbye
      "8":
        topic: {en: our hours, es: nuestro horario}
        phrases: {en: [hours], es: [horario]}
        goto: hours
      "9":
        topic: {en: ending this call, es: terminar esta llamada}
        phrases: {en: [goodbye], es: [adios]}
        goto: goodbye
  hours:
    kind: message
    prompt: {en: "We are open all day.", es: "Abrimos todo el día."}
    goto: main
  goodbye:
    kind: hangup
    prompt: {en: "Goodbye.", es: "Adiós."}
"""


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry()


def edited(old: str, new: str) -> str:
    assert FLOW.count(old) == 1, old
    return FLOW.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    return next(number for number, content in enumerate(text.splitlines(), 1) if snippet in content)


def errors(text: str, registry: Registry) -> list[str]:
    with pytest.raises(DefinitionError) as raised:
        load_flow_text(text, FILE, registry)
    return str(raised.value).splitlines()


def test_options_and_intents_carry_their_phrases_per_language(registry: Registry) -> None:
    """The loader keeps each option's and intent's example utterances, lower-cased, per language."""
    flow = load_flow_text(FLOW, FILE, registry)
    assert flow.state("main").option("1").phrases["en"] == ("case status", "where is my application")  # type: ignore[union-attr]
    hours = flow.intents["hours"]
    assert (hours.phrases["es"], hours.goto, hours.topic.en) == (("a que hora cierran",), {"ivr": "hours"}, "our hours")


def test_a_phrase_naming_two_options_of_a_menu_is_an_error(registry: Registry) -> None:
    """The same words under two options would make the menu ask forever: refused with file and line."""
    text = edited("phrases: {en: [goodbye], es: [adios]}", "phrases: {en: [goodbye, status of my case], es: [adios]}")
    assert errors(text, registry) == [
        f"{FILE}:{line_of(text, 'status of my case')}: states.main.options['9'].phrases.en: "
        "phrase 'status of my case' also names option '1' (a phrase must name one option)"
    ]


def test_a_phrase_without_words_is_an_error(registry: Registry) -> None:
    """A phrase of punctuation only can never be said."""
    text = edited("phrases: {en: [hours], es: [horario]}", 'phrases: {en: [hours, "?!"], es: [horario]}')
    assert errors(text, registry) == [f"{FILE}:{line_of(text, '?!')}: states.main.options['8'].phrases.en[1]: phrase '?!' has no words"]


def test_an_intent_leading_to_an_unknown_state_is_an_error(registry: Registry) -> None:
    """An intent's goto is checked like any target."""
    text = edited("goto: {ivr: hours}", "goto: {ivr: hourz}")
    [error] = errors(text, registry)
    assert error.startswith(f"{FILE}:{line_of(text, 'hourz')}: intents.hours.goto.ivr: unknown target 'hourz' (known: hours")


def test_an_intent_names_tiers_only(registry: Registry) -> None:
    """`goto` maps tiers; any other key is an error listing the tiers."""
    text = edited("goto: {ivr: hours}", "goto: {ivr: hours, tier3: hours}")
    assert errors(text, registry) == [
        f"{FILE}:{line_of(text, 'tier3')}: intents.hours.goto.tier3: unknown key 'tier3' (allowed: ivr, tier1, tier2, supervisor)"
    ]


def test_an_intent_may_not_take_a_global_keys_name(registry: Registry) -> None:
    """'repeat' is a global key's purpose, not an intent."""
    text = edited("  hours:\n    topic", "  repeat:\n    topic")
    [error] = errors(text, registry)
    assert error.startswith(f"{FILE}:{text.splitlines().index('  repeat:') + 1}: intents.repeat: 'repeat' is not an intent name")


def test_an_intent_needs_its_topic_phrases_and_goto(registry: Registry) -> None:
    """All three keys of an intent are required."""
    text = edited("    topic: {en: our hours, es: nuestro horario}\n    phrases: {en: [what time", "    phrases: {en: [what time")
    [error] = errors(text, registry)
    assert "intents.hours: missing required key 'topic'" in error


def test_an_intent_leading_where_an_option_leads_is_that_option_in_the_menu(registry: Registry) -> None:
    """In the main menu the hours intent is option 8: its phrases route there, with no tie to ask about."""
    model = compile_flow(load_flow_text(FLOW, FILE, registry), registry).states["main"].understanding["en"]
    understood = model.understand("what time do you close")
    assert "hours" not in model.names and (understood.outcome, understood.choice) == ("route", "8")


def test_an_intent_is_offered_in_the_waiting_states_of_its_tiers_only(registry: Registry) -> None:
    """An intent's trigger leaves every waiting state of a tier it names, and no other."""
    compiled = compile_flow(load_flow_text(FLOW, FILE, registry), registry)
    assert compiled.machine.events["intent_hours"].transitions.keys() == {"main"}


def test_the_schema_describes_intents_from_the_loaders_keys() -> None:
    """flows/schema.json's intent has exactly the loader's keys, all required."""
    intent = flow_schema(Registry())["$defs"]["intent"]
    assert tuple(intent["properties"]) == INTENT_KEYS and tuple(intent["required"]) == INTENT_KEYS


SELF_SERVICE_MENUS = [
    "biometrics.menu", "field_office.menu", "service_requests.menu", "service_requests.types",
    "special_lines.menu", "other_agencies.menu",
]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_main_menu_options_carry_many_phrases_in_each_language(uscis, language: str) -> None:
    """Every main-menu option a caller names in their own words has at least 8 example utterances per language."""
    options = uscis.flow.states["main_menu"].options
    assert {option.key: len(option.phrases[language]) >= 8 for option in options} == {option.key: True for option in options}


@pytest.mark.parametrize("state", SELF_SERVICE_MENUS)
def test_the_self_service_menus_carry_phrases_in_both_languages(uscis, state: str) -> None:
    """Each option of a self-service branch menu (but the way back to the main menu) has phrases in English and Spanish."""
    short = [
        (option.key, language)
        for option in uscis.flow.states[state].options
        if option.goto != "main_menu"
        for language in ("en", "es")
        if len(option.phrases[language]) < 2
    ]
    assert short == []
