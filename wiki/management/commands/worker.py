"""`manage.py worker`: run background jobs, and schedule the periodic ones."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from wiki.jobs import schedule_periodic_jobs


class Command(DatabaseWorker):
    help = (
        "Run the wiki's background jobs: re-rendering, notifications and mail, the "
        "daily digests. Run one or more on any host; each takes one job at a time."
    )

    def handle(self, *args, **options):
        schedule_periodic_jobs()
        super().handle(*args, **options)
