"""The closed vocabularies a user filters by (event types, modalities), checked in any case.

An unknown value is an `InputError` that lists the valid ones, so `--type consult` works and
`--type BOGUS` says what would, instead of quietly matching nothing.
"""

from __future__ import annotations

from typing import Any

from .errors import InputError

MODALITIES = ("asserted", "negated", "planned", "hypothetical")


def event_types() -> list[str]:
    from .stages.events.lexicon import TYPES

    return sorted(TYPES)


def quads() -> dict[str, str]:
    """PLOVER's quad category (verbal/material cooperation/conflict) of each event type."""
    from .stages.events.lexicon import QUADS

    return QUADS


def known(option: str, values: str | list[str] | None, valid: list[str] | tuple[str, ...]) -> Any:
    """VALUES in the case VALID spells them; an unknown one is an InputError listing the valid ones."""
    if not values:
        return values
    by_key = {v.casefold(): v for v in valid}
    wanted = [values] if isinstance(values, str) else list(values)
    unknown = [v for v in wanted if v.casefold() not in by_key]
    if unknown:
        raise InputError(f"{option}: unknown value {unknown[0]!r}; expected one of {', '.join(valid)}")
    chosen = [by_key[v.casefold()] for v in wanted]
    return chosen[0] if isinstance(values, str) else chosen
