"""Russian date expressions and their resolution against the publication date.

Absolute dates (`3 июля 2025 года`, `03.07.2025`, `в 2024 году`) come from natasha's
`DatesExtractor`; month names alone (`в марте`) and relative forms (`вчера`,
`на прошлой неделе`, `в четверг`, `на следующей неделе в четверг`, `три дня назад`)
come from the small named rules below, which natasha does not cover. Each match is a
`DateMention` recording what the text fixes; `resolve` turns it into an ISO date with
a precision, using the article's `published` date and the tense of the verb the
expression belongs to (`в четверг провели` is the last Thursday, `в четверг проведут`
the next one). Without a publication date relative expressions stay unresolved.

A resolved date is always a full ISO day: the first day of the week (Monday), month
or year when `precision` is coarser than `day`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache

from natasha import DatesExtractor
from natasha.grammars.date import MONTHS as NATASHA_MONTHS
from yargy.tokenizer import INT, Tokenizer

from ..nlp import morph_vocab, parses

Tense = str | None  # "past", "present", "future" or None when unknown

MONTHS_LOC = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре")
MONTHS_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря")
WEEKDAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")
SHIFT_WORDS = {
    "позапрошл": -2, "прошл": -1, "минувш": -1, "предыдущ": -1,
    "эт": 0, "текущ": 0, "нынешн": 0,
    "следующ": 1, "будущ": 1, "предстоящ": 1, "ближайш": 1,
}
DAY_WORDS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
DAY_ADJECTIVES = {"позавчерашн": -2, "вчерашн": -1, "сегодняшн": 0, "завтрашн": 1, "послезавтрашн": 2}
WEEKDAY_ADJECTIVES = {"понедельничн": 0, "вторничн": 1, "четвергов": 3, "пятничн": 4, "субботн": 5, "воскресн": 6}  # not `средовой`
MONTH_ADJECTIVES = (
    "январск", "февральск", "мартовск", "апрельск", "майск", "июньск", "июльск", "августовск", "сентябрьск",
    "октябрьск", "ноябрьск", "декабрьск",
)
NUMBER_WORDS = {
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
}


def one_of(name: str, words) -> str:
    return f"(?P<{name}>{'|'.join(words)})"


SHIFT = one_of("shift", (rf"{stem}\w*" for stem in SHIFT_WORDS))
WEEKDAY = one_of("weekday", WEEKDAYS)
COUNT = one_of("count", (r"\d{1,3}", *NUMBER_WORDS))
UNIT = r"(?P<unit>дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)"


@dataclass(frozen=True, slots=True)
class DateMention:
    """What a date expression fixes: absolute parts, or a shift from the publication date."""

    start: int
    end: int
    rule: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    unit: str | None = None  # a shift of `shift` days/weeks/months/years from publication
    shift: int = 0
    weekday: int | None = None  # 0 = Monday
    anchor: str | None = None  # weekday relative to publication: "last", "next", "week"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: str | None
    precision: str


def shift_word(word: str) -> int:
    word = word.lower()
    return next(v for k, v in SHIFT_WORDS.items() if word.startswith(k))


def count_word(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def rule_day_word(m: re.Match) -> DateMention:
    """`вчера`, `сегодня`, `завтра`, `позавчера`, `послезавтра`."""
    return DateMention(m.start(), m.end(), "date.day_word", unit="day", shift=DAY_WORDS[m["word"].lower()])


def rule_eve(m: re.Match) -> DateMention | None:
    """`накануне` alone is the day before publication; `накануне выборов` is relative to something else."""
    following = (m["next"] or "").strip()
    if following[:1].islower() and any(
        p.tag.case == "gent" and p.tag.POS in {"NOUN", "ADJF", "NPRO"} for p in parses(following.lower())
    ):
        return None
    return DateMention(m.start(), m.end(), "date.eve", unit="day", shift=-1)


def rule_week_weekday(m: re.Match) -> DateMention:
    """`на следующей неделе в четверг` / `в четверг на прошлой неделе`: a day of a named week."""
    return DateMention(
        m.start(), m.end(), "date.week_weekday", unit="week", shift=shift_word(m["shift"]),
        weekday=WEEKDAYS.index(m["weekday"].lower()), anchor="week",
    )


def rule_weekday(m: re.Match) -> DateMention:
    """`в четверг` and `в эту среду` (the tense decides: `в это воскресенье пикетировал` is the
    last Sunday), `в прошлую пятницу`, `в следующий вторник`."""
    shift = shift_word(m["shift"]) if m["shift"] else None
    anchor = {None: None, -2: "last", -1: "last", 0: None, 1: "next"}[shift]
    return DateMention(
        m.start(), m.end(), "date.weekday", unit="week" if anchor == "week" else None,
        weekday=WEEKDAYS.index(m["weekday"].lower()), anchor=anchor,
    )


def rule_weekend(m: re.Match) -> DateMention:
    """`в минувшие выходные`, `на выходных`: the Saturday of that weekend."""
    shift = shift_word(m["shift"]) if m["shift"] else None
    anchor = {None: None, -2: "last", -1: "last", 0: None, 1: "next"}[shift]
    return DateMention(m.start(), m.end(), "date.weekend", weekday=5, anchor=anchor)


def rule_day_adjective(m: re.Match) -> DateMention:
    """`вчерашняя встреча`, `сегодняшнего заседания`: the day named as an adjective on its event."""
    return DateMention(m.start(), m.end(), "date.day_adjective", unit="day", shift=DAY_ADJECTIVES[m["stem"].lower()])


def rule_weekday_adjective(m: re.Match) -> DateMention:
    """`субботние акции`, `на пятничном митинге`: a weekday the tense decides, as `в субботу`."""
    return DateMention(m.start(), m.end(), "date.weekday_adjective", weekday=WEEKDAY_ADJECTIVES[m["stem"].lower()])


def rule_month_adjective(m: re.Match) -> DateMention:
    """`апрельский митинг`: a month whose year the tense decides, as `в апреле`."""
    return DateMention(m.start(), m.end(), "date.month_adjective", month=MONTH_ADJECTIVES.index(m["stem"].lower()) + 1)


def rule_named_period(m: re.Match) -> DateMention:
    """`на прошлой неделе`, `в следующем месяце`, `в конце прошлого года`."""
    unit = {"н": "week", "м": "month", "г": "year"}[m["period"][0].lower()]
    return DateMention(m.start(), m.end(), "date.named_period", unit=unit, shift=shift_word(m["shift"]))


def rule_month_name(m: re.Match) -> DateMention:
    """`в марте`, `в начале марта`: a month whose year the tense decides."""
    month = MONTHS_LOC.index(m["loc"].lower()) if m["loc"] else MONTHS_GEN.index(m["gen"].lower())
    return DateMention(m.start(), m.end(), "date.month_name", month=month + 1)


def rule_ago(m: re.Match) -> DateMention:
    """`три дня назад`, `неделю назад`, `через два месяца`."""
    count = count_word(m["count"]) if m["count"] else 1
    sign = 1 if m.group(0).lower().startswith("через") else -1
    unit = {"д": "day", "н": "week", "м": "month", "г": "year", "л": "year"}[m["unit"][0].lower()]
    if unit == "week":
        return DateMention(m.start(), m.end(), "date.ago", unit="day", shift=sign * count * 7)
    return DateMention(m.start(), m.end(), "date.ago", unit=unit, shift=sign * count)


B = r"(?<![\w-])"
E = r"(?!\w)"
PART = r"(?:(?:начале|середине|конце)\s+)"
RULES: tuple[tuple[re.Pattern, Callable[[re.Match], DateMention | None]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), rule)
    for pattern, rule in (
        (rf"{B}на\s+{SHIFT}\s+неделе\s*,?\s*(?:в|во)\s+{WEEKDAY}{E}", rule_week_weekday),
        (rf"{B}(?:в|во)\s+{WEEKDAY}\s*,?\s*на\s+{SHIFT}\s+неделе{E}", rule_week_weekday),
        (rf"{B}(?:в\s+ночь\s+на|в|во|на)\s+(?:{SHIFT}\s+)?{WEEKDAY}{E}", rule_weekday),
        (rf"{B}(?:в|на)\s+(?:{SHIFT}\s+)?выходн(?:ые|ых){E}", rule_weekend),
        (rf"{B}{one_of('stem', DAY_ADJECTIVES)}(?:[ийяеюо]\w{{0,2}}){E}", rule_day_adjective),
        (rf"{B}{one_of('stem', WEEKDAY_ADJECTIVES)}(?:[ыиао]\w{{0,2}}){E}", rule_weekday_adjective),
        (rf"{B}{one_of('stem', MONTH_ADJECTIVES)}(?:[ийяоеу]\w{{0,2}}){E}", rule_month_adjective),
        (rf"{B}(?:в|на)\s+{PART}?{SHIFT}\s+(?P<period>недел[еи]|месяц[еа]|год[ау]){E}", rule_named_period),
        (rf"{B}(?:в|во)\s+(?:{one_of('loc', MONTHS_LOC)}|{PART}{one_of('gen', MONTHS_GEN)}){E}", rule_month_name),
        (rf"{B}(?:{COUNT}\s+)?{UNIT}\s+назад{E}", rule_ago),
        (rf"{B}через\s+(?:{COUNT}\s+)?{UNIT}{E}", rule_ago),
        (rf"{B}(?P<word>позавчера|вчера|сегодня|послезавтра|завтра){E}", rule_day_word),
        (rf"{B}накануне{E}(?=(?P<next>\s+[\w-]+)?)", rule_eve),
    )
)


@cache
def dates_extractor() -> DatesExtractor:
    return DatesExtractor(morph_vocab())


NUMERIC_DATE_OR_YEAR = re.compile(r"\d\s*\.\s*\d|\d{4}")
RUSSIAN_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)  # the Russian tokens of yargy's tokenizer


@cache
def month_normals() -> frozenset[str]:
    """The normal forms natasha's `MONTH_NAME` (a yargy `dictionary`) accepts."""
    return frozenset(form.normal for month in NATASHA_MONTHS for form in parses(month))


def may_have_absolute_date(text: str) -> bool:
    """Whether natasha's date grammar can match: each rule has digits and a `12.05`, a year
    (1000–2100) or a month name. Its parser is slow, and most sentences have none of these."""
    if not any(char.isdigit() for char in text):
        return False
    if NUMERIC_DATE_OR_YEAR.search(text):
        return True
    months = month_normals()
    return any(form.normal in months for word in RUSSIAN_WORD.findall(text) for form in parses(word.lower()))


# Every rule of natasha's date grammar holds a number, and a match starts at most one token before its first
# number (`мае 2024`) and ends at most six after it (`12 . 05 . 2024 г .`).
BEFORE_NUMBER, AFTER_NUMBER = 1, 6


def number_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of `text` a date can lie in: the tokens around each number, overlapping
    stretches joined. yargy's parser costs per token of what it reads (it predicts the grammar at every one), and
    on stretches no match crosses it finds the matches, and keeps the same ones, as on the whole sentence."""
    tokens = list(Tokenizer.__call__(dates_extractor().parser.tokenizer, text))  # its own tokens, without morphology
    windows: list[list[int]] = []
    for k, token in enumerate(tokens):
        if token.type != INT:
            continue
        first, last = max(0, k - BEFORE_NUMBER), min(len(tokens) - 1, k + AFTER_NUMBER)
        if windows and first <= windows[-1][1]:
            windows[-1][1] = last
        else:
            windows.append([first, last])
    return [(tokens[first].span.start, tokens[last].span.stop) for first, last in windows]


def absolute_dates(text: str, offset: int) -> Iterator[DateMention]:
    """natasha's absolute dates: day-month-year, month-year, year, numeric."""
    if not may_have_absolute_date(text):
        return
    for start, end in number_windows(text):
        for match in dates_extractor()(text[start:end]):
            fact = match.fact
            if fact.year or fact.month:
                yield DateMention(
                    offset + start + match.start, offset + start + match.stop, "date.natasha",
                    year=fact.year, month=fact.month, day=fact.day,
                )


def relative_dates(text: str, offset: int) -> Iterator[DateMention]:
    for pattern, rule in RULES:
        for match in pattern.finditer(text):
            mention = rule(match)
            if mention:
                yield replace(mention, start=offset + mention.start, end=offset + mention.end)


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Date expressions in `text` (a sentence starting at `offset`), longest first on overlap."""
    found = sorted(
        [*absolute_dates(text, offset), *relative_dates(text, offset)],
        key=lambda d: (-(d.end - d.start), d.start),
    )
    kept: list[DateMention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda d: d.start)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def add_months(year: int, month: int, shift: int) -> dt.date:
    index = year * 12 + month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def weekday_date(mention: DateMention, published: dt.date, tense: Tense) -> dt.date:
    """The day named by a weekday; same-day counts, as agencies write `в четверг` on Thursday."""
    w, p = mention.weekday, published.weekday()
    if mention.anchor == "week":
        return monday(published) + dt.timedelta(days=7 * mention.shift + w)
    back, ahead = (p - w) % 7, (w - p) % 7
    if mention.anchor == "last":
        return published - dt.timedelta(days=back or 7)
    if mention.anchor == "next":
        return published + dt.timedelta(days=ahead or 7)
    if tense == "past" or (tense != "future" and back <= ahead):
        return published - dt.timedelta(days=back)
    return published + dt.timedelta(days=ahead)


def clamped(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def year_for(month: int, day: int | None, published: dt.date, tense: Tense) -> int:
    """The year of a date given without one: the past or future occurrence the tense asks for, else the nearest."""
    reference = published if day else published.replace(day=1)
    dates = [(year, clamped(year, month, day or 1)) for year in range(published.year - 1, published.year + 2)]
    if tense == "past":
        return max(year for year, date in dates if date <= reference)
    if tense == "future":
        return min(year for year, date in dates if date >= reference)
    return min(dates, key=lambda yd: abs((yd[1] - reference).days))[0]


def resolve(mention: DateMention, published: dt.date | None, tense: Tense = None) -> ResolvedDate:
    """The absolute date of an expression, never guessed: None when it needs a publication date we lack."""
    precision = precision_of(mention)
    if mention.year and not mention.unit:
        if mention.month and mention.day:
            return ResolvedDate(_safe_date(mention.year, mention.month, mention.day), precision)
        return ResolvedDate(dt.date(mention.year, mention.month or 1, 1).isoformat(), precision)
    if published is None:
        return ResolvedDate(None, precision)
    if mention.weekday is not None:
        return ResolvedDate(weekday_date(mention, published, tense).isoformat(), precision)
    if mention.month:
        year = year_for(mention.month, mention.day, published, tense)
        return ResolvedDate(clamped(year, mention.month, mention.day or 1).isoformat(), precision)
    if mention.unit == "day":
        return ResolvedDate((published + dt.timedelta(days=mention.shift)).isoformat(), precision)
    if mention.unit == "week":
        return ResolvedDate((monday(published) + dt.timedelta(weeks=mention.shift)).isoformat(), precision)
    if mention.unit == "month":
        return ResolvedDate(add_months(published.year, published.month, mention.shift).isoformat(), precision)
    return ResolvedDate(dt.date(published.year + mention.shift, 1, 1).isoformat(), precision)


def precision_of(mention: DateMention) -> str:
    if mention.day or mention.weekday is not None:
        return "day"
    if mention.unit == "day":
        return "week" if abs(mention.shift) >= 7 and mention.rule == "date.ago" else "day"
    if mention.month:
        return "month"
    return mention.unit or "year"


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
