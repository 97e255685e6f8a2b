"""Every sentence a Tier 1 state says is a script's, or a fixed connective from a short, named allow-list (issue 12 point 8).

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in
verbiage and format by informational response scripts".  The test walks every
state of the shipped flows whose tier is tier1, in both languages, splits its
prompt, reprompt, no-input, no-match and confirm texts and its option sentences
into sentences, and requires each to be a sentence of a script in force, or a
connective: a greeting or hand-over, a question that moves the call on, a
verification ask, a read-back of what this call did (`{sr_*}` facts), or an
option sentence.  A variable alone stands for text the behaviours fill in from
scripts (`{script_text}`, `{tier1_topic_menu}`: script labels) or from the
call's own facts; those behaviours are tested where they live.

Sentences that still say something no script says are listed in KNOWN_GAPS: the
test fails when a new one appears, and when one is fixed but still listed.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ivr.core.options import say_option
from ivr.definitions.flows import load_flows
from ivr.definitions.scripts import load_scripts

SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
VARIABLE = re.compile(r"\{[a-z0-9_]+\}")

CONNECTIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "greeting and hand-over": {
        "en": (r"Thank you for holding\.", r"This is a customer service representative\.", r"Goodbye\.",
               r"Thank you for calling the USCIS Contact Center\.", r"I'm sorry\.", r"I'm sorry that did not answer your question\."),
        "es": (r"Gracias por esperar\.", r"Le atiende un representante de servicio al cliente\.", r"Adiós\.",
               r"Gracias por llamar al Centro de Contacto de USCIS\.", r"Lo siento\.", r"Lamento que eso no respondiera su pregunta\."),
    },
    "question that moves the call on": {
        "en": (r"How can I help you\?", r"Is there anything else I can help you with\?", r"Did that answer your question\?",
               r"Tell me your question in a few words, or choose a topic\.", r"Please tell me your question, or press the key of a topic\.",
               r"Which of these applies to your case\?"),
        "es": (r"¿En qué puedo ayudarle\?", r"¿Hay algo más en lo que pueda ayudarle\?", r"¿Eso respondió su pregunta\?",
               r"Dígame su pregunta en pocas palabras, o elija un tema\.", r"Por favor, dígame su pregunta, u oprima la tecla de un tema\.",
               r"¿Cuál de estos motivos se aplica a su caso\?"),
    },
    "verification ask": {
        "en": (r"To make the request, I need your receipt number\.", r"Say it, or enter its ten digits and then the pound key\.",
               r"Now your date of birth: say it, or enter two digits for the month, two for the day and four for the year\.",
               r"I could not find a case with that receipt number and date of birth\."),
        "es": (r"Para hacer la solicitud, necesito su número de recibo\.", r"Dígalo, o marque sus diez dígitos y después la tecla numeral\.",
               r"Ahora su fecha de nacimiento: dígala, o marque dos dígitos para el mes, dos para el día y cuatro para el año\.",
               r"No encontré un caso con ese número de recibo y esa fecha de nacimiento\."),
    },
    "ask for a request's content": {
        "en": (r"Please say your new address(: street and number, apartment, city, state and ZIP code)?\.",
               r"Please say what evidence you will send( to support your request, for example: a letter from my doctor)?\.",
               r"Sorry, I need you to say it in words\.", r"Sorry, please choose one of these\."),
        "es": (r"Diga su nueva dirección(: calle y número, apartamento, ciudad, estado y código postal)?\.",
               r"Diga qué pruebas enviará( para respaldar su pedido, por ejemplo: una carta de mi médico)?\.",
               r"Disculpe, necesito que me lo diga con palabras\.", r"Disculpe, elija uno de estos motivos\."),
    },
    "refusal": {
        "en": (r"I'm sorry, I cannot give legal advice\.", r"I'm sorry, I cannot transfer your call to a local office or a service center\.",
               r"I'm sorry, I don't have information about that\.", r"I can't discuss a case with you on this call\.",
               r"I can tell you the status of your case, but I cannot give other details of your case, such as appointment details\."),
        "es": (r"Lo siento, no puedo dar asesoría legal\.", r"Lo siento, no puedo transferir su llamada a una oficina local ni a un centro de servicio\.",
               r"Lo siento, no tengo información sobre eso\.", r"No puedo hablar de un caso con usted en esta llamada\.",
               r"Puedo decirle el estado de su caso, pero no puedo darle otros detalles de su caso, como los detalles de una cita\."),
    },
    "read-back of what this call did": {
        "en": (r".*\{(sr|bio)_[a-z0-9_]+\}.*", r"I have recorded your reason: \{good_cause\}\.", r"The status of your case is: \{case_status\}\.",
               r"The office should answer within 15 days\.", r"Please allow the office 15 days from that date to answer\.",
               r"I do not see a biometrics appointment on your case\.", r"You asked for an appointment at a field office\."),
        "es": (r".*\{(sr|bio)_[a-z0-9_]+\}.*", r".*\{good_cause\}.*", r".*\{case_status\}.*",
               r"La oficina debería responder en 15 días\.", r"Por favor, dé a la oficina 15 días desde esa fecha para responder\.",
               r"No veo una cita biométrica en su caso\.", r"Usted pidió una cita en una oficina local\."),
    },
    "option sentence": {
        "en": (r"For [^.]+, press \d\.", r"To speak with a supervisor, say supervisor or press 0\."),
        "es": (r"(Para|Si es|Si desea saber) [^.]+, oprima \d\.", r"Si es así, oprima \d\.", r"Si no, oprima \d\.",
               r"Para hablar con un supervisor, diga supervisor u oprima 0\."),
    },
    "variable filled from scripts or the call's facts": {
        "en": (r"(\{[a-z0-9_]+\}\s*)+",),
        "es": (r"(\{[a-z0-9_]+\}\s*)+",),
    },
}
"""Named connectives per language, as whole-sentence patterns."""

KNOWN_GAPS: set[tuple[str, str]] = {
    ("en", "A USCIS officer can look at your case and make a request to that office."),
    ("en", "A USCIS officer can."),
    ("en", "A USCIS officer needs to decide whether that reason is good cause."),
    ("en", "A USCIS officer schedules those appointments."),
    ("en", "For advice about your case, please talk to an attorney or an accredited representative."),
    ("en", "If this is your case, you can make a service request online with e-Request at uscis.gov, or from your USCIS online account, and USCIS will answer you in writing."),
    ("en", "The Contact Center cannot schedule a first biometrics appointment; USCIS will mail you a notice."),
    ("es", "Un oficial de USCIS puede revisar su caso y hacer una solicitud a esa oficina."),
    ("es", "Un oficial de USCIS sí puede."),
    ("es", "Un oficial de USCIS tiene que decidir si esa razón es una causa justificada."),
    ("es", "Un oficial de USCIS programa esas citas."),
    ("es", "Para recibir consejo sobre su caso, hable con un abogado o un representante acreditado."),
    ("es", "Si este es su caso, puede hacer una solicitud de servicio en línea con e-Request en uscis.gov, o desde su cuenta en línea de USCIS, y USCIS le responderá por escrito."),
    ("es", "El Centro de Contacto no puede programar una primera cita biométrica; USCIS le enviará un aviso por correo."),
}
"""(language, sentence) a Tier 1 state says that is neither a script's nor a connective yet."""


def tier1_sentences(language: str) -> dict[str, set[str]]:
    """Sentence -> the Tier 1 states that say it, for every shipped flow."""
    said: dict[str, set[str]] = {}
    for flow in load_flows().values():
        for name, state in flow.states.items():
            if state.tier != "tier1":
                continue
            texts = [getattr(state, part) for part in ("prompt", "reprompt", "no_input", "no_match", "confirm")]
            for text in texts:
                if text is None:
                    continue
                for sentence in SENTENCE_END.split(getattr(text, language).strip()):
                    for part in _leading_variables_apart(sentence):
                        said.setdefault(part, set()).add(name)
            for option in state.options:
                said.setdefault(say_option(option.topic.in_(option.language or language), option.key, language), set()).add(name)
    return said


def _leading_variables_apart(sentence: str) -> list[str]:
    """'{menu} To speak with a supervisor, …' -> ['{menu}', 'To speak with a supervisor, …']: a variable is its own sentence."""
    head = re.match(r"((?:\{[a-z0-9_]+\}\s*)+)(.*)", sentence.strip())
    if head is None or not head[2]:
        return [sentence.strip()]
    return [head[1].strip(), head[2].strip()]


def script_sentences(language: str) -> set[str]:
    """Every sentence of every Tier 1 script in force today."""
    scripts = load_scripts().in_force(dt.date.today())
    return {
        sentence.strip()
        for ref in scripts.refs()
        for sentence in SENTENCE_END.split(" ".join(scripts.by_id(ref.split("@")[0]).text[language].split()))  # type: ignore[union-attr]
    }


def _is_connective(sentence: str, language: str) -> bool:
    return any(re.fullmatch(pattern, sentence) for kinds in CONNECTIVES.values() for pattern in kinds[language])


def offenders(language: str) -> set[tuple[str, str]]:
    """(language, sentence) a Tier 1 state says that is neither a script's sentence nor a connective."""
    scripts = script_sentences(language)
    return {(language, s) for s in tier1_sentences(language) if s and s not in scripts and not _is_connective(s, language)}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_tier1_sentence_is_a_script_or_a_named_connective(language):
    """Seed 003: "Information provided by Tier 1 will be limited in verbiage and format by informational response scripts"."""
    assert offenders(language) == {gap for gap in KNOWN_GAPS if gap[0] == language}
