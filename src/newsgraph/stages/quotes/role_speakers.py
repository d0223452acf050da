"""The role rule: a title (`французский лидер`, `глава МИД`) to the person the article titled so
(titles are parsed in stages/speaker_roles.py), the last speaker it fits, or an unnamed official."""

from __future__ import annotations

from ...doc import Entity, coarse_type
from ..speaker_phrases import common_noun_case, phrase
from ..speaker_roles import ROLE_NOUNS, Role, clashes, compatible, places_agree, resolve_role, role_of, titles
from ..token_index import person_gender
from .attribution import Attribution
from .speaker_words import ROLE_SENTENCES
from .speaker_entities import SpeakerEntities


class RoleSpeakers(SpeakerEntities):
    """A speaker named by a role noun."""

    def role(self, head: int, cue: int) -> Attribution | None:
        """`французский лидер` → the person titled so; `лидеры G7` (plural) and `президент США` with nobody
        so titled become entities of their own; only an adjective-place description (`французский лидер`)
        falls back to the person the text is about."""
        if self.index.lemma(head) not in ROLE_NOUNS:
            return None
        ids = sorted(phrase(self.index, head))
        wanted = role_of(self.index, ids)
        start = self.index.tokens[ids[0]].start
        single = self.index.tokens[head].feat("Number") != "Plur"
        inside = self.quoted_offsets()
        entity = resolve_role(self.index, wanted, start, inside, exact_first=True) if wanted and single else None
        if wanted is not None and single and not self.titled_as(entity, wanted):
            entity = self.last_speaker_as(cue, wanted) or entity
        named_place = any(self.index.tokens[i].pos == "PROPN" for i in ids if i > head)
        if entity is None and wanted is not None and single:
            reach = 2 if named_place else ROLE_SENTENCES  # `президент США` may well be someone new
            entity = self.salient_person(cue, lambda e: not clashes(self.index, wanted, e) and not self.described(e), reach)
        if entity is not None:
            return Attribution(entity.id, entity.name, "speaker.role")
        return self.created(head, "PER", common_noun_case(self.nominative_phrase(head)), "speaker.unnamed_official")

    def titled_as(self, entity: Entity | None, wanted: Role) -> bool:
        """The article titles the person with just the places the cue names: `председатель украинской
        делегации в ПАСЕ` is no `глава ПАСЕ`, though both name the ПАСЕ."""
        return entity is not None and any(
            compatible(wanted, r) and (not wanted.places or places_agree(r.places, Role(r.function, wanted.places)))
            for r in titles(self.index).get(entity.id, [])
        )

    def last_speaker_as(self, cue: int, wanted: Role) -> Entity | None:
        """The person who spoke last, a few sentences back, if no title of theirs clashes with the cue's role:
        `Путин сказал … «…», – отметил президент` with the other officials of the list in between."""
        here = self.index.tokens[cue].sentence
        gender = self.index.tokens[cue].feat("Gender")
        for token, entity_id in reversed(self.spoken):
            if token >= cue:
                continue
            if here - self.index.tokens[token].sentence > ROLE_SENTENCES:
                return None
            entity = self.entity(entity_id)
            if (entity is not None and coarse_type(entity.type) == "PER" and not entity.anonymous and entity_id not in self.groups
                    and not self.described(entity) and not clashes(self.index, wanted, entity)
                    and person_gender(self.index, entity) in (gender, None)):
                return entity
        return None

    def quoted_offsets(self) -> frozenset[int]:
        """Start offsets of the tokens inside quotation marks: a name quoted is no antecedent of the cue."""
        if not hasattr(self, "_quoted_offsets"):
            self._quoted_offsets = frozenset(self.index.tokens[i].start for i in self.quoted)
        return self._quoted_offsets
