"""Imported once by the extraction pool's fork server: loads the extractor before workers are forked.

Importing the extractor, building the unit registry and compiling each language's patterns takes a few
seconds. Done here, in the fork server, every worker forked from it starts warm (the memory is shared
copy-on-write) instead of paying that cost in each worker at its first batch. Any failure is swallowed:
workers then simply load the extractor themselves on first use.
"""

from __future__ import annotations


def warm_up() -> None:
    try:
        from quantcheck.extractors import detect_language, extract
        from quantcheck.warehouse import arrow_batch  # noqa: F401 - pyarrow, for the mention columns

        try:
            from quantcheck.extractors.langdata import available_languages

            langs = list(available_languages())
        except Exception:
            langs = ["en", "fr", "es", "de"]
        for lang in langs:
            extract("12 km", lang)
        detect_language("The first 12 km of the road were closed.")
    except Exception:  # never break the fork server; workers will load lazily
        pass


warm_up()
