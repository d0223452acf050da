"""A speaker as the rules found it: who, by which rule, and through which medium."""

from __future__ import annotations

from dataclasses import dataclass

UNNAMED_RULES = frozenset({"speaker.unnamed_official", "speaker.unnamed_person"})


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    name: str | None
    rule: str
    via: str | None = None  # the entity id of the medium or source that relayed the words
    via_name: str | None = None


NOBODY = Attribution(None, None, "speaker.none")
