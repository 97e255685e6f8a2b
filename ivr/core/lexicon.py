"""The words the understanding model folds, drops or keeps whole, in English and Spanish.

Data for `ivr.core.wording`: which words carry no topic (`STOP_WORDS`), which words
callers use for the same thing (`SYNONYMS`), which word groups mean one thing
(`COMPOUNDS`), and which words the stemmer must leave alone (`UNSTEMMED`).  Keys are
words as `wording` tokenises them: lower case, no accents.  Add a word here when the
corpus (`ivr understand --corpus`) shows callers using it; never for one utterance.
"""

from __future__ import annotations

STOP_WORDS = {
    "en": frozenset(
        "a an the i me my mine we our you your it its is am are was were be been being to of for on in at "
        "and or so um uh uhm umm er erm hmm ah oh hi hey hello please want wanted wanting need needed "
        "needs like would could can will do does did just about with this that these those there have has "
        "had calling call called know wondering wonder trying try help okay ok well thank thanks also "
        "some any if really actually sir maam ma miss kind sort guess think what which uscis get getting "
        "up how done go going went take taking let tell told give out look looking see all still yet "
        "already lately currently right now next today tonight question questions from another husband "
        "husbands wife wifes son sons daughter daughters mother mothers father fathers mom dad parent "
        "parents brother sister spouse spouses family child childs children kid kids fiance fiancee "
        "boyfriend girlfriend he his him she her hers linecheck onthephone".split()
    ),
    "es": frozenset(
        "el la los las lo un una unos unas de del a al y e o u que en mi mis me yo es son esta estoy por "
        "para con su sus se le les eh este pues bueno hola quiero quisiera queria necesito favor tengo "
        "tiene como sobre usted ustedes puede podria ayuda ayudar gracias senor senora mire oiga buenas "
        "buenos dias tardes llamo llamando ver saber uscis hay bien soy estaba ahorita orita desde hoy "
        "nino nina ninos ha he han hemos cual cuales todavia aun sigue siguen ahora pregunta preguntas "
        "esposo esposa hijo hija hijos madre padre mama papa hermano hermana familia novio novia".split()
    ),
}
"""Words that carry no topic: function words, fillers, generic verbs and time words ("get my fingerprints
done", "right now"), who the call is about ("my husband's petition"); "no", "not" and "never" are kept."""

SYNONYMS = {
    "en": {
        "arrive": "receive", "arrived": "receive", "came": "receive", "come": "receive", "got": "receive",
        "gotten": "receive", "received": "receive", "showed": "receive", "delivered": "receive",
        "mailed": "mail", "sent": "send", "reschedule": "reschedule", "rescheduling": "reschedule",
        "change": "change", "changing": "change", "changed": "change", "moving": "move", "moved": "move",
        "living": "live", "lived": "live", "closing": "close", "closed": "close", "opening": "open",
        "opened": "open", "scheduled": "schedule", "scheduling": "schedule", "filed": "file",
        "mobilized": "deployed", "mobilizing": "deployed", "mobilize": "deployed", "mobilization": "deployment",
        "filing": "file", "speak": "talk", "speaking": "talk", "spoke": "talk", "talking": "talk",
        "somebody": "someone", "anybody": "someone", "anyone": "someone", "wrong": "error",
        "mistake": "error", "typo": "error", "incorrect": "error", "misspelled": "error", "misspelt": "error",
        "birthday": "birthdate", "approved": "approve", "denied": "deny", "decided": "decision",
        "heard": "hear", "cost": "fee", "costs": "fee", "price": "fee", "letter": "notice",
        "letters": "notice", "notification": "notice", "result": "decision", "results": "decision",
        "outcome": "decision", "surname": "name", "naturalization": "citizenship", "ead": "workpermit",
        "rep": "representative", "appt": "appointment", "appts": "appointment", "finished": "done",
        "longer": "long", "usa": "us", "america": "us", "transfer": "talk", "connect": "talk",
        "rush": "expedite", "speed": "expedite", "rushed": "expedite", "hurry": "expedite", "urgent": "expedite",
        "urgently": "expedite", "expedited": "expedite", "expediting": "expedite",
        "male": "gender", "female": "gender", "sex": "gender",
        "detained": "detention", "detain": "detention", "arrested": "detention", "arrest": "detention",
        "custody": "detention", "jail": "detention", "jailed": "detention", "operator": "representative",
        "operators": "representative", "human": "person", "humans": "person",
        "decide": "decision", "decisions": "decision", "signature": "biometrics", "asc": "biometrics",
        "wheelchair": "accommodation", "disability": "accommodation", "disabled": "accommodation",
        "autism": "accommodation", "autistic": "accommodation", "blind": "accommodation",
        "accommodations": "accommodation", "bracelet": "anklemonitor", "slot": "appointment",
        "slots": "appointment", "okayed": "approved", "specialist": "representative",
        "specialists": "representative",
    },
    "es": {
        "llego": "recibir", "llegado": "recibir", "llegar": "recibir", "llega": "recibir",
        "recibi": "recibir", "recibido": "recibir", "recibe": "recibir", "recibio": "recibir",
        "mude": "mudar", "mudanza": "mudar", "mudado": "mudar", "cambie": "cambiar", "cambio": "cambiar",
        "domicilio": "direccion", "equivocado": "error", "equivocada": "error", "incorrecto": "error",
        "incorrecta": "error", "erroneo": "error", "errores": "error", "mal": "error", "demasiado": "mucho",
        "bastante": "mucho", "cuesta": "tarifa", "costo": "tarifa", "precio": "tarifa", "cuestan": "tarifa",
        "carta": "aviso", "cartas": "aviso", "notificacion": "aviso", "resultado": "decision",
        "respuesta": "decision", "apellido": "nombre", "decidieron": "decision",
        "naturalizacion": "ciudadania", "mica": "tarjeta", "aplicacion": "solicitud",
        "aplicaciones": "solicitud", "aplique": "solicitud", "estatus": "estado", "status": "estado",
        "checar": "revisar", "chequear": "revisar", "platicar": "hablar", "tribunal": "corte",
        "juzgado": "corte", "turno": "cita", "agendar": "programar", "migra": "ice",  # "usa" is "uses": no USA
        "comunicarme": "hablar", "comuniqueme": "paseme", "comunicar": "hablar",
        "pasame": "paseme", "transfierame": "paseme", "conecteme": "paseme", "transfiere": "paseme",
        "cortar": "colgar",
        "chao": "adios", "chau": "adios", "expediente": "caso", "decidio": "decision", "decidido": "decision",
        "apurar": "acelerar", "apuren": "acelerar", "apure": "acelerar", "urgente": "acelerar",
        "urgencia": "acelerar", "agilizar": "acelerar", "agilicen": "acelerar", "aceleren": "acelerar",
        "sexo": "genero", "masculino": "genero", "femenino": "genero",
        "detenido": "detencion", "detenida": "detencion", "detuvieron": "detencion", "arrestado": "detencion",
        "arrestada": "detencion", "arrestaron": "detencion", "arresto": "detencion", "carcel": "detencion",
        "operadora": "operador", "asesor": "representante", "asesora": "representante",
        "representantes": "representante", "agentes": "agente",
        "autismo": "adaptacion", "discapacidad": "adaptacion", "discapacitado": "adaptacion",
        "discapacitada": "adaptacion", "ciega": "adaptacion", "ciego": "adaptacion", "firma": "biometricos", "brazalete": "grillete",
        "asc": "biometricos",
    },
}
"""Words callers use for the same thing ("never got" = "never came" = "never arrived"), folded to one;
regional and U.S. Spanish too ("la mica", "la aplicación", "checar", "platicar", "la migra")."""

UNSTEMMED: dict[str, dict[str, str]] = {
    "en": {"officer": "officer", "officers": "officer",
           # made to order, no customs: "custom t shirts", "a custom cake", "customized mugs"
           "custom": "bespoke", "customized": "bespoke", "customised": "bespoke", "customize": "bespoke",
           "customise": "bespoke"},
    "es": {
        "recibo": "recibo", "recibos": "recibo", "nunca": "nunca", "nada": "nada",
    },
}
"""Words the stemmer leaves alone: "recibo" (a receipt) is not "recibir" (to receive); negations stay; an
"officer" (a person) is not an "office" (a place) though both stem to "offic"; "custom" (made to order: "custom t
shirts") is not "customs" (CBP at the border) though both stem to "custom"."""

_BACK_IN: dict[tuple[str, ...], str] = {("back", "in", when): when for when in (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "spring", "summer", "fall", "winter", "autumn")}
""""Back in march": when, not a reply heard back ("they approved it back in march": no "heard back")."""

COMPOUNDS: dict[str, dict[tuple[str, ...], str]] = {
    "en": {
        ("in", "person"): "inperson", ("face", "to", "face"): "inperson", ("air", "force"): "airforce",
        ("coast", "guard"): "coastguard", ("national", "guard"): "nationalguard",
        ("date", "of", "birth"): "birthdate", ("birth", "date"): "birthdate", ("last", "name"): "name",
        ("work", "permit"): "workpermit", ("work", "authorization"): "workpermit",
        ("employment", "authorization"): "workpermit", ("advance", "parole"): "traveldocument",
        ("travel", "document"): "traveldocument", ("travel", "papers"): "traveldocument",
        ("travel", "paper"): "traveldocument", ("travel", "paperwork"): "traveldocument",
        ("travel", "documents"): "traveldocument", ("travel", "permit"): "traveldocument",
        ("my", "church"): "mychurch", ("our", "church"): "mychurch",  # a community, not a place whose hours are asked
        ("reentry", "permit"): "traveldocument",
        # someone going along ("can i come with him to the interview"), not a thing arriving ("come" folds to "receive")
        ("come", "with"): "accompany", ("coming", "with"): "accompany", ("go", "with"): "accompany",
        # a plan to leave, not where the caller is ("a study abroad program"): no call from abroad
        **{(go, "abroad"): "tripabroad" for go in (
            "study", "studying", "studies", "go", "going", "goes", "travel", "travels",
            "semester", "move", "moving", "fly", "flying")},
        # one of our service centers ("a receipt from the nebraska service center"): no service request
        ("service", "center"): "servicecenter", ("service", "centre"): "servicecenter",
        ("re", "entry", "permit"): "traveldocument", ("re", "entry"): "traveldocument",  # the recogniser's split
        ("permit", "to", "reenter"): "traveldocument",
        ("put", "in", "for"): "filed",  # "the permit i put in for": applied for
        # a call put through ("transfer me to an officer"): the representative, not a talk at an office
        # one of our staff ("speak with a staff member"): the representative, no service member
        ("staff", "member"): "representative", ("staff", "members"): "representative",
        ("staff", "person"): "representative",
        ("transfer", "me"): "transferme", ("connect", "me"): "transferme", ("transfer", "us"): "transferme",
        ("connect", "us"): "transferme",
        # an approval said as an okay: "did it get the okay", "did they okay it"
        ("get", "the", "okay"): "approved", ("got", "the", "okay"): "approved", ("gave", "the", "okay"): "approved",
        ("give", "the", "okay"): "approved", ("given", "the", "okay"): "approved", ("get", "the", "ok"): "approved",
        ("got", "the", "ok"): "approved", ("the", "go", "ahead"): "approved", ("they", "okay", "it"): "approved",
        ("thumbs", "up"): "approved",
        ("moved", "forward"): "progress", ("move", "forward"): "progress", ("moving", "forward"): "progress",
        ("moved", "along"): "progress", ("got", "approved"): "approved", ("get", "approved"): "approved",
        ("have", "got"): "have",  # "i've got my appointment letter": held, not received
        ("got", "denied"): "denied", ("state", "department"): "statedepartment",
        ("department", "of", "state"): "statedepartment", ("united", "states"): "us", ("u", "s"): "us",
        ("u", "s", "a"): "us", ("not", "anything"): "nothing", ("not", "need", "anything"): "nothing",
        ("heard", "back"): "heard", ("hear", "back"): "hear",
        ("up", "date"): "update",
        ("re", "locating"): "relocating", ("re", "locate"): "relocate", ("re", "located"): "relocated",
        ("re", "location"): "relocation",
        # to learn something, not to find what one lost ("find out where my n 600 is" lacks nothing: `LACKING`)
        ("find", "out"): "findout", ("found", "out"): "findout", ("finding", "out"): "findout",
        ("picked", "up", "by"): "detention", ("immigration", "agents"): "ice",
        ("immigration", "agent"): "ice", ("ice", "agents"): "ice", ("case", "was", "received"): "casereceived",
        ("case", "received"): "casereceived", ("actively", "reviewed"): "activelyreviewed",
        ("hear", "well"): "deaf", ("hard", "of", "hearing"): "deaf", ("not", "hear", "well"): "deaf",
        ("hearing", "impaired"): "deaf", ("to", "type"): "tty", ("type", "instead"): "tty",
        ("not", "hear", "you"): "repeat", ("not", "hear", "that"): "repeat", ("not", "hear", "it"): "repeat",
        ("hear", "me"): "linecheck", ("hear", "us"): "linecheck",  # "can you hear me?" checks the line: no topic
        ("ankle", "monitor"): "anklemonitor", ("ankle", "bracelet"): "anklemonitor",
        ("processing", "time"): "processingtime", ("processing", "times"): "processingtime",
        ("most", "people"): "processingtime", ("photo", "and", "signature"): "biometrics",
        ("district", "office"): "fieldoffice", ("field", "office"): "fieldoffice",
        ("immigration", "building"): "fieldoffice", ("special", "help"): "accommodation",
        ("working", "abroad"): "overseas", ("work", "abroad"): "overseas", ("working", "overseas"): "overseas",
        ("work", "overseas"): "overseas", ("post", "office"): "postoffice",
        ("long", "distance"): "overseas",  # "calling long distance" is not "taking too long"
        ("western", "union"): "westernunion", ("money", "gram"): "moneygram", ("cash", "app"): "cashapp",
        # a person's office is where they work, not a USCIS office: "send my letters to my caseworker's office"
        ("caseworkers", "office"): "caseworker", ("caseworker", "office"): "caseworker",
        ("case", "workers", "office"): "caseworker", ("social", "workers", "office"): "socialworker",
        # a messaging app is how one calls, not a topic: "calling on whats app from Morocco"
        ("what", "is", "app"): "whatsapp", ("whats", "app"): "whatsapp", ("face", "time"): "facetime",
        # how one reaches a person, not the special phone lines: "get someone on the phone"
        ("on", "the", "phone"): "onthephone", ("on", "the", "line"): "onthephone",
        # the State Department's diversity visa lottery is a visa matter, not a lottery ticket
        ("diversity", "visa", "lottery"): "dvlottery", ("diversity", "visa"): "dvlottery",
        ("visa", "lottery"): "dvlottery", ("dv", "lottery"): "dvlottery", ("diversity", "lottery"): "dvlottery",
        ("green", "card", "lottery"): "dvlottery", ("diversity", "program"): "dvlottery",
        # an employer's H-1B or H-2B petition picked in USCIS's cap lottery is our case, not a lottery ticket
        ("h1b", "lottery"): "h1b", ("h2b", "lottery"): "h2b", ("h1b", "cap", "lottery"): "h1b",
        ("cap", "lottery"): "h1b",
        # put out of one's home: the mail has to go elsewhere
        ("kicked", "us", "out"): "evicted", ("kicked", "me", "out"): "evicted", ("threw", "us", "out"): "evicted",
        ("threw", "me", "out"): "evicted", ("kick", "us", "out"): "evicted", ("kick", "me", "out"): "evicted",
        # an animal that helps a disabled person is an accommodation, not a pet ("my guide dog at the interview")
        ("guide", "dog"): "accommodation", ("service", "dog"): "accommodation", ("service", "animal"): "accommodation",
        ("seeing", "eye", "dog"): "accommodation", ("guide", "dogs"): "accommodation",
        ("service", "dogs"): "accommodation",
        # a family court's custody is of children, not ICE's detention (`concepts`: its judge is no immigration judge)
        ("custody", "case"): "familycourt", ("child", "custody"): "familycourt", ("custody", "battle"): "familycourt",
        ("custody", "hearing"): "familycourt", ("custody", "of", "my"): "familycourt",
        ("custody", "of", "our"): "familycourt", ("family", "court"): "familycourt", ("divorce", "case"): "familycourt",
        ("divorce", "court"): "familycourt",
        # to join a class, a gym or a league is another business: not a signature taken at the ASC
        ("sign", "up"): "signup", ("signing", "up"): "signup", ("signed", "up"): "signup",
        # to get married is no card received ("we got married and filed her adjustment")
        ("got", "married"): "married", ("get", "married"): "married", ("getting", "married"): "married",
        ("gotten", "married"): "married",
        # the re-entry permit or travel document as callers name it: a booklet that comes by mail
        ("little", "book"): "booklet", ("little", "booklet"): "booklet",
        # a person, said as a body or a human: "get a live body on the line"
        ("live", "body"): "person", ("warm", "body"): "person", ("live", "human"): "person",
        ("actual", "human"): "person",
        # hearing devices: the TTY line, with the deaf and hard of hearing
        ("cochlear", "implant"): "deaf", ("cochlear", "implants"): "deaf", ("hearing", "aid"): "deaf",
        ("hearing", "aids"): "deaf",
        **_BACK_IN,
        # a holiday named for veterans asks the hours, not the military line ("are you open on veterans day")
        ("veterans", "day"): "holiday", ("veterans", "holiday"): "holiday",
        # a state's or county's benefits office is another business, not social security
        ("social", "services"): "socialservices", ("social", "service"): "socialservices",
        # a pet's adoption or an animal shelter is another business, not a child's adoption
        ("pet", "adoption"): "petadoption", ("animal", "shelter"): "petadoption", ("adopt", "a", "pet"): "petadoption",
        ("animal", "adoption"): "petadoption", ("pet", "adoptions"): "petadoption",
        # animal or pest control is the county's or an exterminator's, no call of ours ("is this animal control")
        ("animal", "control"): "animalcontrol", ("pest", "control"): "animalcontrol",
        # a county clerk's marriage license is another office's errand
        ("marriage", "license"): "marriagelicense", ("marriage", "licenses"): "marriagelicense",
        # the State Department's passport office, not a stamp in one's passport at our field office
        ("passport", "office"): "passportoffice", ("passport", "agency"): "passportoffice",
        # a merchant seaman is no marine of the armed forces
        ("merchant", "marine"): "seaman", ("merchant", "sailor"): "seaman", ("merchant", "marines"): "seaman",
        # a student from abroad studies here: no call from abroad ("my international student advisor")
        ("international", "student"): "foreignstudent", ("international", "students"): "foreignstudent",
        ("foreign", "student"): "foreignstudent", ("foreign", "students"): "foreignstudent",
        # a pet that damaged a paper is no errand of a pet ("my dog chewed up the letter")
        **{(pet, harm): "petdamaged" for pet in ("dog", "puppy", "cat", "kitten") for harm in (
            "chewed", "chews", "ate", "eaten", "tore", "torn", "ripped", "destroyed", "peed", "shredded")},
        # the line's own schedule is its hours, no appointment rescheduled ("does your schedule change for the holidays")
        ("your", "schedule"): "hours", ("your", "schedules"): "hours", ("you", "guys", "schedule"): "hours",
        # a medical test's results are the lab's or the doctor's, no decision of ours ("my blood test results")
        **{(test, *what): "labwork" for test in ("blood", "lab", "urine") for what in (
            ("test",), ("tests",), ("work",), ("draw",), ("panel",), ("results",), ("result",), ("sample",))},
        ("x", "ray"): "labwork", ("x", "rays"): "labwork", ("xray",): "labwork", ("xrays",): "labwork",
        # the new year is a holiday ("the week of new year's"), nothing new nor a year of waiting
        ("new", "years"): "holiday", ("new", "year"): "holiday", ("newyears",): "holiday",
        # USCIS's own name for a service request made online (seed 001, DOMAIN.md §3: the e-Request), as the recogniser
        # spells it: making one ("create", a word of service_requests.menu's new request; a new phrase there diluted
        # that option's examples; the s4 round)
        ("e", "request"): "create", ("e", "requests"): "create", ("erequests",): "create",
    },
    "es": {
        # la e-Request de USCIS (semilla 001, DOMAIN.md §3): hacer una solicitud de servicio en línea ("crear")
        ("e", "request"): "crear", ("e", "requests"): "crear",
        # a plan to leave, not where the caller is ("estudiar en el extranjero"): no call from abroad
        **{(go, *where): "viajealextranjero" for go in (
            "estudiar", "estudia", "estudiando", "estudios", "ir", "irse", "va", "viajar", "viaja",
            "salir", "sale", "mudarse", "semestre", "intercambio") for where in (("al", "extranjero"), ("en", "el", "extranjero"))},
        # one of our service centers ("un recibo del centro de servicio de nebraska"): no service request
        ("centro", "de", "servicio"): "centroservicio", ("centro", "de", "servicios"): "centroservicio",
        # a service request made ("una solicitud de servicio"): no application ("mi solicitud") of a case
        ("solicitud", "de", "servicio"): "solicitudservicio", ("solicitudes", "de", "servicio"): "solicitudservicio",
        ("solicitud", "de", "servicios"): "solicitudservicio",
        ("en", "persona"): "enpersona", ("cara", "a", "cara"): "enpersona",
        ("fuerza", "aerea"): "fuerzaaerea", ("guardia", "costera"): "guardiacostera",
        ("guardia", "nacional"): "guardianacional", ("fecha", "de", "nacimiento"): "nacimiento",
        ("permiso", "de", "trabajo"): "permisotrabajo", ("permiso", "para", "trabajar"): "permisotrabajo",
        ("autorizacion", "de", "empleo"): "permisotrabajo",
        ("autorizacion", "de", "trabajo"): "permisotrabajo", ("permiso", "de", "viaje"): "permisoviaje",
        ("permiso", "de", "reingreso"): "permisoviaje", ("documento", "de", "viaje"): "permisoviaje",
        ("miembro", "del", "personal"): "representante",  # one of our staff, no service member
        ("papeles", "de", "viaje"): "permisoviaje", ("documentos", "de", "viaje"): "permisoviaje",
        ("papeleo", "de", "viaje"): "permisoviaje", ("permiso", "para", "viajar"): "permisoviaje",
        ("estados", "unidos"): "eeuu", ("departamento", "de", "estado"): "departamentoestado",
        ("otra", "vez"): "otravez", ("de", "nuevo"): "otravez", ("ee", "uu"): "eeuu",
        # one's own church is a community ("a la gente de mi iglesia le llegó"), not a place whose hours are asked
        ("mi", "iglesia"): "miiglesia", ("nuestra", "iglesia"): "miiglesia",
        ("presencia", "ilegal"): "presenciailegal",  # the I-601 waiver's ground, no ICE matter
        ("des", "de"): "desde", ("seguro", "social"): "segurosocial", ("me", "pasa"): "paseme",
        ("me", "pase"): "paseme", ("me", "pasas"): "paseme", ("me", "comunica"): "comuniqueme",
        ("se", "lo", "llevo"): "detencion", ("se", "la", "llevo"): "detencion",
        ("se", "los", "llevo"): "detencion",
        ("ayuda", "especial"): "adaptacion", ("no", "escucho", "bien"): "sordo", ("no", "oigo", "bien"): "sordo",
        ("escucho", "bien"): "sordo", ("oigo", "bien"): "sordo",
        ("trabajo", "en", "el"): "trabajo", ("trabajo", "en"): "trabajo",  # "trabajo en un barco": no "trabajan en"
        ("oficial", "de", "deportacion"): "oficialdeportacion", ("grillete", "electronico"): "grillete",
        ("oficina", "de", "correos"): "oficinacorreos", ("oficina", "de", "correo"): "oficinacorreos",
        ("dar", "a", "luz"): "parto", ("di", "a", "luz"): "parto", ("dio", "a", "luz"): "parto",
        ("larga", "distancia"): "extranjero",
        ("western", "union"): "westernunion", ("money", "gram"): "moneygram",
        ("loteria", "de", "visas"): "loteriavisas", ("loteria", "de", "visa"): "loteriavisas",
        ("visa", "de", "diversidad"): "loteriavisas", ("visas", "de", "diversidad"): "loteriavisas",
        ("loteria", "de", "la"): "loteriavisas",  # "la lotería de la green card / de la visa"
        # la lotería de la H-1B (la petición de un patrón, elegida en el sorteo de USCIS) es un caso nuestro
        ("loteria", "de", "la", "h1b"): "h1b", ("loteria", "de", "h1b"): "h1b", ("loteria", "h1b"): "h1b",
        ("loteria", "del", "h1b"): "h1b", ("loteria", "de", "la", "h2b"): "h2b", ("loteria", "de", "h2b"): "h2b",
        ("whats", "app"): "whatsapp", ("what", "is", "app"): "whatsapp",
        ("perro", "guia"): "adaptacion", ("perro", "de", "servicio"): "adaptacion", ("perros", "guia"): "adaptacion",
        ("perro", "de", "asistencia"): "adaptacion", ("perro", "lazarillo"): "adaptacion",
        ("animal", "de", "servicio"): "adaptacion",
        ("visto", "bueno"): "aprobado",  # "le dieron el visto bueno": approved
        ("caso", "de", "custodia"): "cortefamiliar", ("la", "custodia", "de"): "cortefamiliar",
        ("custodia", "de", "mis"): "cortefamiliar", ("custodia", "de", "mi"): "cortefamiliar",
        ("corte", "familiar"): "cortefamiliar", ("corte", "de", "familia"): "cortefamiliar",
        ("juicio", "de", "custodia"): "cortefamiliar", ("caso", "de", "divorcio"): "cortefamiliar",
        ("implante", "coclear"): "sordo", ("implantes", "cocleares"): "sordo", ("aparato", "auditivo"): "sordo",
        ("aparatos", "auditivos"): "sordo", ("ser", "humano"): "persona", ("persona", "viva"): "persona",
        # "las fiestas" de diciembre son los días feriados, no una fiesta (que es otro asunto)
        ("las", "fiestas"): "feriado", ("fiestas", "decembrinas"): "feriado", ("fiestas", "navidenas"): "feriado",
        ("fiestas", "de", "fin", "de", "ano"): "feriado", ("fiestas", "patrias"): "feriado",
        ("dias", "de", "fiesta"): "feriado", ("temporada", "de", "fiestas"): "feriado",
        ("ano", "nuevo"): "feriado",  # "la semana de año nuevo": a holiday, nothing new nor a year
        ("de", "los", "veteranos"): "feriado",  # "el día de los veteranos": a holiday, no military line
        ("oficina", "de", "pasaportes"): "oficinapasaportes", ("licencia", "de", "matrimonio"): "licenciamatrimonio",
        ("licencias", "de", "matrimonio"): "licenciamatrimonio", ("servicios", "sociales"): "serviciossociales",
        ("adopcion", "de", "mascotas"): "adopcionmascotas",
        ("adoptar", "una", "mascota"): "adopcionmascotas", ("refugio", "de", "animales"): "adopcionmascotas",
        ("control", "de", "animales"): "controlanimales", ("control", "de", "plagas"): "controlanimales",
        ("marina", "mercante"): "marinero", ("marino", "mercante"): "marinero", ("marinos", "mercantes"): "marinero",
        # un estudiante de fuera estudia aquí: no llama del extranjero ("la asesora de estudiantes internacionales")
        ("estudiante", "internacional"): "estudianteextranjero", ("estudiantes", "internacionales"): "estudianteextranjero",
        ("estudiante", "extranjero"): "estudianteextranjero", ("estudiantes", "extranjeros"): "estudianteextranjero",
        # una mascota que dañó un papel no es un asunto de mascotas ("mi perro mordió la carta")
        **{(pet, *harm): "mascotadano" for pet in ("perro", "perrito", "perra", "gato", "gatito") for harm in (
            ("mordio",), ("rompio",), ("destrozo",), ("mastico",), ("se", "comio"), ("se", "la", "comio"),
            ("se", "lo", "comio"), ("la", "mordio"), ("lo", "mordio"), ("la", "rompio"), ("lo", "rompio"))},
        # los resultados de un examen médico son del laboratorio o del doctor, ninguna decisión nuestra
        **{(test, *what): "analisislab" for test in ("analisis", "examen", "examenes", "prueba", "pruebas", "estudios")
           for what in (("de", "sangre"), ("de", "orina"), ("de", "laboratorio"), ("del", "laboratorio"),
                        ("clinicos",), ("clinico",))},
        ("resultados", "del", "laboratorio"): "analisislab", ("resultados", "de", "laboratorio"): "analisislab",
    },
}
"""Word groups that mean one thing ("in person" is not "a person"; a "date of birth" is not a court date)."""

ELSEWHERE = {
    "en": frozenset(
        "pharmacy pharmacist prescription refill bank banking insurance bill bills electric electricity "
        "utility utilities credit debit loan mortgage rent landlord store shop restaurant pizza dentist "
        "mechanic dmv lottery weather song gift shoes flight airline hotel "
        "groceries grocery tax taxes irs refund library medicare medicaid unemployment jury welfare postoffice "
        "cable installation salon haircut barber grooming plumber technician amazon bus subway "
        "oil tire tires dog dogs puppy cat cats kitten taxi taxis cab uber lyft limo limousine shuttle "
        "luggage baggage suitcase westernunion moneygram remittance zelle venmo paypal cashapp "
        "walmart costco kroger walgreens cvs mcdonalds starbucks safeway publix mall supermarket "
        "football soccer basketball baseball pothole streetlight garbage trash takeout gas "
        "kindergarten preschool daycare enroll enrollment pediatrician orthodontist optometrist "
        "dermatologist chiropractor yoga pilates zumba karate pottery bowling league socialservices petadoption "
        "marriagelicense church churches mass masses chapel parish temple mosque synagogue sermon "
        "pool pools swimming ymca golf tee teetime museum zoo aquarium beach cinema theater theatre movies "
        "arcade bakery cafe spa tennis pickleball racquetball playground dinner table "
        "labwork lab labs laboratory mammogram biopsy ultrasound cholesterol "
        "animalcontrol raccoon raccoons squirrel squirrels possum opossum skunk skunks rat rats mice termites "
        "exterminator concert concerts".split()
    ),
    "es": frozenset(
        "farmacia receta banco seguro aseguranza factura luz credito debito prestamo "
        "hipoteca renta tienda restaurante pizza dentista "
        "mecanico taller camioneta loteria clima zapatos boletos vuelo hotel tele cancion regalo supermercado impuestos taxes reembolso "
        "biblioteca desempleo cupones estampillas oficinacorreos cable instalacion salon "
        "peluqueria tecnico amazon autobus metro tren "
        "aceite llanta llantas perro perros perrito gato gatos mascota mascotas veterinario taxi taxis uber lyft "
        "limusina maleta maletas equipaje aerolinea westernunion moneygram remesa remesas zelle venmo paypal "
        "walmart costco soriana mcdonalds starbucks casero futbol bache basura tacos gas electricidad "
        "kinder kinders guarderia consultorio pediatra odontologo oculista ginecologo yoga pilates zumba karate "
        "liga beisbol serviciossociales adopcionmascotas licenciamatrimonio misa misas iglesia iglesias parroquia "
        "capilla templo mezquita sinagoga controlanimales mapache mapaches ardilla ardillas zorrillo ratones "
        "termitas fumigador "
        "piscina piscinas alberca gimnasio golf museo zoologico acuario playa cine teatro panaderia cafeteria tenis "
        "parque mesa cena analisislab laboratorio radiografia mamografia biopsia ultrasonido colesterol".split()
    ),
}
"""Words that name another business or everyday errand (the pharmacy, the bank, car insurance, a bill):
said where no choice knows them, they weigh `understanding.ELSEWHERE_WEIGHT`, so "is the pharmacy open"
or "el seguro de mi carro" is not routed to our hours or to another agency."""

SHADOWED = {"en": frozenset({"tired"}), "es": frozenset({"mes", "meses"})}
"""Everyday words that stem as a word of `ELSEWHERE` does ("mes" and "meses" as "mesa", "tired" as "tire"): their stem
is no other business (`understanding._elsewhere` leaves it out), or "el mes pasado" would name a restaurant's table and
"i'm tired of these menus" a car's tyre (tyres stay another business's by `#errand`, a car's parts).  Not "mis" (as
"misa"): left out, "el horario de misa" went to our hours, so "mis documentos" still names a mass (a known cost)."""

LACKING = {
    "en": frozenset(
        "no not never without lost lose losing find forgot forget misplaced missing locate".split()
    ),
    "es": frozenset("no nunca sin perdí perdió perder encuentro encontrar olvidé olvidó extravié extravió".split()),
}
"""Words that say one lacks something ("I don't have", "lost", "can't find", "no tengo", "perdí"): a choice
every phrase of which holds one (not having a receipt number) is a lack, and words that hold none of them do
not go there ("can you pull up my receipt number" names one's receipt number, the opposite)."""
