"""One way to write rows into a SQLite cache file (.kc/cache/*.sqlite).

Both SQLite caches (rendered bodies, loaded files) keep a version in a `meta` table and
rows in one table keyed by one column. A save is one transaction: the tables are made if
needed, the table is emptied when the file was written by another kc or library version,
stale keys are deleted and new rows inserted. A file that cannot be written is skipped (the
cache is an optimisation); a damaged one is deleted, so the next build starts it again.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable, Iterable


def save_rows(path: Path, connect: Callable[[], sqlite3.Connection], schema: Iterable[str],
              table: str, key: str, version: tuple[str, str], stale: list[tuple],
              insert: str, rows: Iterable[tuple], close: bool = False) -> bool:
    """True when the rows were written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            for statement in schema:
                connection.execute(statement)
            name, value = version
            found = connection.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
            if found is None or found[0] != value:
                connection.execute(f"DELETE FROM {table}")
                connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))
            connection.executemany(f"DELETE FROM {table} WHERE {key} = ?", stale)
            connection.executemany(insert, rows)
            connection.execute("COMMIT")
        except BaseException:
            try:
                connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise
        finally:
            if close:
                connection.close()
    except sqlite3.DatabaseError as exc:
        if not isinstance(exc, sqlite3.OperationalError):     # damaged: start again next time
            path.unlink(missing_ok=True)
        return False
    except OSError:
        return False
    return True
