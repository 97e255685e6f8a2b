"""Callers outside the United States and overseas jurisdiction (seeds 001_7dddce98989cf869.txt and 003)."""

import pytest

from ivr.rules.directory import load_directory
from ivr.rules.overseas import is_international_caller, jurisdiction


@pytest.fixture(scope="module")
def directory():
    return load_directory()


@pytest.mark.parametrize(
    ("caller", "abroad"),
    [
        pytest.param("+442079460113", True, id="united-kingdom"),
        pytest.param("+525512345678", True, id="mexico"),
        pytest.param("+12025550143", False, id="united-states"),
        pytest.param("+14165550199", False, id="canada-shares-plus-1"),
        pytest.param(None, False, id="withheld"),
        pytest.param("client:trainer", False, id="browser-client"),
        pytest.param("anonymous", False, id="not-e164"),
    ],
)
def test_a_caller_id_outside_the_north_american_plan_is_abroad(caller, abroad):
    """Seed 003: the toll-free line serves customers within the United States; others are told where to go."""
    assert is_international_caller(caller) is abroad


@pytest.mark.parametrize(
    ("country", "office", "addresses"),
    [
        pytest.param("Mexico", "Mexico City Field Office", [], id="mexico-no-mailbox-of-its-own-in-the-seeds"),
        pytest.param("canada", "Mexico City Field Office", ["USCIS.Canada@dhs.gov"], id="canada-through-mexico-city"),
        pytest.param("India", "New Delhi Field Office", [], id="india"),
    ],
)
def test_the_office_with_jurisdiction_and_its_mailboxes(directory, country, office, addresses):
    """Seed 001: Mexico City's jurisdiction includes Canada, which has its own mailbox; no other mailbox is given."""
    found = jurisdiction(country, directory)
    assert found is not None
    assert found.office.name.en == office
    assert [box.address for box in found.mailboxes] == addresses


def test_a_country_without_an_office_in_the_directory_has_no_jurisdiction(directory):
    """The caller is then pointed to the International Immigration Offices page."""
    assert jurisdiction("France", directory) is None
