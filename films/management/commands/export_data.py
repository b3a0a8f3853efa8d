"""`manage.py export_data`: the structured data in the fixture's own format."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from films.exporting import export_data


class Command(BaseCommand):
    help = (
        "Write the films, characters, actors, remakes, roles, box office and links "
        "as fixtures/miracle-in-cell-no-7.json holds them (to standard output, or "
        "--output)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="A file to write instead.")

    def handle(self, *args, output, **options):
        text = json.dumps(export_data(), ensure_ascii=False, indent=2) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
