"""A lack ("I don't have a receipt number") needs the caller to say they lack it; naming the thing is the opposite.

Holdout v7 routed "can you pull up my receipt number and tell me if there's been any movement"
to not having a receipt number, sure at 0.98: the classifier learnt "receipt number" from
that intent's phrases, every one of which says the caller lacks it.  A choice whose every
phrase holds a word of lack (`lexicon.LACKING`: "no", "not", "lost", "can't find", "no tengo",
"perdí") is one the words can mean only when they hold one too.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ivr.core.understanding import Model

LACK = [("1", ["case status", "my case"]), ("no_receipt", ["i don't have a receipt number", "i lost my receipt number"])]
TAUGHT = [("no_receipt", "my receipt number"), ("no_receipt", "the receipt number"), ("1", "where is my case")]


def test_a_choice_every_phrase_of_which_says_a_lack_is_a_lack() -> None:
    """The model knows which choices are lacks: here the missing receipt number, not the case status."""
    assert Model.build(LACK, "en", TAUGHT).lacks == frozenset({"no_receipt"})


def test_words_without_a_lack_never_go_to_a_lack_even_when_the_examples_say_so() -> None:
    """Examples that teach "my receipt number" as the lack do not route the receipt number the caller has."""
    understood = Model.build(LACK, "en", TAUGHT).understand("here is my receipt number")
    assert understood.choice != "no_receipt" and "no_receipt" not in dict(understood.alternatives)


def test_words_that_say_the_lack_still_go_there() -> None:
    """"i lost my receipt number" is the lack, as before."""
    understood = Model.build(LACK, "en", TAUGHT).understand("i lost my receipt number")
    assert (understood.outcome, understood.choice) == ("route", "no_receipt")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "can you pull up my receipt number and tell me if there's been any movement"),
        ("en", "i have my receipt number right here what's going on with my case"),
        ("es", "aquí tengo mi número de recibo quiero saber de mi caso"),
        ("es", "le doy mi número de recibo para que me diga cómo va"),
    ],
)
def test_naming_ones_receipt_number_is_not_lacking_it(model: Callable[[str, str], Model], language: str, said: str) -> None:
    """In the shipped menu, a caller who offers their receipt number is not sent to "no receipt number"."""
    understood = model("main_menu", language).understand(said)
    assert understood.choice != "no_receipt_number"


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "i lost my receipt number"),
        ("en", "i forgot my receipt number"),
        ("en", "i don't know my receipt number"),
        ("es", "no sé mi número de recibo"),
        ("es", "se me perdió el recibo"),
        ("es", "no tengo mi número de recibo"),
    ],
)
def test_saying_the_receipt_number_is_missing_still_routes_there(
    model: Callable[[str, str], Model], language: str, said: str
) -> None:
    """The lack said in either language still reaches the receipt-number help."""
    understood = model("main_menu", language).understand(said)
    assert (understood.outcome, understood.choice) == ("route", "no_receipt_number")


def test_no_other_choice_of_the_shipped_menu_is_a_lack(model: Callable[[str, str], Model]) -> None:
    """Only the missing receipt number is a lack: the menu's options name topics, not only what is missing."""
    assert model("main_menu", "en").lacks == model("main_menu", "es").lacks == frozenset({"no_receipt_number"})


def test_a_negation_is_not_joined_with_the_next_word() -> None:
    """"no sé" is not the known word "nos": the negation stays a word of its own."""
    choices = [("1", ["nos dijeron que esperemos"]), ("2", ["no numero de recibo"])]
    words = [word for word, _ in Model.build(choices, "es").words_of("no sé mi número de recibo")]
    assert words[0] == "no" and "nos" not in words
