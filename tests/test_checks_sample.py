"""The bundled sample corpus (flows/sample, README there): the conflicts view returns exactly the planted
disagreements, and none of the near-misses.

The real pipeline runs once for the module (`quantcheck run` in a subprocess: Prefect flow, extraction,
DuckDB warehouse, checks.refresh before publishing); the tests read the published file read-only.
"""

from __future__ import annotations

import duckdb
import pytest
from test_checks_support import conflict_pairs, find_claim, sample_warehouse

# (source, surface contains, sentence contains) — one claim of the sample corpus each.
FR_TROOPS = ("lequotidien", "100 000", "Pas moins de")
EN_TROOPS = ("worldwire", "100,000", "As many as")
KYIV_TROOPS = ("kyiv-courier", "175,000", "massed 175,000")
ES_TROOPS = ("elheraldo", "100.000", "Más de")
DE_TROOPS = ("rundschau", "100.000", "Mindestens")
FR_WITHDRAW = ("lequotidien", "10 000", "retirerait")
EN_WITHDRAW = ("worldwire", "10,000", "pull back")
ES_WITHDRAW = ("elheraldo", "10.000", "retiraría")
DE_WITHDRAW = ("rundschau", "10.000", "abzuziehen")
FR_CALL = ("lequotidien", "50", "appel téléphonique")
EN_CALL = ("worldwire", "50", "phone call")
ES_CALL = ("elheraldo", "50", "llamada")
DE_CALL = ("rundschau", "50", "Telefonat")
KYIV_CONTRACT = ("kyiv-courier", "10", "contract")
FR_RADAR = ("lequotidien", "20 000", "milles carrés")
EN_RADAR = ("worldwire", "20,000", "square miles")
DE_RADAR = ("rundschau", "51.800", "Quadratkilometer")
FR_BURNED = ("lequotidien", "12 000", "ravagé")
EN_BURNED = ("worldwire", "12,500", "burned")
ES_BURNED = ("elheraldo", "20.000", "Según la Junta")
FR_AID = ("lematin-eco", "1,9", "une aide de")
DE_AID = ("rundschau", "1,9", "Entlastungspaket")
ES_AID = ("elheraldo", "2.500", "plan de ayudas")
EN_AID_USD = ("worldwire", "2.1", "relief package")
FR_DIESEL = ("lematin-eco", "2,19", "Le gazole a atteint")
EN_DIESEL = ("worldwire", "2.19", "Diesel hit")
ES_DIESEL = ("elheraldo", "2,19", "gasóleo")
DE_DIESEL = ("rundschau", "2,2", "Diesel")
FR_PETROL = ("lematin-eco", "1,98", "essence")
DE_PETROL = ("rundschau", "1,98", "Benzin")
EN_HOUSEHOLDS = ("worldwire", "100,000", "households")
DE_HOUSEHOLDS = ("rundschau", "98.000", "Haushalte")
FR_EVACUATED = ("lequotidien", "3 000", "évacués")
EN_EVACUATED = ("worldwire", "3,000", "evacuated")
ES_EVACUATED = ("elheraldo", "3.200", "evacuados")
FR_DAMAGE = ("lequotidien", "45", "dégâts")
EN_DAMAGE = ("worldwire", "45", "Damage")

# The planted conflicts of flows/sample/README.md: the conflicts view must return exactly these pairs.
PLANTED = {
    "C1 troops massed: 'as many as 100,000' vs '175,000'": (EN_TROOPS, KYIV_TROOPS),
    "C2 area burned: '12 000 hectares' vs '20.000 hectáreas'": (FR_BURNED, ES_BURNED),
    "C3 area burned: 'some 12,500 hectares' vs '20.000 hectáreas'": (EN_BURNED, ES_BURNED),
    "C4 relief package: '1,9 milliard d'euros' vs '2.500 millones de euros'": (FR_AID, ES_AID),
    "C5 relief package: '1,9 Milliarden Euro' vs '2.500 millones de euros'": (DE_AID, ES_AID),
}

# Near-misses: the same fact that agrees once hedges and rounding are applied ("agree"), or a different
# fact that must not be compared at all ("different").
AGREE = {
    "N1 seed: 'Pas moins de 100 000' vs 'As many as 100,000' touch at 100 000": (FR_TROOPS, EN_TROOPS),
    "N2 'Pas moins de 100 000' contains '175,000'": (FR_TROOPS, KYIV_TROOPS),
    "N2 'Más de 100.000' contains '175,000'": (ES_TROOPS, KYIV_TROOPS),
    "N2 'Mindestens 100.000' contains '175,000'": (DE_TROOPS, KYIV_TROOPS),
    "N3 withdrawals agree fr/en": (FR_WITHDRAW, EN_WITHDRAW),
    "N3 withdrawals agree es/de": (ES_WITHDRAW, DE_WITHDRAW),
    "N4 call length fr/en": (FR_CALL, EN_CALL),
    "N4 call length es/de": (ES_CALL, DE_CALL),
    "N5 'près de 20 000 milles carrés' vs 'rund 51.800 Quadratkilometer'": (FR_RADAR, DE_RADAR),
    "N5 'nearly 20,000 square miles' vs 'près de 20 000 milles carrés'": (EN_RADAR, FR_RADAR),
    "N6 rounding: '2,2 Euro pro Liter' vs '2,19 euros le litre'": (DE_DIESEL, FR_DIESEL),
    "N6 diesel en/es": (EN_DIESEL, ES_DIESEL),
    "N7 petrol fr/de": (FR_PETROL, DE_PETROL),
    "N10 evacuated: 'Plus de 3 000' vs 'About 3,000'": (FR_EVACUATED, EN_EVACUATED),
    "N11 damage '45 millions d'euros' vs '€45 million'": (FR_DAMAGE, EN_DAMAGE),
    "C1/C2 context: 'some 12,500' and '12 000 hectares' agree": (EN_BURNED, FR_BURNED),
    "N8 'About 100,000 low-income households' vs '98.000 Haushalte'": (EN_HOUSEHOLDS, DE_HOUSEHOLDS),
    "N10 '3.200 vecinos' vs 'About 3,000 people'": (ES_EVACUATED, EN_EVACUATED),
}
DIFFERENT = {
    "N3 troops massed vs troops withdrawn (fr)": (FR_TROOPS, FR_WITHDRAW),
    "N3 'As many as 100,000' massed vs '10.000 Soldaten' withdrawn": (EN_TROOPS, DE_WITHDRAW),
    "N4 a call's length vs a contract's length": (EN_CALL, KYIV_CONTRACT),
    "N5 radar coverage vs burned area (same dimension)": (FR_RADAR, ES_BURNED),
    "N7 diesel vs petrol (same unit)": (FR_DIESEL, FR_PETROL),
    "N9 '$2.1bn' vs '2.500 millones de euros' (USD vs EUR, no rates)": (EN_AID_USD, ES_AID),
    "N9 '$2.1bn' vs '1,9 milliard d'euros' (USD vs EUR, no rates)": (EN_AID_USD, FR_AID),
}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory):
    db = sample_warehouse(tmp_path_factory.getbasetemp())
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def test_sample_corpus_has_enough_documents_in_four_languages(sample_db) -> None:
    n_docs, n_langs, n_sources = sample_db.execute(
        "SELECT count(*), count(DISTINCT lang), count(DISTINCT source_id) FROM documents").fetchone()
    assert n_docs >= 10 and n_langs == 4 and n_sources == 6


def test_conflicts_are_exactly_the_planted_ones(sample_db) -> None:
    expected = {}
    for name, (a, b) in PLANTED.items():
        pair = frozenset((find_claim(sample_db, *a)["claim_id"], find_claim(sample_db, *b)["claim_id"]))
        expected[pair] = name
    found = conflict_pairs(sample_db)
    missing = [expected[p] for p in expected if p not in found]
    unexpected = [(sorted(p), found[p]) for p in found if p not in expected]
    assert not missing, f"planted conflicts not reported: {missing}"
    assert not unexpected, f"conflicts that were not planted: {unexpected}"


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_conflict_is_reported_with_a_reason(sample_db, name: str) -> None:
    a, b = (find_claim(sample_db, *spec) for spec in PLANTED[name])
    assert a["fact_id"] is not None and a["fact_id"] == b["fact_id"], name
    reason = conflict_pairs(sample_db).get(frozenset((a["claim_id"], b["claim_id"])))
    assert reason is not None, f"{name}: not in conflicts"
    assert reason.startswith("both: ") and " vs " in reason


@pytest.mark.parametrize("name", sorted(AGREE))
def test_near_miss_same_fact_agrees(sample_db, name: str) -> None:
    a, b = (find_claim(sample_db, *spec) for spec in AGREE[name])
    assert a["fact_id"] is not None and a["fact_id"] == b["fact_id"], (
        f"{name}: not matched as one fact: {a['kind']}/{a['frame']} vs {b['kind']}/{b['frame']}")
    assert not (a["hi"] < b["lo"] or b["hi"] < a["lo"]), f"{name}: intervals disjoint {a} {b}"
    assert frozenset((a["claim_id"], b["claim_id"])) not in conflict_pairs(sample_db)


@pytest.mark.parametrize("name", sorted(DIFFERENT))
def test_near_miss_different_facts_are_not_compared(sample_db, name: str) -> None:
    a, b = (find_claim(sample_db, *spec) for spec in DIFFERENT[name])
    assert a["fact_id"] is None or a["fact_id"] != b["fact_id"], f"{name}: wrongly matched as one fact"
    assert frozenset((a["claim_id"], b["claim_id"])) not in conflict_pairs(sample_db)


def test_seed_cross_language_case(sample_db) -> None:
    """The seed's 'Pas moins de 100 000 soldats' and 'As many as 100,000 troops' are one fact and agree;
    '175,000 troops' conflicts with the English claim but not with the French one."""
    fr, en, kyiv = (find_claim(sample_db, *s) for s in (FR_TROOPS, EN_TROOPS, KYIV_TROOPS))
    assert fr["fact_id"] == en["fact_id"] == kyiv["fact_id"]
    assert fr["lo"] == pytest.approx(100000) and fr["hi"] == float("inf")
    assert en["lo"] == 0 and en["hi"] == pytest.approx(100000)
    pairs = conflict_pairs(sample_db)
    assert frozenset((en["claim_id"], kyiv["claim_id"])) in pairs
    assert frozenset((fr["claim_id"], kyiv["claim_id"])) not in pairs
    assert frozenset((fr["claim_id"], en["claim_id"])) not in pairs
    row = sample_db.execute(
        "SELECT relative_difference, reason FROM conflicts "
        "WHERE $a IN (claim_a, claim_b) AND $b IN (claim_a, claim_b)",
        {"a": en["claim_id"], "b": kyiv["claim_id"]}).fetchone()
    assert row[0] == pytest.approx(75000 / 175000)
    assert row[1].startswith("both: troops deployed") and row[1].endswith("100,000 vs 175,000")


def test_claim_groups_summarise_the_troops_fact(sample_db) -> None:
    fact = find_claim(sample_db, *KYIV_TROOPS)["fact_id"]
    n_sources, lo, hi, median = sample_db.execute(
        'SELECT n_sources, "min", "max", median FROM claim_groups WHERE fact_id = $f', {"f": fact}).fetchone()
    assert n_sources == 5
    assert (lo, hi) == (100000, 175000)
    assert median == 100000


def test_views_are_plain_sql_with_comments(sample_db) -> None:
    comments = dict(sample_db.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE view_name IN "
        "('claim_groups', 'conflicts', 'checks', 'claim_facts')").fetchall())
    assert set(comments) == {"claim_groups", "conflicts", "checks", "claim_facts"}
    assert all(c and c.startswith("One row per") for c in comments.values())
