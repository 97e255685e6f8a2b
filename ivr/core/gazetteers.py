"""Gazetteers: open classes of words of a known kind, in English and Spanish, for the concepts that stand for them.

Blind sentences keep bringing words the training examples never held, but of a kind the
model knows: an illness ("lupus", "fibromyalgia", "esclerosis"), a way of speaking ("my speech
is slurred"), a thing bought or a service used elsewhere ("contact lenses", "la tintorería").  A classifier cannot learn a
word it never saw; a list of the kind can give every such word the concept its kind stands for, so
one example teaches them all:

* `CONDITIONS`: illnesses and conditions, read as `#illness` (`ivr.core.concepts`): a
  condition alone decides no line (a missed appointment, an expedite, an accommodation all
  name one), but with a need at an appointment ("breaks during my interview") it is a service
  request, and with speech or hearing (`SPEECH`) the TTY line;
* `SPEECH`: a caller who cannot speak or prefers to type, read as `#deaf` (the TTY / text
  line, with the deaf and hard of hearing);
* `GOODS`: everyday purchases and services of other businesses (an order of contact lenses,
  dry cleaning, a pizza, furniture), read as `#goods`, a concept of another business as `#errand`
  is (`understanding.ELSEWHERE_CONCEPTS`) but its own, so "check on my order" of one of them is not a
  case status nor another agency though an errand was taught for one ("book a flight home").

Cities abroad are the same mechanism for `#abroad`, generated from GeoNames (`ivr.core.world_cities`).
Phrases are written as callers say them and normalised like their words.  Add a word of the
kind when a caller uses one; never to fix one utterance's other words.  Pure data; no I/O.
"""

from __future__ import annotations

CONDITIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "lupus", "cancer", "leukemia", "lymphoma", "tumor", "brain tumor", "chemotherapy", "radiation treatment",
        "cancer treatment", "fibromyalgia", "chronic fatigue", "copd", "emphysema", "asthma", "heart failure",
        "heart disease", "heart attack", "kidney disease", "kidney failure", "liver disease", "cirrhosis",
        "hepatitis", "hiv", "diabetes", "crohns", "crohn", "colitis", "rheumatoid arthritis", "osteoporosis",
        "scoliosis", "migraines", "migraine", "vertigo", "narcolepsy", "sleep apnea", "muscular dystrophy",
        "spina bifida", "sickle cell", "hemophilia", "anemia", "thyroid", "cystic fibrosis", "tuberculosis",
        "pneumonia", "covid", "long covid", "aneurysm", "brain injury", "head injury", "concussion",
        "schizophrenia", "bipolar", "depression", "ocd", "adhd", "huntingtons", "glaucoma", "cataracts",
        "cataract", "macular degeneration", "high risk pregnancy", "endometriosis", "transplant", "kidney transplant",
        "neuropathy", "sciatica", "herniated disc", "slipped disc", "knee replacement", "hip replacement",
        "back surgery", "chronic illness", "terminal illness", "terminally ill", "hospice", "palliative",
        "lyme disease", "als", "lou gehrigs", "chronic kidney", "heart surgery", "open heart surgery",
        "blood clots", "blood clot", "seizure disorder", "radiation", "infusions", "immunotherapy", "worn out",
        "tire easily", "tired easily", "fatigue",
    ),
    "es": (
        "lupus", "cancer", "leucemia", "linfoma", "tumor", "quimioterapia", "quimio", "radioterapia",
        "fibromialgia", "asma", "enfisema", "epoc", "insuficiencia cardiaca", "enfermedad del corazon", "infarto",
        "ataque al corazon", "enfermedad renal", "insuficiencia renal", "los rinones", "cirrosis", "hepatitis",
        "vih", "sida", "diabetes", "colitis", "artritis reumatoide", "osteoporosis", "escoliosis", "migrana",
        "migranas", "vertigo", "anemia", "tiroides", "tuberculosis", "neumonia", "covid", "aneurisma",
        "lesion cerebral", "conmocion", "esquizofrenia", "bipolar", "depresion", "glaucoma", "cataratas",
        "embarazo de alto riesgo", "trasplante", "transplante", "neuropatia", "ciatica", "hernia de disco",
        "operacion de la espalda", "enfermedad cronica", "enfermedad terminal", "enfermo terminal",
        "enferma terminal", "esclerosis multiple", "tratamiento de cancer", "tratamiento contra el cancer",
        "cansancio", "agotado", "agotada",
    ),
}
"""Illnesses and conditions (`#illness`), besides the few `concepts.CONCEPTS` names itself ("sick", "surgery")."""

SPEECH: dict[str, tuple[str, ...]] = {
    "en": (
        "my speech", "speech is", "speech impaired", "speech impairment", "speech problem", "speech problems",
        "slurred", "slurring", "can not speak well", "can not speak clearly", "trouble speaking",
        "trouble talking", "hard for me to speak", "hard for me to talk", "mute", "nonverbal", "non verbal",
        "lost my voice", "no voice", "type to you", "type instead", "where i can type", "a way to type", "tracheotomy", "tracheostomy",
        "laryngectomy", "voice box", "text instead", "instead of talking",
        "instead of speaking", "text line",
    ),
    "es": (
        "no puedo hablar bien", "no puede hablar bien", "mudo", "muda", "me cuesta hablar", "le cuesta hablar",
        "habla arrastrada", "hablo arrastrado", "problemas del habla", "impedimento del habla", "traqueotomia", "traqueostomia",
        "en vez de hablar", "en lugar de hablar", "escribir en vez", "perdi la voz", "sin voz",
    ),
}
"""A caller who cannot speak, or would type instead (`#deaf`: the TTY / text line)."""

GOODS: dict[str, tuple[str, ...]] = {
    "en": (
        "contact lenses", "contacts order", "lenses", "glasses", "eyeglasses", "sunglasses", "optometrist",
        "dry cleaning", "dry cleaner", "dry cleaners", "laundry", "laundromat", "tailor", "alterations",
        "furniture", "mattress", "couch", "sofa", "appliance", "refrigerator", "fridge", "washing machine",
        "dryer", "dishwasher", "microwave", "tv", "television", "laptop", "computer repair", "phone repair",
        "screen repair", "my phone screen", "car repair", "auto shop", "body shop", "oil change", "car wash",
        # a car's parts and repairs, and a price quoted for a job
        "bumper", "windshield", "brake pads", "my brakes", "the brakes", "transmission", "muffler", "tune up",
        "a dent", "the dent", "headlight", "tail light", "taillight", "paint job", "auto body", "a quote on",
        "a quote for",
        "groceries", "grocery order", "food order", "takeout order", "my pizza", "flowers", "florist", "cake",
        "bakery", "catering", "shoes", "clothes", "jewelry", "watch repair", "online order", "my order",
        "order number", "shipment", "tracking my package", "store credit", "warranty", "subscription",
        "membership", "gym membership", "tickets to", "concert", "movie", "veterinarian", "pet food", "toys",
        "books i ordered", "textbooks", "prescription glasses", "hearing aids order", "photos printed",
        "printer ink",
        # prices and money of the market, not a fee of ours
        "exchange rate", "exchange rates", "currency exchange", "money exchange", "the dollar", "price of the dollar",
        "dollar to peso", "dollar to the peso", "exchange dollars", "exchange my dollars", "exchange pesos",
        "stock market", "stock price", "stocks", "bitcoin", "crypto", "price of gold", "gold price", "gas prices",
        "gas price", "price of gas", "price of eggs", "the euro", "mortgage rates", "interest rates",
    ),
    "es": (
        "lentes de contacto", "lentes", "anteojos", "gafas", "lentes de sol", "optica", "optometrista",
        "tintoreria", "lavanderia", "la ropa", "mi ropa", "ropa", "sastre", "costurera", "muebles", "colchon",
        "sofa", "refrigerador", "lavadora", "secadora", "microondas", "televisor", "computadora", "reparacion",
        "arreglar mi celular", "pantalla del celular", "taller", "lavado de carro", "despensa",
        # las piezas y arreglos de un carro, y el precio cotizado de un trabajo
        "defensa del carro", "defensa de mi carro", "la defensa trasera", "parachoques", "abolladura", "parabrisas",
        "los frenos", "la transmision", "el mofle", "hojalateria", "hojalatero", "pintura del carro",
        "una cotizacion", "cotizacion para", "presupuesto para arreglar",
        "pedido de comida", "pastel", "panaderia", "floreria", "zapatos", "vestido", "joyeria", "reloj",
        "mi pedido", "el pedido", "numero de pedido", "compra en linea", "devolucion", "garantia", "suscripcion",
        "membresia", "gimnasio", "boletos para", "concierto", "pelicula", "veterinario", "juguetes", "libros",
        "fotos impresas",
        # precios y dinero del mercado, no una cuota nuestra
        "casa de cambio", "tipo de cambio", "el dolar", "los dolares", "precio del dolar", "a como esta el dolar",
        "cambiar dolares", "cambiar pesos", "cambiar mis dolares", "el euro", "bolsa de valores", "las acciones",
        "bitcoin", "criptomonedas", "precio del oro", "precio de la gasolina", "la gasolina", "precio del huevo",
        "tasas de interes", "la tasa de interes",
    ),
}
"""Everyday purchases and services of other businesses (`#goods`), besides the errands `concepts.CONCEPTS` names."""
