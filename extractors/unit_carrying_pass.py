"""The last pass: a bare number takes the unit or the counted noun of a mention nearby in its sentence
("1.5 billion cubic metres, down from 2.1 billion", "3,2 %, contre 2,9", "RN 31,4 % (+7,2)").
"""

from __future__ import annotations

import math

from quantcheck.extractors.concepts import concept_of
from quantcheck.extractors.extraction_context import Candidate, ExtractionContext
from quantcheck.extractors.number_parsing import link_end
from quantcheck.extractors.numbers import AHEAD
from quantcheck.extractors.unit_tables import SECONDS
from quantcheck.extractors.units import COUNT, unit_info


def carry_units(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"1.5 billion cubic metres ..., down from 2.1 billion": the second takes the first's unit."""
    last_by_sentence: dict[int, Candidate] = {}
    for c in cands:
        si = ctx.sentences.index(c.start)
        if c.unit:
            if c.scaled > 1.0:
                last_by_sentence[si] = c
            continue
        prev = last_by_sentence.get(si)
        # "30 Mrd. Euro, davon 4,6 Milliarden ausgezahlt", "dont 5 millions de bonus": the amount's unit;
        # not "pour 3 millions de foyers" (a known counted noun), nor a noun's millions a clause away
        # ("271,4 milliards d'euros, et le gel des pensions, qui touche 17 millions de retraités")
        if prev is not None and c.scaled > 1.0 and not c.vague and (
                not c.counted or prev.unit.isupper() and concept_of(ctx, c, COUNT) is None and
                not plural_noun(ctx, c.counted) and not noun_clause_away(ctx, prev, c)):
            c.unit, c.counted = prev.unit, None
            c.rule += "+carried"
            last_by_sentence[si] = c  # the next part is measured from this one ("dont 30 [...] et 14")
    carry_forward(ctx, cands)
    amount_nearby(ctx, cands)
    parts_of(ctx, cands)
    metre_or_million(ctx, cands)
    degrees_of_temperature(ctx, cands)
    parallel(ctx, cands)
    dimensions(ctx, cands)
    precision(ctx, cands)
    carry_counted(ctx, cands)
    signed_change(ctx, cands)
    compared(ctx, cands)


def noun_clause_away(ctx: ExtractionContext, prev: Candidate, c: Candidate) -> bool:
    """``c`` counts a noun (linked by "de", or capitalised where nouns are) more than five words after the
    amount ``prev``: "17 millions de retraités", "1,5 Millionen Arbeitstage" a clause away from an amount in
    euros count people and days; "siete millones netos", "4,2 milliards réclamés" are still amounts."""
    noun = ctx.lang.capitalised_nouns and c.counted[:1].isupper() or link_end(ctx, c.end) > c.end
    return noun and len(ctx.text[prev.end:c.start].split()) > 5


def currency_references(ctx: ExtractionContext, cands: list[Candidate]) -> list[Candidate]:
    """The candidates without "one" of a currency that a rate in another follows ("ein Franken war 1,0728
    Euro wert", "un dollar valait 0,92 euro"): the currency the rate is for, not an amount. ("a litre of milk
    costs 60 rupees" keeps its litre: the news sets leave such a unit optional.)"""
    drop = set()
    for i, (c, n) in enumerate(zip(cands, cands[1:], strict=False)):
        if c.num is not None and c.num.article_only and c.unit.isupper() and n.unit.isupper() and \
                len(ctx.text[c.end:n.start].split()) <= 8 and \
                ctx.sentences.index(c.start) == ctx.sentences.index(n.start):
            drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop]


def carry_forward(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"sanken um 1,1 Milliarden auf 27,8 Milliarden Euro", "se redujo en 1.100 millones, hasta 27.800
    millones de euros": a bare amount of millions or billions right before one in a currency (at most three
    words between, in one sentence) is in that currency: the change and the new level."""
    for c, n in zip(cands, cands[1:], strict=False):
        if c.unit or c.counted or c.vague or c.scaled <= 1.0 or c.value is None or c.qualifier == "range" or \
                not n.unit.isupper() or n.scaled <= 1.0:
            continue
        gap = ctx.text[c.end:n.start]
        if len(gap.split()) > 3 or any(ch in gap for ch in ".;:()") or \
                ctx.sentences.index(c.start) != ctx.sentences.index(n.start):
            continue
        c.unit = n.unit
        c.rule += "+carried"


def amount_nearby(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"solo el servicio de la deuda absorberá 111,6 billones, [...] unos 300.000 millones de pesos al
    día", "un trou de 6,3 milliards l'an prochain" after a sentence of "milliards d'euros": bare millions or
    billions that count nothing are in the currency of the nearest amount of millions before them in their
    sentence, else of the next one in their sentence, else of the last one of the sentence before; never
    when that figure of millions is in another unit or counts something. Where the press writes the currency
    once and the scale word alone after it ([language] scale_words_alone_are_money; not English, where "11
    million have fled" counts people)."""
    if not ctx.lang.scale_words_alone_are_money:
        return
    sentence = [ctx.sentences.index(o.start) for o in cands]
    for i, c in enumerate(cands):
        if c.unit or c.counted or c.vague or c.scaled <= 1.0 or c.value is None:
            continue
        si = sentence[i]
        # a count right before it in its sentence is what it is compared with ("506.000 manifestantes [...]
        # más de un millón"), when of a like size (not "con 12 hoteles nuevos, recaudará 95 millones")
        if i > 0 and sentence[i - 1] == si and not cands[i - 1].unit and cands[i - 1].value and \
                c.value <= 1000 * abs(cands[i - 1].value):
            continue
        # an amount right before it, three words away at most, is its part ("150.000 euros de los 1,2
        # millones que reparte la organización", "300 000 euros sur les 2 millions")
        if i > 0 and sentence[i - 1] == si and cands[i - 1].unit.isupper() and \
                len(ctx.text[cands[i - 1].end:c.start].split()) <= 3:
            c.unit = cands[i - 1].unit
            c.rule += "+nearby"
            continue
        # the nearest figure of millions before it in its sentence (lent by this pass: carry_units lent the
        # others), else the next amount in its sentence, else the last figure of the sentence before; a
        # count of millions before it stops the search ("4 Millionen Menschen [...], 1,5 Millionen ...")
        before = [k for k in range(i - 1, max(0, i - 6) - 1, -1)
                  if cands[k].scaled > 1.0 and sentence[k] in (si, si - 1)]
        same = [k for k in before if sentence[k] == si]
        after = [k for k in range(i + 1, min(len(cands), i + 6))
                 if cands[k].scaled > 1.0 and cands[k].unit.isupper() and sentence[k] == si]
        k = same[0] if same else after[0] if after else before[0] if before else None
        o = cands[k] if k is not None else None
        if o is not None and o.unit.isupper():
            c.unit = o.unit
            c.rule += "+nearby"


def parts_of(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"quatre ans d'emprisonnement, dont deux ferme", "trente mois, dont 18 avec sursis", "200 mm, davon
    120 in einer Stunde": a bare number right after a word that makes it a part of the figure before it
    ([words] part_words), no larger than it and at most three words after it in its sentence, is in its
    unit. (Not after an amount of millions, whose bare part may be millions too: see carry_units.)"""
    pattern = ctx.patterns.get("part_of")
    if pattern is None:
        return
    for prev, c in zip(cands, cands[1:], strict=False):
        if c.unit or c.vague or c.value is None or c.qualifier == "range" or not prev.unit or \
                prev.value is None or c.value > prev.value or prev.scaled > 1.0 and c.scaled == 1.0 or \
                c.counted and concept_of(ctx, c, COUNT) is not None:
            continue
        m = pattern.search(ctx.lower, max(prev.end, c.start - 40), c.start)
        if m is None or len(ctx.text[prev.end:m.start()].split()) > 3 or \
                ctx.sentences.index(prev.start) != ctx.sentences.index(c.start):
            continue
        c.unit, c.counted = prev.unit, None
        c.rule += "+part"


def parallel(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"4,100 kilos per hectare for barley and nearly 4,600 for wheat", "7,5 % en France et 6,2 en Allemagne":
    a bare number right after a coordination word, followed by the same kind of phrase as the measured
    figure before it ([words] parallel_after), is stated in that figure's unit."""
    pattern = ctx.patterns.get("parallel_after")
    if pattern is None:
        return
    for i in range(1, len(cands)):
        prev, c = cands[i - 1], cands[i]
        if c.unit or c.counted or c.vague or c.value is None or c.qualifier == "range" or not prev.unit or \
                prev.value is None or not pattern.match(ctx.lower, c.end, c.end + AHEAD):
            continue
        gap = ctx.lower[prev.end:c.num_start].split()
        if not gap or len(gap) > 8 or not any(w in ctx.lang.coordination for w in gap) or \
                ctx.sentences.index(prev.start) != ctx.sentences.index(c.start):
            continue
        if prev.value and not 0.1 <= c.value / abs(prev.value) <= 10:
            continue  # "€5m for the school and 12 for the ...": no longer one measure
        c.unit = prev.unit
        c.rule += "+parallel"


def dimensions(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"38 mal 7 Meter", "de 65 sur 81 cm", "a 4 x 5 m room", "2 by 3 metres", "3,000 x 2,000 pixels": a bare
    number joined by a word of [words] dimension_by to a length (or a size in pixels) right after it is one
    side of a size, in that length's unit."""
    pattern = ctx.patterns.get("dimension_by")
    if pattern is None:
        return
    for c, n in zip(cands, cands[1:], strict=False):
        if c.unit or c.vague or c.value is None or c.qualifier == "range" or not n.unit or \
                n.start != n.num_start or not pattern.match(ctx.lower, c.end, n.start) or \
                unit_info(n.unit).dimension not in ("[length]", "[printing_unit]"):  # metres, pixels
            continue
        c.unit, c.counted = n.unit, None
        c.rule += "+size"


def plural_noun(ctx: ExtractionContext, word: str) -> bool:
    """"2.5 million extra appointments": an English-style plural counts things, so the number after an
    amount of money is no amount of that money ("bonus", "crisis", "gas" are singular)."""
    w = word.lower()
    return ctx.lang.adjective_before_noun and len(w) > 3 and w.endswith("s") and \
        not w.endswith(("ss", "us", "is", "as"))


def compared_after_word(ctx: ExtractionContext, prev: Candidate, c: Candidate) -> bool:
    """A comparison word before ``c``, with at most one word between ("down from 3.7", "contre 2,9"), or two
    for a number that counts nothing ("statt der erlaubten 70"; not "from more than 50,000 applicants").
    The words are counted before the number's qualifier: "frente a los más de 1.000"."""
    end = c.start
    if c.qualifier != "exact" and not c.counted:  # (rare: most bare numbers have no qualifier to step over)
        qm = ctx.patterns["qual_left"].search(ctx.lower, max(prev.end, c.start - 40), c.start)
        end = qm.start() if qm is not None else end
    m = ctx.patterns["comparison"].search(ctx.lower, max(prev.end, end - 40), end)
    return m is not None and (len(m.captures("w")) < 2 or not c.counted)


def compared(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"128 000 dollars, contre 44 000 pour la France", "3,2 %, contre 2,9 en mai", "down from 3.7": a
    bare number right after a comparison word ([words] comparison_words) takes the unit of the previous
    mention of its sentence (not a number word counting a noun: "à 70 km/h [...], après trois
    accidents"); so does one right before a comparative ([words] comparison_after: "2,900 hectares, 400
    more than on Tuesday", "2.900 hectáreas, 400 más que el martes")."""
    if "comparison" not in ctx.patterns:
        return
    after = ctx.patterns.get("comparison_after")
    for i in range(1, len(cands)):
        prev, c = cands[i - 1], cands[i]
        if c.unit or c.value is None or c.qualifier == "range" or c.vague or \
                not (compared_after_word(ctx, prev, c) or after is not None and not c.counted and
                     after.match(ctx.lower, c.end, c.end + AHEAD)) or \
                c.counted and (c.num.words or concept_of(ctx, c, COUNT)) or \
                ctx.sentences.index(prev.start) != ctx.sentences.index(c.start):
            continue  # (cheapest tests first: most bare numbers follow no comparison word)
        # the amount compared with is the mention right before, when it is of a like size ("23 jours de
        # vague de chaleur, contre 17", after "22,4 °C"); else the earlier mention of the sentence nearest
        # in size ("more than 150,000 patients waited longer than 12 hours, up from 133,000": patients, not
        # hours), never a person's age ("einen 26-jährigen Autofahrer [...] mit 163 km/h statt der
        # erlaubten 50")
        si = ctx.sentences.index(c.start)
        near = [o for o in cands[max(0, i - 4):i] if o.value and ctx.sentences.index(o.start) == si and
                (not o.age or o is prev)]
        like_prev = bool(prev.value) and 0.1 <= c.value / abs(prev.value) <= 10
        if c.value > 0 and len(near) > 1 and not like_prev:
            prev = min(near, key=lambda o: abs(math.log(c.value / abs(o.value))))
        scale_carry = c.scaled == 1.0 and prev.scaled > 1.0 and c.value < prev.num.raw * 10 and \
            prev.num.raw >= 1 and c.value < 1000  # "1,2 milliard, contre 0,9 l'an dernier"
        if not scale_carry and prev.value and c.value and not \
                0.01 <= c.value / abs(prev.value) <= 100:  # "$2 billion from 149 shows": no comparison
            continue
        if not prev.unit:
            if prev.counted and not c.counted and not prev.vague:
                c.counted = prev.counted
                c.rule += "+compared"
            continue
        c.unit, c.counted = prev.unit, None
        if scale_carry:
            c.value *= prev.scaled
            c.scaled = prev.scaled
        c.rule += "+compared"


def signed_change(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"RN 31,4 % (+7,2)", "SPD 16,4 % (−9,3)": a signed number in brackets right after a percentage is
    a change in percentage points; it takes the unit."""
    for prev, c in zip(cands, cands[1:], strict=False):
        if prev.unit == "percent" and not c.unit and not c.counted and c.value is not None and \
                ctx.text[c.end:c.end + 1] == ")" and ctx.text[prev.end:c.num_start].strip() in \
                ("(", "(+", "(-", "(−", "(–", "(±"):
            c.unit = "percent"
            c.rule += "+points"


def precision(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"à trois centièmes du record" after a time, "tres décimas más" after a percentage: a count of
    hundredths or tenths ([words] precision_words) is a fraction of the previous mention's unit in the
    same sentence (of a second for times, of a percentage point for percentages)."""
    if not ctx.lang.precision_words:
        return
    prev: Candidate | None = None
    for c in cands:
        den = ctx.lang.precision_words.get((c.counted or "").lower()) if not c.unit else None
        if den and prev is not None and c.value is not None and \
                ctx.sentences.index(prev.start) == ctx.sentences.index(c.start) and \
                (prev.unit in SECONDS or prev.unit == "percent"):
            k = ctx.text.find(c.counted, c.num.end, c.num.end + AHEAD)
            m = ctx.patterns["words_ahead"].match(ctx.text, k, k + AHEAD) if k >= 0 else None
            c.value /= den
            c.unit = "second" if prev.unit in SECONDS else "percent"
            c.counted = None
            c.end = m.end() if m is not None else c.end
            c.rule += "+precision"
        if c.unit:
            prev = c


def carry_counted(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"1,28 million de personnes selon le ministère, 3,5 millions selon la CGT", "shot down 33 of 40
    drones": a bare count takes the counted noun of the nearest count of the same sentence (a noun of
    the concept lists only), so that both claims compare with other sources."""
    for i, c in enumerate(cands):
        if c.unit or c.counted or c.value is None or c.qualifier == "range" or c.value < 2:
            continue
        si = ctx.sentences.index(c.start)
        for j in (i - 1, i + 1):
            if 0 <= j < len(cands):
                o = cands[j]
                # a smaller count after a comma is a part, whose noun is not the whole's ("rose to 140,
                # including 45 children", "es de 17, pues dos trabajadores"); "33 of 40 drones" and "about
                # 600; police said more than 800 people" lend theirs
                if j > i and o.value is not None and o.value < c.value and \
                        any(ch in ctx.text[c.end:o.start] for ch in ",;:"):
                    continue
                # "atteint 97 jours, contre 61 en 2019, selon une étude menée auprès de 40 000 patients": a
                # number after a comparison word is compared with the figure before it (see compared)
                if j > i and i > 0 and compared_after_word(ctx, cands[i - 1], c):
                    continue
                if o.counted and not o.unit and ctx.sentences.index(o.start) == si and \
                        concept_of(ctx, o, COUNT) is not None and (o.scaled > 1.0) == (c.scaled > 1.0):
                    c.counted = o.counted
                    c.rule += "+counted"
                    break


def degrees_of_temperature(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"a high of just 2F, 28 degrees below normal": bare degrees after a temperature of the same sentence
    are degrees of that sentence's first scale (not of a conversion after it: "hit 129F (53.9C), 5 degrees
    short of the record"), not an angle."""
    scale: tuple[int, str] | None = None   # (sentence, the unit of its first temperature)
    for c in cands:
        if c.unit in ("degC", "degF"):
            si = ctx.sentences.index(c.start)
            if scale is None or scale[0] != si:
                scale = (si, c.unit)
        elif c.unit == "degree" and scale is not None and scale[0] == ctx.sentences.index(c.start):
            c.unit = scale[1]
            c.rule += "+temperature"


def metre_or_million(ctx: ExtractionContext, cands: list[Candidate]) -> None:
    """"grew by 1.2 million to 68.3m": a bare "m" against the digits after a number of millions in the
    same sentence is a million too (of the same thing), not a metre."""
    prev: Candidate | None = None
    for c in cands:
        if prev is not None and c.unit == "meter" and c.end == c.num.end + 1 and \
                ctx.text[c.num.end] == "m" and c.qualifier != "range" and prev.scaled >= 1e6 and \
                ctx.sentences.index(prev.start) == ctx.sentences.index(c.start) and \
                (not prev.unit or prev.unit.isupper()):
            c.unit, c.counted = prev.unit, prev.counted
            c.value = (c.value or 0) * 1e6
            c.scaled = 1e6
            c.rule += "+million"
        prev = c
