"""Confirmation numbers: ten digits, one per booking for good, the same again when a call is replayed.

Seed 000_183b307099edfec1.txt: a rescheduled biometrics appointment is confirmed to the caller; DOMAIN.md §4:
field office appointments "may only be scheduled by Tier 2".  At ~50,000 calls a day (DOMAIN.md §1.5) the
earlier number (a 10-digit hash of kind, day, time and the day's count) repeated itself within a day about
one time in eight; these numbers come from one count that never restarts, through a permutation.
"""

from __future__ import annotations

import datetime as dt
import inspect

from hypothesis import given
from hypothesis import strategies as st

from ivr.rules.biometrics import CONFIRMATION_NUMBERS, CONFIRMATION_SEQUENCE, confirmation_number
from ivr.world import MemoryTransaction

DAY = dt.date(2026, 11, 23)
counts = st.integers(min_value=1, max_value=CONFIRMATION_NUMBERS)


@given(counts)
def test_a_confirmation_number_is_ten_digits_not_starting_with_zero(sequence):
    """DESIGN.md §3: the flow reads it back digit by digit, so it is ten digits; none starts with 0."""
    number = confirmation_number(sequence)
    assert len(number) == 10 and number.isdigit() and number[0] != "0"


@given(counts, counts)
def test_two_bookings_never_share_a_confirmation_number(first, second):
    """Seed 000 (a confirmed reschedule): different counts give different numbers, over the whole range."""
    assert (confirmation_number(first) == confirmation_number(second)) == (first == second)


def test_a_busy_years_bookings_get_distinct_numbers():
    """DOMAIN.md §1.5 (~50,000 calls a day): 200,000 consecutive bookings (four such days) all differ."""
    numbers = {confirmation_number(sequence) for sequence in range(1, 200_001)}
    assert len(numbers) == 200_000


def test_consecutive_bookings_do_not_get_consecutive_looking_numbers():
    """A number tells a caller nothing about how many others booked: consecutive counts are not in step."""
    numbers = [int(confirmation_number(sequence)) for sequence in range(1, 102)]
    steps = {later - earlier for earlier, later in zip(numbers, numbers[1:])}
    assert len(steps) == 100 and any(step < 0 for step in steps)


def test_the_same_count_gives_the_same_number():
    """A replayed call is handed the counts its recording drew, so it reads out the number the caller heard."""
    assert confirmation_number(41) == confirmation_number(41)


def test_the_number_comes_round_only_after_every_number_was_given():
    """Seed 000: the count n and the count n + 9 billion are the only ones that share a number."""
    assert confirmation_number(CONFIRMATION_NUMBERS + 7) == confirmation_number(7)


def test_a_confirmation_number_says_nothing_about_the_case_or_the_appointment():
    """Issue 10.3: not derived from the receipt (tokenised transcripts replay to the same number), nor the time."""
    assert list(inspect.signature(confirmation_number).parameters) == ["sequence"]


def test_the_confirmation_count_runs_on_across_days():
    """Seed 000: tomorrow's first booking does not restart the count, so it cannot repeat today's number."""
    tx = MemoryTransaction()
    first = tx.next_sequence(CONFIRMATION_SEQUENCE, DAY)
    assert tx.next_sequence(CONFIRMATION_SEQUENCE, DAY + dt.timedelta(days=1)) == first + 1

