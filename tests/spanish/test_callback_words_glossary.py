"""The call-back words are Spanish the glossary checks: `ivr validate` reports an avoided form in them as file:line.

ivr/data/glossary.yaml: a "service request" is "solicitud de servicio", not "petición de servicio".  The call-back
words used to be held in code, where neither `ivr validate` nor the load-time check saw them; now they are the
flow's `messages:` (golden case: tests/data/flows/broken/callback_message_avoided_form.yaml).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from ivr.cli import main
from ivr.definitions.flows import FLOWS_ROOT

SHIPPED = "Quien le llame le dará este número, para que sepa que la llamada es nuestra."
AVOIDED = "Quien le llame le dará este número de su petición de servicio, para que sepa que la llamada es nuestra."


def test_ivr_validate_reports_an_avoided_spanish_form_in_a_call_back_message(tmp_path: Path) -> None:
    """A Spanish call-back promise that says "petición de servicio" fails `ivr validate` with its file and
    line, what to say instead, and exit 1."""
    folder = tmp_path / "flows"
    shutil.copytree(FLOWS_ROOT, folder)
    path = folder / "uscis_contact_center.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(SHIPPED) == 1
    path.write_text(text.replace(SHIPPED, AVOIDED), encoding="utf-8")
    line = next(number for number, said in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if AVOIDED in said)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert f'{path}:{line}: messages.callback.es: "petición de servicio" — say "solicitud de servicio" (glossary)' in result.output
