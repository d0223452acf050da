"""The PLOVER trigger lexicon (triggers.tsv, words.tsv, modes.tsv beside this file), read once.

A `Cue` says which PLOVER type and mode a lemma signals and where its recipient
sits in the parse: `obj`/`iobj`, a bare `Dat`, or a preposition (`против`, `по`, `к`
…), matched on the trigger or on the light verb that carries a nominalization
(`провести переговоры`, `ввести санкции`, `нанести удар`). Pairs (`отвести войска`,
`вызвать посла`) are looked up before single lemmas. Codes follow the PLOVER manual
and CAMEO2PLOVER-2021: invitations and offers are AGREE, summoning an ambassador is
ACCUSE `disapprove`, cancelling a meeting is REJECT `meet`, expelling diplomats is
SANCTION `expel`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..word_lists import WordListError, read_table, word_sets

HERE = Path(__file__).parent
TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})


@dataclass(frozen=True, slots=True)
class Cue:
    type: str
    mode: str | None = None
    recipient: tuple[str, ...] = ()
    mutual: bool = False  # comitative (`с Y`) and `между X и Y` partners are co-actors (PLOVER reciprocal)
    host: bool = False  # the subject hosts: the object is the visitor (actor), the subject the recipient
    embeds: str | None = None  # "absorbed": an event in the complement is part of this one
    genitive: str = "actor"  # a noun's genitive dependent: `визит Макрона` (actor) vs `обстрел Донецка`
    light: tuple[str, ...] = ()  # for nouns: verbs that carry them (besides LIGHT_VERBS)
    strict: bool = False  # the noun is an event only with its own `light` verbs (`достигли соглашения`)
    threat: bool = False  # a promise: with a hostile act in its complement it is a THREATEN (`пообещал ограничить поставки`)
    partnered: bool = False  # an event only between two parties named: `менеджеры НАСА обсуждают варианты` is no CONSULT
    doer: bool = False  # an event only with its doer named: `пожар уничтожил дом` is damage, no attack
    addressed: bool = False  # an AGREE only when made to someone named or stating a clause (`пообещал семьям`, `пообещал, что`)
    infinitive: str | None = None  # the type with an infinitive complement: `предложил снимать санкции` asks others, a REQUEST


def parse_cue(row: dict[str, str]) -> Cue:
    """A `triggers.tsv` row as a Cue; an unknown type or flag is an error naming the lemma."""
    if row["type"] not in TYPES:
        raise WordListError(f"triggers.tsv: {row['lemma']}: unknown PLOVER type {row['type']!r}")
    flags: dict[str, object] = {}
    for flag in row["flags"].split() if row["flags"] != "-" else ():
        name, _, value = flag.partition("=")
        if name in {"mutual", "host", "strict", "threat", "addressed", "doer", "partnered"} and not value:
            flags[name] = True
        elif name in {"embeds", "genitive"} and value:
            flags[name] = value
        elif name == "infinitive" and value in TYPES:
            flags[name] = value
        elif name == "light" and value:
            flags[name] = tuple(value.split(","))
        else:
            raise WordListError(f"triggers.tsv: {row['lemma']}: unknown flag {flag!r}")
    recipient = tuple(row["recipient"].split(",")) if row["recipient"] != "-" else ()
    return Cue(row["type"], None if row["mode"] == "-" else row["mode"], recipient, **flags)


def load_triggers(path: Path) -> tuple[dict[str, Cue], dict[str, Cue], dict[tuple[str, str], Cue]]:
    """(verbs, nouns, pairs) from triggers.tsv."""
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    pairs: dict[tuple[str, str], Cue] = {}
    for row in read_table(path, ("kind", "lemma", "type", "mode", "recipient", "flags"), key=("kind", "lemma")):
        cue = parse_cue(row)
        if row["kind"] == "pair":
            head, _, dependent = row["lemma"].partition("+")
            pairs[(head, dependent)] = cue
        elif row["kind"] in {"verb", "noun"}:
            (verbs if row["kind"] == "verb" else nouns)[row["lemma"]] = cue
        else:
            raise WordListError(f"triggers.tsv: {row['lemma']}: unknown kind {row['kind']!r}")
    return verbs, nouns, pairs


def load_defaults(path: Path) -> dict[str, Cue]:
    """The cue per PLOVER type for triggers the classifier finds outside the lexicon; every type needs one."""
    rows = read_table(path, ("type", "mode", "recipient", "flags"), key=("type",))
    cues = {row["type"]: parse_cue({**row, "lemma": row["type"]}) for row in rows}
    if missing := TYPES - cues.keys():
        raise WordListError(f"{path.name}: no default cue for {', '.join(sorted(missing))}")
    return cues


def load_evaluations(path: Path) -> dict[str, Cue]:
    """Words of evaluation (evaluations.tsv) as the cue of the assessing verb they complement; the object is the recipient."""
    rows = read_table(path, ("lemma", "type", "mode"), key=("lemma",))
    return {row["lemma"]: parse_cue({**row, "recipient": "obj", "flags": "-"}) for row in rows}


QUAD_CLASSES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


def load_quads(path: Path) -> dict[str, str]:
    """PLOVER's quad category per event type; every type needs one of QUAD_CLASSES."""
    quads = {row["type"]: row["quad"] for row in read_table(path, ("type", "quad"), key=("type",))}
    if unknown := [t for t, q in quads.items() if t not in TYPES or q not in QUAD_CLASSES]:
        raise WordListError(f"{path.name}: unknown type or quad for {', '.join(unknown)}")
    if missing := TYPES - quads.keys():
        raise WordListError(f"{path.name}: no quad for {', '.join(sorted(missing))}")
    return quads



SENSE_TESTS = frozenset({"dependent", "person_object", "interview", "bare", "claim"})


@dataclass(frozen=True, slots=True)
class OtherSense:
    """A reading of a trigger lemma that states no event (senses.tsv)."""

    test: str
    words: frozenset[str] = frozenset()


def load_senses(path: Path) -> dict[str, list[OtherSense]]:
    senses: dict[str, list[OtherSense]] = {}
    for row in read_table(path, ("lemma", "test", "words"), key=("lemma", "test")):
        if row["test"] not in SENSE_TESTS:
            raise WordListError(f"{path.name}: {row['lemma']}: unknown test {row['test']!r}")
        words = frozenset(row["words"].split(",")) if row["words"] != "-" else frozenset()
        senses.setdefault(row["lemma"], []).append(OtherSense(row["test"], words))
    return senses


VERBS, NOUNS, PAIRS = load_triggers(HERE / "triggers.tsv")
OTHER_SENSES = load_senses(HERE / "senses.tsv")
QUADS = load_quads(HERE / "quads.tsv")
DEFAULT_CUES = load_defaults(HERE / "defaults.tsv")
EVALUATIONS = load_evaluations(HERE / "evaluations.tsv")
_WORDS = word_sets(HERE / "words.tsv", (
    "light", "light_with", "assessing", "own_act", "occurrence", "planning", "possible", "planned_modifier", "tally", "time_unit",
))
# Verbs that carry any nominal trigger as their object or oblique (`провести переговоры`).
LIGHT_VERBS = _WORDS["light"]
# Verbs that carry a nominal trigger in their `с` phrase (`выступил с критикой`).
LIGHT_WITH = _WORDS["light_with"]
# Verbs of naming or assessing: `назвал решение ошибкой` accuses through the word of evaluation in the complement.
ASSESSING = _WORDS["assessing"]
# A state's own acts: `подписал указ о введении пошлин` is the SANCTION in the decree, no SUPPORT.
OWN_ACTS = _WORDS["own_act"]
# Verbs of which a nominal trigger is the subject (`переговоры состоялись`).
OCCURRENCE_VERBS = _WORDS["occurrence"]
# Heads that make an event in their complement planned or merely possible.
PLANNING = _WORDS["planning"]
POSSIBLE = _WORDS["possible"]
PLANNED_MODIFIERS = _WORDS["planned_modifier"]
# Subjects that count people's stances (`большинство россиян`, `63% датчан`): a poll, no actor.
TALLIES = _WORDS["tally"]
# Nouns of a span of time: `за день до`, `за 9 месяцев` is no `выступить за`.
TIME_UNITS = _WORDS["time_unit"]

# Modes signalled by a modifier of the trigger, per PLOVER type.
MODE_MODIFIERS: dict[str, dict[str, str]] = {}
for _row in read_table(HERE / "modes.tsv", ("type", "lemma", "mode"), key=("type", "lemma")):
    MODE_MODIFIERS.setdefault(_row["type"], {})[_row["lemma"]] = _row["mode"]


# The mode a REQUEST or REJECT takes from the event it is about.
REQUEST_MODES = {"CONSULT": "meet", "AGREE": "meet", "RETREAT": "yield", "CONCEDE": "yield", "AID": "assist",
                 "COOPERATE": "assist"}
# Acts whose promise is a threat (PLOVER THREATEN: to sanction, coerce or attack).
HOSTILE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# Verbal acts happen when reported even if what they are about lies ahead (`предложил встретиться на следующей неделе`).
VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "CONCEDE"})
# PLOVER: agreeing or promising to yield (`согласилась покинуть пост`, `пообещал отвести войска`) is a concession.
YIELDING_TYPES = frozenset({"RETREAT", "CONCEDE"})
# CAMEO 13 (PLOVER THREATEN): a hostile act or a rejection announced for the future is a threat (`Буш наложит вето`).
THREATENED_TYPES = HOSTILE_TYPES | {"REJECT"}
# Acts aimed at someone: `против X`, `в адрес X` name their target, whatever their own slots (`выразил протест против визита`).
TARGETED_TYPES = THREATENED_TYPES | {"ACCUSE", "PROTEST", "THREATEN"}
# Acts done with a partner: their complement's `с` partner (`укреплять связи с Китаем`) is the recipient.
COOPERATIVE_TYPES = frozenset({"AGREE", "COOPERATE"})
# PLOVER: cooperative actions in the future are AGREE; a future retreat is a CONCEDE.
FUTURE_TYPES = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}
