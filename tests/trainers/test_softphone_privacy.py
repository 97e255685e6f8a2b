"""Softphone transcripts and their downloads hold no identifier in the clear (issue 10.3)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client

ANA = ("WAC2690250102", "04121990")


@pytest.fixture
def private_softphone(make_app, tmp_path) -> Any:
    """The softphone as deployed: transcripts tokenised at rest (the default)."""
    app: Flask = make_app(SOFTPHONE=True, SECRET_KEY="test-secret", KEEP_IDENTIFIERS=False)
    app.instance_path = str(tmp_path / "instance")
    return signed_in_client(app, "trainee", "trainee")


def test_the_transcript_and_its_download_are_tokenised(private_softphone) -> None:
    """A verified case-status call: the JSON transcript and the YAML download show no receipt or birth date."""
    client = private_softphone
    started = client.post("/phone/api/calls", json={"language": "en"}).get_json()
    call_id = started["call_id"]
    for digits in ("1", ANA[0][3:] + "#", "1", ANA[1]):
        assert client.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits}).status_code == 200
    data = client.get(f"/phone/api/calls/{call_id}/transcript").get_data(as_text=True)
    download = client.get(f"/phone/api/calls/{call_id}/transcript?format=yaml").get_data(as_text=True)
    assert "Case Was Received" in data  # the call was verified and heard its status
    for text in (data, download):
        for secret in (ANA[0], ANA[0][3:], "2 6 9, 0 2 5, 0 1 0 2", ANA[1], "1990-04-12"):
            assert secret not in text
