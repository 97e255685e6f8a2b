"""The trainer's dashboard (`/trainer`): each trainee's rehearsals, checklists, transcripts, assignments.

For trainers and administrators.  Everything is read from the trainer room's
records (`ivr.web.rehearsals`) and the call store's transcripts, and shown in
plain words in the trainer's language (`ivr.trainers.labels`).  A trainer can
give a trainee a checklist subset ("biometrics week"), reset a trainee's
world, open or download any rehearsal's transcript, and export every
rehearsal as CSV.
"""

from __future__ import annotations

import csv
import io
from typing import Any, cast

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as BaseResponse
from wtforms import HiddenField
from wtforms.validators import DataRequired

from ivr.app import Runtime
from ivr.core.flow import Flow
from ivr.core.registry import CASE_UPDATED, SERVICE_REQUEST_CREATED
from ivr.qa import transcript as transcripts
from ivr.trainers.coverage import branches
from ivr.trainers.labels import Labels, labels_for
from ivr.web.accounts import Accounts
from ivr.web.auth import signed_in_user
from ivr.web.call_access import call_route, rehearsal_reader, standing
from ivr.web.checklists import checklist, class_checklist
from ivr.web.rehearsals import Rehearsal, RehearsalBook
from ivr.web.revealing import deep, revealer
from ivr.web.timeline import duration_words, effect_words, local_time, summary_rows, timeline

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/trainer/static")
ROLES = ("trainer", "admin")
WORLD_CHANGES = (CASE_UPDATED, SERVICE_REQUEST_CREATED)  # the effects a world keeps: case data changed, requests filed
CSV_COLUMNS = ("trainee", "started", "minutes", "flow", "simulated_start", "case", "path", "tiers_reached",
               "service_requests", "scripts_heard", "branches", "call_sid", "console_score")


def _runtime() -> Runtime:
    return cast(Runtime, current_app.extensions["ivr"])


def _book() -> RehearsalBook:
    return cast(RehearsalBook, current_app.extensions["rehearsals"])


def _flow(flow_id: str | None = None) -> Flow:
    engine = _runtime().engine
    return engine.flow(flow_id if flow_id in engine.flows else None).flow


def _labels(flow: Flow) -> Labels:
    user = signed_in_user()
    return labels_for(flow, user.language if user else "en")


def _trainees() -> list[str]:
    """Every trainee account, and anyone else who has rehearsed (a trainer trying the softphone)."""
    accounts = cast(Accounts, current_app.extensions["accounts"])
    names = [user.username for user in accounts.list("trainee")]
    names += [r.trainee for r in _book().list(limit=2000) if r.trainee not in names]
    return sorted(dict.fromkeys(names))


@bp.get("/trainer")
def index() -> str:
    """Every trainee at a glance, and the class's checklist."""
    flow = _flow()
    labels = _labels(flow)
    book = _book()
    rows: list[dict[str, Any]] = []
    names = _trainees()
    for name in names:
        mine = checklist(book, flow, labels, name)
        theirs = book.list(name)
        rows.append({"name": name, "checklist": mine, "last": theirs[0] if theirs else None,
                     "under_way": sum(1 for r in theirs if not r.ended), "console": _console_score(name)})
    return render_template("dashboard/index.html", flow=flow, rows=rows, local_time=local_time,
                           everyone=class_checklist(book, flow, labels, names))


@bp.get("/trainer/trainees/<trainee>")
def trainee(trainee: str) -> str:
    """One trainee: rehearsals in plain words, checklist, assignment, reset."""
    flow = _flow()
    labels = _labels(flow)
    book = _book()
    if trainee not in _trainees():
        abort(404)
    rehearsals = [_row(r, labels) for r in book.list(trainee)]
    return render_template("dashboard/trainee.html", flow=flow, trainee=trainee, rehearsals=rehearsals,
                           checklist=checklist(book, flow, labels, trainee), world=book.world(trainee))


@bp.post("/trainer/trainees/<trainee>/assign")
def assign(trainee: str) -> BaseResponse:
    """Give the trainee a checklist subset (the branches ticked, under a name such as "biometrics week")."""
    flow = _flow()
    known = {item.branch.id for item in checklist(_book(), flow, _labels(flow), trainee).items}
    chosen = [branch for branch in request.form.getlist("branch") if branch in known]
    if not chosen:
        flash("Tick at least one branch to assign.", "error")
    else:
        user = signed_in_user()
        assert user is not None
        done = _book().assign(trainee, flow.id, request.form.get("name", ""), chosen, user.username)
        flash(f"Assigned “{done.name}” ({len(done.branches)} branches) to {trainee}.", "info")
    return redirect(url_for("dashboard.trainee", trainee=trainee))


@bp.post("/trainer/trainees/<trainee>/unassign")
def unassign(trainee: str) -> BaseResponse:
    _book().unassign(trainee, _flow().id)
    flash(f"{trainee} has no assignment now.", "info")
    return redirect(url_for("dashboard.trainee", trainee=trainee))


class ResetWorldForm(FlaskForm):  # type: ignore[misc]
    """The confirmation of a world's reset: its CSRF token, and the trainee the page named."""

    trainee = HiddenField(validators=[DataRequired()])


@bp.route("/trainer/trainees/<trainee>/reset", methods=["GET", "POST"])
def reset(trainee: str) -> str | BaseResponse:
    """Give the trainee a fresh world, once confirmed: a page says what will be lost, its form resets.

    A POST that is not the confirmation page's form (an old form, a forged request) resets
    nothing: it gets the confirmation page.  No JavaScript is needed."""
    if trainee not in _trainees():
        abort(404)
    form = ResetWorldForm()
    if form.validate_on_submit() and form.trainee.data == trainee:
        user = signed_in_user()
        assert user is not None
        _book().reset_world(trainee, user.username)
        flash(f"{trainee}'s world is reset: the next rehearsal starts from the training case data.", "info")
        return redirect(url_for("dashboard.trainee", trainee=trainee), 303)
    form.trainee.data = trainee
    return render_template("dashboard/reset.html", trainee=trainee, form=form, **_world_changes(trainee))


def _world_changes(trainee: str) -> dict[str, Any]:
    """What a reset of the trainee's world loses: the changes their rehearsals in it made, in words."""
    book = _book()
    world = book.world(trainee)
    labels = _labels(_flow())
    changes: list[str] = []
    rehearsals = [found for found in book.list(trainee) if found.world == world]
    for found in rehearsals:
        reveal = revealer().of_case(found.case_receipt)
        changes += [effect_words(deep(effect, reveal), labels) for effect in (found.summary or {}).get("effects") or ()
                    if effect.get("kind") in WORLD_CHANGES]
    return {"changes": list(dict.fromkeys(changes)), "rehearsals": len(rehearsals),
            "under_way": sum(1 for found in rehearsals if not found.ended)}


@bp.get("/trainer/rehearsals/<call_sid>")
@call_route(rehearsal_reader)
def rehearsal(call_sid: str) -> str:
    """One rehearsal's transcript as a timeline in plain words."""
    found = standing().rehearsal
    assert found is not None
    stored = _runtime().store.transcript(call_sid)
    reveal = revealer().of_case(found.case_receipt)  # the case rehearsed, as the trainee keyed it
    recorded = transcripts.from_entries([deep(entry, reveal) for entry in stored])
    labels = _labels(_flow(found.flow_id))
    moments = timeline(recorded[-1], labels, _runtime().engine.services.scripts) if recorded else []
    return render_template("dashboard/rehearsal.html", rehearsal=_row(found, labels), moments=moments,
                           download=url_for("dashboard.download", call_sid=call_sid))


@bp.get("/trainer/rehearsals/<call_sid>.yaml")
@call_route(rehearsal_reader)
def download(call_sid: str) -> Response:
    """The rehearsal's replayable transcript file (as stored: tokenised)."""
    recorded = transcripts.from_entries(_runtime().store.transcript(call_sid))
    if not recorded:
        abort(404)
    return Response(transcripts.dumps(recorded[-1]), mimetype="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{transcripts.file_name(recorded[-1])}"'})


@bp.get("/trainer/rehearsals.csv")
def export() -> Response:
    """Every rehearsal, one row each, in plain words (for a spreadsheet)."""
    flow = _flow()
    labels = _labels(flow)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    scores: dict[str, str] = {}
    for found in _book().list(limit=100_000):
        row = _row(found, labels)
        if found.trainee not in scores:
            scores[found.trainee] = _console_score(found.trainee)
        summary = dict(row["summary"])
        writer.writerow([
            found.trainee, found.real_start.isoformat(timespec="seconds"),
            f"{found.seconds / 60:.1f}" if found.seconds is not None else "",
            found.flow_id, found.simulated_start.isoformat(), found.case_receipt or "",
            summary.get("Path", ""), summary.get("Tiers reached", ""), summary.get("Service requests", ""),
            summary.get("Scripts heard", ""), "; ".join(row["branches"]), found.call_sid, scores[found.trainee],
        ])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="rehearsals.csv"'})


def _console_score(trainee: str) -> str:
    """The trainee's agent-console results (issue 14: score cards on the dashboard and in its CSV), or ''."""
    console = current_app.extensions.get("console")
    return console.records.summary(trainee).csv_value() if console is not None else ""


def _row(found: Rehearsal, labels: Labels) -> dict[str, Any]:
    """A rehearsal for the pages: when, how long, and its summary in plain words."""
    flow = _flow(found.flow_id)
    reveal = revealer().of_case(found.case_receipt)  # stored tokenised: shown as rehearsed
    names = {b.id: b.label for b in branches(flow, labels.language)}
    return {
        "call_sid": found.call_sid,
        "trainee": found.trainee,
        "when": local_time(found.real_start),
        "simulated": found.simulated_start.strftime("%a %Y-%m-%d %H:%M %Z").strip(),
        "how_long": duration_words(found.seconds),
        "case": found.case_receipt or "",
        "summary": summary_rows(deep(found.summary, reveal), labels, _runtime().engine.services.scripts) if found.summary else [],
        "branches": [names.get(b, b) for b in found.branches],
        "ended": found.ended,
    }
