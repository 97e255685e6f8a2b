"""The gazetteer of countries (ivr/core/territories.py) is Babel's CLDR territory names, regenerated."""

from __future__ import annotations

from ivr.core import territories


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
