"""Receipt numbers written, spoken and keyed (DESIGN.md §3, DOMAIN.md §2.1)."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ivr.rules.receipts import normalize_receipt, prefix, receipt_digits

ENGLISH_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
SPANISH_DIGITS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")

letters = st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3)
digits = st.text(alphabet=string.digits, min_size=10, max_size=10)
receipts = st.builds(lambda l, d: l + d, letters, digits)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("IOE0912345678", id="compact"),
        pytest.param("IOE-09-123-45678", id="dashes"),
        pytest.param("ioe 0912345678", id="lower-case-and-space"),
        pytest.param("I O E 0 9 1 2 3 4 5 6 7 8", id="spaced-characters"),
        pytest.param("IOE0912345678.", id="trailing-period-from-speech-recognition"),
        pytest.param("I O E zero nine one two three four five six seven eight", id="english-digit-words"),
        pytest.param("I O E oh nine one two three four five six seven eight", id="english-oh-for-zero"),
        pytest.param("i o e cero nueve uno dos tres cuatro cinco seis siete ocho", id="spanish-digit-words"),
        pytest.param("eye oh e zero nine one two three four five six seven eight", id="english-letter-names"),
        pytest.param("I O E zero nine 1 2 3 four five 6 7 8", id="words-and-numerals-mixed"),
    ],
)
def test_normalize_receipt_accepts_written_and_spoken_forms(text):
    """DESIGN.md §3: receipts are accepted with any spacing, dashes or case, digits as words too."""
    assert normalize_receipt(text) == "IOE0912345678"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("double u a c 2 6 1 2 3 4 5 6 7 8", "WAC2612345678", id="english-double-u"),
        pytest.param("doble ve a ce 2612345678", "WAC2612345678", id="spanish-doble-ve"),
        pytest.param("ese erre ce 2612345678", "SRC2612345678", id="spanish-letter-names"),
        pytest.param("ele i ene 2612345678", "LIN2612345678", id="spanish-ele-i-ene"),
        pytest.param("why S C 2612345678", "YSC2612345678", id="english-why"),
        pytest.param("i griega ese ce 2612345678", "YSC2612345678", id="spanish-i-griega"),
        pytest.param(
            "W A C two six one double two three four five six seven", "WAC2612234567", id="double-digit"
        ),
        pytest.param("S I M 27 triple oh 5 0 1 0 9", "SIM2700050109", id="triple-oh"),
    ],
)
def test_normalize_receipt_reads_letter_names_and_repeated_digits(text, expected):
    """DOMAIN.md §2.1: callers spell prefixes with letter names in either language and say 'double five'."""
    assert normalize_receipt(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("I oh E 0 9 1 2 3 4 5 6 7 8", "IOE0912345678", id="oh-among-letters-is-the-letter-O"),
        pytest.param("I O E oh oh 1 2 3 4 5 6 7 8", "IOE0012345678", id="oh-among-digits-is-zero"),
        pytest.param("IOE O912345678", "IOE0912345678", id="written-O-among-digits-is-zero"),
    ],
)
def test_oh_is_a_letter_in_the_prefix_and_zero_in_the_digits(text, expected):
    """DOMAIN.md §2.1: three letters then ten digits, so 'oh' can only be O in the prefix and 0 after it."""
    assert normalize_receipt(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("IOE091234567", id="nine-digits"),
        pytest.param("IOE09123456789", id="eleven-digits"),
        pytest.param("IO0912345678", id="two-letters"),
        pytest.param("IOEX0912345678", id="four-letters"),
        pytest.param("0912345678", id="digits-only"),
        pytest.param("IOE09123456A8", id="letter-among-digits"),
        pytest.param("1OE0912345678", id="digit-among-letters"),
        pytest.param("my receipt is IOE0912345678", id="other-words-are-not-skipped"),
        pytest.param("I don't know", id="not-a-number"),
    ],
)
def test_normalize_receipt_refuses_anything_but_three_letters_and_ten_digits(text):
    """DOMAIN.md §2.1: a receipt number is exactly 13 characters, 3 letters and 10 digits."""
    assert normalize_receipt(text) is None


@given(receipt=receipts, data=st.data())
def test_normalize_receipt_recovers_any_receipt_after_random_dashes_spaces_and_case(receipt, data):
    """DOMAIN.md §2.1: dashes, spaces and case never change which receipt was given."""
    separators = data.draw(
        st.lists(st.sampled_from(["", "", " ", "-", "  ", " - "]), min_size=12, max_size=12)
    )
    lowered = data.draw(st.lists(st.booleans(), min_size=13, max_size=13))
    chars = [c.lower() if low else c for c, low in zip(receipt, lowered)]
    text = chars[0] + "".join(sep + c for sep, c in zip(separators, chars[1:]))
    assert normalize_receipt(text) == receipt


@given(receipt=receipts, language=st.sampled_from(["en", "es"]))
def test_normalize_receipt_recovers_any_receipt_spoken_character_by_character(receipt, language):
    """DESIGN.md §3: 'I O E zero nine …' in English, or with Spanish digit words, gives the receipt back."""
    names = ENGLISH_DIGITS if language == "en" else SPANISH_DIGITS
    spoken = " ".join([*receipt[:3], *(names[int(d)] for d in receipt[3:])])
    assert normalize_receipt(spoken) == receipt


@given(letters=letters, digits=st.text(alphabet=string.digits, max_size=15).filter(lambda d: len(d) != 10))
def test_normalize_receipt_refuses_any_other_number_of_digits(letters, digits):
    """DOMAIN.md §2.1: exactly ten digits follow the prefix."""
    assert normalize_receipt(letters + digits) is None


@pytest.mark.parametrize(
    ("keyed", "expected"),
    [
        pytest.param("0912345678#", "0912345678", id="ten-digits-and-hash"),
        pytest.param("0912345678", "0912345678", id="ten-digits-without-hash"),
        pytest.param("091234567#", None, id="nine-digits"),
        pytest.param("09123456789#", None, id="eleven-digits"),
        pytest.param("#", None, id="hash-only"),
        pytest.param("09123*5678#", None, id="star-inside"),
    ],
)
def test_receipt_digits_takes_exactly_ten_keyed_digits(keyed, expected):
    """DESIGN.md §3: keyed receipts are the ten digits followed by '#'."""
    assert receipt_digits(keyed) == expected


@pytest.mark.parametrize(
    ("receipt", "expected"),
    [
        ("WAC2612345678", "WAC"),
        ("ioe-09-123-45678", "IOE"),
        ("S R C zero nine one two three four five six seven eight", "SRC"),
    ],
)
def test_prefix_is_the_three_letters_of_any_accepted_form(receipt, expected):
    """DOMAIN.md §2.1: the first three letters name the office that receipted the case."""
    assert prefix(receipt) == expected


def test_prefix_of_a_non_receipt_raises_value_error():
    """Asking for the prefix of something that is not a receipt is a programming error, not an office lookup."""
    with pytest.raises(ValueError, match="not a receipt number"):
        prefix("12345")
