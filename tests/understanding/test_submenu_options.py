"""Every option of every self-service submenu chosen in the caller's own words, in both languages (issue 16: training
phrases "for every option a caller would name in their own words — main menu, self-service branches"; the coverage
round, sub67).

No development set was left for the submenus, so this family is the round's own held-out check: three sentences per
option per language of each menu of a line (`machine.lines_of`), written as a recogniser transcribes callers (who
calls and why, not the option read back) and kept out of `examples.yaml` (checked below).  The option to the main menu
is a global's, swept in test_submenu_globals.py.
"""

from __future__ import annotations

import unicodedata

import pytest

OPTIONS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "case_status.menu": {
        "1": {"en": ("hang on my pen died what did you say the status was",
                     "my husband was talking to me can you say what it said about the case",
                     "i only caught the end of that part about my application say it again"),
              "es": ("perdón mi niño estaba gritando qué dijo de mi caso",
                     "no alcancé a apuntar lo que dijo del estado de mi caso me lo dice de nuevo",
                     "cómo dijo que está mi solicitud no le escuché bien")},
        "2": {"en": ("okay and my brother's i one thirty i have his receipt too",
                     "now i want to look up the one for my mother in law",
                     "i have a different receipt number for my work permit can you check that"),
              "es": ("ahora quiero checar el de mi esposo tengo su número de recibo",
                     "también tengo el caso de mi hija me lo puede revisar",
                     "y el permiso de trabajo que mandé aparte cómo va ese")},
    },
    "biometrics.menu": {
        "1": {"en": ("that day i have surgery so i need a different day",
                     "i'm going to be out of town that week can we push it back",
                     "um the time they gave me is when i pick up my kids can i get another one"),
              "es": ("ese día tengo que trabajar me la puede pasar para otro día",
                     "no voy a estar en la ciudad esa semana necesito otra fecha",
                     "la hora que me dieron no me queda quiero una más tarde")},
        "2": {"en": ("what day was it again i forgot to write it down",
                     "sorry where is the appointment and what time",
                     "tell me the date and place of my fingerprint thing one more time"),
              "es": ("qué día me dijo que era la cita se me olvidó",
                     "a qué hora y en dónde es mi cita de huellas me lo repite",
                     "no apunté la dirección del centro de la cita me la dice de nuevo")},
        "3": {"en": ("do i need my passport or is my license enough",
                     "what papers should i have on me when i go to get fingerprinted",
                     "should i take the appointment letter with me"),
              "es": ("tengo que llevar mi pasaporte o con la matrícula basta",
                     "qué papeles necesito tener conmigo ese día",
                     "hay que presentar la carta de la cita cuando vaya")},
        "4": {"en": ("i already did my fingerprints last month so i don't need this one",
                     "we're withdrawing the application so drop the appointment",
                     "i won't be going at all just take it off"),
              "es": ("ya no la necesito porque ya me tomaron las huellas",
                     "retiramos la solicitud así que ya no voy a ir a la cita",
                     "no voy a ir quítela por favor")},
    },
    "biometrics.after": {
        "1": {"en": ("sorry what was that number you just gave me",
                     "i didn't get the last digits of the confirmation",
                     "hold on let me get a pen and read me that number once more"),
              "es": ("perdón cuál es el número que me acaba de dar",
                     "no alcancé a apuntar el número de confirmación",
                     "espere busco una pluma y me vuelve a dar el número")},
        "2": {"en": ("great that's everything i needed bye now",
                     "okay perfect i'm all set thanks bye",
                     "thank you so much you've been very helpful goodbye"),
              "es": ("muy bien es todo lo que necesitaba adiós",
                     "perfecto ya quedó gracias hasta luego",
                     "muchas gracias por su ayuda que tenga buen día adiós")},
    },
    "field_office.menu": {
        "1": {"en": ("do i need to make an appointment or can i just walk into the office",
                     "what's the process to get seen at my local office",
                     "how does it work if i want to go in person to the office"),
              "es": ("se puede llegar a la oficina sin cita o cómo le hago",
                     "cómo es el trámite para que me atiendan en la oficina local",
                     "qué tengo que hacer para ir en persona a la oficina")},
        "2": {"en": ("i need to go in and see an officer about my case can i get a time",
                     "my lawyer said i should get an appointment at the office",
                     "i'd like to schedule a visit to the field office in my city"),
              "es": ("necesito ir a la oficina a ver a un oficial me da una cita",
                     "mi abogado me dijo que sacara cita en la oficina local",
                     "quiero agendar una visita a la oficina de aquí de mi ciudad")},
        "3": {"en": ("i have an office visit set for next week and i have a question about it",
                     "i booked a time at the office already and i need to cancel it",
                     "my appointment at the field office is on the tenth what do i do now"),
              "es": ("ya tengo mi cita en la oficina para el martes y tengo una duda",
                     "ya había sacado cita en la oficina local y la quiero cancelar",
                     "tengo una cita programada en la oficina el día diez")},
    },
    "field_office.reasons": {
        "1": {"en": ("my green card expired and i need something to show my job i'm still a resident",
                     "i need a stamp in my passport that proves i'm a permanent resident",
                     "my card got stolen and i need temporary proof of my residency"),
              "es": ("se me venció la mica y necesito algo que pruebe que soy residente",
                     "necesito que me pongan el sello en el pasaporte de residente",
                     "me robaron la tarjeta de residente y necesito una prueba mientras")},
        "2": {"en": ("my dad is in the hospital back home and i have to fly out right away",
                     "there's a funeral overseas this week and i have no travel papers",
                     "urgent trip my mother is dying abroad and i need to leave tomorrow"),
              "es": ("mi papá está muy grave en mi país y tengo que viajar ya",
                     "se murió mi abuela en honduras y necesito un permiso para salir de urgencia",
                     "tengo que irme mañana por una emergencia familiar fuera del país")},
        "3": {"en": ("the judge granted my case in court and i need my papers now",
                     "i won my asylum case in front of the judge what's next for my documents",
                     "the immigration court approved me and i need proof of it"),
              "es": ("el juez me aprobó el caso en la corte y necesito mis papeles",
                     "gané mi caso de asilo con el juez y ahora qué hago por los documentos",
                     "la corte de inmigración me dio la decisión a favor y necesito mis documentos")},
        "4": {"en": ("it's none of those i just need to show my original documents to an officer",
                     "it's for something different than those choices",
                     "none of those fit my reason is something else"),
              "es": ("no es nada de eso es por otra cosa",
                     "mi motivo no está en esas opciones",
                     "es otra razón diferente a las que me dijo")},
    },
    "field_office.appointment_menu": {
        "1": {"en": ("i don't need to go anymore you can drop it",
                     "please get rid of that appointment i won't make it",
                     "my case was already approved so call off the visit"),
              "es": ("ya no necesito ir puede quitar la cita",
                     "ya no voy a poder ir bórrela por favor",
                     "ya me aprobaron así que ya no voy cancélela")},
        "2": {"en": ("actually i need to book a new one at the office instead",
                     "what i want is to ask for a different office appointment",
                     "tell me how the office appointments work"),
              "es": ("más bien quiero pedir otra cita en la oficina",
                     "lo que necesito es sacar una cita nueva en la oficina local",
                     "cómo funcionan las citas en la oficina")},
    },
    "service_requests.menu": {
        "1": {"en": ("i called two weeks ago and opened a request i want to know what happened with it",
                     "what's going on with the inquiry i put in about my card",
                     "i have a reference number from last time i want an update on it"),
              "es": ("hace dos semanas abrí una solicitud y quiero saber qué pasó",
                     "qué ha pasado con la queja que puse por mi tarjeta",
                     "tengo el número de referencia de la otra vez quiero saber cómo va")},
        "2": {"en": ("my card never came in the mail and i want to report it",
                     "there's a mistake in my birth date on the approval notice",
                     "i moved last month and i need to update my address for my case"),
              "es": ("nunca me llegó la tarjeta por correo y quiero reportarlo",
                     "en el aviso me pusieron mal la fecha de nacimiento",
                     "me cambié de casa y quiero que me actualicen la dirección")},
        "3": {"en": ("how many days do i wait before i call back about my request",
                     "nobody answered my request when should i check again",
                     "if i don't hear anything what's the next step on my request"),
              "es": ("cuántos días tengo que esperar para volver a llamar por mi solicitud",
                     "no me han contestado la solicitud cuándo vuelvo a preguntar",
                     "si no me responden qué sigo haciendo con mi solicitud")},
    },
    "service_requests.types": {
        "1": {"en": ("my application has been sitting way longer than the website says it should",
                     "it's been two years and my case is still not decided",
                     "they're past the posted processing time on my petition"),
              "es": ("mi caso lleva mucho más tiempo del que dice la página",
                     "ya van dos años y no deciden nada de mi solicitud",
                     "ya pasó el tiempo de procesamiento que publican y nada")},
        "2": {"en": ("they told me they sent an interview letter but it never came",
                     "my approval notice never showed up in the mailbox at home",
                     "i was supposed to get a receipt notice and nothing came"),
              "es": ("me dijeron que mandaron la carta de la entrevista pero nunca llegó",
                     "la carta de aprobación nunca me llegó al buzón",
                     "se supone que me mandaron el aviso de recibo y no me llegó")},
        "3": {"en": ("my green card was approved months ago and i never got it",
                     "the work permit card says delivered but it's not here",
                     "still waiting on my plastic card it never arrived"),
              "es": ("me aprobaron la residencia hace meses y la mica nunca llegó",
                     "dice que entregaron mi permiso de trabajo pero no lo tengo",
                     "sigo esperando la tarjeta y nunca me llegó")},
        "4": {"en": ("the travel document they approved never got to me",
                     "my naturalization certificate never came in the mail",
                     "i'm missing my advance parole document"),
              "es": ("el documento de viaje que me aprobaron nunca llegó",
                     "el certificado de ciudadanía nunca me lo mandaron",
                     "me falta el permiso de viaje que me aprobaron nunca lo recibí")},
        "5": {"en": ("they got my middle name spelled wrong on the card",
                     "my birthday on the notice is off by a day",
                     "the card has the wrong country of birth on it"),
              "es": ("me escribieron mal el apellido en la tarjeta",
                     "la fecha de nacimiento en el aviso está equivocada",
                     "pusieron mal mi país de nacimiento en la mica")},
        "6": {"en": ("i use a wheelchair and need the appointment to be accessible",
                     "my son is autistic and needs some help at his interview",
                     "i need a sign language interpreter for my interview"),
              "es": ("uso silla de ruedas y necesito que la cita sea accesible",
                     "mi hijo tiene autismo y necesita apoyo en su entrevista",
                     "necesito un intérprete de lenguaje de señas para la cita")},
        "7": {"en": ("we just moved to a new apartment and they need to send stuff there",
                     "i'm not at the old house anymore i need to give you where i live now",
                     "i relocated to another state and need my mail to go there"),
              "es": ("nos acabamos de mudar y necesito que manden las cosas a la casa nueva",
                     "ya no vivo en la casa de antes quiero dar mi domicilio nuevo",
                     "me fui a vivir a otro estado y necesito que me llegue el correo allá")},
        "8": {"en": ("my job offer depends on this so i need it sped up",
                     "my mother is very sick and we need the case done quickly",
                     "can you rush my work permit i'm about to lose my job"),
              "es": ("necesito que aceleren mi caso porque me van a quitar el trabajo",
                     "mi mamá está muy enferma y necesitamos que salga rápido",
                     "me pueden apurar el permiso de trabajo es urgente")},
        "9": {"en": ("it's not any of those it's a different problem",
                     "my issue isn't on that list",
                     "none of those it's about something else with my case"),
              "es": ("no es ninguno de esos es otro problema",
                     "lo mío no está en la lista",
                     "es algo diferente a lo que mencionó")},
    },
    "service_requests.after": {
        "1": {"en": ("wait what was the reference number again",
                     "i missed a couple of digits of that request number",
                     "can you read me the number for my request one more time"),
              "es": ("perdón cuál fue el número de referencia que me dio",
                     "no alcancé a anotar unos números de la referencia",
                     "me da el número de la solicitud otra vez")},
        "2": {"en": ("alright that's it for me thanks bye",
                     "okay got it i'm done thank you",
                     "that's everything have a nice day bye bye"),
              "es": ("ya está gracias adiós",
                     "bueno eso es todo muchas gracias",
                     "listo ya terminé gracias que le vaya bien")},
    },
    "special_lines.menu": {
        "1": {"en": ("my brother is deaf and uses a text phone how can he reach you",
                     "i'm hard of hearing is there a line with text",
                     "my mom can't hear well on the phone is there something for her"),
              "es": ("mi hermano es sordo y usa un teléfono de texto cómo se comunica",
                     "no oigo bien hay una línea con texto",
                     "mi mamá no escucha bien por teléfono hay otra línea para ella")},
        "2": {"en": ("i'm in the army and stationed overseas i need help with my naturalization",
                     "my husband is a marine and we have questions about his citizenship",
                     "i'm a veteran and i need the line for service members"),
              "es": ("estoy en el ejército y necesito ayuda con mi ciudadanía",
                     "mi esposo es marino de la armada y tenemos preguntas de su caso",
                     "soy veterano y busco la línea para los militares")},
        "3": {"en": ("we paid the extra fee to get our h one b done faster and want to check on it",
                     "i'm calling about a case where we paid the fifteen day fee",
                     "my company filed the i nine oh seven for faster processing"),
              "es": ("pagamos la cuota extra para que salga más rápido y quiero saber cómo va",
                     "llamo por un caso donde pagamos el servicio de quince días",
                     "la empresa mandó el i novecientos siete para que lo procesen más rápido")},
        "4": {"en": ("we're adopting a little girl from colombia under the hague process",
                     "my wife and i are adopting a child from another country that's in the convention",
                     "i have a question about an international adoption"),
              "es": ("estamos adoptando una niña de colombia por el convenio de la haya",
                     "mi esposa y yo vamos a adoptar un niño de otro país",
                     "tengo una pregunta sobre una adopción internacional")},
    },
    "outside_us.menu": {
        "1": {"en": ("i'm down in guadalajara right now",
                     "i live in tijuana just across the border",
                     "we are staying in monterrey for the year"),
              "es": ("estoy en guadalajara ahorita",
                     "vivo en tijuana del otro lado",
                     "ahorita ando en monterrey con mi familia")},
        "2": {"en": ("i'm up in toronto",
                     "i live in vancouver at the moment",
                     "calling from montreal"),
              "es": ("estoy en toronto",
                     "vivo en vancouver ahora",
                     "le hablo desde montreal")},
        "3": {"en": ("i'm in guatemala city right now",
                     "we live in antigua guatemala",
                     "calling from guate"),
              "es": ("estoy en la capital de guatemala",
                     "vivo en antigua guatemala",
                     "le hablo desde chimaltenango guatemala")},
        "4": {"en": ("i'm calling from mumbai",
                     "i am in delhi at the moment",
                     "we live in bangalore"),
              "es": ("estoy en nueva delhi",
                     "vivo en bombay",
                     "le llamo desde bangalore")},
        "5": {"en": ("i'm in nairobi",
                     "we live in mombasa right now",
                     "calling from kenya"),
              "es": ("estoy en nairobi",
                     "vivo en mombasa",
                     "le hablo desde kenia ahorita")},
        "6": {"en": ("i'm living in the philippines",
                     "i'm in madrid spain right now",
                     "calling from lagos nigeria"),
              "es": ("ahorita estoy en san salvador",
                     "vivo en honduras en tegucigalpa",
                     "le hablo desde colombia")},
    },
    "other_agencies.menu": {
        "1": {"en": ("i have to report to the deportation officer next month",
                     "my ankle monitor check in is coming up and i need to move it",
                     "i have to go sign in with immigration enforcement every few months"),
              "es": ("tengo que ir a reportarme con migración el mes que entra",
                     "me toca firmar con ice y quiero cambiar la fecha",
                     "tengo el grillete y me toca presentarme pronto")},
        "2": {"en": ("i have a hearing in front of a judge and i don't know the date",
                     "when is my next court date for my deportation case",
                     "my master hearing got moved and i need the new date"),
              "es": ("tengo audiencia con el juez y no sé la fecha",
                     "cuándo es mi próxima corte de deportación",
                     "me cambiaron la audiencia con el juez y necesito la fecha nueva")},
        "3": {"en": ("the officer at the airport put the wrong date on my admission record",
                     "i need a copy of my arrival record from when i came in",
                     "my entry stamp at the border is wrong"),
              "es": ("en el aeropuerto me pusieron mal la fecha de entrada",
                     "necesito una copia de mi registro de entrada",
                     "el sello de la frontera tiene un error")},
        "4": {"en": ("my wife's visa interview at the embassy keeps getting delayed",
                     "my son is waiting on his immigrant visa from the consulate",
                     "the national visa center hasn't answered our documents"),
              "es": ("la entrevista de visa de mi esposa en la embajada no sale",
                     "mi hijo está esperando su visa del consulado",
                     "el centro nacional de visas no nos ha contestado")},
        "5": {"en": ("i need to get a social security number now that i have my work permit",
                     "my retirement check didn't come this month",
                     "i need to change my name on my social security card"),
              "es": ("ya tengo permiso de trabajo y quiero sacar mi número de seguro social",
                     "no me llegó el cheque de la jubilación este mes",
                     "necesito cambiar mi nombre en la tarjeta del seguro social")},
    },
}
"""state -> option key -> language -> three sentences in a caller's words."""

CELLS = [
    (state, key, language, text)
    for state, by_key in OPTIONS.items() for key, by_language in by_key.items()
    for language, texts in by_language.items() for text in texts
]


KNOWN_MISSES = {
    ('case_status.menu', '1', 'en', 'my husband was talking to me can you say what it said about the case'),
    ('field_office.menu', '1', 'es', 'qué tengo que hacer para ir en persona a la oficina'),
    ('service_requests.menu', '3', 'es', 'si no me responden qué sigo haciendo con mi solicitud'),
    ('outside_us.menu', '3', 'en', 'calling from guate'),
    # since the blind writers' training batches (sub70): not understood, asked between the option and another
    ('biometrics.menu', '3', 'es', 'qué papeles necesito tener conmigo ese día'),
}
"""Cells the coverage round did not fix (14 of 276; 28 on main), left for a mechanism, not more examples: a thing heard
again asked between it and another option ("can you say what it said about the case"); a new appointment and one
already had told apart only by tense (the s4 round's `appointment_moves.appointment_had` took these three off: 11
left); a request opened earlier asked about in a new request's words ("i called two weeks ago and
opened a request"); "guate" at the country menu (a nickname).  Strict: a cell that starts passing fails here until it
is taken off the list.  The blind writers' training batches (sub70) took four off (another case's status, the
papers to bring, a stolen card's temporary proof, a request opened two weeks ago) and left two Spanish cells not
understood (the papers "ese día" between bringing and rescheduling, the number again "me vuelve a dar" between it and
the menu before): 9 left, 267/276.  Round 11 (sub73: its examples and training batches G-J) took three more off (a time
that does not suit and another asked, the number just given asked in Spanish, a request opened two weeks ago): 6 left,
270/276.  The submenus' settled classifiers (session 23: the corpus's sentences of each submenu) took one more off (the
number again "me vuelve a dar"): 5 left, 271/276."""


def _cells() -> list[object]:
    return [
        pytest.param(*cell, marks=pytest.mark.xfail(strict=True, reason="a known miss (KNOWN_MISSES)"))
        if cell in KNOWN_MISSES else cell
        for cell in CELLS
    ]


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in folded if c.isalnum() or c.isspace()).split())


@pytest.mark.parametrize("state, key, language, text", _cells())
def test_an_option_said_in_a_callers_words_is_that_option(model, state: str, key: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: every option a caller would name in their own words, in the self-service branches, both languages."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", key)


def test_every_option_of_every_submenu_has_its_family(uscis) -> None:  # type: ignore[no-untyped-def]
    """Three sentences per option per language for every own option of every menu of a line (the main menu's aside)."""
    from ivr.core.machine import MAIN_MENU, _for_lines, lines_of

    lines = lines_of(uscis.flow)
    menus = {name: state for name, state in uscis.flow.states.items()
             if "." in name and name.split(".", 1)[0] in lines and _for_lines(state)}
    assert set(OPTIONS) == set(menus)
    for name, state in menus.items():
        keys = {option.key for option in state.options if option.goto != MAIN_MENU}
        assert set(OPTIONS[name]) == keys, name
        assert all(len(OPTIONS[name][key][language]) == 3 for key in keys for language in ("en", "es")), name


def test_the_known_misses_are_cells_of_the_family() -> None:
    """A known miss names a sentence of the family (a typo there would hide a pass)."""
    assert KNOWN_MISSES <= set(CELLS)


def test_the_family_is_held_out_of_the_training_examples(uscis) -> None:  # type: ignore[no-untyped-def]
    """A held-out check only holds if its sentences were never learnt (after normalisation)."""
    taught = {(state, language, _plain(text)) for state, by_language in uscis.flow.examples.items()
              for language, pairs in by_language.items() for _, text in pairs}
    assert [cell for cell in CELLS if (cell[0], cell[2], _plain(cell[3])) in taught] == []


@pytest.mark.parametrize("state, language, text, choice", [
    ("service_requests.after", "en", "sorry can you give me that reference one more time", "1"),
    ("biometrics.after", "es", "me repite el número de confirmación por favor", "1"),
    ("biometrics.menu", "en", "what was the date one more time", "2"),
    ("service_requests.after", "en", "can you say that one more time", "repeat"),
    ("biometrics.menu", "es", "me repite las opciones por favor", "repeat"),
])
def test_a_thing_played_back_asked_again_is_the_option_that_plays_it(  # type: ignore[no-untyped-def]
    model, state: str, language: str, text: str, choice: str,
) -> None:
    """The repeat global's words said of the thing a menu plays back (a number, a date) are the menu's option that plays
    it again (`Model.again`, `menu_globals.thing_again`); said of nothing, or of the options, the menu again."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)


@pytest.mark.parametrize("text, choice", [
    ("le hablo desde argentina", "6"),
    ("le hablo desde monterrey", "1"),
    ("quiero hablar con una persona", "representative"),
])
def test_calling_from_a_place_asks_for_no_person(model, text: str, choice: str) -> None:  # type: ignore[no-untyped-def]
    """"le hablo desde …" is how the caller calls, not "hablar con" someone: at the country menu, the country; a person
    asked for in so many words is still the representative (`Model._understood`: a weak question between the two
    person globals, no person named, is left to the classifier in a submenu of a line)."""
    understood = model("outside_us.menu", "es").understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)
