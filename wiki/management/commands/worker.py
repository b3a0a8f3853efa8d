"""`manage.py worker`: run background jobs, schedule the periodic ones, and run again
those whose worker was lost."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from wiki.jobs import run_abandoned_jobs_again, schedule_periodic_jobs


class Command(DatabaseWorker):
    help = (
        "Run the wiki's background jobs: re-rendering, notifications and mail, the "
        "daily digests. Run one or more on any host; each takes one job at a time."
    )

    def handle(self, *args, **options):
        run_abandoned_jobs_again()
        schedule_periodic_jobs()
        super().handle(*args, **options)
