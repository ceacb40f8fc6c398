"""Fuzzing the frame reader (checks/frames.py ``frames_for_document``, with checks/places.py, dates.py and
lexicon.py under it) with news-like texts built from pieces, in fr/en/es/de.

A crash there stops every run's comparison (``checks.frame_store.refresh_frames`` reads all pending
documents in one loop), as ``find_dates("On 4 July, 1.27 million people", ...)`` did (``int('1.27')``).
Each generated text takes the pipeline's own path: ``flows.normalise.normalise_text``, the real extractor
(``quantcheck.extractors.extract``), then ``warehouse.arrow_batch.mention_columns`` (the record checks
and the bounded sentence window the warehouse stores), and the claims are built from those columns as
``refresh_frames`` builds them from ``qc_pending`` (mention_id ``document_id:ordinal``, ordered by start
then mention_id). The article's day is what ``CAST(timezone('UTC', published_at) AS DATE)`` can give:
None, an ordinary day, or any day from year 1 to 9999 (``to_utc`` accepts ``"0001-01-01"`` from a JSON
Lines record or a feed). Lone surrogates never reach the reader (``clean_string`` and the warehouse turn
them into U+FFFD), so the texts hold U+FFFD instead.

Properties: no exception; one frame per claim, each carrying its claim's mention_id; the same input read
twice gives equal frames. Deterministic (seeded), no network, well under a minute.

The crashes it found are kept as minimal repros (``REGRESSIONS``) that must read without an exception.
"""

from __future__ import annotations

import random
import traceback
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from quantcheck.checks.frames import ClaimInput, frames_for_document
from quantcheck.checks.gazetteer import load as load_gazetteer
from quantcheck.checks.lexicon import load_lexicon
from quantcheck.extractors import extract
from quantcheck.flows.normalise import clean_string, normalise_text
from quantcheck.warehouse.arrow_batch import mention_columns

SEED = 20240704
TEXTS = 2000  # generated documents; each is read with two article days, the second one extreme
ROOT = Path(__file__).resolve().parents[1]
LANGS = ("fr", "en", "es", "de")
NBSP, NNBSP = "\u00a0", "\u202f"

# -- pieces ------------------------------------------------------------------------------------------------

NUMBERS = [
    "1,380", f"1{NBSP}380", f"1{NNBSP}380", "1.380", "1,38", "1.27", "3,5 Millionen", "1,27 Millionen",
    "87’000", "87'000", "450’000", "1.27 million", "2,5 milliards", "12 500", f"280{NBSP}000", "280.000",
    "280000", "0", "00", "007", "1", "12", "99", "100", "2011", "2016", "1999", "0.5", ",5", "5,", "5.",
    "1/2", "3/4", "½", "¾", "10-15", "10–15", "10 à 15", "entre 10 et 15", "between 10 and 15", "-5", "−12",
    "+3,5 %", "45%", "45 %", "0,3 %", "€1.2bn", "1,2 Mrd. Euro", "$3.5 million", "£20", "20 €", "12 km",
    "30 km/h", "5 °C", "-3°C", f"2{NNBSP}500 m²", "10 km²", "3 000 tonnes", "1e6", "10^6", "12:30", "1:0",
    "99999999999999999999", "1,000,000,000,000,000", "1.2.3.4", "٣٥", "١٢٣", "٢٠١٦", "４５", "２０１６",
    "1²", "²", "12th", "1er", "3.º", "No. 5", "#1", "50-year-old", "1990s", "'90s", "nº 3", "12/07",
    "1 000 000 000", "dos mil", "vingt-trois", "zweihundert", "three-quarters", "a dozen", "des dizaines",
    "Hunderte", "cientos", "two", "deux", "zwei", "dos", "million", "millions", "Millionen", "tausend",
    "one million", "hundred", "1 million", "1 milliard", "un millón", "eine Milliarde", "1.000.000",
    "3,000", "3.000,50", "3 000,50", "4,5 Mio.", "5 Mrd", "2.5bn", "10k", "1M", "15-20 %", "x2", "2x",
]
DATES = [
    "4 July", "July 4", "4 July 2016", "July 4, 2016", "4. Juli", "4. Juli 2016", "am 4. Juli",
    "le 4 juillet", "le 4 juillet 2016", "le 1er juillet", "el 4 de julio", "el 4 de julio de 2016",
    "1.º de enero", "04.07.2016", "4/7/2016", "04-07-2016", "2016-07-04", "Jul 172015", "Jul. 172015",
    "Sept 012016", "31 février", "31. Februar 2015", "29 February 2015", "32 July", "0 July", "July 0",
    "4 July 0000", "4 July 9999", "1 January 1", "2016-13-45", "31.12.1999", "2099-12-31", "1900-01-01",
    "Monday 18 Aug 2014", "10-07-2016", "Published October 31 2014", "May 2", "may 2", "en mayo",
    "mars 2011", "desde febrero de 2022", "since February of 2022", "in June 2010", "juin 2010", "12 May",
    "12 Mai", "Jul 4 ٢٠١٦", "٤ July", "4 July ٢٠١٦", "４ July", "1 July 1.27", "On 4 July, 1.27",
    "Published 1 January 0001", "1 janvier 0001", "1. Januar 0001", "1 de enero de 0001", "4 July 0500",
    "31 December 9999", "31 décembre 9999", "4 July ٠٠٠١", "1 January 1000",
]
DAYS = [
    "on Monday", "last Sunday", "Sunday's", "yesterday", "today", "tomorrow", "overnight", "last night",
    "this morning", "hier", "demain", "avant-hier", "la veille", "ce matin", "lundi", "ce lundi",
    "dimanche dernier", "ayer", "hoy", "mañana", "anoche", "el domingo", "el domingo pasado", "gestern",
    "heute", "morgen", "vorgestern", "am Montag", "letzte Woche", "gestrigen", "in der Nacht", "Mon",
    "Tues", "sun", "Sonntag",
]
PERIODS = [
    "since March", "since 2011", "since the war began in 2011", "since the start of the year",
    "so far this year", "in the past two weeks", "over the past 999 years", "over the past million years",
    "in the past 3 months", "in the past 0 days", "during the past year", "depuis mars",
    "depuis mars 2011", "depuis le 3 mars", "ces trois derniers mois", "au cours des derniers mois",
    "cette année", "seit zwei Jahren", "seit März", "in den vergangenen zwei Wochen", "seit 1900",
    "desde febrero", "desde hace dos años", "en lo que va de año", "en los últimos tres meses",
    "desde el 3 de marzo", "in the past million weeks", "since December", "depuis décembre",
]
PLACES = [
    "Paris", "Lyon", "Marseille", "Saint-Étienne", "Valencia", "Madrid", "Berlin", "München", "Köln",
    "Bad Homburg", "Damascus", "Aleppo", "Kyiv", "Mariupol", "Marhanets", "New York", "São Paulo",
    "La Paz", "Springfield", "Syria", "Syrie", "Siria", "Syrien", "France", "Espagne", "Alemania",
    "Deutschland", "the United States", "les États-Unis", "Côte d'Ivoire", "70 km south of Valencia",
    "à 30 km au nord de Lyon", "in the town of Marhanets", "near the city", "dans la région de Lyon",
    "en la provincia de Valencia", "im Bundesland Bayern", "north of Aleppo", "Gaza", "Ukraine",
    "Argentina", "Nice", "Orange", "Mobile", "Paris, Texas", "Bordeaux et Toulouse", "Rome",
]
DATELINES = [
    "PARIS (AFP) –", "BRUSSELS/PARIS (Reuters) -", "MADRID, 4 jul (EFE).-", "BERLIN (dpa) -",
    "DAMASCUS, Syria (AP) —", "LYON —", "NEW YORK/LONDON, July 4 (Reuters) -", "BEIRUT:", "KYIV, Ukraine -",
    "VALENCIA (Europa Press) –", "(AFP) -", "PARIS/", "/PARIS", "– PARIS", "BAD HOMBURG (dpa) –",
]
ACRONYMS = ["CGT", "SPD", "SOHR", "UN", "NATO", "OTAN", "EU", "AfD", "PSOE", "ONU", "US", "WHO", "IS", "CDU",
            "FO", "ÖVP", "UE", "EE.UU.", "U.S.", "A.F.P."]
WORDS = {
    "en": ["people", "civilians", "children", "soldiers", "rebel fighters", "were killed", "killed",
           "wounded", "injured", "died", "including", "another", "at least", "more than", "about", "the",
           "death toll", "rose to", "protesters", "marched", "according to", "police said", "of whom",
           "the strike", "air strikes", "the attack", "the blast", "budget", "euros", "votes", "seats",
           "others", "and", "or", "in", "at", "on", "of", "bn", "million", "per year", "a day", "up from"],
    "fr": ["personnes", "civils", "enfants", "soldats", "ont été tués", "tués", "blessés", "morts", "dont",
           "au moins", "plus de", "environ", "le bilan", "s'élève à", "manifestants", "ont défilé", "selon",
           "la préfecture", "la frappe", "l'explosion", "d'euros", "le budget", "voix", "sièges", "autres",
           "et", "ou", "à", "dans", "de", "l'armée", "qu'il", "jusqu'à", "par an", "contre"],
    "es": ["personas", "civiles", "niños", "soldados", "murieron", "muertos", "heridos", "entre ellas",
           "al menos", "más de", "unos", "el balance", "ascendió a", "manifestantes", "según", "la policía",
           "el ataque", "la explosión", "euros", "el presupuesto", "votos", "escaños", "otros", "y", "o",
           "en", "de", "a", "del", "al año", "frente a"],
    "de": ["Menschen", "Zivilisten", "Kinder", "Soldaten", "wurden getötet", "getötet", "Verletzte", "Tote",
           "darunter", "mindestens", "mehr als", "rund", "die Zahl der Toten", "stieg auf", "Demonstranten",
           "laut", "nach Polizeiangaben", "der Angriff", "die Explosion", "Euro", "der Haushalt", "Stimmen",
           "Sitze", "weitere", "und", "oder", "in", "bei", "am", "im", "pro Jahr", "gegenüber"],
}
QUOTES = ["«", "»", "« ", " »", "“", "”", "„", "‹", "›", '"', "'", "(", ")", "[", "]", "{", "}", "((((",
          "))))", "(12)", "[1]", "« 12 »", "(sic)", "’", "`"]
PUNCT = ["!!!", "...", "…", ",,,,", ";;;", "::", "--", "——", ". . .", "?!?", ".", ",", ";", ":", "-", "–",
         "—", "/", "|", "·", "•", "&", "%", "%%", "$$", "€€", "°", "''", "\\", "*", "#", "@", "+", "=", "~",
         "^", "_"]
ODD = ["²", "³", "¹", "١٢٣", "٤", "４", "ｋｍ", "e\u0301", "\u0301", "\u0308\u0301", "\u200f", "\u200e",
       "\u202e", "\u202c", "\u200b", "\u200d", "\ufeff", "\u2060", "\U0001f600",
       "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1eb\U0001f1f7", "\ufffd", "\u2028", "\u2029",
       "\u00ad", "\u3000", "\t", "\r\n", "\x00", "\x1f", "\x85", "ﬁ", "Ⅻ", "ⅻ", "\U0001d40f\U0001d410", "⁴",
       "₂", "½", "İ", "ß", "ǅ", "Σ", "ﬀ", "\U0001d7d8", "\u0660", "\u06f1\u06f2", "\u0966\u0967", "\u0e51",
       "\u1040", "\ud800", "\udce9"]
SEPS = [" ", " ", " ", " ", " ", NBSP, NNBSP, ", ", " – ", "\n", "", "  ", ". ", "\n\n"]


def _piece(rng: random.Random, lang: str) -> str:
    pool = rng.random()
    if pool < 0.22:
        return rng.choice(NUMBERS)
    if pool < 0.52:
        return rng.choice(WORDS[lang] if rng.random() < 0.85 else WORDS[rng.choice(LANGS)])
    if pool < 0.60:
        return rng.choice(DATES)
    if pool < 0.66:
        return rng.choice(DAYS)
    if pool < 0.71:
        return rng.choice(PERIODS)
    if pool < 0.79:
        return rng.choice(PLACES)
    if pool < 0.83:
        return rng.choice(ACRONYMS)
    if pool < 0.89:
        return rng.choice(QUOTES)
    if pool < 0.95:
        return rng.choice(PUNCT)
    return rng.choice(ODD)


def _sentence(rng: random.Random, lang: str, pieces: int) -> str:
    out = []
    for _ in range(pieces):
        out.append(_piece(rng, lang))
        out.append(rng.choice(SEPS))
    s = "".join(out).strip()
    if s and rng.random() < 0.6:
        s = s[0].upper() + s[1:]
    return s + rng.choice([".", ".", ".", "!", "?", "", "…", ". ", ":", " .", "\n"])


def make_text(rng: random.Random, lang: str) -> str:
    """One news-like text: a dateline sometimes, sentences of random pieces, sometimes a very long
    sentence, empty sentences, a text cut in the middle of a number or a word."""
    shape = rng.random()
    parts: list[str] = []
    if rng.random() < 0.3:
        parts.append(rng.choice(DATELINES) + rng.choice([" ", " ", "\n", ""]))
    if rng.random() < 0.15:
        parts.append(rng.choice(DATES) + rng.choice([" ", "\n", " - "]))
    if shape < 0.05:  # one very long sentence, no full stop
        parts.append(_sentence(rng, lang, rng.randint(300, 900)).rstrip("."))
    elif shape < 0.10:  # empty sentences and punctuation only
        parts.append("".join(rng.choice([". ", ".", "\n", "!! ", "…", " . . ", "« » ", "() "])
                             for _ in range(rng.randint(1, 40))))
        parts.append(_sentence(rng, lang, rng.randint(1, 6)))
    elif shape < 0.13:  # numbers only
        parts.append(rng.choice(SEPS).join(rng.choice(NUMBERS) for _ in range(rng.randint(1, 60))))
    else:
        for _ in range(rng.randint(1, 8)):
            parts.append(_sentence(rng, lang, rng.randint(1, 25)))
            parts.append(rng.choice([" ", " ", "\n", "\n\n", "", "  "]))
    text = "".join(parts)
    if rng.random() < 0.12:  # ends mid-number or mid-word
        text = text + " " + rng.choice(NUMBERS)
        text = text[: len(text) - rng.randint(1, 3)]
    elif rng.random() < 0.05 and text:
        text = text[: rng.randint(0, len(text))]
    return text


# -- the pipeline's path to the reader ---------------------------------------------------------------------


def claims_for(text: str, lang: str | None, doc_id: str = "d") -> list[ClaimInput]:
    """The claims ``refresh_frames`` would read for ``text``: the real extractor's mentions, checked and
    windowed by the warehouse's ``mention_columns``, as the rows of ``qc_pending``."""
    mentions = extract(text, lang)
    table = mention_columns([(doc_id, text, doc_id)], [mentions], "fuzz").table.to_pylist()
    rows = [
        (f"{r['document_id']}:{r['ordinal']}", r["start"], r["end"], r["sentence_start"], r["sentence_end"],
         r["dimension"], r["counted"], r["concept"], r["value"])
        for r in table
    ]
    rows.sort(key=lambda r: (r[1], r[0]))  # ORDER BY document_id, start, mention_id
    return [ClaimInput(*r) for r in rows]


ORDINARY_DAYS = [date(2016, 7, 19), date(2024, 2, 29), date(2000, 1, 1), date(2016, 1, 3), date(2023, 12, 31)]
EXTREME_DAYS = [
    date(1, 1, 1), date(1, 1, 2), date(1, 1, 8), date(1, 2, 1), date(1, 3, 1), date(1, 12, 31), date(2, 1, 1),
    date(1900, 1, 1), date(2100, 12, 31), date(9999, 12, 31), date(9999, 12, 30), date(9999, 1, 1),
]


def article_days(rng: random.Random) -> list[date | None]:
    first = rng.choice([*ORDINARY_DAYS, None, date(rng.randint(1990, 2030), rng.randint(1, 12), 1)
                        + timedelta(days=rng.randint(0, 27))])
    return [first, rng.choice([*EXTREME_DAYS, None])]


@dataclass(frozen=True)
class Failure:
    signature: tuple[str, str]  # (exception type, "file.py:function" of the innermost project frame)
    where: str  # file:line
    message: str
    text: str
    lang: str | None
    published: date | None


def _signature(exc: BaseException) -> tuple[tuple[str, str], str]:
    tb = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in tb if f.filename.startswith(str(ROOT)) and "/tests/" not in f.filename]
    last = (ours or tb)[-1]
    path = Path(last.filename)
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return (type(exc).__name__, f"{path.name}:{last.name}"), f"{where}:{last.lineno}"


def read_frames(text: str, lang: str | None, published: date | None, claims: list[ClaimInput], lex, gaz,
                twice: bool = True) -> None:
    """The properties: no exception, a frame per claim with its mention_id, the same frames twice."""
    first = frames_for_document(text, lang, published, claims, lex, gaz)
    assert [f.mention_id for f in first] == [c.mention_id for c in claims]
    if twice:
        second = frames_for_document(text, lang, published, list(claims), lex, gaz)
        assert first == second, "frames differ between two reads of the same document"


# -- regressions: crashes the fuzz run found, each a minimal repro (text, lang, article day) ----------------

# Each was reachable from an article's text alone: a feed without a date (published None) and a dateline
# year "0001" (a .NET DateTime.MinValue page date, "Published 1 January 0001") made the article's day
# 0001-01-01, as a JSON Lines "published_at" of "0001-01-01" did; counting days back from it left the
# calendar (OverflowError, or year 0 for "since December"). Fixed by dates.plausible: an article's own
# date lies in dates.NEWS_YEARS, else it has none.
REGRESSIONS: list[tuple[str, str, date | None, str]] = [
    ("Yesterday 12 people were killed.", "en", date(1, 1, 1), "yesterday before year 1"),
    ("1 January 0001. Nothing else happened in the region. Yesterday 12 people were killed.", "en", None,
     "a year-1 dateline, yesterday"),
    ("On Sunday 12 people were killed.", "en", date(1, 1, 1), "a weekday before year 1"),
    ("1 January 0001. Nothing else happened in the region. On Sunday 12 people were killed.", "en", None,
     "a year-1 dateline, a weekday"),
    ("In the past 2 days 12 people were killed.", "en", date(1, 1, 1), "a period before year 1"),
    ("4 July 0500. In the past 999 years 12 people were killed.", "en", None, "999 years before 0500"),
    ("Since December, 12 people were killed.", "en", date(1, 1, 1), "last December of year 1: year 0"),
    ("Published 1 January 0001. Since December, 12 people were killed.", "en", None, "year 0 from text"),
    ("1 janvier 0001. Depuis décembre, 12 personnes ont été tuées.", "fr", None, "year 0 from text, fr"),
    ("Yesterday 12 people were killed.", "en", date(9999, 12, 31), "an article of the last day"),
]


@pytest.fixture(scope="module")
def reader():
    return load_lexicon(), load_gazetteer()


@pytest.mark.parametrize(("text", "lang", "published", "case"), REGRESSIONS, ids=[r[3] for r in REGRESSIONS])
def test_an_implausible_article_date_reads_no_day(text: str, lang: str, published: date | None, case: str,
                                                  reader) -> None:
    text = normalise_text(text)
    claims = claims_for(text, lang)
    assert claims, "the repro must hold a figure the extractor finds"
    read_frames(text, lang, published, claims, *reader)
    frames = frames_for_document(text, lang, published, claims, *reader)
    assert all(f.day is None or 1900 <= f.day.year <= 2100 for f in frames), case


# -- the fuzz run ------------------------------------------------------------------------------------------


def run_fuzz(n: int, seed: int = SEED) -> tuple[list[Failure], int]:
    """Generate ``n`` documents and read each with two article days; the failures, and how many reads."""
    lex, gaz = load_lexicon(), load_gazetteer()
    rng = random.Random(seed)
    failures: list[Failure] = []
    reads = 0
    for k in range(n):
        lang = LANGS[k % len(LANGS)]
        text = normalise_text(clean_string(make_text(rng, lang)))
        claims = claims_for(text, lang, f"d{k}")
        doc_lang: str | None = lang if rng.random() > 0.02 else None
        for n_day, published in enumerate(article_days(rng)):
            reads += 1
            try:  # determinism is checked with the ordinary day (the extreme one adds crashes only)
                read_frames(text, doc_lang, published, claims, lex, gaz, twice=n_day == 0)
            except Exception as exc:  # noqa: BLE001 - every exception is a finding
                sig, where = _signature(exc)
                message = f"{type(exc).__name__}: {exc}"
                failures.append(Failure(sig, where, message, text, doc_lang, published))
    return failures, reads


@pytest.mark.reliability  # about 30 s: run by `make reliability`, not `make test`
def test_frames_never_crash_on_generated_news(reader) -> None:
    failures, reads = run_fuzz(TEXTS)
    assert reads == 2 * TEXTS
    new = failures
    seen: dict[tuple[str, str], Failure] = {}
    for f in new:
        seen.setdefault(f.signature, f)
    report = "\n".join(
        f"{sig[0]} in {f.where} ({sum(g.signature == sig for g in new)}x): {f.message}\n"
        f"    lang={f.lang!r} published={f.published!r} text={f.text[:300]!r}"
        for sig, f in seen.items()
    )
    assert not new, f"{len(new)} crashing reads, {len(seen)} distinct:\n{report}"


def test_fuzz_is_deterministic() -> None:
    a, b = random.Random(SEED), random.Random(SEED)
    assert [make_text(a, lang) for lang in LANGS * 5] == [make_text(b, lang) for lang in LANGS * 5]
