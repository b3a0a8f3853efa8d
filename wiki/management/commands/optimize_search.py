"""`manage.py optimize_search`: bring the search index to its quickest shape.

Worth running after a bulk import, and now and then (nightly, say) on a busy wiki.
Search is correct without it; it only reads faster after.
"""

from django.core.management.base import BaseCommand
from django.db import connection

from wiki.search import optimize_index


class Command(BaseCommand):
    help = "Merge the search index (SQLite FTS5) or vacuum and analyse it (PostgreSQL)."

    def handle(self, *args, **options):
        optimize_index()
        self.stdout.write(f"Search index optimised ({connection.vendor}).")
