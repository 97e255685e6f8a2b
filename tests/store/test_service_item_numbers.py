"""Service item numbers: eight digits, from the store's race-free counter, never capped by a busy day.

DOMAIN.md §1.3 (LOW): "Service item/request number is an **8-digit code**"; (MED) Tier 1 gives a "service
item number" used to verify the officer who calls back, so a number must name one call-back for years.
"""

from __future__ import annotations

import datetime as dt
import threading

from hypothesis import given
from hypothesis import strategies as st

from ivr.routing import SERVICE_ITEM_NUMBERS, SERVICE_ITEM_SEQUENCE, request_callback, service_item_number
from ivr.store.sql import SqlStore
from ivr.world import MemoryTransaction

BUSY_DAY = dt.date(2026, 11, 23)
NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def _old_scheme(number: str) -> bool:
    """Whether `number` is one the earlier scheme could have given: year, day of the year 001-366, count 001-999."""
    return len(number) == 8 and 1 <= int(number[2:5]) <= 366 and 1 <= int(number[5:]) <= 999


def test_the_thousandth_call_back_of_a_day_still_gets_eight_digits():
    """DOMAIN.md §1.3 (an 8-digit code): the 1,000th call-back of a busy day is eight digits, like the first."""
    tx = MemoryTransaction()
    numbers = [
        request_callback("tier2", "tier2-callbacks", "+12025550143", NOON, tx.next_sequence(SERVICE_ITEM_SEQUENCE, BUSY_DAY))
        .service_item
        for _ in range(1_001)
    ]
    assert {len(str(number)) for number in numbers} == {8}
    assert len(set(numbers)) == 1_001


def test_the_counter_runs_on_across_days():
    """DOMAIN.md §1.3 (a number verifies the officer): the next day's first call-back does not restart the count."""
    tx = MemoryTransaction()
    first = tx.next_sequence(SERVICE_ITEM_SEQUENCE, BUSY_DAY)
    assert tx.next_sequence(SERVICE_ITEM_SEQUENCE, BUSY_DAY + dt.timedelta(days=1)) == first + 1


@given(st.integers(min_value=1, max_value=SERVICE_ITEM_NUMBERS))
def test_every_number_is_eight_digits_without_a_leading_zero_and_never_an_old_one(sequence):
    """DOMAIN.md §1.3 (an 8-digit code): each of the 54 million numbers is eight digits, starts 1-9, and is none of
    the numbers the earlier scheme gave (its third digit was the hundreds of a day of the year, 0-3)."""
    number = service_item_number(sequence)
    assert len(number) == 8 and number.isdigit() and number[0] != "0"
    assert not _old_scheme(number)


def test_numbers_are_distinct_over_the_whole_range_and_come_round_only_after_it():
    """DOMAIN.md §1.3: consecutive counts give distinct numbers across each block boundary; the first number comes
    again only after all 54 million."""
    edges = [1, 100_000, 100_001, 599_999, 600_000, 600_001, SERVICE_ITEM_NUMBERS - 1, SERVICE_ITEM_NUMBERS]
    numbers = [service_item_number(sequence) for sequence in edges]
    assert len(set(numbers)) == len(edges)
    assert (numbers[0], numbers[-1]) == ("10400000", "99999999")
    assert service_item_number(SERVICE_ITEM_NUMBERS + 1) == numbers[0]


def test_the_service_item_counter_is_race_free_and_undated_in_the_store(store, database_url):
    """DOMAIN.md §1.3: eight threads over two stores, drawing on two days, get 1..200 each once, one count."""
    stores = [store, SqlStore(database_url)]
    drawn: list[int] = []
    lock = threading.Lock()

    def draw(index: int) -> None:
        day = BUSY_DAY + dt.timedelta(days=index % 2)
        for _ in range(25):
            with stores[index % 2].call("CA-items") as tx:
                value = tx.next_sequence(SERVICE_ITEM_SEQUENCE, day)
            with lock:
                drawn.append(value)

    threads = [threading.Thread(target=draw, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stores[1].close()
    assert sorted(drawn) == list(range(1, 201))


def test_only_the_service_item_counter_runs_on_across_days_in_the_store(store):
    """DOMAIN.md §1.3: service items count on across days; other counters (references) still restart daily."""
    with store.call("CA-old") as tx:
        assert tx.next_sequence("service_request", BUSY_DAY) == 1  # a dated counter still restarts daily
        assert tx.next_sequence(SERVICE_ITEM_SEQUENCE, BUSY_DAY) == 1
        assert tx.next_sequence("service_request", BUSY_DAY + dt.timedelta(days=1)) == 1
        assert tx.next_sequence(SERVICE_ITEM_SEQUENCE, BUSY_DAY + dt.timedelta(days=1)) == 2
