"""Counts in words for people: `1 article`, `3 articles`, `2 entries`, in the CLI and the web alike."""

from __future__ import annotations


def plural(noun: str) -> str:
    """The English plural of a regular NOUN (article → articles, entry → entries, match → matches)."""
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def headline(title: str | None, opening: str | None, words: int = 10) -> str:
    """TITLE, or for an untitled article its first WORDS words (`…` when cut): something a
    person recognises in a list, where a hash id says nothing."""
    if title:
        return title
    first = (opening or "").split()
    return " ".join(first[:words]) + ("…" if len(first) > words else "") or "(empty article)"


def noun_for(number: int | None, noun: str) -> str:
    """NOUN as NUMBER of it needs: singular for exactly one."""
    return noun if number == 1 else plural(noun)


def counted(number: int | None, noun: str) -> str:
    """NUMBER and NOUN, singular for exactly one: `1 quote`, `0 quotes`, `12 quotes`."""
    return f"{number or 0} {noun_for(number, noun)}"
