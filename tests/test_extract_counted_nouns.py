"""extractors/counted_nouns.py, extractors/concepts.py and extractors/age_rules.py: what a number counts."""

from __future__ import annotations

from quantcheck.extractors.age_rules import apposition_age, bare_age, second_age
from quantcheck.extractors.concepts import concept_of
from quantcheck.extractors.counted_nouns import collective_number, counted_noun
from quantcheck.extractors.numbers import parse_words
from quantcheck.extractors.units import COUNT, unit_info
from tests.extract_parts import candidate, context


def test_counted_noun_after_a_number():
    ctx = context("Police said 300 armed men attacked.")
    assert counted_noun(ctx, ctx.text.index("300") + 3, False) == "men"  # past a participle
    ctx = context("20 US soldiers died")
    assert counted_noun(ctx, 2, False) == "soldiers"  # past an acronym
    ctx = context("67 millions d'habitants", "fr")
    assert counted_noun(ctx, ctx.text.index(" d'"), True) == "habitants"  # glued to the link word
    ctx = context("a 40-vehicle pile-up")
    assert counted_noun(ctx, ctx.text.index("-vehicle"), False) == "vehicle"


def test_a_conjunction_after_a_figure_is_no_counted_noun():
    """ "eleva la cifra a 48 porque el vehículo...": a clause starts after the figure, nothing is counted."""
    for lang, text, after in [
        ("es", "la Gendarmería eleva la cifra a 48 porque el autocar recogió a dos pasajeros", "48"),
        ("fr", "les gendarmes en comptent 48 parce que deux voyageurs sont montés", "48"),
        ("de", "die Polizei zählt 48, weil zwei Fahrgäste zustiegen", "48"),
        ("de", "die Polizei zählt 48 obwohl die Firma 46 angibt", "48"),
    ]:
        ctx = context(text, lang)
        assert counted_noun(ctx, ctx.text.index(after) + len(after), False) is None, (lang, text)


def test_a_day_after_a_figure_is_no_counted_noun():
    """"the toll rose to 57 Thursday" (US agency style), "le bilan est passé à 57 jeudi": the day is when the
    figure was reported, so the figure keeps the toll's group instead of counting "Thursdays"."""
    for lang, text, after in [
        ("en", "The death toll rose to 57 Thursday, officials said.", "57"),
        ("en", "Police counted 40 yesterday and 52 today.", "40"),
        ("fr", "Le bilan est passé à 57 jeudi.", "57"),
        ("fr", "Ils étaient 40 hier.", "40"),
        ("es", "El balance subió a 57 ayer.", "57"),
        ("de", "Die Polizei zählte 57 gestern Abend.", "57"),
    ]:
        ctx = context(text, lang)
        assert counted_noun(ctx, ctx.text.index(after) + len(after), False) is None, (lang, text)


def test_an_adverb_after_a_figure_is_no_counted_noun():
    """"dont deux grièvement atteints", "two seriously": a severity adverb is not what is counted; a concept
    noun right after it is ("deux grièvement blessés"); an adjective-first language reads on to its noun."""
    for lang, text, after, expected in [
        ("fr", "six blessés, dont deux grièvement atteints", "deux", None),
        ("fr", "deux grièvement blessés ont été évacués", "deux", "blessés"),
        ("en", "six were injured, two seriously.", "two", None),
        ("es", "seis heridos, dos gravemente afectados", "dos", None),
    ]:
        ctx = context(text, lang)
        assert counted_noun(ctx, ctx.text.index(after) + len(after), False) == expected, (lang, text)


def test_no_counted_noun_before_a_verb_or_article():
    ctx = context("el 112 recibió llamadas", "es")
    assert counted_noun(ctx, ctx.text.index("112") + 3, False) is None
    # a verb in the present right after the figure: "Tres permanecen en estado grave", "ocho viven allí"
    for text, m in (("Tres permanecen en estado grave.", "Tres"),
                    ("Unas 300 personas trabajan allí; 120 viven allí.", "120")):
        ctx = context(text, "es")
        assert counted_noun(ctx, ctx.text.index(m) + len(m), False) is None, text
    ctx = context("Ein Toter und 3 Verletzte", "de")
    assert counted_noun(ctx, ctx.text.index("3") + 1, False) == "Verletzte"  # nouns are capitalised


def test_collective_number_words():
    ctx = context("une douzaine de manifestants", "fr")
    num = parse_words(ctx.lower, 0, ctx.lang, article=True)
    assert num is not None and num.value == 12 and collective_number(ctx, num, 0)
    ctx = context("trois manifestants", "fr")
    assert not collective_number(ctx, parse_words(ctx.lower, 0, ctx.lang), 0)


def test_concepts():
    ctx, c = candidate("They killed 12 civilians.", "12")
    c.counted = "civilians"
    assert concept_of(ctx, c, COUNT) == "people"
    c.counted = "civilian"  # a singular takes its plural's concept
    assert concept_of(ctx, c, COUNT) == "people"
    ctx, c = candidate("It cost $5.", "5")
    assert concept_of(ctx, c, unit_info("USD")) == "money"
    c.unit = "USD/liter"
    assert concept_of(ctx, c, unit_info("USD/liter")) == "price"
    c.age = True
    assert concept_of(ctx, c, COUNT) == "age"


def test_ages_without_a_unit():
    assert apposition_age(*candidate("The driver, 58, was among the dead.", "58"))
    assert not apposition_age(*candidate("The drivers, 58, were there.", "58"))
    assert bare_age(*candidate("Man 61 dies after crash", "61"))
    ctx, first = candidate("Two men, aged 41 and 38, were arrested.", "41")
    first.age = True
    _, c = candidate("Two men, aged 41 and 38, were arrested.", "38")
    assert second_age(ctx, c, first)
