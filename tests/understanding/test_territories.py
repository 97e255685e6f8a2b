"""The gazetteer of countries (ivr/core/territories.py) is Babel's CLDR territory names, regenerated."""

from __future__ import annotations

from collections.abc import Callable

from ivr.core import territories
from ivr.core.understanding import Model


def test_the_shipped_table_is_what_babel_gives() -> None:
    """`NAMES` equals what `from_babel()` makes now; regenerate with `python -m ivr.core.territories`."""
    assert territories.NAMES == territories.from_babel()


def test_both_languages_name_the_worlds_countries() -> None:
    """Countries callers name, in English and in Spanish, are in the table."""
    assert {"japan", "mexico", "dominican republic", "south korea", "united kingdom", "myanmar", "burma"} <= set(
        territories.NAMES["en"]
    )
    assert {"japon", "mexico", "peru", "espana", "paises bajos", "corea del sur", "reino unido"} <= set(
        territories.NAMES["es"]
    )


def test_the_united_states_and_its_territories_are_not_abroad() -> None:
    """Callers in the United States, Puerto Rico or Guam are not calling from outside the country."""
    for language in ("en", "es"):
        names = set(territories.NAMES[language])
        assert not names & {"united states", "estados unidos", "puerto rico", "guam", "americas", "america"}


def test_variants_of_a_cldr_name() -> None:
    """Parentheses give two names, "St." is also "saint", "&" is "and" or "y", and accents go."""
    assert territories.variants("Myanmar (Burma)", "en") == {"myanmar burma", "myanmar", "burma"}
    assert "saint kitts and nevis" in territories.variants("St. Kitts & Nevis", "en")
    assert territories.variants("Côte d’Ivoire", "es") == {"cote divoire"}


def test_big_cities_abroad_are_where_a_caller_is(model: Callable[[str, str], Model]) -> None:
    """CLDR has no cities: "I'm in London", "llamo desde Londres" are calls from outside the U.S. (option 6)."""
    for language, said in (("en", "i'm in london right now"), ("en", "calling from mumbai"), ("es", "llamo desde Londres"),
                           ("es", "estoy en la ciudad de méxico")):
        understood = model("main_menu", language).understand(said)
        assert (understood.outcome, understood.choice) == ("route", "6"), said


def test_cities_named_like_us_places_are_left_out() -> None:
    """San Juan (Puerto Rico), San José, Panama City, Dublin: U.S. places too, so never taken for abroad."""
    for language in ("en", "es"):
        cities = set(territories.CITIES[language])
        assert not cities & {"san juan", "san jose", "panama city", "dublin", "kingston", "toledo", "athens"}


def test_a_country_of_two_parts_goes_by_either() -> None:
    """"Trinidad & Tobago" is also "Trinidad" and "Tobago"; "St. Kitts & Nevis" "St. Kitts" (v26), but not a Spanish
    word ("antigua", "nieves") nor a U.S. region ("south georgia")."""
    assert {"trinidad", "tobago"} <= territories.variants("Trinidad & Tobago", "en")
    assert {"trinidad", "tobago", "st kitts", "saint kitts", "nevis"} <= set(territories.NAMES["en"])
    assert not {"antigua", "nieves", "principe"} & set(territories.NAMES["es"])
    assert "south georgia" not in territories.NAMES["en"]


def test_calling_from_an_island_nation_by_its_short_name_is_abroad(model: Callable[[str, str], Model]) -> None:
    """Calling from Trinidad, Tobago or St. Kitts on someone's phone is a call from outside the U.S. (option 6; v26)."""
    for language, said in (("en", "i'm calling from tobago on my aunt's phone about my green card"),
                           ("en", "calling from st kitts can you help with my reentry permit"),
                           ("es", "llamo desde trinidad del celular de mi tía por mi residencia")):
        understood = model("main_menu", language).understand(said)
        assert (understood.outcome, understood.choice) == ("route", "6"), said
