"""`manage.py send_digests`: the daily mail of changes to watched pages."""

from django.core.management.base import BaseCommand

from wiki.services.notifying import send_digests


class Command(BaseCommand):
    help = (
        "Mail each user who chose a daily digest the changes to their watched pages "
        "they were not yet told of by mail. Run it once a day, e.g. from cron."
    )

    def handle(self, *args, verbosity, **options):
        sent = send_digests()
        if verbosity:
            self.stdout.write(f"Sent {sent} digest(s).")
