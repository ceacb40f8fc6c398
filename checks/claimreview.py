"""schema.org ClaimReview JSON-LD for each verdict of the ``checks`` view.

ClaimReview is what search engines and fact-checking aggregators read (https://schema.org/ClaimReview).
The rating uses a two-point scale (1 = inconsistent with the reference, 2 = consistent) and says so in
``alternateName``; the review body spells out both intervals and the reference's source. Output is
deterministic: no generation timestamp, rows in claim/fact order.
"""

from __future__ import annotations

import duckdb

from checks.present import fmt_interval
from checks.sqlfiles import sql

RATINGS = {"consistent": (2, "Consistent with the reference figure"),
           "inconsistent": (1, "Inconsistent with the reference figure")}


def claim_reviews(con: duckdb.DuckDBPyConnection, author: str = "quantcheck") -> list[dict]:
    cur = con.execute(sql("claimreview_rows"))
    names = [d[0] for d in cur.description]
    reviews = []
    for row in cur.fetchall():
        r = dict(zip(names, row, strict=True))
        value, label = RATINGS[r["verdict"]]
        ref = fmt_interval(r["reference_si_low"], r["reference_si_high"], r["si_unit"])
        claim_interval = fmt_interval(r["si_low"], r["si_high"], r["si_unit"])
        body = (f"The claim “{r['surface']}” stands for {claim_interval} "
                f"once its wording and rounding are taken into account. The reference figure for "
                f"“{r['subject']}”")
        if r["reference_source"]:
            body += f" ({r['reference_source']}"
            body += f", {r['reference_as_of'].isoformat()})" if r["reference_as_of"] else ")"
        body += f" is {ref}: {r['verdict']}"
        if r["relative_difference"] is not None:
            body += f", relative difference {r['relative_difference']:.1%}"
        body += "."
        appearance = {"@type": "CreativeWork"}
        if r["url"]:
            appearance["url"] = r["url"]
        if r["title"]:
            appearance["headline"] = r["title"]
        if r["published"]:
            appearance["datePublished"] = r["published"].isoformat()
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": f"{r['claim_id']}/{r['fact_id']}",
            "claimReviewed": " ".join((r["sentence"] or r["surface"]).split()),
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": r["source"]},
                "appearance": appearance,
            },
            "author": {"@type": "Organization", "name": author},
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 2, "worstRating": 1,
                             "alternateName": label},
            "reviewBody": body,
        }
        if r["reference_as_of"]:
            review["datePublished"] = r["reference_as_of"].isoformat()
        reviews.append(review)
    return reviews
