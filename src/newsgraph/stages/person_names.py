"""The nominative of one word of a person's name, given its case and gender in the sentence.

Three sources, in order of trust:

1. the article itself: the same name seen in the nominative elsewhere (`Мерц` in
   one sentence settles `Мерца` in another);
2. pymorphy's dictionary, when it knows the word as a first name, surname,
   patronymic or place (`Фридриха`, `Еленой`, `Урсуле`), singular unless the token is plural;
3. Russian case endings undone by rule for words the dictionary does not know
   (`Стармеру` → `Стармер`, `Эммануэлем` → `Эммануэль`, `Зеленской` → `Зеленская`),
   without pymorphy's guessed fleeting vowel (`Мерца` → `Мерц`, not `Мерец`). A word
   that does not end as its case and gender demand is indeclinable and stays (`Мелони`).
"""

from __future__ import annotations

import re

from pymorphy2.analyzer import Parse

from ..nlp import parses

UD_TO_OC_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
SECOND_CASES = {"gent": "gen2", "loct": "loc2", "accs": "acc2"}  # `чаю`, `в Крыму`
PERSON_GRAMMEMES = {"Name", "Surn", "Patr"}
# Arabic name particles written joined to the name: `аль-Асад`, `эль-Сиси`, `ад-Дин`, `ибн-Сауд`.
PARTICLE = re.compile(r"^((?:аль|эль|ал|ас|ад|ат|ан|ар|аш|аз|ибн|бен|бин)[-‑])(\w.*)$")
VOWELS = set("аеёиоуыэюя")
HUSHING = set("жшчщц")

# (ending, replacement) per case, longest first. `SOFT` marks an ending whose
# nominative is `й` after a vowel, `ь` after a consonant, nothing after ж/ш/ч/щ/ц.
SOFT = "soft"
MASC_ENDINGS = {
    "Gen": (("ского", "ский"), ("цкого", "цкий"), ("ья", "ий"), ("я", SOFT), ("а", ""), ("ы", "а")),
    "Acc": (("ского", "ский"), ("цкого", "цкий"), ("ья", "ий"), ("я", SOFT), ("а", "")),
    "Dat": (("скому", "ский"), ("цкому", "цкий"), ("ью", "ий"), ("ю", SOFT), ("у", "")),
    "Ins": (
        ("ским", "ский"), ("цким", "цкий"), ("ьем", "ий"), ("ым", ""), ("им", ""), ("ем", SOFT), ("ом", ""), ("ой", "а"),
    ),
    "Loc": (("ском", "ский"), ("цком", "цкий"), ("ье", "ий"), ("е", "")),
}
FEM_ENDINGS = {
    "Gen": (("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("ой", "а"), ("ы", "а"), *((f"{c}и", f"{c}а") for c in "гкхжшчщ")),
    "Acc": (("скую", "ская"), ("цкую", "цкая"), ("ию", "ия"), ("у", "а"), ("ю", "я")),
    "Dat": (("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("ой", "а"), ("е", "а")),
    "Ins": (("ской", "ская"), ("цкой", "цкая"), ("ией", "ия"), ("ой", "а"), ("ей", "я")),
    "Loc": (("ской", "ская"), ("цкой", "цкая"), ("ии", "ия"), ("ой", "а"), ("е", "а")),
}


def in_case(parse: Parse, oc_case: str) -> bool:
    return parse.tag.case in {oc_case, SECOND_CASES.get(oc_case)}


def inflect(parse: Parse, grammemes: set[str]) -> Parse | None:
    """pymorphy's own `inflect`, with OpenCorpora grammemes (natasha's wrapper expects UD names)."""
    return Parse.inflect(parse, grammemes)


def recover_shape(word: str, original: str) -> str:
    """Give a dictionary form the capitalisation of the word in the text."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-")) if "-" in original else word[:1].upper() + word[1:]
    return word


def soft_stem(stem: str) -> str:
    last = stem[-1:].lower()
    if last in VOWELS:
        return stem + "й"
    if last in HUSHING:
        return stem
    return stem + "ь"


def undo_ending(word: str, case: str, gender: str) -> str | None:
    """The nominative by rule, or None when the word does not carry its case's ending (indeclinable)."""
    table = FEM_ENDINGS if gender == "Fem" else MASC_ENDINGS
    lower = word.lower()
    if gender == "Fem" and case in {"Gen", "Dat", "Loc"} and len(lower) > 2 and lower[-1] in "ие" and lower[-2] in VOWELS:
        return word[:-1] + "я"  # a stem ending in a vowel: `Каи`, `Кае`, `Майе` → `Кая`, `Майя`
    for ending, replacement in table.get(case, ()):
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            stem = word[: len(word) - len(ending)]
            return soft_stem(stem) if replacement == SOFT else stem + replacement
    return None


def dictionary_nominative(word: str, case: str, gender: str, plural: bool) -> str | None:
    """pymorphy's nominative when it knows the word as a name (or place) in this case."""
    oc_case = UD_TO_OC_CASE[case]
    known = [
        p
        for p in parses(word.lower())
        if p.is_known and in_case(p, oc_case) and (p.tag.number == "plur") == plural
    ]
    names = [p for p in known if PERSON_GRAMMEMES & set(p.tag.grammemes)] or [
        p for p in known if "Geox" in p.tag.grammemes
    ]
    oc_gender = {"Masc": "masc", "Fem": "femn"}.get(gender)
    agreeing = [p for p in names if oc_gender is None or p.tag.gender in {oc_gender, "ms-f", None}]
    for parse in agreeing or names:
        wanted = {"nomn", "plur"} if plural else {"nomn"}
        if "Surn" in parse.tag.grammemes and oc_gender:
            wanted.add(oc_gender)
        form = inflect(parse, wanted) or inflect(parse, {"nomn"})
        if form:
            return recover_shape(form.word, word)
    return None


def nominative_candidates(word: str, case: str, gender: str, plural: bool) -> list[str]:
    """Every plausible nominative (dictionary, then each gender's ending rule) for evidence matching."""
    out = [dictionary_nominative(word, case, gender, plural)]
    out += [undo_ending(word, case, g) for g in (gender, "Masc", "Fem")]
    return list(dict.fromkeys(c for c in out if c))


def person_word_nominative(
    word: str, case: str | None, gender: str, plural: bool = False, evidence: frozenset[str] = frozenset()
) -> str:
    """Nominative of one capitalised word of a person's name; particles (`фон`, `бин`) and initials stay,
    and a particle joined by a hyphen keeps its form while the name after it declines (`аль-Асадом` → `аль-Асад`)."""
    particle = PARTICLE.match(word)
    if particle:
        return particle.group(1) + person_word_nominative(particle.group(2), case, gender, plural, evidence)
    if not case or case == "Nom" or not word[:1].isupper() or len(word) < 3 or case not in UD_TO_OC_CASE:
        return word
    candidates = nominative_candidates(word, case, gender, plural)
    for candidate in candidates:
        if candidate.lower().replace("ё", "е") in evidence:
            return candidate
    by_rule = undo_ending(word, case, gender)
    if by_rule and is_known_name(by_rule):
        return by_rule
    return dictionary_nominative(word, case, gender, plural) or (
        by_rule if by_rule and not known_in_other_case(word, case, gender) else word
    )


def is_known_name(word: str) -> bool:
    """A declinable dictionary first name or surname in the nominative: `Ангела` (so `Ангеле` is its dative)."""
    return any(
        p.is_known and p.tag.case == "nomn" and {"Name", "Surn"} & set(p.tag.grammemes) and "Fixd" not in p.tag.grammemes
        for p in parses(word.lower())
    )


def known_in_other_case(word: str, case: str, gender: str = "") -> bool:
    """A dictionary name whose form here is not the tagged case: the tagger erred, keep the word (`Кир`).
    Only names of the tagged gender count: `Каи` is a plural of `Кай`, yet in `словам Каи Каллас` a woman's genitive."""
    oc_case = UD_TO_OC_CASE[case]
    oc_gender = {"Masc": "masc", "Fem": "femn"}.get(gender)
    names = [p for p in parses(word.lower()) if p.is_known and PERSON_GRAMMEMES & set(p.tag.grammemes)
             and (oc_gender is None or p.tag.gender in {oc_gender, "ms-f", None})]
    return bool(names) and all(p.tag.case != oc_case or p.tag.number == "plur" for p in names)
