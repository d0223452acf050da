"""The words the speaker rules look for (speakers.tsv: pronouns, anonymous sources, media, bodies…),
their limits, and the small tests on them."""

from __future__ import annotations

from pathlib import Path

from ...doc import Entity, coarse_type
from ..speaker_roles import place_key, same_place
from ..word_lists import word_sets

_NOUNS = word_sets(Path(__file__).with_name("speakers.tsv"), (
    "pronoun", "quoting", "anaphoric", "anonymous", "unnamed", "collective", "medium", "body", "carrier", "demonstrative", "not_medium",
    "addressee_preposition", "figurative", "side", "channel", "network", "own_reporter",
))
PRONOUNS = _NOUNS["pronoun"]
POSSESSIVE_GENDER = {"его": "Masc", "ее": "Fem", "их": "Plur"}
QUOTING = _NOUNS["quoting"]
DOCUMENT_SENTENCES = 3  # how far back a bare `в докладе отмечается` looks for who spoke
ROLE_SENTENCES = 3  # how far back a bare role (`французский лидер`) looks for the person it names
ANAPHORIC_BODIES = _NOUNS["anaphoric"]
ANONYMOUS_NOUNS = _NOUNS["anonymous"]
UNNAMED_WORDS = _NOUNS["unnamed"]
COLLECTIVE_NOUNS = _NOUNS["collective"]
MEDIUM_NOUNS = _NOUNS["medium"]
BODY_NOUNS = _NOUNS["body"]
CARRIERS = _NOUNS["carrier"]
NOT_MEDIA = _NOUNS["not_medium"]
DEMONSTRATIVES = _NOUNS["demonstrative"]
ADDRESSEE_PREPOSITIONS = _NOUNS["addressee_preposition"]
FIGURATIVE = _NOUNS["figurative"]
SIDES = _NOUNS["side"]
CHANNEL_NOUNS = _NOUNS["channel"]
NETWORKS = _NOUNS["network"]
OWN_REPORTERS = _NOUNS["own_reporter"]
APPOSITION_WORDS = 8  # words of a set-off apposition up to its name: `отставной бригадный генерал США Питер Цвак`
QUOTED_NAME_WORDS = 4  # a name in quotation marks is rarely longer (`«Газпром нефть»`, `«Новая газета»`)


def is_body(lemma: str) -> bool:
    """A collective noun, or a ministry's short name (`минстрой`, `минфин`, not `министр`)."""
    return lemma in COLLECTIVE_NOUNS or (lemma.startswith("мин") and not lemma.startswith(("министр", "минут", "миним")) and len(lemma) > 5)


def is_organisation(entity: Entity) -> bool:
    return coarse_type(entity.type) == "ORG"


def of_place(name: str, places: set[str]) -> bool:
    """`МИД Украины` is of the place `украинский` names."""
    return any(same_place(place, place_key(word)) for word in name.split()[1:] for place in places)
