"""What the knowledge base says about a linked entity, as labelled lines for its profile."""

from __future__ import annotations

from ..kb import KB


KINDS = {"PER": "person", "COUNTRY": "country", "ORG": "organisation", "GROUP": "group of states", "CITY": "city"}


def kb_facts(kb_id: str | None) -> dict[str, list[str]]:
    """Labels, codes, capital, offices held and group memberships of `kb_id` (empty when unknown)."""
    if not kb_id:
        return {}
    kb = KB.open()
    entity = kb.get(kb_id)
    if entity is None:
        return {}

    def name(entity_id: str) -> str:
        found = kb.get(entity_id) if entity_id else None
        return found.label_ru if found else entity_id

    groups = kb.memberships(kb_id)
    facts = {
        "kind": [KINDS.get(entity.type, entity.type.lower())],
        "in English": [entity.label_en],
        "Wikidata": [entity.id] if entity.is_wikidata else [],
        "ISO code": [code for code in (entity.iso2, entity.iso3) if code],
        "capital": [name(entity.capital)] if entity.capital else [],
        "offices": [
            f"{p.title.split('|')[0]}, {name(p.place)}: {p.start or '?'} – {p.end or 'now'}" for p in reversed(kb.positions(kb_id))
        ],
        "member of": [f"{name(m.group)}" + (f" (since {m.start})" if m.start else "") for m in groups if m.member == kb_id and not m.end],
        "members": [name(m.member) for m in groups if m.group == kb_id and not m.end],
    }
    return {label: values for label, values in facts.items() if any(values)}
