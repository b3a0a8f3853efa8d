"""`manage.py rerender_pages`: render every page's current text again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from wiki.models import Page
from wiki.services.pages import rerender_pages


class Command(BaseCommand):
    help = (
        "Render every page's current text again, with its links, files and categories "
        "(those apps give included). Run it after an upgrade that changes rendering."
    )

    def handle(self, *args, verbosity, **options):
        ids = list(Page.objects.live().values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            with transaction.atomic():
                rerender_pages(pk__in=ids[start : start + 500])
        if verbosity:
            self.stdout.write(f"Rendered {len(ids)} page(s) again.")
