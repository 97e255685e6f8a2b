"""Confirmation numbers in whole calls: a biometrics reschedule and a Tier 2 booking draw one count.

Seed 000_183b307099edfec1.txt (a rescheduled biometrics appointment is confirmed) and DOMAIN.md §4 (field
office appointments "may only be scheduled by Tier 2"): both kinds are confirmed from the store's one
race-free `confirmation` count, so no booking of either kind can share a number with another.
"""

from __future__ import annotations

from ivr.rules.biometrics import confirmation_number

RAFAEL = ("EAC2690150101", "02281987")  # biometrics Dec 8 9:00 Eastern, never rescheduled
DMITRI = ("IOE0990750107", "05221958")  # field office appointment Dec 3, Washington Field Office


def test_a_biometrics_reschedule_and_a_field_office_booking_get_consecutive_counts(dial):
    """Seed 000 and DOMAIN.md §4: the first booking of the line is count 1, the next (of the other kind) count 2,
    and each caller hears the number of their own count, digit by digit."""
    first = dial()
    first.press("2")
    first.verify(RAFAEL)
    first.press("1")  # reschedule
    first.press("1")  # the first time offered
    booked = first.press("1")  # book it
    [rescheduled] = first.effects("biometrics_rescheduled")
    assert rescheduled["confirmation"] == confirmation_number(1)
    assert "9 4 7, 5 2 7, 1 3 5 2" in booked.text

    second = first.again()
    second.press("0")
    second.to_tier2()
    second.verify(DMITRI)
    second.press("2")  # a field office appointment
    second.press("1")  # the first time offered
    [update] = second.effects("case_updated")
    assert update["confirmation"] == confirmation_number(2) != rescheduled["confirmation"]
