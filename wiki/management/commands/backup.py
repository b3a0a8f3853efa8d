"""`manage.py backup`: a consistent copy of the whole wiki, database and media."""

from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from wiki.backups import DATABASE, MEDIA, write_manifest


class Command(BaseCommand):
    help = (
        "Copy the whole wiki while it runs: the database (pg_dump, or SQLite's online "
        "backup) and every uploaded file, into a new folder that `manage.py restore` "
        "reads."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default="backups",
            help="Where to put the new backup's folder (default: backups/).",
        )

    def handle(self, *args, output_dir, verbosity, **options):
        folder = Path(output_dir) / timezone.now().strftime("%Y-%m-%d-%H%M%S-%f")
        folder.mkdir(parents=True)
        # The database first: every file it names is then in the store, for stored
        # names are never reused or changed.
        call_command("dbbackup", output_path=str(folder / DATABASE), verbosity=0)
        if isinstance(default_storage, FileSystemStorage):
            Path(default_storage.location).mkdir(parents=True, exist_ok=True)
        call_command("mediabackup", output_path=str(folder / MEDIA), verbosity=0)
        write_manifest(folder)
        if verbosity:
            self.stdout.write(str(folder))
