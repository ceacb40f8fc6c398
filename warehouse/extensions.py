"""DuckDB extensions without internet access: load them from the ``duckdb-extension-*`` wheels.

Why this module exists: a plain ``LOAD ducklake`` (or an ``ATTACH 'ducklake:…'`` that autoloads it) makes
DuckDB download the extension from extensions.duckdb.org, which fails on machines without internet access
and makes a run depend on a remote service. PyPI publishes each core extension as a wheel
(``duckdb-extension-ducklake``, ``duckdb-extension-sqlite-scanner``, ``duckdb-extension-postgres-scanner``)
holding the signed binary at ``duckdb_extension_<name>/extensions/v<duckdb version>/<name>.duckdb_extension``.
The wheels are installed like any dependency, so this module only has to find the binary that matches the
running DuckDB and ``LOAD`` it by path. Autoinstalling is switched off on connections we prepare, so a
missing wheel gives a clear error instead of a hidden download attempt.

``install_for_clients()`` copies the same binaries into a DuckDB extension directory (the user's
``~/.duckdb/extensions`` by default) so that any DuckDB client of the same version — the ``duckdb`` CLI,
a notebook — autoloads them offline and a fact-checker needs only the one ``ATTACH`` line.
Run it as ``python -m warehouse.extensions install``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import duckdb

# Extension name as DuckDB knows it -> the importable package of its PyPI wheel.
WHEEL_PACKAGES: dict[str, str] = {
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite_scanner",
    "postgres_scanner": "duckdb_extension_postgres_scanner",
    "httpfs": "duckdb_extension_httpfs",  # DuckLake data files on s3://, gs://, https://
}
# Short names accepted everywhere (DuckDB itself accepts "sqlite" and "postgres" as aliases).
ALIASES: dict[str, str] = {"sqlite": "sqlite_scanner", "postgres": "postgres_scanner"}


class ExtensionUnavailable(RuntimeError):
    """The wheel providing an extension is missing or was built for another DuckDB version."""


def canonical_name(name: str) -> str:
    """DuckDB's own name for an extension (``sqlite`` -> ``sqlite_scanner``)."""
    name = ALIASES.get(name, name)
    if name not in WHEEL_PACKAGES:
        raise ExtensionUnavailable(
            f"unknown extension {name!r}: quantcheck bundles {', '.join(sorted(WHEEL_PACKAGES))}"
        )
    return name


def sql_literal(text: str) -> str:
    """Quote ``text`` as a SQL string literal.

    Only for the few statements that DuckDB cannot parameterise (``LOAD``, ``INSTALL``, ``ATTACH``):
    their argument is a constant in the grammar, so ``?`` is a syntax error there.
    """
    if "\x00" in text:
        raise ValueError("NUL byte in a SQL literal")
    return "'" + text.replace("'", "''") + "'"


def extension_file(name: str) -> Path:
    """Path of the extension binary matching the running DuckDB, from its installed wheel."""
    name = canonical_name(name)
    package = WHEEL_PACKAGES[name]
    spec = importlib.util.find_spec(package)
    wheel = package.replace("_", "-")
    if spec is None or not spec.submodule_search_locations:
        raise ExtensionUnavailable(
            f"DuckDB extension {name!r} is not installed: pip install '{wheel}=={duckdb.__version__}' "
            "(the wheel holds the binary, so no download from extensions.duckdb.org is needed)"
        )
    root = Path(next(iter(spec.submodule_search_locations))) / "extensions"
    path = root / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if not path.is_file():
        found = sorted(p.name for p in root.glob("v*")) if root.is_dir() else []
        raise ExtensionUnavailable(
            f"{wheel} provides {found or 'no binary'} but DuckDB is {duckdb.__version__}: "
            f"pin {wheel}=={duckdb.__version__} next to duckdb=={duckdb.__version__}"
        )
    return path


def load(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    """Load extensions into ``con`` from the wheels, never from the network.

    Loading an extension that is already loaded is a no-op in DuckDB, so callers may call this freely.
    """
    con.execute("SET autoinstall_known_extensions = false")
    for name in names:
        con.execute(f"LOAD {sql_literal(str(extension_file(name)))}")


def install_for_clients(names: tuple[str, ...] = tuple(WHEEL_PACKAGES), extension_directory: str | None = None
                        ) -> list[Path]:
    """Install the wheel binaries into a DuckDB extension directory for other clients to autoload.

    DuckDB looks for ``<extension_directory>/v<version>/<platform>/<name>.duckdb_extension``; ``INSTALL
    '<file>'`` copies a local binary there (no network). Returns the installed paths.
    """
    config = {"autoinstall_known_extensions": False}
    if extension_directory:
        config["extension_directory"] = extension_directory
    con = duckdb.connect(config=config)
    try:
        for name in names:
            con.execute(f"INSTALL {sql_literal(str(extension_file(name)))}")
        rows = con.execute(
            "SELECT install_path FROM duckdb_extensions() WHERE extension_name IN "
            "(SELECT unnest(?::VARCHAR[]))",
            [[canonical_name(n) for n in names]],
        ).fetchall()
    finally:
        con.close()
    return [Path(row[0]) for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m warehouse.extensions",
        description="Show or install the DuckDB extensions bundled as PyPI wheels (no internet needed).",
    )
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("paths", help="print the LOAD statement for each bundled extension")
    install = sub.add_parser("install", help="install them for other DuckDB clients (CLI, notebooks)")
    install.add_argument("--extension-directory", help="default: DuckDB's own (~/.duckdb/extensions)")
    args = parser.parse_args(argv)
    try:
        if args.action == "paths":
            for name in WHEEL_PACKAGES:
                print(f"LOAD {sql_literal(str(extension_file(name)))};")
        else:
            for path in install_for_clients(extension_directory=args.extension_directory):
                print(path)
    except ExtensionUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
