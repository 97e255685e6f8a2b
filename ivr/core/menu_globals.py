"""The globals a caller asks for in so many words inside a submenu, whatever else they say: back to the start (the
menu's "main menu" option), the menu before, the menu read again, the hours, done with the call; and a thing asked
to be sent again, which is no repeat (issue 16: global intents work "in every menu in both languages"; the s3 round).

A submenu's keywords score these globals by one word each ("back" is the previous menu's, "otra vez" is hearing a
status again, "time" is an appointment's), so "take me back to the very beginning" went to the previous menu and
"me puede decir las opciones otra vez" to hearing the status again.  The patterns here read the request whole: a
place to go back to that is the start, the options (not a status, a number or a letter) asked again or asked slower,
the time the line opens or closes, a goodbye that closes the sentence, a receipt number gone with its paper (the
s4 round also reads the start by other names, "the one before", and the menu's items named to be heard again).  They are read on the text as said, accents
dropped, once per utterance, only in the submenus of a line (`understanding.Model._understand`): the main menu's
outcomes do not move.
"""

from __future__ import annotations

import functools
import re

from ivr.core.plain_said import plain_said
from ivr.core.per_sentence import per_sentence
from ivr.core.prefilter import Prefiltered, prefiltered

START = "start"
"""Back to the beginning: the menu's option that goes to the main menu (`understanding.Model.start`)."""
REPEAT = "repeat"
HOURS = "hours"
PREVIOUS = "previous"
NO_RECEIPT = "no_receipt_number"
"""A receipt number gone with its paper (`_GONE`)."""
END = "end"
"""Done with the call: the menu's option that ends it (`understanding.Model.end`), at the menus that offer one."""

_START = {
    "en": (
        r"(?:back|return|go|get|take me|bring me|send me|put me) (?:back )?to (?:the )?(?:very )?"
        r"(?:beginning|start|main menu|main options|first menu|top|home menu|main part|first part|very first menu|"
        r"first options|main one|first one you (?:had|said|read))",
        r"start (?:all )?(?:over|again from the (?:top|beginning))",
        r"(?:start|begin) from (?:the )?(?:very )?(?:top|beginning|scratch)",
        r"(?:go|take me|get me|back) (?:back )?to (?:the )?menu (?:at|from) the (?:start|beginning)",
    ),
    "es": (
        r"(?:regres\w*|volver|vuelv\w*|vuelvo|ir(?:me)?|lleve\w*|llevar\w*|mande\w*|mandar\w*|pase\w*|pasar\w*|"
        r"devuelva\w*|devolver\w*) (?:me |nos )?(?:al|hasta el|a el|hasta al) (?:mero |puro |mismo )?"
        r"(?:principio|inicio|comienzo|menu principal|menu del principio|menu de inicio|principal\b)",
        r"(?:volver|vuelvo|vuelva|quiero) a (?:empezar|comenzar|iniciar)(?! (?:el|la|mi|los|las|un|una) )",
        r"(?:empezar|comenzar|iniciar) (?:de nuevo|de cero|desde cero|desde el (?:principio|inicio))",
        r"(?:al|el) menu principal",
        r"(?:ir\w*|regres\w*|volver|vuelv\w*|lleve\w*|mande\w*|pase\w*) (?:me |nos )?(?:a lo primero|al primer menu|"
        r"a la parte principal|al principio de todo|a las primeras opciones)",
        r"(?:al|el|del) (?:menu|principio) (?:de )?(?:mero |hasta |mas )?(?:arriba|de hasta arriba)\b",
        r"(?:regres\w*|vuelv\w*|volver|lleve\w*|mande\w*) (?:me |nos )?(?:hasta |a )?donde (?:empece|empezamos|"
        r"comence|comenzamos|empezo todo)\b",
        r"(?:las )?(?:otras |demas |primeras )?opciones (?:del|de) (?:inicio|principio)\b",
    ),
}
"""Going back to the start: a verb of going with the beginning, the top or the main menu as where to (not "from the
beginning my case has had problems"), or starting over; the menu "de mero arriba" (round 16: "quiero el menú de mero
arriba" was the end of the call)."""

_ITEMS_EN = r"(?:options|choices|menu|lines|agencies|countries|types|reasons|places)"
_ITEMS_ES = r"(?:opciones|menu|lineas|agencias|paises|tipos|razones|motivos|oficinas)"
_PREVIOUS = {
    "en": (
        r"(?:back|go back|take me back|step back) (?:one|a) (?:step|menu|level|screen)",
        r"(?:go|take me|get me) back to (?:the )?(?:previous|last|other|earlier) (?:options|choices|menu|one)",
        r"(?:the )?(?:options|choices|menu) (?:before|from before) (?:this|that)",
        r"(?:go|take me|get me|bring me|back|want|need) (?:back )?(?:to )?the (?:one|menu) (?:right )?before",
        r"(?:want|need|go back to|take me back to|back to) the (?:previous|last) one",
        r"the (?:menu|options|choices|screen|one) i was (?:just )?(?:on|in|at)",
        r"(?:go|get|take me|bring me|put me|send me) back to where (?:i|we) (?:was|were)",
        r"(?:to|want|need) the last (?:menu|options|choices)",
        r"(?:go|take me|get me|bring me|send me|put me|step|move me|jump) back (?:one|a notch)(?! (?:more|of|thing|"
        r"thing|question|sec|second|minute|time|day|week|month|year))",
        r"back (?:one|a) (?:more )?(?:step|menu|level|screen|notch)",
        r"not (?:this|the) (?:\w+ )?menu\b(?: \w+){0,4} back\b",
        r"(?:go|take me|get me|bring me|send me|put me|step) back (?:\w+ )?(?:a|one) (?:step|menu|level|screen)",
        r"(?:go|going|get|take me|bring me) back and (?:pick|choose|select|try|press) (?:something|another|a different|"
        r"again)",
        r"(?:by mistake|by accident|the wrong (?:one|option|choice|button|number))(?: \w+){0,6} (?:bring|take|send|get|"
        r"put) (?:me|us) back$",
        r"(?:^|\b(?:no|nope|oops|sorry|wrong|states|okay|ok|so|just|please) )(?:go|take me|send me|bring me|get me|"
        r"put me) back(?: (?:please|now|then))?$",
        r"(?:go|take me|send me|bring me|get me|put me) back to the (?:list|menu) (?:of|with) (?:the )?" + _ITEMS_EN,
    ),
    "es": (
        r"(?:opciones|menu) (?:de antes|anterior(?:es)?|de atras)",
        r"(?:un|una) (?:paso|menu|opcion) (?:atras|para atras|anterior)",
        r"(?:regres\w*|volver|vuelv\w*|lleve\w*|pase\w*|ir) (?:me |nos )?(?:al|a la) (?:anterior|de antes)",
        r"(?:quiero|deme|pongame|necesito) (?:el|la) (?:anterior|de antes)$",
        r"(?:menu|opciones|opcion) (?:donde|en (?:el|la|las) que|en que) estaba",
        r"(?:regres\w*|volver|vuelv\w*|lleve\w*|pase\w*|ir) (?:me |nos )?a donde estaba",
        r"(?:regres\w*|volver|vuelv\w*|devuelv\w*|lleve\w*|ir) (?:me |nos )?a lo (?:de antes|anterior|de hace rato)\b",
        r"(?:regres\w*|volver|vuelv\w*|devuelv\w*|devolver\w*) (?:me |nos )?(?:uno|un paso|un menu|una opcion)\b",
        r"(?:lleve\w*|pase\w*|ir\w*|mueva\w*) (?:me |nos )?(?:uno|un paso|un menu|una opcion) (?:para )?atras\b",
        r"(?:atras|para atras) (?:uno|un paso|un menu)\b",
        r"(?:regres\w*|vuelv\w*|devuelv\w*|lleve\w*|pase\w*|mande\w*|eche\w*) (?:me |nos )?(?:una|uno) (?:para )?atras\b",
        r"(?:este|ese) menu no\b,?(?: \w+){0,4} (?:regres\w*|volver|vuelv\w*|devuelv\w*|atras|anterior|antes)\b",
        r"no (?:es )?(?:este|ese) menu\b(?: \w+){0,4} (?:regres\w*|volver|vuelv\w*|devuelv\w*|atras|anterior|antes)\b",
        r"(?:regres\w*|volver|vuelv\w*|devuelv\w*|lleve\w*|pase\w*|ir) (?:me |nos )?a (?:la lista|el menu|"
        r"las opciones) de (?:los |las )?" + _ITEMS_ES,
    ),
}
"""The menu before this one: a step back, or the earlier options (not the start: `_START` is read first); going back to
pick something else, or brought back after a wrong pick (the submenus' round 13: "i picked that by mistake … bring
me back"); back to what came before ("regréseme a lo de antes", "quiero volver a lo de antes": round 15); "go back"
said alone to close the sentence, or back to the list of the items ("… i'm in the states go back", "me regresa a la
lista de tipos de solicitud": round 16; not "i need to go back": a trip)."""

_ITEMS = {"en": _ITEMS_EN, "es": _ITEMS_ES}
"""What a menu's items are called when asked again ("those agencies", "las líneas": the s4 round)."""
_REPEAT = {
    "en": (
        r"(?:repeat|say|read|give me|go (?:through|over)|tell me|list) (?:me )?(?:all )?(?:the |those |these |your )?"
        + _ITEMS["en"],
        r"(?:didn'?t|did not|couldn'?t|could not|can'?t|cannot) (?:quite )?(?:catch|hear|understand|get) "
        r"(?:the options|the choices|the menu|all (?:of )?(?:the|those) (?:options|choices))",
        r"what " + _ITEMS["en"] + r" (?:did you|were those|were they|was that|you) (?:just )?(?:say|said|name|named|"
        r"mention|mentioned|read|list|listed)",
        r"(?:go through|read|say|repeat) (?:them|those|that|it) (?:all )?(?:again )?(?:a (?:little|bit) )?"
        r"(?:slower|more slowly|slowly)",
        r"(?:slower|more slowly|slow down) (?:please|for me)?$",
        r"what (?:were|are) (?:the|my|those|all the) (?:options|choices)",
        r"what were (?:the|those|all the) " + _ITEMS["en"],
        r"(?:options|choices|menu) (?:again|one more time)",
        r"(?:the|those|these) " + _ITEMS["en"] + r" (?:again|one more time)",
        r"(?:start|read|go (?:through|over)|say|repeat|give me|run (?:through|down)) (?:the|that|your) (?:whole )?list"
        r"(?: \w+)? (?:over|again|one more time)",
        r"(?:repeat|reread|re-read) (?:the|that|your) (?:whole )?list",
        r"what (?:were|are) (?:the|those|these) (?:\w+ )?things you (?:just )?(?:said|read|listed|mentioned|named)",
        r"(?:say|read|repeat|go (?:through|over)|run through) (?:all )?(?:those|them|all of (?:those|them)) (?:again|one "
        r"more time|over)",
        r"what (?:were|are) the (?:rest|others|other ones)(?: of (?:them|those|the " + _ITEMS["en"][3:-1] + r"))?$",
    ),
    "es": (
        r"(?:repet\w*|repit\w*|dec\w*|dig\w*|le\w*) (?:me |nos )?(?:otra vez |de nuevo )?(?:todas |todos )?"
        r"(?:las |los |sus )?" + _ITEMS["es"],
        r"vuelv\w* a (?:decir|leer|repetir|nombrar)\w* (?:todas |todos )?(?:las |los |sus )" + _ITEMS["es"],
        r"cuales (?:eran|son|fueron) (?:las|los) " + _ITEMS["es"] + r" (?:que|otra vez|de nuevo)",
        r"cuales (?:eran|fueron) (?:las|los) " + _ITEMS["es"] + r"$",
        r"(?:opciones|menu) (?:otra vez|de nuevo|una vez mas)",
        r"no (?:le |te )?(?:entendi|escuche|oi|alcance a (?:oir|escuchar|entender)) (?:bien )?(?:el menu|(?:las|los) "
        + _ITEMS["es"] + ")",
        r"mas (?:despacio|despacito|lento|lentito|calmado)",
        r"^(?:\w+ )?como dijo(?=$| (?:perdon|disculpe|no (?:le )?(?:entendi|escuche|oi)|puede repetir|me repite))",
        r"(?:repet\w*|repit\w*|le\w*|dig\w*|dec\w*|empie\w*|vuelv\w* a (?:leer|decir|empezar)) (?:me |nos )?"
        r"(?:otra vez |de nuevo )?(?:toda )?la lista",
        r"(?:que|cuales) " + _ITEMS["es"] + r" (?:me |nos )?(?:dijo|dijiste|menciono|leyo|nombro|acaba de (?:decir|leer))$",
        r"no (?:le )?(?:oi|escuche|entendi|alcance a (?:oir|escuchar)) nada de (?:las|los) " + _ITEMS["es"],
        r"cuales (?:eran|son|fueron) (?:esas|las) (?:\w+ )?cosas que (?:me )?(?:acaba de |acabo de )?(?:dijo|leyo|"
        r"nombro|menciono|decir|leer)",
        r"cuales son (?:las|sus) (?:opciones|lineas|agencias|tipos|razones|motivos)$",
        r"(?:cual|que) (?:era|es|fue) (?:la|el) (?:primer|primera|segunda|segundo|tercera|tercer|cuarta|cuarto|quinta|"
        r"quinto|ultima|ultimo|otra|otro) (?:opcion|razon|motivo|tipo|linea|agencia|cosa)? ?(?:que|de las que) "
        r"(?:me )?(?:dijo|leyo|menciono|nombro)",
        r"(?:me|nos) (?:las|los) (?:dice|dices|repite|repites|lee|lees|puede (?:decir|repetir|leer)|vuelve a (?:decir|"
        r"leer)) (?:otra vez|de nuevo|una vez mas)",
    ),
}
"""The menu asked again: its options named, or asked slower; "say those again", "what were the rest of them",
"cuáles eran los motivos" at the end of the sentence (the submenus' round 13); "cuáles son las opciones" closing the
sentence, which one the second item said was, "me las dice otra vez" (round 16).  Not "i didn't catch that" nor "no le
entendí" alone: at the menus that read a status or a number first, that is the status or the number again (their
option 1)."""

_HOLIDAY = {
    "en": r"(?:(?:federal |national |public )?holidays?|christmas(?: eve| day)?|thanksgiving|new year'?s(?: day| eve)?|"
          r"veterans'? day|memorial day|labor day|columbus day|independence day|(?:the )?fourth of july|july fourth|"
          r"(?:martin luther )?king day|presidents'? day|juneteenth)",
    "es": r"(?:dias? (?:festivos?|feriados?)|festivos?|feriados?|navidad|ano nuevo|dia de (?:accion de gracias|los veteranos|"
          r"la independencia|ano nuevo|los caidos|los trabajadores)|(?:el )?(?:4|cuatro) de julio)",
}
"""A holiday named, when the caller asks whether anyone answers on it (the submenus' round 14)."""

_HOURS = {
    "en": (
        r"what(?:'s|s| is) the (?:latest|earliest)(?: time)?(?: (?:that|when))? (?:i|we|you|someone|somebody|anyone) "
        r"(?:can|could|should|are|is|will)",
        r"how (?:late|early) (?:are you|do you|can i|could i|should i|is (?:someone|somebody|anyone)|are (?:you|they))",
        r"what time (?:do|does|are|will) (?:you|y'?all|the (?:lines?|phones?|office|call center)|your "
        r"(?:lines?|phones?|office|call center)) (?:open|close|start|stop|answer)",
        r"what time (?:can|could|should) (?:i|we) (?:call|reach|get (?:through|ahold|hold|someone|somebody|a person))",
        r"(?:until|till|til) what time (?:are you|do you|can i|is (?:someone|somebody|anyone))",
        r"what (?:are|is) (?:your|the) (?:hours|phone hours|business hours|schedule)",
        r"(?:best|good|right|better) time (?:of (?:the )?day )?(?:to|for me to|i can|should i) (?:call|reach|get (?:a|someone|"
        r"somebody|through|ahold|hold)|talk|speak)",
        r"(?:is|are) (?:there )?(?:anyone|anybody|someone|somebody|people|agents?|representatives?)(?: \w+){0,5} "
        r"(?:in the (?:evenings?|mornings?)|at night|(?:on )?(?:the )?weekends?|on (?:saturdays?|sundays?)|evenings|"
        r"after (?:five|six|work))",
        r"(?:on )?(?:saturdays?|sundays?|(?:the )?weekends?) (?:is|are) (?:there )?(?:anyone|anybody|someone|somebody|"
        r"people|agents?|representatives?) (?:there|working|answering|on the (?:phones?|line|lines)|to (?:talk|answer|"
        r"pick up|take calls))",
        r"(?:is|are) (?:there )?(?:you|y'?all|your (?:\w+ )?(?:agents?|lines?|phones?|people|representatives?|call center)|"
        r"(?:the )?(?:lines?|phones?|call center)|anyone|anybody|someone|somebody|people|agents?|representatives?)"
        r"(?: \w+){0,5} (?:on|for|over|during) (?:the )?" + _HOLIDAY["en"],
        r"(?:open|closed|working|answering)(?: \w+){0,2} (?:on|for|over|during) (?:the )?" + _HOLIDAY["en"],
        r"is that a (?:federal |national )?holiday for (?:you|y'?all)",
        r"(?:will|would|is|are) (?:there )?(?:anyone|anybody|someone|somebody|people|agents?|representatives?|you|"
        r"y'?all|your (?:\w+ )?(?:people|agents?|representatives?|folks))(?: still)? (?:be )?(?:answering|around|"
        r"there|picking "
        r"up|taking calls|working|on the (?:phones?|lines?))(?: the phones?)? (?:then|by then|that late|that early|at that "
        r"(?:time|hour|point))\b",
        r"when (?:do|does|will) (?:you|y'?all|you guys|your (?:\w+ )?(?:people|agents?|representatives?|folks|lines?|"
        r"phones?|call center)|(?:the )?(?:lines?|phones?|agents?|call center)) (?:start|begin|stop|open|close|"
        r"quit)(?: (?:taking calls|answering|picking up|for the day|in the morning))?(?: (?:again|tomorrow|today))?$",
    ),
    "es": (
        r"hasta (?:que|cuando|cual) (?:hora|horas) (?:atienden|abren|estan|contestan|puedo|se puede|hay|trabajan)",
        r"a que hora (?:abren|cierran|atienden|contestan|empiezan|puedo llamar|se puede llamar|hay alguien)",
        r"(?:cual es|cuales son) (?:el|los|su|sus) (?:horario|horarios)",
        r"que (?:horario|horarios|dias) (?:tienen|manejan|atienden|abren)",
        r"(?:lo )?mas (?:tarde|temprano) que (?:puedo|se puede|pueda)",
        r"(?:mejor|buena) hora (?:para|de) (?:llamar|hablar|comunicarme|agarrar|encontrar)",
        r"hay (?:alguien|gente|agentes|personas)(?: \w+){0,5} (?:en la noche|en las noches|en las tardes|por la noche|"
        r"los (?:sabados|domingos|fines de semana)|el fin de semana)",
        r"(?:(?:el|los) (?:sabados?|domingos?|fines? de semana)|(?:en )?(?:el|los) " + _HOLIDAY["es"] + r") hay "
        r"(?:alguien|gente|agentes|personas) (?:en el telefono|"
        r"en la linea|que conteste|contestando|atendiendo|trabajando|para atender)",
        r"(?:atienden|abren|trabajan|contestan|estan abiertos|estan cerrados|cierran|hay (?:alguien|gente|agentes|"
        r"personas))(?: \w+){0,5} (?:en |el |los |para |durante )?(?:el |los )?" + _HOLIDAY["es"],
    ),
}
"""The hours asked: when the line opens or closes, the latest or earliest one can call, the best time to reach
someone, anyone there in the evenings or at weekends (round 11: when a person can be reached is the hours; not "what
time is my appointment": an option of the appointment menus, or no one's), the day said first ("el domingo hay alguien
en el teléfono": the submenus' round 13); anyone still answering at a time the caller said, or when the line's people
start taking calls ("my shift ends at six will anyone still be answering then", "… when do your people start taking
calls": round 16)."""

_END = {
    "en": (
        r"(?:that'?s|that is|that was|thats) (?:all|everything|it)(?: (?:for (?:now|today)|i (?:needed|need|wanted)))?"
        r"(?= thank| thanks| bye| goodbye|$)",
        r"(?:i'?m|im|i am|we'?re|we are) (?:all )?(?:done|good|set|finished)(?: (?:now|then|here|for (?:now|today)))?"
        r"(?= thank| thanks| bye| goodbye|$)",
        r"(?:nothing|no) (?:else|more)(?: (?:for (?:now|today)|thanks|thank you|questions))?(?= thank| thanks| bye|$)",
        r"(?:have a (?:good|nice|great|blessed) (?:day|one|night|afternoon)|good ?bye|bye bye)$",
    ),
    "es": (
        r"(?:ya )?(?:es|eso es|eso seria|seria) todo(?= gracias| muchas| adios| bye|$)",
        r"ya (?:quedo|quede|estuvo|termine|acabe|esta)(?= gracias| muchas| adios| bye| que le vaya|$)",
        r"(?:nada|ninguna) mas(?: por (?:ahora|hoy))?(?= gracias| muchas| adios| bye|$)",
        r"(?:que le vaya bien|que tenga (?:buen|un buen|bonito|linda?) (?:dia|tarde|noche)|adios|hasta luego)$",
        r"(?:ahi|hasta ahi|aqui|hasta aqui) (?:le|lo) (?:dejamos|dejo|paramos)(?= gracias| muchas| adios| bye| que le vaya|$)",
    ),
}
"""Done: the caller's own way of ending ("that's all thanks", "ya quedó muchas gracias que le vaya bien"), said to
close, not in the middle of a question ("that's all i know about my case but …" is no goodbye); "ahí le dejamos
gracias" (round 16)."""

_GONE = {
    "en": (
        r"(?:threw|throw|thrown|tossed|burn|burned|burnt|lost|misplaced|chewed|ate|eaten|destroyed|ripped|shredded|"
        r"washed|got rid of)(?: \w+){0,8} receipt",
        r"receipt(?: \w+){0,6} (?:got |was |is |went )?(?:thrown|tossed|burned|burnt|lost|misplaced|chewed|eaten|"
        r"destroyed|ripped|shredded|washed)",
        r"receipt(?: \w+){0,8} (?:i|we|my \w+|someone|somebody) (?:accidentally |already |must have )?(?:threw|tossed|"
        r"burned|burnt|lost|misplaced|shredded|washed|got rid of)",
        r"receipt(?: \w+){0,6} (?:went|ended up|got taken) (?:out )?(?:with|in|into) the (?:trash|garbage|recycling|"
        r"rubbish|shredder|wash|laundry)",
        r"(?:can'?t|cannot|can not|couldn'?t|could not|unable to) (?:find|locate|get to|access)(?: \w+){0,2} receipt",
        r"receipt(?: [\w']+){0,8} (?:was|were|is) in (?:my|the|our|his|her) (?:car|truck|van|purse|wallet|bag|backpack|"
        r"suitcase|luggage)(?: [\w']+){0,6} (?:got |was |were )?(?:towed|stolen|impounded|broken into|robbed|taken)\b",
    ),
    "es": (
        r"(?:tire|tiramos|tiro|bote|botamos|boto|quem\w*|perdi|perdio|perdimos|comio|rompi|rompio|extravi\w*|moj\w*)"
        r"(?: \w+){0,8} recibo",
        r"recibo(?: \w+){0,6} (?:se (?:me |nos )?)?(?:perdio|quemo|mojo|rompio|extravio|tire|bote)",
        r"recibo(?: \w+){0,12} (?:ya )?(?:lo|la) (?:tire|tiramos|bote|botamos|perdi|perdimos|queme|quemamos)\b",
        r"no (?:encuentro|hallo|encontramos|puedo encontrar|doy con)(?: \w+){0,3} recibo",
    ),
}
"""A receipt number gone with the paper it was on ("i threw out the letter with my receipt number", "se me quemó la
carta con el número de recibo"): the no_receipt_number global (the s4 round); gone with the recycling, or the paper
it was written on thrown out ("… lo tenía apuntado en el calendario y ya lo tiré"), or not to be found whatever the
reason ("i can't find my receipt number, it was in an email account i got locked out of": the submenus' round 13), or
gone with what it was kept in, a car towed or a purse stolen (round 15)."""

_REFUSED = {
    "en": re.compile(r"\b(?:won'?t|wont|will not|don'?t|dont|do not|doesn'?t|doesnt|does not|didn'?t|didnt|did not|"
                     r"wouldn'?t|wouldnt|would not|refus\w*(?: to)?|not) (?:take|accept|taking|accepting|honor|count) "
                     r"(?:my|the|our|his|her|their|a|that|this)(?: \w+)? (?:receipt|receipts)\b"),
    "es": re.compile(r"\bno (?:me |nos |le |les )?(?:acept\w*|tom\w*|quier\w* (?:aceptar|tomar|recibir)|recib\w*|"
                     r"vale|valen|sirve) (?:el|mi|su|ese|este|nuestro)(?: \w+){0,2} recibo\b"),
}
"""A receipt notice someone will not take ("h r won't take my receipt notice", "en el trabajo no me aceptan el aviso de
recibo"): the caller has it, so no receipt number is lacking whatever "not" says (round 16: "… h r won't take my
receipt notice so i need that a d i t stamp" was no receipt number, sure of it)."""
@functools.cache
def _refused(language: str) -> Prefiltered:
    return prefiltered(_REFUSED.get(language, _REFUSED["en"]))


@per_sentence()
def receipt_refused(text: str, language: str) -> bool:
    """Whether a receipt notice the caller has is refused by someone (`_REFUSED`): no receipt number lacking
    (`understanding.Model._understood` bars the lacks)."""
    return _refused(language).search(plain_said(text)) is not None


_RESENT = {
    "en": r"\b(?:send|sends|sent|resend|mail|mailed|reissue|reissued|issue|issued|print|deliver)\b",
    "es": r"\b(?:manden|mandar|mandarme|mandaran|mandaron|envien|enviar|enviarme|enviaron|reenvien|reenviar|"
          r"reenviarme|expidan|expedir|emitan|emitir|vuelvan a mandar|vuelvan a enviar)\b",
}
"""A thing sent again ("que me manden otra vez la carta", "can you mail the notice again"): "otra vez" / "again" is
the letter's, not the menu's."""


@functools.cache
def _resent(language: str) -> Prefiltered:
    return prefiltered(_RESENT.get(language, _RESENT["en"]))


def resent(text: str, language: str) -> bool:
    """Whether the caller asks for something sent or issued again: "again" then is no request to hear the menu again
    (`understanding.Model`: the repeat global is not chosen; the s3 round)."""
    return _resent(language).search(plain_said(text)) is not None


@functools.cache
def _patterns(language: str) -> tuple[tuple[str, Prefiltered], ...]:
    """The requests' patterns, compiled with their gates once (at the first sentence read, not at import): a sentence
    without the phrases one needs is not searched (`ivr.core.prefilter`)."""
    return tuple(
        (name, prefiltered(r"\b(?:" + "|".join(by.get(language, by["en"])) + r")\b"))
        for name, by in ((START, _START), (PREVIOUS, _PREVIOUS), (REPEAT, _REPEAT), (HOURS, _HOURS), (END, _END),
                         (NO_RECEIPT, _GONE))
    )


@per_sentence()
def global_asked(text: str, language: str) -> str | None:
    """The global the caller asks for in so many words (`START`, `PREVIOUS`, `REPEAT`, `HOURS`, `END`), or None: the
    first whose pattern the words hold, in that order ("go back to the beginning and say the options again" goes
    back)."""
    plain = plain_said(text)
    for name, pattern in _patterns(language):
        if pattern.search(plain):
            return name
    return None


_THING = {
    "en": frozenset("date day time hour place address location center number digits digit confirmation reference "
                    "status update appointment case application".split()),
    "es": frozenset("fecha dia hora lugar direccion centro numero numeros digitos digito confirmacion referencia "
                    "estado cita caso solicitud".split()),
}
"""What a submenu plays back ("the date", "the number", "el estado"): named, "one more time" asks for it again."""


@functools.cache
def _thing(language: str) -> Prefiltered:
    """A word of `_THING` said whole (no letter, digit or apostrophe either side of it), behind its gate: most sentences
    name none and are not searched, where splitting every sentence into its words cost more."""
    return prefiltered(r"(?<![\w'])(?:" + "|".join(sorted(_THING.get(language, _THING["en"]))) + r")(?![\w'])")


def thing_again(text: str, language: str) -> bool:
    """Whether the caller names a thing the menu plays back (`_THING`): "can you read me the number one more time",
    "where is the appointment again".  Read with the repeat global's words, such a request is the menu's option that
    plays it again (`understanding.Model.again`), not the menu read again (the coverage round, sub67)."""
    return _thing(language).search(plain_said(text)) is not None


_TAKEN_BACK = {
    "en": re.compile(r"^\s*(?:(?:oh|ah|uh|um|wait)\W+)?no\b\W*(?:no\b\W*)?(?=(?:wait|hold on|hang on|actually|sorry|"
                     r"i found|i do have|i have|i got|i've got|here it is)\b)", re.IGNORECASE),
    "es": re.compile(r"^\s*(?:(?:ay|ah|este|oiga|ah)\W+)?no\b\W*(?:no\b\W*)?(?=(?:espere|espera|[eé]pere|p[eé]rame|"
                     r"perd[oó]n|un momento|momento|aguarde|s[ií] lo tengo|ya lo encontr[eé]|aqu[ií] lo tengo|ya lo hall[eé])\b)",
                     re.IGNORECASE),
}
"""A "no" that takes back what the caller was about to say ("no wait i do have it", "oh no i found it", "no espere sí
lo tengo"): no negation of having, so "no … receipt number" is no missing receipt number (the s9 round)."""


def taken_back(text: str, language: str) -> str:
    """`text` without an opening "no" that takes back ("no wait i do have the receipt number" reads as "wait i do have
    the receipt number"; `_TAKEN_BACK`): read in the submenus of a line (`understanding.Model._understand`)."""
    found = _TAKEN_BACK.get(language, _TAKEN_BACK["en"]).match(text)
    return text if found is None else text[found.end():]
