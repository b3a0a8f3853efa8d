from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from wiki.themes import theme_auto_css

STATIC = Path(settings.BASE_DIR) / "static"
SOURCES = ("vendor/bootstrap/css/bootstrap.min.css", "css/site.css")
TARGET = "css/theme-auto.css"


def written_theme_css():
    """What static/css/theme-auto.css should hold for today's stylesheets."""
    return theme_auto_css(*((STATIC / name).read_text() for name in SOURCES))


class Command(BaseCommand):
    help = (
        "Write static/css/theme-auto.css: the dark theme for a system that asks for it."
    )

    def handle(self, *args, **options):
        (STATIC / TARGET).write_text(written_theme_css())
        self.stdout.write(f"Wrote static/{TARGET}.")
