"""The confirmation counter in the store: race-free (an atomic upsert) and never restarted.

Seed 000_183b307099edfec1.txt: a rescheduled appointment is confirmed with a number; a day's count restarting
would give tomorrow's bookings today's counts (`ivr.rules.biometrics.confirmation_number`).
"""

from __future__ import annotations

import datetime as dt

from ivr.rules.biometrics import CONFIRMATION_SEQUENCE

DAY = dt.date(2026, 11, 23)


def test_the_confirmation_counter_is_undated_in_the_store(store):
    """Seed 000: the store's race-free counter runs on across days for confirmations (SQLite and PostgreSQL)."""
    with store.call("CA-confirmations") as tx:
        assert tx.next_sequence(CONFIRMATION_SEQUENCE, DAY) == 1
        assert tx.next_sequence(CONFIRMATION_SEQUENCE, DAY + dt.timedelta(days=1)) == 2
