"""Pathological shapes at 1 MB and 4 MB: extraction time must grow linearly (issue 14, defect 4).

Two shapes were quadratic: German number words followed by a partial one (``parse_words`` read the whole
chain from every word of it: 0.47 s / 1.83 s / 7.29 s for N = 500 / 1,000 / 2,000) and a country and a
same-named currency repeated along one sentence (every amount scanned every country word of the
sentence: 2.3 s for 104 KB, 9.2 s for 208 KB). Each shape is timed at 1 MB and at 4 MB in the same run
(CPU time of this process, best of two); linear growth gives a ratio of about 4, quadratic about 16. The
benchmark fails above 6. The same sizes of ordinary generated news text are timed as the baseline.

Run with ``make bench`` (or ``pytest -s tests/benchmarks/bench_pathological.py --benchmarks``).
"""

from __future__ import annotations

import time

import pytest

from quantcheck.extractors import extract

MB = 1_000_000
MAX_RATIO = 6.0

SHAPES = {
    "German number words ending in a partial one": ("fünfzigtausend ", "de", "fünfz"),
    "country and same-named currency, no sentence break": ("En Argentina 1.150 pesos, ", "es", ""),
    "baseline: ordinary news sentences": (
        "Selon la préfecture, 12 500 manifestants ont défilé samedi sur 3 km. "
        "Les organisateurs en comptaient 30 000 et 300 policiers étaient mobilisés. ",
        "fr",
        "",
    ),
}


def shaped(unit: str, size: int, tail: str) -> str:
    return unit * ((size - len(tail)) // len(unit)) + tail


def cpu_seconds(text: str, lang: str, runs: int = 2) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        t0 = time.process_time()
        found = len(extract(text, lang))
        best = min(best, time.process_time() - t0)
    return best, found


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("name", list(SHAPES))
def test_pathological_shape_scales_linearly(name: str) -> None:
    unit, lang, tail = SHAPES[name]
    extract("12 km", lang)  # load the language data outside the timing
    small, n_small = cpu_seconds(shaped(unit, MB, tail), lang)
    large, n_large = cpu_seconds(shaped(unit, 4 * MB, tail), lang)
    ratio = large / max(small, 1e-9)
    print(f"\n{name} [{lang}]: 1 MB {small:.2f} s ({n_small:,} mentions), 4 MB {large:.2f} s "
          f"({n_large:,} mentions): ratio {ratio:.2f} (linear 4, fails above {MAX_RATIO:g})")
    assert ratio <= MAX_RATIO, f"{name}: 4 MB took {ratio:.1f}x the time of 1 MB"
