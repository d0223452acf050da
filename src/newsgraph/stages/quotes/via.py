"""Through whom the words reached the article (`via`), once every quote has its speaker.

Some of it is settled with the speaker (`сказал Песков, передает ТАСС`, `цитирует РБК`); what
needs the other quotes of the article comes here, in the order a reader meets it: an aside that
credits a medium (`Как сообщает ТАСС, Песков заявил …`) or the quoter who holds nested speech, an interview channel
(`SpeakerResolver.with_channels`), a medium credited at the close of a paragraph, and one channel
for a speaker's verbatim words within a paragraph.
"""

from __future__ import annotations

from dataclasses import replace

from ...doc import Quote, coarse_type
from ..segment import paragraph_break
from .speakers import SpeakerResolver


def credit_via(text: str, quotes: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    quotes = credit_media(relayed_by_quoter(quotes), resolver)
    quotes = resolver.with_channels(credit_closing_medium(text, quotes, resolver))
    return share_paragraph_via(text, quotes)


def relayed_by_quoter(quotes: list[Quote]) -> list[Quote]:
    """Nested speech reaches the article through the one whose quotation holds it: `via` is that speaker."""
    result = []
    for quote in quotes:
        outer = next((o for o in quotes if o is not quote and o.start <= quote.start and quote.end <= o.end and o.speaker), None)
        if quote.source.startswith("nested.") and outer is not None and quote.via is None and outer.speaker != quote.speaker:
            quote = replace(quote, via=outer.speaker, via_name=outer.speaker_name)
        result.append(quote)
    return result


def relays_someone(aside: Quote, quotes: list[Quote], resolver: SpeakerResolver) -> bool:
    """A named person's aside over someone else's words (`По словам Сидоровича, Ковальский сказал, что …`)."""
    relay = resolver.entity(aside.speaker)
    if relay is None or coarse_type(relay.type) != "PER" or relay.anonymous or resolver.described(relay):
        return False
    return any(q is not aside and aside.start <= q.start < aside.end and q.speaker not in (None, aside.speaker) for q in quotes)


def credit_media(quotes: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    """`Как сообщает ТАСС, Песков заявил, что …`: the aside credits a medium, it is not itself a quote.
    When a person relays someone (`По словам Сидоровича, Ковальский сказал, что …`), that is nested speech:
    the person's quote stays, and the inner quote comes via them."""
    asides = [q for q in quotes if q.source.startswith("aside.source")]
    result = []
    for quote in quotes:
        if quote in asides:
            if relays_someone(quote, quotes, resolver):
                result.append(replace(quote, source=quote.source.removeprefix("aside.source.")))
            continue
        source = next((a for a in asides if a.start <= quote.start < a.end), None)
        if source is not None and quote.via is None and source.speaker != quote.speaker:
            quote = replace(quote, via=source.speaker, via_name=source.speaker_name)
        result.append(quote)
    return result


def credit_closing_medium(text: str, quotes: list[Quote], resolver: SpeakerResolver) -> list[Quote]:
    """`По данным ЦИК, явка составила 67 %. … Далее следуют …, передает ТАСС.`: a medium credited at the close
    of a paragraph relayed the other statements of that paragraph."""
    closing = [
        q for q in quotes
        if q.source.startswith("indirect.trailing") and resolver.entity(q.speaker) and resolver.is_medium(resolver.entity(q.speaker))
        and not resolver.own_outlet(q.speaker_name)
    ]
    result = []
    for quote in quotes:
        medium = next((c for c in closing if quote.start < c.start and not paragraph_break(text, quote.end, c.start)), None)
        speaker = resolver.entity(quote.speaker)
        if medium is not None and quote.via is None and speaker is not None and speaker.id != medium.speaker and not resolver.is_medium(speaker):
            quote = replace(quote, via=medium.speaker, via_name=medium.speaker_name)
        result.append(quote)
    return result


def share_paragraph_via(text: str, quotes: list[Quote]) -> list[Quote]:
    """`«…», – сказал Бонси. … «…», – считает Бонси (цитата по X).`: a speaker's words quoted verbatim in one
    paragraph came through one channel, so the via credited to some of them holds for the rest (a paraphrase
    may be the article's own)."""
    result = []
    for quote in quotes:
        credited = next((
            q for q in quotes
            if q.via is not None and q.speaker == quote.speaker and q.via != quote.speaker and q.kind == "direct"
            and not paragraph_break(text, min(q.start, quote.start), max(q.end, quote.end))
        ), None) if quote.via is None and quote.speaker is not None and quote.kind == "direct" else None
        result.append(replace(quote, via=credited.via, via_name=credited.via_name) if credited else quote)
    return result
