"""`manage.py seed`: load the source article's data from fixtures/."""

from pathlib import Path

from django.core.management.base import BaseCommand

from films.seeding import DATA_FILE, seed


class Command(BaseCommand):
    help = (
        "Load the film, characters, actors, remakes and their pages from fixtures/. "
        "Safe to run again: existing data and edited pages are kept unless --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Put the fixture's data and page texts back (page history is kept).",
        )
        parser.add_argument(
            "--data",
            type=Path,
            default=DATA_FILE,
            help="The fixture to load (default: fixtures/miracle-in-cell-no-7.json), "
            "such as one `export_data` wrote.",
        )

    def handle(self, *args, reset, data, verbosity, **options):
        counts = seed(reset=reset, path=data)
        if verbosity == 0:
            return
        if not counts:
            self.stdout.write("Seed data already loaded; nothing changed.")
            return
        for what, count in sorted(counts.items()):
            self.stdout.write(f"{count} {what}")
        self.stdout.write(self.style.SUCCESS("Seed data loaded."))
