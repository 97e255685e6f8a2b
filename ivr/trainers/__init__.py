"""Tools for trainers: rehearse calls (terminal and browser), validate and draw flows, coverage.

Every tool here is a shell over the same engine and `CallService` the Twilio
webhooks use, so a rehearsed call takes exactly the path a phone call takes.
The CLI commands live in `ivr.trainers.commands`.
"""
