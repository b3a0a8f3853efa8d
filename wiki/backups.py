"""Backups: a consistent copy of the whole wiki, and its exact restore.

django-dbbackup copies the database while the wiki runs (PostgreSQL's pg_dump in its
custom format, SQLite's online backup API) and the media storage, local or an object
store, into a tarball. Everything the wiki holds is in those two: pages and every
revision, talk, files and every version's bytes, film data and its history, accounts,
the site log, waiting jobs; timestamps to the microsecond, as the database keeps them.
"""

import json
import sqlite3
from pathlib import Path
from shutil import copyfileobj
from tempfile import NamedTemporaryFile

from dbbackup.db.sqlite import SqliteBackupConnector
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from . import page_cache

DATABASE = "database.dump"
MEDIA = "media.tar"
MANIFEST = "manifest.json"


class SqliteOnlineConnector(SqliteBackupConnector):
    """SQLite copied both ways through its backup API.

    django-dbbackup restores SQLite by writing over the database file, which a
    database in WAL mode (the wiki's) would then mix with its old write-ahead log;
    the backup API writes through SQLite itself, whoever has the file open.
    """

    def restore_dump(self, dump):
        with NamedTemporaryFile(suffix=".sqlite3") as copy:
            copyfileobj(dump, copy)
            copy.flush()
            self.connection.ensure_connection()
            with sqlite3.connect(copy.name) as source:
                source.backup(self.connection.connection)


def manifest(folder):
    return json.loads((Path(folder) / MANIFEST).read_text())


def write_manifest(folder):
    (Path(folder) / MANIFEST).write_text(
        json.dumps(
            {
                "format": 1,
                "engine": connection.vendor,
                "taken_at": timezone.now().isoformat(),
                "database": DATABASE,
                "media": MEDIA,
            },
            indent=2,
        )
    )


def forget_cached_pages():
    """After a restore nothing cached may be served: pages, versions, sessions."""
    page_cache.invalidate(page_cache.EVERYTHING)
    cache.clear()
