"""Who calls back, the queue words and the texts are the flow's data (`messages:` callback_who_*, queue_*,
service_request_sms, callback_sms_tier1): a flow author changes them in the flow, and a call and its SMS say the
new words, in English and in Spanish.

DOMAIN.md §1.3: "Callers who need to speak with Tier 2 are placed into a call-back queue" and Tier 1 gives a
"service item number"; DOMAIN.md §1.1: the automated system can send information by text.  What the shipped flow
says, byte for byte, is held by tests/live/test_real_people_routing.py, test_sms.py and test_callback_sms.py;
what the loader refuses in these words, by the golden files tests/data/flows/broken/queue_*.yaml,
callback_who_*.yaml, service_request_sms_*.yaml and callback_sms_tier1_*.yaml.
"""

from __future__ import annotations

import pytest

from ivr.core.registry import Effect
from ivr.definitions.flows import load_flow
from ivr.notify import Sms, messages_for
from ivr.routing import queue_text, shipped_messages
from tests.live.test_sms import CREDENTIALS, REQUEST, RecordingHttpClient

CALLER = "+12025550143"
QUEUE = {"tier1": {"kind": "queue", "target": "tier1-agents"}}
CONSOLE = {"tier1": {"kind": "console", "target": "tier1"}}
TIER2_CALLBACK = {"tier2": {"kind": "callback", "target": "tier2-callbacks"}}
CASE_DETAILS = {"en": "what are the details of my case", "es": "cuáles son los detalles de mi caso"}

# (shipped line of flows/uscis_contact_center.yaml, the line a flow author writes instead), per language
POSITION = {
    "en": ('    en: "You are number {position} in line. To be called back instead of waiting, press {key}."',
           '    en: "{position} callers are ahead of you, counting you. For a call-back, press {key}."'),
    "es": ('    es: "Usted es el número {position} en la fila. Para que le devolvamos la llamada en lugar de esperar, oprima {key}."',
           '    es: "Hay {position} personas en la fila, contándolo a usted. Para que lo llamemos, oprima {key}."'),
}
WAITING = {
    "en": ('    en: "Please stay on the line. To be called back instead of waiting, press {key}."',
           '    en: "Hold on, someone will be with you. For a call-back, press {key}."'),
    "es": ('    es: "Por favor, no cuelgue. Para que le devolvamos la llamada en lugar de esperar, oprima {key}."',
           '    es: "Espere, por favor: alguien lo atenderá. Para que lo llamemos, oprima {key}."'),
}
GOODBYE = {
    "en": ('    en: "Thank you for calling the USCIS Contact Center. Goodbye."', '    en: "Thanks for calling. Goodbye."'),
    "es": ('    es: "Gracias por llamar al Centro de Contacto de USCIS. Adiós."', '    es: "Gracias por su llamada. Adiós."'),
}
NOT_CONNECTED = {
    "en": ('    en: "Sorry, we could not connect you with a person."', '    en: "Nobody could take your call just now."'),
    "es": ('    es: "Lo sentimos, no pudimos comunicarlo con una persona."', '    es: "Nadie pudo atender su llamada ahora."'),
}
WHO_TIER2 = {
    "en": ('    en: "A USCIS officer"', '    en: "An immigration officer"'),
    "es": ('    es: "Un oficial de USCIS"', '    es: "Un oficial de inmigración"'),
}
REQUEST_SMS = {
    "en": ('    en: "USCIS Contact Center (simulated): your service request {reference} about {topic} was sent to the {office}."',
           '    en: "USCIS (simulated): request {reference} ({topic}) is with the {office}."'),
    "es": ('    es: "Centro de Contacto de USCIS (simulado): su solicitud de servicio {reference} sobre {topic} se envió a la oficina que tiene su caso ({office})."',
           '    es: "USCIS (simulado): la solicitud de servicio {reference} ({topic}) está en {office}."'),
}
TIER1_SMS = {
    "en": ('    en: "USCIS Contact Center (simulated): we will call you back. Your service item number is {item}."',
           '    en: "USCIS (simulated): a representative will call you. Service item {item}."'),
    "es": ('    es: "Centro de Contacto de USCIS (simulado): le devolveremos la llamada. Su número de servicio es {item}."',
           '    es: "USCIS (simulado): un representante lo llamará. Número de servicio {item}."'),
}



@pytest.mark.parametrize(
    ("language", "heard"),
    [("en", "3 callers are ahead of you, counting you. For a call-back, press 1."),
     ("es", "Hay 3 personas en la fila, contándolo a usted. Para que lo llamemos, oprima 1.")],
)
def test_a_flow_whose_queue_words_are_changed_announces_the_place_in_line_with_them(dial, edited_flow, language, heard):
    """A flow author rewords `messages.queue_position`: the queue's wait URL says the new words, filled with the
    caller's place in line and the call-back key."""
    flow = edited_flow(POSITION[language])
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/wait", QueuePosition="3", QueueSid="QU1", QueueTime="30", CurrentQueueSize="4")
    assert turn.says == (heard,)


@pytest.mark.parametrize(
    ("language", "heard"),
    [("en", "Hold on, someone will be with you. For a call-back, press 1."),
     ("es", "Espere, por favor: alguien lo atenderá. Para que lo llamemos, oprima 1.")],
)
def test_the_console_queue_says_the_flows_waiting_words(dial, edited_flow, language, heard):
    """A tier the agent console answers holds the caller in its queue with the flow's `messages.queue_waiting`."""
    flow = edited_flow(WAITING[language])
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=CONSOLE)
    turn = live.press("0")
    assert heard in turn.says


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_flow_whose_goodbye_is_changed_says_it_after_a_person_talked_with_the_caller(dial, edited_flow, language):
    """A flow author rewords `messages.queue_goodbye`: a caller a person answered hears it as the call ends."""
    flow = edited_flow(GOODBYE[language])
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/done", QueueResult="bridged", QueueSid="QU1", QueueTime="95")
    assert turn.says == ({"en": "Thanks for calling. Goodbye.", "es": "Gracias por su llamada. Adiós."}[language],)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_flow_whose_not_connected_words_are_changed_apologises_with_them(dial, edited_flow, language):
    """A flow author rewords `messages.queue_not_connected`: a caller no person could take hears it first."""
    flow = edited_flow(NOT_CONNECTED[language])
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=QUEUE)
    live.press("0")
    turn = live.post("/voice/queue/done", QueueResult="queue-full", QueueSid="QU1")
    assert turn.says[0] == {"en": "Nobody could take your call just now.", "es": "Nadie pudo atender su llamada ahora."}[language]


def test_a_flow_without_queue_words_says_the_shipped_flows() -> None:
    """A small flow need not write the queue words: it says the shipped flow's (flows/uscis_contact_center.yaml)."""
    assert queue_text("waiting_only", "es", {}) == shipped_messages()["queue_waiting_only"].es == "Por favor, no cuelgue."


@pytest.mark.parametrize(
    ("language", "heard"),
    [("en", "An immigration officer will call you back at 2 0 2, 5 5 5, 0 1 4 3."),
     ("es", "Un oficial de inmigración le devolverá la llamada al 2 0 2, 5 5 5, 0 1 4 3.")],
)
def test_a_flow_whose_who_words_are_changed_is_heard_with_them(dial, edited_flow, language, heard):
    """A flow author rewords `messages.callback_who_tier2`: a caller put in Tier 2's call-back queue hears who
    calls back in the new words."""
    flow = edited_flow(WHO_TIER2[language])
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=TIER2_CALLBACK)
    live.press("0")
    live.say(CASE_DETAILS[language])
    turn = live.press("1")
    assert heard in turn.text


@pytest.mark.parametrize(
    ("language", "sent"),
    [("en", "USCIS Contact Center (simulated): an immigration officer will call you back. Service item number: 10400000."),
     ("es", "Centro de Contacto de USCIS (simulado): un oficial de inmigracion le devolvera la llamada. Numero de servicio: 10400000.")],
)
def test_a_flow_whose_who_words_are_changed_texts_them(edited_flow, language, sent):
    """The SMS confirming an officer's call-back names who calls back in the flow's words (first letter lowered)."""
    messages = load_flow(edited_flow(WHO_TIER2[language])).messages
    callback = Effect("callback_requested", {"service_item": "10400000", "tier": "tier2", "queue": "q", "number": CALLER})
    [sms] = messages_for([callback], CALLER, language, messages)
    assert sms.body.startswith(sent)


@pytest.mark.parametrize(
    ("language", "sent"),
    [("en", "USCIS (simulated): request 2611230001 (a card you did not receive) is with the California Service Center."),
     ("es", "USCIS (simulado): la solicitud de servicio 2611230001 (una tarjeta que no recibió) está en California Service Center.")],
)
def test_a_flow_whose_service_request_text_is_changed_sends_it(edited_flow, language, sent):
    """A flow author rewords `messages.service_request_sms`: a new service request is confirmed in the new words."""
    messages = load_flow(edited_flow(REQUEST_SMS[language])).messages
    assert messages_for([REQUEST], CALLER, language, messages) == [Sms(CALLER, sent)]


@pytest.mark.parametrize(
    ("language", "sent"),
    [("en", "USCIS (simulated): a representative will call you. Service item 10400000."),
     ("es", "USCIS (simulado): un representante lo llamará. Número de servicio 10400000.")],
)
def test_a_flow_whose_representatives_call_back_text_is_changed_is_sent_by_the_app(dial, edited_flow, language, sent):
    """A flow author rewords `messages.callback_sms_tier1`: a caller who asks for a call-back from Tier 1's queue
    gets the new words from the app's notifier (twilio's REST client, only its http_client a stand-in)."""
    flow = edited_flow(TIER1_SMS[language])
    http = RecordingHttpClient()
    sms = {key: CREDENTIALS[key] for key in ("TWILIO_ACCOUNT_SID", "TWILIO_FROM_NUMBER")}  # the test app's token signs
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=QUEUE, **sms)
    live.runtime.calls.notifier.client.http_client = http  # the notifier the app built, without the network
    live.press("0")
    live.post("/voice/queue/wait", Digits="1", QueueSid="QU1")
    [request] = http.requests
    assert request["data"]["Body"] == sent



WHO_WORDS = """  # Who calls back, by tier (ivr/routing.py CALLBACK_WHO), as a sentence begins: {who} in callback and callback_sms
  # (the SMS writes it in lower case: "a USCIS officer").
  callback_who_tier1:
    en: "A representative"
    es: "Un representante"
  callback_who_tier2:
    en: "A USCIS officer"
    es: "Un oficial de USCIS"
  callback_who_supervisor:  # seed 003: "Live Assistance - Tier 2 (Supervisor)"
    en: "A supervisor"
    es: "Un supervisor"
"""


@pytest.mark.parametrize(
    ("language", "heard"),
    [("en", "A USCIS officer will call you back at 2 0 2, 5 5 5, 0 1 4 3."),
     ("es", "Un oficial de USCIS le devolverá la llamada al 2 0 2, 5 5 5, 0 1 4 3.")],
)
def test_a_flow_whose_callback_says_who_without_the_who_words_says_the_shipped_flows(dial, edited_flow, language, heard):
    """A flow written before who calls back was the flow's (its `callback` says `{who}`, it has no
    `callback_who_*`) still loads, and says the shipped flow's words for who calls back."""
    flow = edited_flow((WHO_WORDS, ""))
    assert "callback_who" not in flow.read_text(encoding="utf-8")
    live = dial(language, FLOWS=[str(flow)], TIER_ROUTING=TIER2_CALLBACK)
    live.press("0")
    live.say(CASE_DETAILS[language])
    turn = live.press("1")
    assert heard in turn.text
