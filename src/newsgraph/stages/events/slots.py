"""Syntactic roles of an event trigger: who acts, on whom, where.

Rules over the slovnet parse: the subject (shared along `conj`, `xcomp` and pro-drop
`ccomp`, taken from the object for `призвал X сделать`), a passive's agent
(instrumental or `со стороны`), the impersonal `в Кремле заявили` (the place speaks),
recipient slots named in the lexicon (`obj`, bare `Dat`, a preposition), and the
place `в + LOC`.
"""

from __future__ import annotations

import re

from ...doc import Article, Token
from .participant_words import FACILITIES, PLACE_WORDS, QUANTIFIERS, marker
from .participants import ArticleEntities
from .lexicon import NOUNS, Cue

OBJECT_CONTROL = {"призвать", "призывать", "попросить", "просить", "пригласить", "убедить", "вынудить"}
# verbs whose dative does the act of their infinitive (`поручил правительству оказать помощь`)
DATIVE_CONTROL = {"поручить", "поручать", "приказать", "велеть", "предложить", "предлагать", "рекомендовать", "разрешить",
                  "позволить", "запретить", "помочь"}
INHERIT_RELS = {"conj", "xcomp", "advcl", "ccomp"}
ADDRESS_NOUNS = {"адрес", "отношение"}
# a passive participle's ending, for the ones the tagger marks active (`санкций, введённых его предшественником`)
PASSIVE_PARTICIPLE = re.compile(r"(нн|т)(ый|ая|ое|ые|ого|ой|ых|ым|ыми|ую|ом|ому)$")
CLAUSE_RELS = {"nsubj", "nsubj:pass", "csubj", "ccomp", "advcl", "acl:relcl", "parataxis", "conj", "punct"}
# nouns a stray subject is not: another verb's subject, or a clause (a participle tagged a name: `Посетивший Москву …`)
NOT_STRAY = {"nsubj", "nsubj:pass", "csubj", "acl", "acl:relcl", "advcl", "ccomp", "xcomp"}
PHRASE_RELS = {"flat:name", "flat", "appos", "nmod"}  # inside a noun phrase: `глава МВД Владимир Колокольцев`


def subjects(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """The verb's own subjects; a second, post-verbal inanimate `nsubj` is a misparsed object (`посетит Вашингтон`),
    and so is one that cannot agree with the verb (`Израиль … обвинили в эскалации`)."""
    found = [k for k in kids[verb] if doc.tokens[k].rel == "nsubj"]
    misparsed = set(misparsed_objects(doc, kids, verb))
    return [k for k in found if k not in misparsed]


def misparsed_objects(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    found = [k for k in kids[verb] if doc.tokens[k].rel == "nsubj"]
    second = [k for k in found if k > verb and doc.tokens[k].feat("Animacy") == "Inan"] if len(found) > 1 else []
    return second + [k for k in found if k not in second and disagrees(doc, kids, k, verb)]


def disagrees(doc: Article, kids: list[list[int]], noun: int, verb: int) -> bool:
    """One singular noun as the `nsubj` of a plural verb with no object (`Израиль … обвинили`) is the object of
    an impersonal plural (a counted or coordinated noun may take one: `ряд стран заявили`; the tagger's case is
    no guide, `Израиль` and `Париж` read the same in both, and its number misreads some plurals: `Делегации
    России и Украины провели переговоры`)."""
    tokens = doc.tokens
    subject, predicate = tokens[noun], tokens[verb]
    if any(tokens[k].rel == "obj" for k in kids[verb]):
        return False
    plural_verb = predicate.feat("Number") == "Plur" and predicate.feat("Person") != "1"
    counted = subject.lemma in QUANTIFIERS or any(tokens[k].rel in {"conj", "nummod", "nummod:gov"} for k in kids[noun])
    return plural_verb and subject.feat("Number") == "Sing" and subject.pos in {"NOUN", "PROPN"} and not counted


def subject_tokens(doc: Article, kids: list[list[int]], verb: int, depth: int = 0) -> list[int]:
    """Who does what a verb says: its subject, a passive's agent, or the subject it shares with the verb above."""
    tokens = doc.tokens
    if is_passive(doc, kids, verb):
        return [k for k in kids[verb] if is_agent(doc, kids, k)]
    found = subjects(doc, kids, verb) or impersonal_speaker(doc, kids, verb) or subject_hung_elsewhere(doc, verb)
    token, head = tokens[verb], tokens[verb].head
    if not found and (head is None or head < 0):
        found = stray_subject(doc, kids, verb)
    if found or depth > 3 or head is None or head < 0 or head == verb:
        return found
    if token.feat("VerbForm") == "Inf" and token.rel in {"csubj", "xcomp"}:
        controller = dative_controller(doc, kids, head)
        if controller:
            return controller
    if token.rel == "xcomp" and tokens[head].lemma in OBJECT_CONTROL:
        objects = [k for k in kids[head] if tokens[k].rel == "obj"]
        if objects:
            return objects
    if token.rel in INHERIT_RELS and tokens[head].pos in {"VERB", "ADJ", "AUX"}:
        inherited = subject_tokens(doc, kids, head, depth + 1)
        return inherited or (nearest_subject(doc, verb) if token.feat("VerbForm") == "Conv" else [])
    if token.rel == "acl:relcl":  # `посетил Вашингтон, где провел переговоры`: the subject of the clause above
        above = tokens[head].head
        return subject_tokens(doc, kids, above, depth + 1) if above is not None and above >= 0 else []
    governor = tokens[head].head
    if token.feat("VerbForm") == "Inf" and tokens[head].pos == "NOUN" and governor is not None and governor >= 0:
        return subject_tokens(doc, kids, governor, depth + 1)  # `лига вынесла решение просить ООН`: the league asks
    if token.rel.startswith("acl") and token.feat("VerbForm") != "Conv":  # a converb modifies no noun: a misparse
        return [head]
    return nearest_subject(doc, verb) if token.feat("VerbForm") == "Conv" else []


def carrying_participles(doc: Article, kids: list[list[int]], noun: int, carriers: set[str]) -> list[int]:
    """`ударов, нанесённых израильской авиацией по Газе`, `договорённостей, достигнутых Путиным и Абэ`: a passive
    participle of a verb that carries the event noun; its agent does the event and its slots hold the recipient
    (not `требования, названные наблюдателями местью`)."""
    tokens = doc.tokens
    return [
        p for p in kids[noun] if tokens[p].rel == "acl" and tokens[p].feat("VerbForm") == "Part" and tokens[p].lemma in carriers
        and (is_passive(doc, kids, p) or PASSIVE_PARTICIPLE.search(doc.span_text(tokens[p])))
    ]


def dative_controller(doc: Article, kids: list[list[int]], head: int) -> list[int]:
    """`Киеву придётся признать`, `нам необходимо сотрудничать`, `поручил правительству оказать помощь`: the
    bare dative of an impersonal predicate, or of a verb that hands its dative the act, does the infinitive's act."""
    tokens = doc.tokens
    if subjects(doc, kids, head) and tokens[head].lemma not in DATIVE_CONTROL:
        return []
    return [
        k for k in kids[head]
        if (tokens[k].rel == "iobj" or (tokens[k].rel in {"obl", "obj"} and tokens[k].feat("Case") == "Dat"))
        and not marker(doc, kids, k) and tokens[k].pos in {"NOUN", "PROPN", "PRON"}
    ]


def subject_hung_elsewhere(doc: Article, verb: int) -> list[int]:
    """`…, WWF выступил с призывом`, `…, глава МВД Владимир Колокольцев заявил`: a finite verb's subject written
    right before it (the phrase that ends there), which the parser made the subject of another verb."""
    tokens = doc.tokens
    if tokens[verb].feat("VerbForm") != "Fin":
        return []
    k = verb - 1
    while k >= 0 and tokens[k].pos in {"ADV", "PART"} and tokens[k].sentence == tokens[verb].sentence:
        k -= 1
    while k >= 0 and tokens[k].rel in PHRASE_RELS and tokens[k].head is not None and verb > tokens[k].head >= 0:
        k = tokens[k].head
    if k < 0 or tokens[k].sentence != tokens[verb].sentence or tokens[k].rel != "nsubj" or tokens[k].head == verb:
        return []
    return [k]


def stray_subject(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """`Посетивший Россию замминистра торговли США Уильям Лэш призвал …`, `Банк Китая (ICBC), крупнейший банк мира,
    подписал …`: a main verb the parser left without a subject takes the first nominative noun of its clause, one
    that agrees with it and is no other verb's subject; a second main verb joined by `и` (`президент прибыл во
    вторник и в тот же день встретился …`) shares the subject before it."""
    if doc.tokens[verb].feat("VerbForm") != "Fin":
        return []
    joined = any(doc.tokens[k].rel == "cc" for k in kids[verb])
    return stray_nominative(doc, verb) or (nearest_subject(doc, verb) if joined else [])


def stray_nominative(doc: Article, verb: int) -> list[int]:
    """The first nominative noun of the verb's clause before it that agrees with it and is no other verb's subject
    (or the subject of a verb after it, which the two share: `полковник был задержан, а в 2013 году приговорён`)."""
    tokens = doc.tokens
    predicate = tokens[verb]
    k = verb - 1
    while k >= 0 and tokens[k].sentence == predicate.sentence and not (tokens[k].pos == "VERB" and tokens[k].feat("VerbForm") == "Fin"):
        k -= 1
    nominatives = [
        n for n in range(k + 1, verb)
        if tokens[n].pos in {"NOUN", "PROPN"} and tokens[n].feat("Case") == "Nom"
        and (tokens[n].rel not in NOT_STRAY or shared_forward(tokens[n], verb)) and agrees_with_verb(tokens[n], predicate)
    ]
    return nominatives[:1]


def requested_doers(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """`потребовала, чтобы Россия вывела войска`, `настаивают на том, чтобы бундесвер …`: the one asked is the
    subject of the `чтобы` clause the demand governs (directly or through `том`)."""
    tokens = doc.tokens
    holders = [verb] + [k for k in kids[verb] if tokens[k].lemma == "тот"]
    clauses = [k for h in holders for k in kids[h] if tokens[k].rel in {"ccomp", "advcl", "acl", "csubj", "obl"}]
    marked = [k for k in clauses if any(tokens[m].lemma == "чтобы" and tokens[m].rel == "mark" for m in kids[k])]
    # a clause cut off before its verb (`чтобы бундесвер (вооружённые силы ФРГ. — RT) повысил`) hangs on its subject
    return [s for k in marked for s in ([k] if tokens[k].pos in {"NOUN", "PROPN"} else kids[k]) if s == k or tokens[s].rel == "nsubj"]


def shared_forward(token: Token, verb: int) -> bool:
    """The subject of a verb after this one, which the two share."""
    return token.rel in {"nsubj", "nsubj:pass"} and token.head is not None and token.head > verb


def undergoer_elsewhere(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """`Ким хотел пересечь границу, но был задержан`, `… в 2010 году полковник был снова задержан`: who undergoes
    an agentless passive the parser left without a subject: the subject of the verb it is coordinated with, else
    the nominative before it in its clause."""
    tokens = doc.tokens
    head = tokens[verb].head
    if head is None or head < 0:
        return stray_nominative(doc, verb)
    if tokens[verb].rel == "conj" and tokens[head].pos == "VERB":
        return [k for k in kids[head] if tokens[k].rel in {"nsubj", "nsubj:pass"}]
    return []


def agrees_with_verb(noun: Token, verb: Token) -> bool:
    """Same number, and the same gender for a verb in the singular past; unmarked features agree."""
    features = ("Number", "Gender") if verb.feat("Number") == "Sing" and verb.feat("Gender") else ("Number",)
    return all(noun.feat(f) is None or verb.feat(f) is None or noun.feat(f) == verb.feat(f) for f in features)


def nearest_subject(doc: Article, verb: int) -> list[int]:
    """`пока Путин не дал отмашку, публично поручив генпрокурору …`: a converb does what the subject of its
    clause does, even where the parser hung it on another verb; that subject is the nearest one before it."""
    sentence = doc.tokens[verb].sentence
    for k in range(verb - 1, -1, -1):
        if doc.tokens[k].sentence != sentence:
            break
        if doc.tokens[k].rel == "nsubj":
            return [k]
    return []


def impersonal_speaker(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """`В Лондоне назвали…`, `в Кремле заявили`: a plural verb without subject speaks for the place named."""
    if doc.tokens[verb].feat("Number") != "Plur":
        return []
    return [
        k for k in kids[verb]
        if marker(doc, kids, k) == "в" and doc.tokens[k].feat("Case") == "Loc" and doc.tokens[k].pos == "PROPN"
    ][:1]


def is_passive(doc: Article, kids: list[list[int]], verb: int) -> bool:
    token = doc.tokens[verb]
    return token.feat("Voice") == "Pass" or any(doc.tokens[k].rel in {"nsubj:pass", "aux:pass"} for k in kids[verb])


def located_bodies(doc: Article, kids: list[list[int]], people: ArticleEntities, verb: int) -> list[int]:
    """`В следственном управлении СК возбуждено дело`: an agentless passive done by the organisation it happens in;
    not by a place an organisation names (`задержан в аэропорту Пулково`)."""
    return [
        k for k in kids[verb]
        if marker(doc, kids, k) in {"в", "во"} and doc.tokens[k].feat("Case") == "Loc"
        and doc.tokens[k].lemma not in PLACE_WORDS | FACILITIES
        and any(people.type_of(e) == "ORG" for e in people.participant(k))
    ]


def is_agent(doc: Article, kids: list[list[int]], k: int) -> bool:
    token = doc.tokens[k]
    where = marker(doc, kids, k)
    return where == "с_сторона" or (token.feat("Case") == "Ins" and not where and token.rel.startswith("obl"))


def bare_genitives(doc: Article, kids: list[list[int]], head: int) -> list[int]:
    return [
        k for k in kids[head]
        if doc.tokens[k].rel == "nmod" and doc.tokens[k].feat("Case") == "Gen" and not marker(doc, kids, k)
    ]


def event_doers(doc: Article, kids: list[list[int]], k: int) -> list[int]:
    """`осудил нападение боевиков`, `протест против визита президента`: a recipient slot holding an event noun
    concerns whoever does that event, its genitive (not the victim of `осудил убийство журналиста`)."""
    cue = NOUNS.get(doc.tokens[k].lemma) if doc.tokens[k].pos == "NOUN" else None
    return bare_genitives(doc, kids, k) if cue and cue.genitive == "actor" else []


def slot_tokens(doc: Article, kids: list[list[int]], head: int, slots: tuple[str, ...]) -> list[int]:
    """Dependents of `head` in a recipient slot: `obj`, `iobj`, bare `Dat` or `Ins` (`возмущение заявлениями`), or a
    preposition; a noun's prepositional slot may hang on the noun it governs (`просьба о помощи к России`)."""
    found = [k for k in misparsed_objects(doc, kids, head)] if "obj" in slots else []
    for k in kids[head]:
        token = doc.tokens[k]
        where = marker(doc, kids, k)
        if where in {"в", "во"} and token.lemma in ADDRESS_NOUNS:  # `критика в адрес МВД`: the owner of `адрес`
            if f"в_{token.lemma}" in slots:
                found += [g for g in kids[k] if doc.tokens[g].rel == "nmod" and doc.tokens[g].feat("Case") == "Gen"]
            continue
        bare_case = token.feat("Case") if token.rel in {"iobj", "obl", "nmod", "obj"} and not where else None
        if (token.rel in slots and not where) or bare_case in {"Dat", "Ins"} & set(slots) or (where and where in slots):
            found.append(k)
    if not found and doc.tokens[head].pos == "NOUN":
        found = [
            g for k in kids[head] if doc.tokens[k].rel == "nmod" and marker(doc, kids, k)
            for g in kids[k] if doc.tokens[g].rel == "nmod" and (where := marker(doc, kids, g)) and where in slots
        ]
    return found


def shared_objects(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """`похитил и убил Чжан`: the object of a coordinated verb, when this one has none of its own."""
    tokens = doc.tokens
    if tokens[verb].pos != "VERB" or any(tokens[k].rel == "obj" for k in kids[verb]):
        return []
    partners = [k for k in kids[verb] if tokens[k].rel == "conj" and tokens[k].pos == "VERB"]
    head = tokens[verb].head
    if tokens[verb].rel == "conj" and head is not None and head >= 0 and tokens[head].pos == "VERB":
        partners.append(head)
    return [k for p in partners for k in kids[p] if tokens[k].rel == "obj" and tokens[k].feat("Case") == "Acc"]


def datives(doc: Article, kids: list[list[int]], verb: int, shared: bool = True) -> list[int]:
    """`запретил зарубежным государствам`, `пообещал семьям`: a bare dative of the verb names whom it concerns;
    with none, the one of a verb coordinated with it (`позвонил главе Еврогруппы и рекомендовал выработать …`)."""
    tokens = doc.tokens
    if tokens[verb].pos != "VERB":
        return []
    own = [
        k for k in kids[verb]
        if tokens[k].feat("Case") == "Dat" and tokens[k].rel in {"iobj", "obl", "obj"} and not marker(doc, kids, k)
        and tokens[k].pos in {"NOUN", "PROPN", "PRON"}
    ]
    if own or not shared:
        return own
    partners = [k for k in kids[verb] if tokens[k].rel == "conj"]
    head = tokens[verb].head
    if tokens[verb].rel == "conj" and head is not None and head >= 0:
        partners.append(head)
    return [k for p in partners for k in datives(doc, kids, p, shared=False)]


def phrase_end(doc: Article, kids: list[list[int]], trigger: int) -> int:
    """The last token of a noun trigger's phrase: its genitives, names and adjectives after it, in its sentence."""
    tokens = doc.tokens
    end, frontier = trigger, [trigger]
    while frontier:
        node = frontier.pop()
        for k in kids[node]:
            if (k > trigger and tokens[k].rel in {"nmod", "flat:name", "appos", "amod"} and tokens[k].pos != "VERB"
                    and tokens[k].sentence == tokens[trigger].sentence):
                end = max(end, k)
                frontier.append(k)
    return end


def adjacent_partner(doc: Article, kids: list[list[int]], trigger: int) -> list[int]:
    """`Встреча Тарасенко с руководителем оператора Японии состоялась в рамках визита`: the `с` partner written
    right after a meeting noun and its genitives, which the parser hung on a noun further on."""
    tokens = doc.tokens
    if tokens[trigger].pos != "NOUN":
        return []
    after = phrase_end(doc, kids, trigger) + 1
    if after >= len(tokens) or tokens[after].lemma != "с" or tokens[after].rel != "case":
        return []
    partner = tokens[after].head
    if partner is None or partner < 0 or partner in kids[trigger] or tokens[partner].feat("Case") != "Ins":
        return []
    return [partner] if tokens[partner].pos in {"NOUN", "PROPN"} and tokens[partner].feat("Animacy") == "Anim" else []


def adjacent_dative(doc: Article, kids: list[list[int]], trigger: int) -> list[int]:
    """`после поручения президента РФ правительству оказать помощь`: the bare dative written right after a noun
    trigger and its genitives, which the parser hung on the verb of the clause."""
    tokens = doc.tokens
    if tokens[trigger].pos != "NOUN":
        return []
    after = phrase_end(doc, kids, trigger) + 1
    if after >= len(tokens) or tokens[after].sentence != tokens[trigger].sentence or after in kids[trigger]:
        return []
    token = tokens[after]
    dative = token.feat("Case") == "Dat" and token.pos in {"NOUN", "PROPN"} and not marker(doc, kids, after)
    return [after] if dative and token.rel in {"iobj", "obl", "nmod"} else []


def embedded_datives(doc: Article, kids: list[list[int]], verb: int) -> list[int]:
    """`пообещал решить вопрос с выплатой пособий семьям`, `пообещал, что X окажет содействие властям`: whom the
    promised or demanded act concerns, a bare dative inside the complement clause (not in a clause nested deeper)."""
    tokens = doc.tokens
    frontier = [k for k in kids[verb] if tokens[k].rel in {"xcomp", "ccomp"}]
    found: list[int] = []
    while frontier:
        node = frontier.pop(0)
        for k in kids[node]:
            token = tokens[k]
            if token.rel in {"ccomp", "advcl", "acl:relcl", "conj", "parataxis", "punct"}:
                continue
            if token.feat("Case") == "Dat" and token.pos in {"NOUN", "PROPN"} and not marker(doc, kids, k):
                found.append(k)
            frontier.append(k)
    return sorted(found)


def complement_partners(doc: Article, kids: list[list[int]], head: int) -> list[int]:
    """`выразил готовность укреплять связи с Китаем`, `курс на сближение с ЕС`: the `с` partner of the
    relations a promise or cooperation is about, inside its complement (not in a clause of its own)."""
    tokens = doc.tokens
    frontier, found = [(k, 1) for k in kids[head]], []
    while frontier:
        k, depth = frontier.pop(0)
        if tokens[k].rel in CLAUSE_RELS or depth > 4:
            continue
        if marker(doc, kids, k) in {"с", "со"} and tokens[k].feat("Case") == "Ins" and tokens[k].pos in {"NOUN", "PROPN"}:
            found.append(k)
        frontier += [(g, depth + 1) for g in kids[k]]
    return found


def resolve_all(
    people: ArticleEntities, kids: list[list[int]], doc: Article, heads: list[int], previous: tuple[str, ...]
) -> tuple[str, ...]:
    """Entities for participant tokens and the tokens coordinated with them (`Макрон и Стармер`)."""
    found: list[str] = []
    queue = list(heads)
    while queue:
        k = queue.pop(0)
        counted = people.counted(k)  # `кандидатуру фаворита гонки, вице-президента Байдена`: the conjuncts of the owner
        k = k if counted is None else counted
        queue += [c for c in kids[k] if doc.tokens[c].rel == "conj" and doc.tokens[c].pos in {"NOUN", "PROPN", "PRON"}]
        for entity in people.participant(k, previous):
            if entity not in found:
                found.append(entity)
    return tuple(found)


def place_of(doc: Article, kids: list[list[int]], people: ArticleEntities, heads: list[int], cue: Cue) -> str | None:
    """The LOC entity where it happens: `в Лондоне`, `на Аляске`; for a visit, the place visited."""
    for h in heads:
        misparsed = misparsed_objects(doc, kids, h)
        for k in kids[h]:
            entity = people.covering(k)
            if not entity or people.type_of(entity) != "LOC":
                continue
            where, case = marker(doc, kids, k), doc.tokens[k].feat("Case")
            if where in {"в", "во", "на"} and case == "Loc":
                return entity
            visited = (where in {"в", "во"} and case == "Acc") or doc.tokens[k].rel == "obj" or k in misparsed
            if cue.mode == "visit" and visited:
                return entity
    return None
