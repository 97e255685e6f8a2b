"""Phone lines, mailboxes and overseas offices the IVR gives callers, read from the directory.

Seed 001_7dddce98989cf869.txt: the TDD line, the Military Help Line (weekdays
8 a.m. to 4:30 p.m. Central, except federal holidays; after hours, an e-mail
address), the Premium Processing and Hague Adoptions lines; inquiries for
other agencies are redirected with their contact information; callers
outside the United States contact the overseas office with jurisdiction
(seeds 001 and 003).  Seeds 002 and 004: ICE check-ins and the ICE
technical-support line and hours.

Every number, address and schedule comes from `ivr/data/directory.yaml`
through computed prompt variables, read digit by digit (DESIGN.md §3):
`{line_<key>}` for each line of the directory (`{line_military}`,
`{line_ice_vesl}` …), `{military_line_hours}`, `{military_line_email}`,
`{ice_vesl_hours}`.

Session variables this module sets (action `overseas_office`):
  overseas_country, overseas_office, overseas_emails
"""

from __future__ import annotations

from collections.abc import Callable

from ivr.core.registry import REGISTRY, Context, Outcome, Variable
from ivr.rules import hours
from ivr.rules.directory import REQUIRED_LINES
from ivr.rules.overseas import jurisdiction
from ivr.behaviours.service_requests import OVERSEAS_PAGE
from ivr.rules.phrasing import read_phone, say_email

_COUNTRIES: dict[str, dict[str, str]] = {
    "Mexico": {"en": "Mexico", "es": "México"},
    "Canada": {"en": "Canada", "es": "Canadá"},
    "Guatemala": {"en": "Guatemala", "es": "Guatemala"},
    "India": {"en": "India", "es": "la India"},
    "Kenya": {"en": "Kenya", "es": "Kenia"},
}
"""The countries the overseas menu names (English key as the directory writes it)."""


def _line_number(key: str) -> Variable:
    def number(ctx: Context) -> str:
        return read_phone(ctx.services.directory.line(key).phone, ctx.language)

    number.__doc__ = f"The {key} line's number, digit by digit."
    return number


for _key in REQUIRED_LINES:
    REGISTRY.variable(f"line_{_key}")(_line_number(_key))


def _line_hours(key: str) -> Callable[[Context], str]:
    def schedule(ctx: Context) -> str:
        line_hours = ctx.services.directory.line(key).hours
        return hours.describe(line_hours, ctx.language) if line_hours is not None else ""

    return schedule


REGISTRY.variable("military_line_hours")(_line_hours("military"))
REGISTRY.variable("ice_vesl_hours")(_line_hours("ice_vesl"))


@REGISTRY.variable("military_line_email")
def military_line_email(ctx: Context) -> str:
    """The address after-hours Military Help Line callers write to (seed 001), spelled out."""
    address = ctx.services.directory.line("military").after_hours_email
    return say_email(address, ctx.language) if address else ""


@REGISTRY.guard("military_line_open")
def military_line_open(ctx: Context) -> bool:
    """The Military Help Line is staffed now (seed 001: weekdays 8 to 4:30 Central, not federal holidays)."""
    line_hours = ctx.services.directory.line("military").hours
    return line_hours is None or hours.is_open(line_hours, ctx.now)


@REGISTRY.action(
    "overseas_office",
    outcomes=("found", "unknown"),
    params=("country",),
    sets=("overseas_country", "overseas_office", "overseas_emails"),
)
def overseas_office(ctx: Context) -> Outcome:
    """The overseas office with jurisdiction over the caller's country and the addresses to write to."""
    country = ctx.args.get("country", "")
    found = jurisdiction(country, ctx.services.directory)
    if found is None:
        return Outcome("unknown")
    language = ctx.language
    ctx.session.vars["overseas_country"] = _COUNTRIES.get(country, {}).get(language, country)
    ctx.session.vars["overseas_office"] = found.office.name.text(language)
    ctx.session.vars["overseas_emails"] = " ".join(
        (f"For {box.purpose.en}, write to {say_email(box.address, language)}." if language == "en"
         else f"Para {box.purpose.es}, escriba a {say_email(box.address, language)}.")
        for box in found.mailboxes
    ) or OVERSEAS_PAGE[language]
    return Outcome("found")
