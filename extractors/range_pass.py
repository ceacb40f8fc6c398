"""The range pass: two neighbouring mentions joined into a range ("between 500 and 1300", "$2-3bn"),
or recognised as a score ("3:1") or a change ("rose from 3% to 5%").
"""

from __future__ import annotations

from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.text_views import prev_word
from quantcheck.extractors.unit_tables import TIME_UNITS


def join_ranges(ctx: ExtractionContext, cands: list[Candidate]) -> list[Candidate]:
    """Neighbouring candidates joined into ranges; scores ("3:1") dropped; a bare first number shares the
    unit of the next."""
    out: list[Candidate] = []
    for i in range(len(cands) - 2, -1, -1):  # from the end: "128, 256 oder 512 GB" (each takes the next's)
        share_unit(ctx, cands[i], cands[i + 1])
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            if is_score(ctx, a, b) or is_clock_range(ctx, a, b):
                i += 2
                continue
            merged = range_of(ctx, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def is_score(ctx: ExtractionContext, a: Candidate, b: Candidate) -> bool:
    """"3:1", "won 52-48", "s'est imposé 3-1": a score or a tally is neither a range nor two counts.
    Two bare integers joined by a colon always are; joined by a dash, when one of the language's
    ``score_words`` is among the four words before them."""
    gap = ctx.text[a.end:b.start]
    if gap not in ("-", "–", "‑", ":") or a.unit or b.unit or a.scaled != 1.0 or b.scaled != 1.0:
        return False
    if not (a.num.plain_int and b.num.plain_int) or a.qualifier != "exact":
        return False
    if gap == ":":
        return True
    # "remontó un 0-2", "ganando 3-2": small whole numbers, neither counting anything, written high to low
    # or from nil are a score whatever the verb before them
    if not a.counted and not b.counted and a.value is not None and b.value is not None and \
            a.value < 100 and b.value < 100 and (a.value > b.value or a.value == 0):
        return True
    if not ctx.lang.score_words:
        return False
    s0, _ = ctx.sentences.span(a.start)
    before = ctx.lower[max(s0, a.start - 60):a.start].replace("’", "'")
    words = [w.strip(".,;:!?()\"«»“”") for w in before.split()[-4:]]
    return any(w in ctx.lang.score_words or w.rsplit("'", 1)[-1] in ctx.lang.score_words for w in words)


def is_clock_range(ctx: ExtractionContext, a: Candidate, b: Candidate) -> bool:
    """"de 18.00 a 20.00", "von 9.30 bis 17.00": two times of day written as hours and minutes, opened by a
    word of ``clock_range``, are opening hours, not a range of quantities."""
    if a.unit or b.unit or a.num.words or b.num.words:
        return False
    if not (a.num.hours_and_minutes() and b.num.hours_and_minutes()):
        return False
    if len(ctx.text[a.end:b.start].split()) != 1:
        return False
    return prev_word(ctx, a.start).lower() in ctx.lang.clock_range_before


def share_unit(ctx: ExtractionContext, a: Candidate, b: Candidate) -> None:
    """"45 and 50 mg", "3 ou 4 jours": a bare number coordinated with a measured one shares its unit; not one
    of another size ("15.872 oder 2,3 Prozent weniger": a count and its share)."""
    if a.unit or a.counted or not b.unit or a.value is None:
        return
    if b.value and a.value and not 0.01 <= a.value / b.value <= 100:
        return
    gap = ctx.text[a.end:b.start]
    if len(gap) > 17:  # " beziehungsweise "
        return
    g = gap.strip().lower()
    if g[:1] == "-" and b.start == b.num_start:  # "30- und 40-Jährige": a truncated compound, one unit
        g = g[1:].strip()
    if g in ctx.lang.coordination or g == ",":
        a.unit, a.age = b.unit, b.age
        a.rule += "+shared"


def range_of(ctx: ExtractionContext, a: Candidate, b: Candidate) -> Candidate | None:
    """The range ``a`` to ``b`` ("500-1300", "between 2 and 3 billion euros", "8- to 16-meter"), or None
    when the two are a change ("rose from 3% to 5%"), have different units, or one counts and the other
    measures."""
    text, lang = ctx.text, ctx.lang
    if a.value is None or b.value is None or a.qualifier == "range":
        return None
    gap = _connector(text, a, b)
    if len(gap) > 12 or "\n" in gap:
        return None
    g = " ".join(gap.lower().split())
    start = a.start
    ok = False
    dash = g in ("-", "–", "—", "‑")
    spelled = g[1:].strip()   # "8- to 16-meter", "18- bis 65-Jährigen": a dash, then a connector word
    if dash or g[:1] == "-" and spelled.isalpha() and spelled in lang.range_connectors:
        ok = gap.strip() == gap or g in ("–", "—") or g.startswith("- ")
        if g == "-" and gap != "-":
            ok = False
    elif g in lang.range_connectors:
        ok = True
        bm = ctx.patterns["between_left"].search(ctx.lower, max(0, a.start - 20), a.start)
        if bm:
            pair_first = bm.group("b").lower()
            if any(p[0].lower() == pair_first for p in lang.range_between):
                start = bm.start()
    else:
        bm = ctx.patterns["between_left"].search(ctx.lower, max(0, a.start - 20), a.start)
        if bm:
            first = bm.group("b").lower()
            if any(p[0].lower() == first and p[1].lower() == g for p in lang.range_changes):
                old_level(a, b, times=True)  # "von 425 auf 450 Prozent", "von 38 auf 35 Stunden"
                return None
            ok = any(p[0].lower() == first and p[1].lower() == g for p in lang.range_between)
            if ok:
                start = bm.start()
    if not ok:
        return None
    if dash:
        millions_after_dash(ctx, a, b)
    change, verb = change_before(ctx, a)
    a_value = a.value * b.scaled if b.scaled > 1 and a.scaled == 1 and a.end == a.num.end else a.value
    if change == "by" and not 0 < a_value <= b.value <= 2 * a_value or \
            change == "from" and not (verb in lang.change_verbs_down and a.value < b.value):
        # "grew by 1.2 million to 68.3m", "slipped 0.7 per cent to 7412": the change, then the new level;
        # "rose by 2 to 2.5 degrees" (two ends of one size) stays a range; "will rise from £2.50 to
        # £3.20": the old level and the new one (not "reduced from 44 mg to 50 mg": it goes up)
        old_level(a, b)
        return None
    if a.unit and not b.unit and not b.counted and a.scaled == b.scaled == 1.0 and a.value > 0 and \
            b.value > 100 * a.value:
        return None  # "a reculé de 0,7 % à 7 412 points": no range runs from a percentage to a level
    # "aged 13 to 17 spend": the age's unit covers the second end (whatever word follows it)
    if a.age and not b.unit and b.value is not None and b.value < 130:
        b.counted = None
    # units must agree, or one side elides it ("8- to 16-meter", "between 44 and 50 mg")
    if a.unit and b.unit and a.unit != b.unit:
        return None
    # "$2-3bn loss": the currency sign before the first end covers a scaled second end
    money_scale = a.unit.isupper() and a.end == a.num.end and not b.unit and b.scaled > 1
    if a.unit and not b.unit and b.counted and not money_scale:
        return None
    if b.unit and not a.unit and a.counted:
        return None
    unit = a.unit or b.unit
    lo, hi = a.value, b.value
    # "entre 2 et 3 milliards d'euros", "$2-3bn": the scale word of the second end applies to a bare first
    # end (nothing written after it: no scale, no unit of its own; a unit shared from b is fine)
    if b.scaled > 1 and a.scaled == 1 and a.num.raw <= b.num.raw and a.end == a.num.end:
        lo = lo * b.scaled
    if not a.unit and b.unit and b.unit.isupper() and b.num.end != b.end and a.scaled == 1 and \
            b.scaled > 1 and a.num.raw <= b.num.raw:
        pass
    if hi < lo:
        if lo >= 0 and hi >= 0:
            # "est passé de 7,5 % à 7,3 %", "pasó del 12 al 11 %": a change from one value to another, not
            # a range; the first value shares the unit written with the second
            if not a.unit and b.unit and not a.counted and a.scaled == b.scaled:
                a.unit = b.unit
            return None
        lo, hi = hi, lo  # "-18 °C to -34 °C"
    age = a.age or b.age
    counted = None if money_scale else b.counted or a.counted
    if not unit and not counted and ctx.patterns["age_left"].search(ctx.lower, max(0, start - 24), start):
        unit, age = "year", True  # "aged between 40 and 79"
    return Candidate(start=start, end=b.end, value=None, num=b.num, unit=unit, low=lo, high=hi,
                qualifier="range", counted=counted, age=age, words=a.words or b.words, scaled=b.scaled,
                rule="range", num_start=a.num_start)


def _connector(text: str, a: Candidate, b: Candidate) -> str:
    """The text between the two ends, without the second end's sign after a negative first end ("de -100 °C
    à +60 °C", "from -5 to +5 degrees"): the "+" is the number's, not the connector's."""
    gap = text[a.end:b.start]
    if gap.endswith(" +") and a.value is not None and b.value is not None and a.value < 0 <= b.value:
        return gap[:-1]
    return gap


def millions_after_dash(ctx: ExtractionContext, a: Candidate, b: Candidate) -> None:
    """"£3m-4m", "$3m-4m a year": after an amount of millions written with a glued "m", the second end's
    glued "m" is millions of the same currency too, not metres (nor metres a year)."""
    text = ctx.text
    if not (a.unit.isupper() and a.scaled == 1e6 and text[a.num.end:a.num.end + 1] in ("m", "M")):
        return
    if b.scaled != 1.0 or b.value is None or text[b.num.end:b.num.end + 1] != "m" or \
            not (b.unit == "meter" or b.unit.startswith("meter/")):
        return
    b.unit, b.counted, b.value, b.scaled = a.unit, None, b.value * 1e6, 1e6
    b.end = b.num.end + 1
    b.rule += "+million"


def old_level(a: Candidate, b: Candidate, times: bool = False) -> None:
    """The first figure of a change ("rose from 3 to 5%", "pasó de 3 a 12 millones") is the old level, in
    the unit and scale written with the new one; in a unit of time only where the words always make a change
    (``times``: "von 38 auf 35 Stunden"; "from 9 to 5 hours" may be a clock's)."""
    if b.scaled > 1 and a.scaled == 1 and a.end == a.num.end and not a.unit and \
            a.num.raw <= b.num.raw and a.value is not None:
        a.value *= b.scaled
        a.scaled = b.scaled
    if not a.unit and b.unit and not a.counted and a.scaled == b.scaled and \
            (times or b.unit not in TIME_UNITS):
        a.unit = b.unit


def change_before(ctx: ExtractionContext, a: Candidate) -> tuple[str, str]:
    """What may make "X to Y" a change, and the verb: "by" for a [ranges] change_before word or a change
    verb right before the first number ("slipped 0.7 per cent to 7412") or before a range's first word
    when that word is one of [ranges] ``change_by`` ("a reculé de 0,7 % à 7 412 points"); "from" when it
    is one of ``change_from`` ("rose from 3% to 5%": the old level and the new one); ("", "") otherwise
    ("rose between 2 and 3 percent" is a range)."""
    lang = ctx.lang
    start = a.start
    qm = ctx.patterns["qual_left"].search(ctx.lower, max(0, start - 40), start)
    if qm is not None and not ctx.lower[qm.end():start].strip():
        start = qm.start()  # "fell by about 55,000 to 7.39 million": the word before the qualifier
    pw = prev_word(ctx, start).lower()
    if pw in lang.change_before or pw in lang.change_verbs:
        return "by", pw
    if pw in lang.change_from or pw in lang.change_by:
        k = start
        while k > 0 and ctx.lower[k - 1] in " \u00a0":
            k -= 1
        verb = prev_word(ctx, k - len(pw)).lower()
        if verb not in lang.change_verbs:
            verb = _verb_before_comma(ctx, k - len(pw))
        if verb in lang.change_verbs:
            return ("from" if pw in lang.change_from else "by"), verb
    return "", ""


def _verb_before_comma(ctx: ExtractionContext, pos: int) -> str:
    """"will rise by up to 170 per cent, from £122 to £330": after a comma, the change verb of the clause
    the range's words follow (within ten words, in the same sentence), else ""."""
    k = pos
    while k > 0 and ctx.lower[k - 1] in " \u00a0":
        k -= 1
    if k == 0 or ctx.lower[k - 1] != ",":
        return ""
    s0, _ = ctx.sentences.span(k - 1)
    words = [w.strip(".,;:!?()\"«»“”") for w in ctx.lower[s0:k - 1].split()[-10:]]
    return next((w for w in reversed(words) if w in ctx.lang.change_verbs), "")
