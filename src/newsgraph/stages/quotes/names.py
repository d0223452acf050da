"""Names in the genitive, for collective speakers named after their principal (`пресс-служба Эммануэля Макрона`)."""

from __future__ import annotations

from ...nlp import parses

NAME_TAGS = {"Name", "Surn", "Patr"}
MASC_GENITIVE = (("ий", "ия"), ("ь", "я"), ("й", "я"), ("а", "ы"), ("я", "и"))
FEM_GENITIVE = (("ова", "овой"), ("ева", "евой"), ("ина", "иной"), ("ия", "ии"), ("а", "ы"), ("я", "и"))
CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
SOFTENING = set("гкхжшчщ")  # after these the genitive ending is -и, not -ы


def genitive_word(word: str, gender: str | None) -> str:
    """pymorphy's genitive for a known name; else the regular ending; indeclinable forms stay."""
    lower = word.lower()
    for parse in parses(lower):
        tags = set(parse.tag.grammemes)
        if parse.is_known and NAME_TAGS & tags and parse.tag.case == "nomn" and (gender != "Fem") == ("femn" not in tags):
            form = parse.inflect({"Gen"})
            if form:
                return word[:1] + form.word[1:]
    if gender == "Fem":
        table = FEM_GENITIVE
    elif lower[-1:] in CONSONANTS:
        return word + "а"
    else:
        table = MASC_GENITIVE
    for ending, replacement in table:
        if lower.endswith(ending):
            stem = word[: len(word) - len(ending)]
            if replacement == "ы" and stem[-1:].lower() in SOFTENING:
                replacement = "и"
            return stem + replacement
    return word


def genitive_name(name: str, gender: str | None) -> str:
    return " ".join(genitive_word(part, gender) for part in name.split())
