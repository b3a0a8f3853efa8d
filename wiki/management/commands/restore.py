"""`manage.py restore FOLDER`: put back a backup made by `manage.py backup`."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from wiki.backups import DATABASE, MEDIA, forget_cached_pages, manifest
from wiki.models import Page


class Command(BaseCommand):
    help = (
        "Restore a backup folder into this wiki's database and media store, exactly "
        "as it was, and forget every cached page. The database must be of the same "
        "engine as the backup's. A wiki that has pages is replaced only with --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder `manage.py backup` wrote.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a wiki that already has pages.",
        )

    def handle(self, *args, folder, force, verbosity, **options):
        folder = Path(folder)
        if not (folder / DATABASE).is_file() or not (folder / MEDIA).is_file():
            raise CommandError(f"{folder} is not a backup: no {DATABASE} or {MEDIA}.")
        engine = manifest(folder)["engine"]
        if engine != connection.vendor:
            raise CommandError(
                f"The backup is of a {engine} database; this wiki runs on "
                f"{connection.vendor}. Restore it on {engine}."
            )
        if not force and _has_pages():
            raise CommandError(
                "This wiki already has pages; restoring replaces them all. "
                "Run again with --force to do so."
            )
        call_command(
            "dbrestore",
            input_path=str(folder / DATABASE),
            interactive=False,
            verbosity=0,
        )
        call_command(
            "mediarestore",
            input_path=str(folder / MEDIA),
            interactive=False,
            replace=True,
            verbosity=0,
        )
        forget_cached_pages()
        if verbosity:
            self.stdout.write(f"Restored {folder}.")


def _has_pages():
    """Whether this database holds a wiki already (a fresh one may hold no tables)."""
    if Page._meta.db_table not in connection.introspection.table_names():
        return False
    return Page.objects.exists()
