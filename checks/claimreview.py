"""schema.org ClaimReview JSON-LD: reviews of the claims quantcheck can judge.

ClaimReview (https://schema.org/ClaimReview) is what search engines and fact-checking aggregators read:
a review (author, date, rating, body) of one claim (``itemReviewed``: a Claim with its author and the
article it appears in). quantcheck writes two kinds:

- ``claim_reviews``: one per row of the ``checks`` view — a claim matched to a reference fact loaded with
  ``quantcheck reference load``. The rating is a two-point scale (1 = inconsistent with the reference,
  2 = consistent), named in ``alternateName``; the body spells out both intervals and the reference.
  Without reference facts there are none.
- ``conflict_reviews``: one per claim involved in a conflict between outlets. This fits the vocabulary
  (a review of one claim, with the contradicting articles as its ``citation``) but carries no verdict on
  which figure is true — quantcheck only knows that they cannot all be — so the rating has no numeric
  value, only ``alternateName`` "Disputed by other reports" and a ``ratingExplanation``.

``datePublished`` is the day the review is made (the export's day unless given), not a date of the
reference. Output is deterministic for a given warehouse and review date: rows in a fixed order, no
timestamps.
"""

from __future__ import annotations

from datetime import date

import duckdb

from quantcheck.checks.conflicts import fetch_conflicts
from quantcheck.checks.display_units import DisplayUnit, choose_unit
from quantcheck.checks.present import fmt_interval
from quantcheck.checks.sqlfiles import sql

RATINGS = {"consistent": (2, "Consistent with the reference figure"),
           "inconsistent": (1, "Inconsistent with the reference figure")}
DISPUTED = "Disputed by other reports"


def _rows(con: duckdb.DuckDBPyConnection, name: str) -> list[dict]:
    cur = con.execute(sql(name))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _appearance(url: str | None, title: str | None, published: date | None) -> dict:
    appearance: dict = {"@type": "CreativeWork"}
    if url:
        appearance["url"] = url
    if title:
        appearance["headline"] = title
    if published:
        appearance["datePublished"] = published.isoformat()
    return appearance


def _review(identifier: str, claim_text: str, outlet: str, appearance: dict, rating: dict, body: str,
            author: str, reviewed_on: date) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": identifier,
        "datePublished": reviewed_on.isoformat(),
        "claimReviewed": " ".join(claim_text.split()),
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": outlet},
            "appearance": appearance,
        },
        "author": {"@type": "Organization", "name": author},
        "reviewRating": rating,
        "reviewBody": body,
    }


def claim_reviews(con: duckdb.DuckDBPyConnection, author: str = "quantcheck",
                  reviewed_on: date | None = None) -> list[dict]:
    """One ClaimReview per claim checked against a reference fact (the ``checks`` view)."""
    reviewed_on = reviewed_on or date.today()
    reviews = []
    for r in _rows(con, "claimreview_rows"):
        value, label = RATINGS[r["verdict"]]
        unit = choose_unit([r["unit"]], r["si_unit"])
        ref = fmt_interval(r["reference_si_low"], r["reference_si_high"], unit)
        claim_interval = fmt_interval(r["si_low"], r["si_high"], unit)
        body = (f"The claim “{r['surface']}” stands for {claim_interval} "
                f"once its wording and rounding are taken into account. The reference figure for "
                f"“{r['subject']}”")
        if r["reference_source"]:
            body += f" ({r['reference_source']}"
            body += f", as of {r['reference_as_of'].isoformat()})" if r["reference_as_of"] else ")"
        body += f" is {ref}: {r['verdict']}"
        if r["relative_difference"] is not None:
            body += f", relative difference {r['relative_difference']:.1%}"
        body += "."
        rating = {"@type": "Rating", "ratingValue": value, "bestRating": 2, "worstRating": 1,
                  "alternateName": label}
        appearance = _appearance(r["url"], r["title"], r["published"])
        reviews.append(_review(f"{r['claim_id']}/{r['fact_id']}", r["sentence"] or r["surface"],
                               r["publisher"] or r["source"], appearance, rating, body, author, reviewed_on))
    return reviews


def conflict_reviews(con: duckdb.DuckDBPyConnection, author: str = "quantcheck",
                     reviewed_on: date | None = None) -> list[dict]:
    """One ClaimReview per claim in at least one conflict, citing the articles that contradict it."""
    reviewed_on = reviewed_on or date.today()
    claims: dict[str, dict] = {}
    for c in fetch_conflicts(con):
        unit = DisplayUnit(c["si_unit"] or "", c["display_unit"] or "", c["display_factor"] or 1.0,
                           c["display_offset"] or 0.0)
        for mine, other in (("a", "b"), ("b", "a")):
            entry = claims.setdefault(c[f"claim_{mine}"], {
                "conflict": c, "side": mine, "unit": unit, "others": []})
            entry["others"].append({
                "outlet": c[f"publisher_{other}"] or c[f"source_{other}"], "surface": c[f"surface_{other}"],
                "interval": fmt_interval(c[f"si_low_{other}"], c[f"si_high_{other}"], unit),
                "url": c[f"url_{other}"], "published": c[f"published_{other}"]})
    details = {r["claim_id"]: r for r in _rows(con, "claimreview_claims")} if claims else {}
    reviews = []
    for claim_id in sorted(claims):
        entry = claims[claim_id]
        c, side, unit = entry["conflict"], entry["side"], entry["unit"]
        info = details.get(claim_id, {})
        outlet = c[f"publisher_{side}"] or c[f"source_{side}"]
        mine = fmt_interval(c[f"si_low_{side}"], c[f"si_high_{side}"], unit)
        others = sorted(entry["others"], key=lambda o: (o["outlet"], o["surface"]))
        contradictions = "; ".join(f"{o['outlet']} says “{o['surface']}” ({o['interval']})" for o in others)
        body = (f"{outlet} says “{c[f'surface_{side}']}” ({c['fact_label']}), which stands for {mine} "
                f"once its wording and rounding are taken into account. Other reports of the same fact give "
                f"figures that cannot be true at the same time: {contradictions}. quantcheck does not say "
                f"which figure is right; check the sources.")
        rating = {"@type": "Rating", "alternateName": DISPUTED,
                  "ratingExplanation": f"Contradicted by {len(others)} other "
                                       f"report{'s' if len(others) != 1 else ''} of the same fact."}
        review = _review(f"{claim_id}/conflicts", c[f"sentence_{side}"] or c[f"surface_{side}"], outlet,
                         _appearance(c[f"url_{side}"], info.get("title"), c[f"published_{side}"]), rating,
                         body, author, reviewed_on)
        review["citation"] = [{"@type": "CreativeWork", "url": o["url"],
                               "author": {"@type": "Organization", "name": o["outlet"]},
                               **({"datePublished": o["published"].isoformat()} if o["published"] else {})}
                              for o in others if o["url"]]
        reviews.append(review)
    return reviews
