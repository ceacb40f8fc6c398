#!/usr/bin/env python3
"""Self-check of the dev38 facts corpus: the shared checks of ../corpus_check.py.
Usage: python3 validate.py   (from any directory)"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpus_check import check  # noqa: E402

sys.exit(check(HERE, "dev38"))
