"""The DuckDB warehouse: schema migrations, views, bulk loading and safe publication.

Public API in :mod:`warehouse.db` (``open_writer``, ``connect_read_only``, ``default_db_path``); input
records in :mod:`warehouse.records`. warehouse/README.md documents the protocol.
"""
