"""Words of a known kind the examples never held (ivr/core/gazetteers.py, ivr/core/world_cities.py) mean their kind."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ivr.core import territories, world_cities
from ivr.core.concepts import about_ours, concepts
from ivr.core.understanding import Model
from ivr.core.wording import tokens


def _route(understood_model: Model, said: str) -> str | None:
    understood = understood_model.understand(said)
    return understood.choice if understood.outcome == "route" else understood.outcome


@pytest.mark.parametrize(("language", "said"), [
    ("en", "my aunt has fibromyalgia"), ("en", "i've been on immunotherapy since may"),
    ("es", "mi esposo tiene fibromialgia"), ("es", "estoy en quimioterapia"),
])
def test_a_condition_no_example_names_is_an_illness(language: str, said: str) -> None:
    """Any illness of the gazetteer is `#illness`, as "sick" and "surgery" are: a word never seen in training."""
    assert "#illness" in concepts(said, language)


@pytest.mark.parametrize(("language", "said"), [
    ("en", "i have copd and need a place to rest at my naturalization interview"),
    ("en", "i have fibromyalgia can i get breaks during my biometrics appointment"),
    ("es", "tengo lupus y necesito descansos durante mi entrevista"),
])
def test_a_condition_and_breaks_at_an_appointment_are_a_service_request(
    model: Callable[[str, str], Model], language: str, said: str
) -> None:
    """seeds/001_7dddce98989cf869.txt: "Service Requests may also be submitted through the USCIS Contact Center": an
    accommodation (breaks, rest) at an interview is one (4), not the field office's or biometrics' appointment."""
    assert _route(model("main_menu", language), said) == "4"


@pytest.mark.parametrize(("language", "said"), [
    ("en", "i'm nonverbal is there a way to type to you"),
    ("en", "my speech is slurred since my accident is there a text line instead of talking"),
    ("es", "soy mudo hay una línea para escribir en lugar de hablar"),
])
def test_a_caller_who_cannot_speak_is_sent_to_the_tty_line(
    model: Callable[[str, str], Model], language: str, said: str
) -> None:
    """seeds/001_7dddce98989cf869.txt: "TDD for the deaf or hard of hearing: 1-800-767-1833": a caller who cannot
    speak and would type is on the special lines (5), though a stroke is also a need at an appointment."""
    assert _route(model("main_menu", language), said) == "5"


@pytest.mark.parametrize(("language", "said"), [
    ("en", "calling about the status of my dry cleaning"),
    ("en", "when will my new mattress be delivered"),
    ("es", "llamo para saber si ya está lista mi ropa en la lavandería"),
    ("es", "cuándo me entregan el colchón que compré"),
])
def test_the_status_of_a_purchase_is_not_routed(model: Callable[[str, str], Model], language: str, said: str) -> None:
    """A thing bought elsewhere (`#goods`) is another business's, though "status" or "ready" asks a status."""
    assert _route(model("main_menu", language), said) == "not_understood"


def test_the_keywords_do_not_ask_about_what_the_examples_take_for_another_business(
    model: Callable[[str, str], Model],
) -> None:
    """"check on my order of eyeglasses": the keywords would ask (case status or other agencies); no question is asked
    about an errand the classifier takes for out of scope: it is not understood, and the menu is offered."""
    understood = model("main_menu", "en").understand("i'm calling to check on my order of eyeglasses")
    assert (understood.outcome, understood.by) == ("not_understood", "examples")


@pytest.mark.parametrize(("language", "said", "form"), [
    ("en", "the i nine eighteen supplement a for my daughter", "i918a"),
    ("en", "my i 914 supplement b", "i914b"),
    ("es", "el i nueve catorce suplemento b de mi hijo", "i914b"),
])
def test_a_supplement_joins_its_form_number(language: str, said: str, form: str) -> None:
    """USCIS writes "Form I-918, Supplement A": said in words, it is one form, "i918a", not a form and a
    "supplement a"."""
    said_tokens = tokens(said, language)
    assert form in said_tokens and "supplement" not in said_tokens


@pytest.mark.parametrize(("language", "said"), [
    ("en", "my husband has kidney failure and his work permit has to be expedited so he keeps his insurance"),
    ("es", "el seguro de su trabajo depende de su permiso de trabajo"),
])
def test_a_relatives_card_is_the_callers_own_case(language: str, said: str) -> None:
    """"his work permit", "su permiso": a relative's case is ours, so the insurance it is needed for is no other
    business's errand (`about_ours`)."""
    assert about_ours(said, language)


def test_a_relatives_card_and_an_illness_are_an_expedite(model: Callable[[str, str], Model]) -> None:
    """seeds/001_7dddce98989cf869.txt: "Urgent situations that require accelerated processing should be expedited"
    (4), though the insurance they are needed for is another business's word."""
    said = "my husband has kidney failure and his work permit has to be expedited so he keeps his insurance"
    assert _route(model("main_menu", "en"), said) == "4"


def test_the_world_cities_table_is_what_geonames_gives() -> None:
    """`WORLD_CITIES` equals what `from_geonames()` makes now; regenerate it with
    `python -m ivr.core.territories cities`."""
    assert world_cities.WORLD_CITIES == territories.from_geonames()


@pytest.mark.parametrize(("language", "said"), [
    ("en", "i'm calling from yaounde"), ("en", "hello i'm in douala and i have a question about my case"),
    ("en", "i'm at a hotel in surabaya"), ("es", "le hablo desde yaundé en camerún"), ("es", "estoy en ibadan"),
])
def test_a_city_abroad_no_one_listed_by_hand_is_a_call_from_abroad(
    model: Callable[[str, str], Model], language: str, said: str
) -> None:
    """seeds/001_7dddce98989cf869.txt: "Customers located outside of the United States should contact the overseas
    office": any city abroad of 300,000 people said as where one is (6)."""
    assert _route(model("main_menu", language), said) == "6"


def test_world_cities_named_like_words_or_us_places_are_left_out() -> None:
    """"calling from nice people", "in oral surgery", Springfield, San José: words and U.S. places are not abroad."""
    cities = set(world_cities.WORLD_CITIES)
    assert not cities & {"nice", "oral", "sale", "perm", "van", "san jose", "dublin", "athens", "springfield", "leon"}
    assert "@country" not in tokens("i'm in oral surgery next week", "en")
