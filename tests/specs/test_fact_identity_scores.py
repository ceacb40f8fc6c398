"""Fact identity scored on real and realistic coverage (issue 10), with ../shared/eval/conflictscore.py.

Each corpus goes through the real pipeline (`quantcheck run`, one source per outlet file) into a DuckDB
file, then the shared scorer compares `conflicts` and `claim_facts` with the people's annotation:

- ``fakes``: ../shared/eval/fakes, 406 real English articles from 15 outlets about the war in Syria (dev
  split; the held-out split is not ours to see);
- ``facts-dev`` / ``facts-dev2`` / ``facts-heldout``: tests/specs/facts, the project's own fr/en/es/de
  coverage of concurrent stories, written and annotated by people who did not see the rules; the held-out
  corpus was never tuned on (dev2 was written as a second held-out corpus, scored once unseen, then
  developed on: see its README).

The floors sit a little under the figures measured when the rules were written (see the closing note of
issue 10); a change that loses more than that must say why. Skipped without ../shared (the scorer).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FACTS = ROOT / "tests" / "specs" / "facts"

# corpus -> (articles, gold, scope) relative to the shared folder or the repository
CORPORA = {
    "fakes": ("eval/fakes/articles", "eval/fakes/gold.jsonl", "eval/fakes/scope.json"),
    "facts-dev": (FACTS / "dev" / "articles", FACTS / "dev" / "gold.jsonl", FACTS / "dev" / "scope.json"),
    "facts-heldout": (FACTS / "heldout" / "articles", FACTS / "heldout" / "gold.jsonl",
                      FACTS / "heldout" / "scope.json"),
    "facts-dev2": (FACTS / "dev2" / "articles", FACTS / "dev2" / "gold.jsonl", FACTS / "dev2" / "scope.json"),
    "facts-dev3": (FACTS / "dev3" / "articles", FACTS / "dev3" / "gold.jsonl", FACTS / "dev3" / "scope.json"),
    "facts-dev4": (FACTS / "dev4" / "articles", FACTS / "dev4" / "gold.jsonl", FACTS / "dev4" / "scope.json"),
    "facts-dev5": (FACTS / "dev5" / "articles", FACTS / "dev5" / "gold.jsonl", FACTS / "dev5" / "scope.json"),
    "facts-dev6": (FACTS / "dev6" / "articles", FACTS / "dev6" / "gold.jsonl", FACTS / "dev6" / "scope.json"),
    "facts-dev7": (FACTS / "dev7" / "articles", FACTS / "dev7" / "gold.jsonl", FACTS / "dev7" / "scope.json"),
    "facts-dev8": (FACTS / "dev8" / "articles", FACTS / "dev8" / "gold.jsonl", FACTS / "dev8" / "scope.json"),
    "facts-dev9": (FACTS / "dev9" / "articles", FACTS / "dev9" / "gold.jsonl", FACTS / "dev9" / "scope.json"),
    "facts-dev10": (FACTS / "dev10" / "articles", FACTS / "dev10" / "gold.jsonl",
                    FACTS / "dev10" / "scope.json"),
    "facts-dev11": (FACTS / "dev11" / "articles", FACTS / "dev11" / "gold.jsonl",
                    FACTS / "dev11" / "scope.json"),
    "facts-dev12": (FACTS / "dev12" / "articles", FACTS / "dev12" / "gold.jsonl",
                    FACTS / "dev12" / "scope.json"),
    "facts-dev13": (FACTS / "dev13" / "articles", FACTS / "dev13" / "gold.jsonl",
                    FACTS / "dev13" / "scope.json"),
    "facts-dev14": (FACTS / "dev14" / "articles", FACTS / "dev14" / "gold.jsonl",
                    FACTS / "dev14" / "scope.json"),
    "facts-dev15": (FACTS / "dev15" / "articles", FACTS / "dev15" / "gold.jsonl",
                    FACTS / "dev15" / "scope.json"),
    "facts-dev16": (FACTS / "dev16" / "articles", FACTS / "dev16" / "gold.jsonl",
                    FACTS / "dev16" / "scope.json"),
    "facts-dev17": (FACTS / "dev17" / "articles", FACTS / "dev17" / "gold.jsonl",
                    FACTS / "dev17" / "scope.json"),
    "facts-dev18": (FACTS / "dev18" / "articles", FACTS / "dev18" / "gold.jsonl",
                    FACTS / "dev18" / "scope.json"),
    "facts-dev19": (FACTS / "dev19" / "articles", FACTS / "dev19" / "gold.jsonl",
                    FACTS / "dev19" / "scope.json"),
    "facts-dev20": (FACTS / "dev20" / "articles", FACTS / "dev20" / "gold.jsonl",
                    FACTS / "dev20" / "scope.json"),
    "facts-dev21": (FACTS / "dev21" / "articles", FACTS / "dev21" / "gold.jsonl",
                    FACTS / "dev21" / "scope.json"),
    "facts-dev22": (FACTS / "dev22" / "articles", FACTS / "dev22" / "gold.jsonl",
                    FACTS / "dev22" / "scope.json"),
    "facts-dev23": (FACTS / "dev23" / "articles", FACTS / "dev23" / "gold.jsonl",
                    FACTS / "dev23" / "scope.json"),
    "facts-dev24": (FACTS / "dev24" / "articles", FACTS / "dev24" / "gold.jsonl",
                    FACTS / "dev24" / "scope.json"),
    "facts-dev25": (FACTS / "dev25" / "articles", FACTS / "dev25" / "gold.jsonl",
                    FACTS / "dev25" / "scope.json"),
    "facts-dev26": (FACTS / "dev26" / "articles", FACTS / "dev26" / "gold.jsonl",
                    FACTS / "dev26" / "scope.json"),
    "facts-dev27": (FACTS / "dev27" / "articles", FACTS / "dev27" / "gold.jsonl",
                    FACTS / "dev27" / "scope.json"),
    "facts-dev28": (FACTS / "dev28" / "articles", FACTS / "dev28" / "gold.jsonl",
                    FACTS / "dev28" / "scope.json"),
    "facts-dev29": (FACTS / "dev29" / "articles", FACTS / "dev29" / "gold.jsonl",
                    FACTS / "dev29" / "scope.json"),
    "facts-dev30": (FACTS / "dev30" / "articles", FACTS / "dev30" / "gold.jsonl",
                    FACTS / "dev30" / "scope.json"),
    "facts-dev31": (FACTS / "dev31" / "articles", FACTS / "dev31" / "gold.jsonl",
                    FACTS / "dev31" / "scope.json"),
    "facts-dev32": (FACTS / "dev32" / "articles", FACTS / "dev32" / "gold.jsonl",
                    FACTS / "dev32" / "scope.json"),
    "facts-dev33": (FACTS / "dev33" / "articles", FACTS / "dev33" / "gold.jsonl",
                    FACTS / "dev33" / "scope.json"),
    "facts-dev34": (FACTS / "dev34" / "articles", FACTS / "dev34" / "gold.jsonl",
                    FACTS / "dev34" / "scope.json"),
    "facts-dev35": (FACTS / "dev35" / "articles", FACTS / "dev35" / "gold.jsonl",
                    FACTS / "dev35" / "scope.json"),
    "facts-dev36": (FACTS / "dev36" / "articles", FACTS / "dev36" / "gold.jsonl",
                    FACTS / "dev36" / "scope.json"),
    "facts-dev37": (FACTS / "dev37" / "articles", FACTS / "dev37" / "gold.jsonl",
                    FACTS / "dev37" / "scope.json"),
    "facts-dev38": (FACTS / "dev38" / "articles", FACTS / "dev38" / "gold.jsonl",
                    FACTS / "dev38" / "scope.json"),
}
# One more corpus by a helper who did not read the rules, scored unseen (2026-12-08, twenty-sixth session)
# with the code the session started from (7df9de4): facts-dev38 0.800 / 0.047, 0.599 / 0.251 (5 conflict rows
# in its 6 stories); kept unread through the session. facts-dev37, kept unread in the twenty-fifth session,
# read now: its outlets file from home ("SAN JOSÉ –" over a story from Haiti), so a headline's country places
# the story.
# One more corpus by a helper who did not read the rules, scored unseen (2026-12-07, twenty-fifth session)
# with the code the session started from (2c9bdec): facts-dev37 0.333 / 0.013, 0.677 / 0.284 (3 conflict rows
# in its 6 stories); kept unread through the session. facts-dev36, kept unread in the twenty-fourth session,
# read now.
# One more corpus by a helper who did not read the rules, scored unseen (2026-12-07, twenty-fourth session)
# with the code the session started from (eb95af1): facts-dev36 0.657 / 0.102, 0.627 / 0.241; kept unread
# through the session. The session's headline rule took the fakes from 0.613 / 0.541 to 0.652 / 0.528;
# facts-dev35, kept unread in the twenty-third session, studied: 0.553 / 0.184, 0.613 / 0.277 -> 0.591 /
# 0.184, 0.642 / 0.295 (the foreigners among a toll are a subgroup).
# One more corpus by a helper who did not read the rules, scored unseen (2026-12-07, twenty-third session)
# with the code the session started from (f0a6b1e): facts-dev35 0.553 / 0.184, 0.613 / 0.277; kept unread
# through the session (the session's rules leave it unchanged).
# One more corpus by a helper who did not read the rules, scored unseen (2026-12-07, twenty-second session)
# with the code the session started from (8517639): facts-dev34 0.434 / 0.139, 0.614 / 0.388 (0.434 / 0.139,
# 0.615 / 0.389 with the session's first rules; its errors read after that: 0.368 / 0.127, 0.605 / 0.395 at
# the session's end, its crowd fact split in two by the last rule). facts-dev33, kept unread in the
# twenty-first session, studied in the twenty-second: 0.600 / 0.231, 0.630 / 0.409 -> 0.707 / 0.446, 0.661 /
# 0.513.
# One more corpus by a helper who did not read the rules, scored unseen (2026-12-07, twenty-first session)
# with the code the session started from (90f6664): facts-dev33 0.604 / 0.223, 0.621 / 0.371 (never studied;
# 0.600 / 0.231, 0.630 / 0.409 with the session's rules). facts-dev31, kept unread in the twentieth session,
# studied in the twenty-first: 0.600 / 0.109, 0.562 / 0.336 -> 0.625 / 0.136, 0.576 / 0.353.
# Two more corpora by helpers who did not read the rules, scored unseen (2026-12-07, twentieth session) with
# the code the session started from (336c640): facts-dev31 0.667 / 0.127, 0.556 / 0.323 (never studied; 0.600
# / 0.109, 0.562 / 0.336 with the session's rules); facts-dev32 0.500 / 0.117, 0.700 / 0.353 (its errors read
# at the session's end, no rule written from them; the session's rules leave it unchanged). facts-dev30, kept
# unread in the nineteenth session, studied in the twentieth: 0.368 / 0.134, 0.438 / 0.237 -> 0.456 / 0.197,
# 0.490 / 0.316.
# Two more corpora by helpers who did not read the rules, scored unseen (2026-12-07, nineteenth session) with
# the code the session started from (4c2d4bb): facts-dev29 0.417 / 0.081, 0.563 / 0.303 (studied after it:
# 0.615 / 0.129, 0.588 / 0.326); facts-dev30 0.368 / 0.134, 0.439 / 0.233 (never studied; 0.368 / 0.134,
# 0.438 / 0.237 with the session's rules). facts-dev28, kept unread in the eighteenth session, studied in the
# nineteenth: 0.408 / 0.132, 0.652 / 0.301 -> 0.606 / 0.132, 0.716 / 0.296.
# Two more corpora by helpers who did not read the rules, scored unseen (2026-12-07, eighteenth session) with
# the code the session started from (a0fa757): facts-dev27 0.188 / 0.079, 0.579 / 0.311 (studied after it:
# 0.200 / 0.079, 0.577 / 0.308); facts-dev28 0.417 / 0.132, 0.650 / 0.293 (never studied; 0.408 / 0.132,
# 0.648 / 0.296 with the session's rules). facts-dev26 studied in that session: 0.700 / 0.159, 0.622 / 0.320
# (a town placed by its language's countries, "SILAO, Gto.", took its conflicts' precision up from 0.463 and
# their recall down from 0.189). Final figures of that session: fakes 0.583 / 0.541, 0.843 / 0.788; heldout
# 0.615 / 0.530, 0.649 / 0.619; dev27 0.276 / 0.105, 0.630 / 0.326.
# facts-dev26, by another such helper, scored unseen with the same start code: 0.463 / 0.189, 0.570 / 0.302;
# with the session's final rules 0.463 / 0.189, 0.570 / 0.304 (never studied).
# A corpus written by a helper who did not read the rules, scored unseen (2026-12-06, seventeenth session)
# with the code the session started from (68f55a3): facts-dev25 0.812 / 0.277, 0.556 / 0.348; with the
# session's extraction and place rules, still unread, 0.812 / 0.277, 0.548 / 0.361.
# measured (2026-12-06, seventeenth session, `quantcheck run`; the extraction fixes of news batches 11-13
# moved same-fact pairs): facts-dev 0.624 / 0.516, 0.771 / 0.615; dev8 same-fact 0.526 / 0.366; dev9 0.342 /
# 0.291, 0.456 / 0.395; dev10 same-fact 0.657 / 0.396; dev11 0.561 / 0.155, 0.651 / 0.372; dev14 0.877 /
# 0.445, 0.822 / 0.536; dev15 same-fact 0.573 / 0.447; dev18 0.578 / 0.144, 0.521 / 0.282; dev19 same-fact
# 0.731 / 0.481; dev20 0.633 / 0.376, 0.652 / 0.485; dev21 same-fact 0.785 / 0.534; heldout same-fact 0.642 /
# 0.617; facts-dev25 (studied after its unseen score) 0.810 / 0.362, 0.537 / 0.394; the others unchanged.
# measured (2026-12-06, sixteenth session, `quantcheck run`; conflicts as in the fifteenth unless named):
# same-fact pairs dev2 0.810 / 0.506, dev5 0.763 / 0.450, dev7 0.647 / 0.474, dev8 0.529 / 0.359, dev11
# 0.650 / 0.368 (conflicts 0.554 / 0.151), dev13 0.683 / 0.464, dev14 0.807 / 0.521, dev17 0.729 / 0.416,
# heldout 0.640 / 0.612, dev18 0.512 / 0.287, dev19 0.719 / 0.453, dev20 0.659 / 0.475 (conflicts 0.624 /
# 0.376); facts-dev10 0.646 / 0.318, 0.657 / 0.385; facts-dev22 0.567 / 0.387, 0.599 / 0.488.
# Two corpora written by helpers who did not read the rules, scored unseen with the code the session started
# from (5eea481): facts-dev23 0.234 / 0.215, 0.539 / 0.373 (then studied: 0.320 / 0.221, 0.589 / 0.385);
# facts-dev24 0.500 / 0.205, 0.812 / 0.379 (never studied; 0.500 / 0.205, 0.813 / 0.381 with the session's
# rules).
# measured (2026-12-06, fifteenth session, `quantcheck run`): fakes 0.578 / 0.541, 0.843 / 0.788; dev4
# 0.658 / 0.692, 0.739 / 0.573; dev5 0.614 / 0.372, 0.761 / 0.445; dev9 0.340 / 0.291, 0.453 / 0.388; dev10
# 0.641 / 0.318, 0.660 / 0.384; the others as in the fourteenth (heldout unchanged).
# Three corpora written by helpers who did not read the rules, each scored unseen with the code the session
# started from (03078d2) before anyone read it: facts-dev20 0.613 / 0.359, 0.650 / 0.459 (never studied;
# with the session's final rules 0.620 / 0.376, 0.652 / 0.465); facts-dev21 0.538 / 0.324, 0.775 / 0.475
# (then studied: 0.608 / 0.432, 0.783 / 0.526); facts-dev22 0.621 / 0.289, 0.617 / 0.433 (the session's rules
# before it was read gave the same; then studied: 0.588 / 0.352, 0.596 / 0.463).
# measured (2026-12-06, fourteenth session, `quantcheck run`): fakes 0.571 / 0.514, 0.843 / 0.786; facts-dev
# 0.619 / 0.516, 0.772 / 0.616; dev5 0.600 / 0.372, 0.751 / 0.443; dev6 0.708 / 0.312, 0.648 / 0.432; dev7
# 0.521 / 0.312, 0.652 / 0.458; dev8 0.529 / 0.170, 0.522 / 0.346; dev11 0.554 / 0.151, 0.646 / 0.358; dev14
# 0.875 / 0.438, 0.804 / 0.518; dev17 0.770 / 0.382, 0.727 / 0.404; dev18 (studied after its unseen score)
# 0.565 / 0.144, 0.510 / 0.279; heldout 0.615 / 0.500, 0.650 / 0.599; the others as in the thirteenth.
# facts-dev18 scored once unseen (2026-12-06, the code the fourteenth session started from): 0.460 / 0.128,
# 0.501 / 0.271 (50 conflict rows over 6 stories).
# facts-dev19 (24 articles) scored once unseen (2026-12-06, the fourteenth session's rules at 3e07ece):
# 1.000 / 0.220, 0.774 / 0.411 (11 conflict rows over 6 stories; the code that session started from:
# 1.000 / 0.220, 0.796 / 0.408); after the severity rule, 1.000 / 0.220, 0.716 / 0.446. heldout's same-fact
# precision moved 0.650 -> 0.639 (recall 0.599 -> 0.604, conflicts 0.615 / 0.500 -> 0.618 / 0.506) with it.
# measured (2026-12-06, thirteenth session, `quantcheck run`): fakes 0.571 / 0.514, 0.843 / 0.790; facts-dev
# 0.619 / 0.516, 0.772 / 0.616; dev2 0.706 / 0.371, 0.805 / 0.509; dev3 0.695 / 0.353, 0.765 / 0.435;
# dev4 0.648 / 0.682, 0.740 / 0.564; dev5 0.593 / 0.361, 0.741 / 0.441; dev6 0.697 / 0.317, 0.632 / 0.416;
# dev7 0.500 / 0.312, 0.626 / 0.454; dev8 0.508 / 0.151, 0.519 / 0.340; dev9 0.321 / 0.291, 0.450 / 0.384;
# dev10 0.586 / 0.291, 0.642 / 0.366; dev11 0.560 / 0.117, 0.640 / 0.340; dev12 0.500 / 0.224, 0.605 / 0.335;
# dev13 0.517 / 0.313, 0.675 / 0.459; dev14 0.778 / 0.438, 0.753 / 0.513; dev15 0.378 / 0.274, 0.550 / 0.433;
# dev16 (studied) 0.557 / 0.180, 0.618 / 0.362; dev17 (studied after its unseen score) 0.770 / 0.382,
# 0.728 / 0.391; heldout 0.615 / 0.500, 0.650 / 0.599.
# facts-dev17 scored once unseen (2026-12-06, thirteenth session's final code): 0.664 / 0.382, 0.650 / 0.396
# (131 conflict rows over 6 stories; the code the session started from: 0.629 / 0.386, 0.636 / 0.396).
# facts-dev's conflict precision fell 0.686 -> 0.619 (recall 0.492 -> 0.516) and dev8's same-fact precision
# 0.549 -> 0.519 when a count naming no incident took its story's kind from the article's first sentence:
# the same kind now joins a flood's town tolls (Oliva, Pego) with the region's, and Marhanets' with
# Dnipropetrovsk's; every other corpus but dev13 gained (mean conflict F1 0.398 -> 0.417).
# measured (2026-12-06, twelfth session, `quantcheck run`): fakes 0.557 / 0.509, 0.852 / 0.785; facts-dev
# 0.686 / 0.492, 0.813 / 0.607; dev2 0.683 / 0.364, 0.769 / 0.510; dev3 0.702 / 0.345, 0.774 / 0.420;
# dev4 0.678 / 0.647, 0.768 / 0.582; dev5 0.585 / 0.350, 0.730 / 0.436; dev6 0.594 / 0.289, 0.615 / 0.417;
# dev7 0.560 / 0.292, 0.612 / 0.442; dev8 0.492 / 0.138, 0.549 / 0.338; dev9 0.282 / 0.218, 0.456 / 0.370;
# dev10 0.594 / 0.221, 0.588 / 0.342; dev11 0.519 / 0.113, 0.652 / 0.338; dev12 0.286 / 0.090, 0.581 / 0.301;
# dev13 0.455 / 0.262, 0.642 / 0.437; dev14 0.759 / 0.371, 0.747 / 0.506; dev15 (tuned on) 0.354 / 0.242,
# 0.551 / 0.427; heldout 0.648 / 0.476, 0.648 / 0.592.
# facts-dev16 scored once unseen (2026-12-06, twelfth session's final code): 0.403 / 0.115, 0.604 / 0.340 (62
# conflict rows over 6 stories; the eleventh session's code: 0.473 / 0.120, 0.603 / 0.328).
# facts-dev15 scored once unseen (2026-12-06, twelfth session, the eleventh session's code): 0.260 / 0.119,
# 0.507 / 0.337 (127 conflict rows over 6 stories).
# dev9's conflict recall fell 0.274 -> 0.218 in the twelfth session when the crush at Fátima became a
# stampede: its injured regrouped in two facts a day apart (the figures are a chain of one-day gaps).
# measured (2026-12-06, eleventh session, `quantcheck run`): fakes 0.560 / 0.509, 0.852 / 0.786; facts-dev
# 0.672 / 0.492, 0.809 / 0.611; dev2 0.683 / 0.364, 0.769 / 0.520; dev3 0.702 / 0.345, 0.782 / 0.408;
# dev4 0.675 / 0.640, 0.760 / 0.572; dev5 0.569 / 0.299, 0.714 / 0.395; dev6 0.593 / 0.284, 0.647 / 0.402;
# dev7 0.511 / 0.261, 0.601 / 0.407; dev8 0.500 / 0.138, 0.567 / 0.341; dev9 0.311 / 0.274, 0.434 / 0.385;
# dev10 0.606 / 0.221, 0.601 / 0.341; dev11 0.472 / 0.105, 0.659 / 0.339; dev12 0.277 / 0.097, 0.565 / 0.285;
# dev13 0.444 / 0.246, 0.647 / 0.418; heldout 0.647 / 0.464, 0.648 / 0.572.
# facts-dev14 scored once unseen (2026-12-06, the eleventh session's code): 0.647 / 0.324, 0.685 / 0.440 (136
# conflict rows over 6 stories; the tenth session's code: 0.624 / 0.305, 0.712 / 0.424).
# facts-dev13 scored once unseen (2026-12-06, eleventh session, the tenth session's code): 0.354 / 0.118,
# 0.624 / 0.312 (65 conflict rows over 6 stories).
# measured (2026-12-06, tenth session, `quantcheck run`): fakes 0.560 / 0.509, 0.846 / 0.786;
# facts-dev 0.672 / 0.492, 0.815 / 0.611; dev2 0.693 / 0.390, 0.775 / 0.528; dev3 0.696 / 0.336,
# 0.756 / 0.402; dev4 0.677 / 0.629, 0.760 / 0.566; dev5 0.580 / 0.303, 0.711 / 0.389; dev6 0.592 / 0.280,
# 0.641 / 0.387; dev7 0.520 / 0.261, 0.601 / 0.397; dev8 0.500 / 0.138, 0.563 / 0.336; dev9 0.311 / 0.274,
# 0.435 / 0.383; dev10 0.620 / 0.221, 0.610 / 0.337; dev11 0.472 / 0.105, 0.667 / 0.337; dev12 0.255 / 0.097,
# 0.549 / 0.276 (unseen: 0.176 / 0.045, 0.532 / 0.252); heldout 0.644 / 0.458, 0.638 / 0.567.
# measured (2026-12-06, ninth session, `quantcheck run`): fakes conflicts P 0.557 R 0.509, same-fact P
# 0.838 R 0.785; facts-dev 0.636 / 0.426, 0.806 / 0.565; facts-dev2 0.693 / 0.390, 0.775 / 0.528 (unseen:
# 0.311 / 0.140, 0.689 / 0.267); facts-dev3 0.696 / 0.336, 0.752 / 0.402 (unseen: 0.123 / 0.121, 0.535 /
# 0.303); facts-dev4 0.672 / 0.629, 0.755 / 0.563 (unseen: 0.373 / 0.196, 0.627 / 0.310); facts-dev5 0.565 /
# 0.303, 0.701 / 0.378 (unseen: 0.347 / 0.215, 0.430 / 0.251); facts-dev6 0.466 / 0.296, 0.586 / 0.409
# (unseen: 0.343 / 0.112, 0.582 / 0.233); facts-dev7 0.489 / 0.261, 0.595 / 0.408 (unseen: 0.330 / 0.187,
# 0.494 / 0.231); facts-dev8 0.476 / 0.138, 0.559 / 0.334 (unseen: 0.491 / 0.124, 0.602 / 0.240);
# facts-dev9 0.315 / 0.265, 0.435 / 0.383 (unseen: 0.295 / 0.278, 0.458 / 0.292); facts-dev10 0.504 / 0.236,
# 0.587 / 0.342 (unseen: 0.417 / 0.174, 0.601 / 0.235); facts-dev11 0.451 / 0.096, 0.659 / 0.334 (unseen:
# 0.231 / 0.013, 0.691 / 0.290); facts-heldout 0.580 / 0.458, 0.623 / 0.574.
# dev8's conflicts fell (0.507 / 0.161 at the eighth session's end) when "sieben von ihnen schwer" became a
# part of the injured: its facts regrouped and one outlet's eleven injured left the toll's fact
# (eighth session: fakes 0.555 / 0.505, 0.837 / 0.779, heldout 0.540 / 0.404, 0.597 / 0.527;
# seventh: fakes 0.573 / 0.505, 0.827 / 0.751, heldout 0.515 / 0.422, 0.548 / 0.477; sixth: fakes
# 0.573 / 0.505, 0.827 / 0.751, heldout 0.504 / 0.422, 0.544 / 0.477;
# fifth: fakes 0.573 / 0.505, 0.827 / 0.750; fourth: 0.530 / 0.528, 0.838 / 0.770; third: 0.540 /
# 0.528, 0.831 / 0.756; second: 0.372 / 0.280, 0.805 / 0.638; first: 0.292 / 0.096, 0.715 / 0.564; before
# issue 10: 0.006 / 0.156, 0.159 / 0.508)
FLOORS = {
    "fakes": {"precision": 0.62, "recall": 0.50, "same_precision": 0.80, "same_recall": 0.75},
    "facts-dev": {"precision": 0.59, "recall": 0.48, "same_precision": 0.74, "same_recall": 0.57},
    "facts-dev2": {"precision": 0.66, "recall": 0.34, "same_precision": 0.75, "same_recall": 0.48},
    "facts-dev3": {"precision": 0.67, "recall": 0.31, "same_precision": 0.74, "same_recall": 0.37},
    "facts-dev4": {"precision": 0.64, "recall": 0.60, "same_precision": 0.71, "same_recall": 0.52},
    "facts-dev5": {"precision": 0.55, "recall": 0.32, "same_precision": 0.70, "same_recall": 0.40},
    "facts-dev6": {"precision": 0.63, "recall": 0.29, "same_precision": 0.58, "same_recall": 0.39},
    "facts-dev7": {"precision": 0.46, "recall": 0.27, "same_precision": 0.60, "same_recall": 0.41},
    "facts-dev8": {"precision": 0.46, "recall": 0.13, "same_precision": 0.49, "same_recall": 0.31},
    "facts-dev9": {"precision": 0.25, "recall": 0.20, "same_precision": 0.40, "same_recall": 0.33},
    "facts-dev10": {"precision": 0.55, "recall": 0.26, "same_precision": 0.60, "same_recall": 0.33},
    "facts-dev11": {"precision": 0.49, "recall": 0.12, "same_precision": 0.61, "same_recall": 0.33},
    "facts-dev12": {"precision": 0.45, "recall": 0.20, "same_precision": 0.57, "same_recall": 0.31},
    "facts-dev13": {"precision": 0.47, "recall": 0.28, "same_precision": 0.63, "same_recall": 0.42},
    "facts-dev14": {"precision": 0.80, "recall": 0.40, "same_precision": 0.75, "same_recall": 0.47},
    "facts-dev15": {"precision": 0.30, "recall": 0.20, "same_precision": 0.50, "same_recall": 0.38},
    "facts-dev16": {"precision": 0.50, "recall": 0.16, "same_precision": 0.58, "same_recall": 0.33},
    "facts-dev17": {"precision": 0.70, "recall": 0.34, "same_precision": 0.66, "same_recall": 0.36},
    "facts-dev18": {"precision": 0.50, "recall": 0.12, "same_precision": 0.46, "same_recall": 0.25},
    "facts-dev19": {"precision": 0.90, "recall": 0.18, "same_precision": 0.66, "same_recall": 0.40},
    "facts-dev20": {"precision": 0.57, "recall": 0.32, "same_precision": 0.60, "same_recall": 0.41},
    "facts-dev21": {"precision": 0.55, "recall": 0.39, "same_precision": 0.72, "same_recall": 0.48},
    "facts-dev22": {"precision": 0.55, "recall": 0.31, "same_precision": 0.57, "same_recall": 0.41},
    "facts-dev23": {"precision": 0.27, "recall": 0.19, "same_precision": 0.52, "same_recall": 0.33},
    "facts-dev24": {"precision": 0.45, "recall": 0.18, "same_precision": 0.75, "same_recall": 0.34},
    "facts-dev25": {"precision": 0.75, "recall": 0.25, "same_precision": 0.50, "same_recall": 0.32},
    "facts-dev26": {"precision": 0.60, "recall": 0.14, "same_precision": 0.55, "same_recall": 0.28},
    "facts-dev27": {"precision": 0.20, "recall": 0.08, "same_precision": 0.55, "same_recall": 0.28},
    "facts-dev28": {"precision": 0.50, "recall": 0.11, "same_precision": 0.65, "same_recall": 0.26},
    "facts-dev29": {"precision": 0.50, "recall": 0.10, "same_precision": 0.53, "same_recall": 0.29},
    "facts-dev30": {"precision": 0.40, "recall": 0.16, "same_precision": 0.44, "same_recall": 0.27},
    "facts-dev31": {"precision": 0.50, "recall": 0.09, "same_precision": 0.50, "same_recall": 0.30},
    "facts-dev32": {"precision": 0.42, "recall": 0.10, "same_precision": 0.62, "same_recall": 0.31},
    "facts-dev33": {"precision": 0.60, "recall": 0.38, "same_precision": 0.58, "same_recall": 0.45},
    "facts-dev34": {"precision": 0.30, "recall": 0.10, "same_precision": 0.55, "same_recall": 0.33},
    "facts-dev35": {"precision": 0.50, "recall": 0.15, "same_precision": 0.56, "same_recall": 0.24},
    "facts-dev36": {"precision": 0.60, "recall": 0.08, "same_precision": 0.58, "same_recall": 0.21},
    "facts-dev37": {"precision": 0.05, "recall": 0.01, "same_precision": 0.60, "same_recall": 0.30},
    "facts-dev38": {"precision": 0.45, "recall": 0.04, "same_precision": 0.55, "same_recall": 0.22},
    "facts-heldout": {"precision": 0.60, "recall": 0.42, "same_precision": 0.59, "same_recall": 0.54},
}
# conflict rows per annotated story (cluster), at most: fakes stories are one incident each (4.7 measured);
# the own corpora's stories are whole budgets, elections, strikes and disasters updated over days with dozens
# of disputed figures (8-47 measured in the eighth session: dev4 44.5, dev6 46.2, dev9 34.7, dev10 19.5,
# dev8 8.6; dev11 8.5 in the ninth; dev12 8.5 in the tenth; dev13 10.8 unseen, 18 in the eleventh; dev15
# 21 unseen, 31.5 tuned; dev16 10.3 unseen, 11.7 studied; dev17 21.8 unseen; dev4 50.2 in the thirteenth;
# dev18 8.3 unseen, 7.7 studied; dev19 1.8 unseen; dev20 22.8 unseen, 22 after; dev21 17.7 unseen, 20.8
# studied; dev22 11 unseen, 13.5 studied, 16.2 in the sixteenth; dev23 22.8 unseen, 17.5 studied; dev24 7.7
# unseen; dev25 5.3 unseen; dev26 9 unseen; dev27 5.3 unseen; dev28 8 unseen, 5.5 studied; dev29 2 unseen,
# 2.2 studied; dev30 9.5 unseen, 11.3 studied; dev31 3.5 unseen; dev32 5 unseen; dev13 22.3 in the twentieth,
# its conflict recall up 0.313 -> 0.333; dev33 8 unseen, 13.7 studied; dev34 8.8 unseen, 9.5 after;
# dev35 7.8 unseen; dev36 5.8 unseen; dev37 0.5 unseen, 1.8 read (11 rows: a headline's country placed its
# stories, and the population of Haiti now meets its hungry); dev38 0.8 unseen, 1 after; dev11 13.2 with the
# headline's country, 11 before)
PER_STORY = {"fakes": 6, "facts-dev": 35, "facts-dev2": 35, "facts-dev3": 35, "facts-dev4": 55,
             "facts-dev5": 40, "facts-dev6": 52, "facts-dev7": 40, "facts-dev8": 12, "facts-dev9": 45,
             "facts-dev10": 30, "facts-dev11": 15, "facts-dev12": 12, "facts-dev13": 24, "facts-dev14": 28,
             "facts-dev15": 40, "facts-dev16": 16, "facts-dev17": 28, "facts-dev18": 12,
             "facts-dev19": 4, "facts-dev20": 28, "facts-dev21": 26, "facts-dev22": 20,
             "facts-dev23": 22, "facts-dev24": 10, "facts-dev25": 8,
             "facts-dev26": 12, "facts-dev27": 8, "facts-dev28": 12, "facts-dev29": 6, "facts-dev30": 16,
             "facts-dev31": 6, "facts-dev32": 8, "facts-dev33": 17, "facts-dev34": 11, "facts-dev35": 10,
             "facts-dev36": 8, "facts-dev37": 4, "facts-dev38": 4, "facts-heldout": 30}


def _resolve(shared: Path, part: str | Path) -> Path:
    return part if isinstance(part, Path) else shared / part


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(
    request: pytest.FixtureRequest, shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple:
    name = request.param
    articles, gold, scope = (_resolve(shared_dir, p) for p in CORPORA[name])
    db = tmp_path_factory.mktemp(name) / "w.duckdb"
    sources = [arg for f in sorted(articles.glob("*.jsonl")) for arg in ("--source", str(f))]
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")
    run = subprocess.run([sys.executable, "-m", "quantcheck.flows.cli", "run", "--db", str(db), *sources],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    score = subprocess.run([sys.executable, str(shared_dir / "eval" / "conflictscore.py"), "--db", str(db),
                            "--gold", str(gold), "--scope", str(scope), "--json"],
                           capture_output=True, text=True, timeout=600)
    assert score.returncode == 0, score.stderr[-2000:]
    return name, json.loads(score.stdout.strip().splitlines()[-1])


def test_conflicts_and_same_fact_pairs_stay_above_the_floors(scored: tuple) -> None:
    name, res = scored
    floor = FLOORS[name]
    same = res["same_fact_pairs"]
    got = {"precision": res["precision"], "recall": res["recall"], "same_precision": same["precision"],
           "same_recall": same["recall"]}
    low = {k: (v, floor[k]) for k, v in got.items() if v is None or v < floor[k]}
    assert not low, f"{name}: below the floor (measured, floor): {low}; all: {got}"


def test_conflicts_are_a_handful_per_story_not_dozens_per_article(scored: tuple, shared_dir: Path) -> None:
    name, res = scored
    scope = _resolve(shared_dir, CORPORA[name][2])
    stories = len(json.loads(scope.read_text(encoding="utf-8"))["clusters"])
    # before issue 10: 28 conflict rows per annotated article on fakes (134 per story)
    assert res["rows_in_scope"] / stories < PER_STORY[name], res
