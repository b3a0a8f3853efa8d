"""`manage.py rerender_pages`: render every page's current text again, in jobs."""

from django.core.management.base import BaseCommand

from wiki.models import Page
from wiki.services.publishing import RERENDER_BATCH, rerender_pages_by_id


class Command(BaseCommand):
    help = (
        "Render every page's current text again, with its links, files and categories "
        "(those apps give included), as background jobs the workers run. Run it after "
        "an upgrade that changes rendering."
    )

    def handle(self, *args, verbosity, **options):
        ids = list(Page.objects.live().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), RERENDER_BATCH):
            rerender_pages_by_id.enqueue(ids[start : start + RERENDER_BATCH])
        if verbosity:
            self.stdout.write(
                f"Queued {len(ids)} page(s) to be rendered again; workers "
                "(manage.py worker) do it."
            )
