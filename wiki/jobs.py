"""Background jobs: work that grows with the wiki, done by workers after the write.

Jobs are Django tasks (the django-tasks backport of Django 6's task framework) kept as
rows in the wiki's own database (django-tasks-db). A write enqueues its jobs inside its
own transaction, so a job exists exactly when the write committed: no job is lost when
anything but the database is down, and none runs for a write that rolled back. Workers
(`manage.py worker`, on any number of hosts) take one row at a time, locked so that no
two run the same job; staff see every job, pending, running, done or failed with its
traceback, in admin under "Task results".

A job that raises is tried again later, `retries` times, each wait twice the one
before; its failed attempts stay listed with their errors. A periodic job schedules its
next run as it starts, so one run that fails does not end the schedule. A job still
marked running long after any job takes lost its worker (killed, or its host gone): it
is marked failed and run again, as each worker starts and each periodic run begins.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import wraps

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus

logger = logging.getLogger("wiki.jobs")

RETRIES = 5
FIRST_RETRY_SECONDS = 10
# Longer than any job runs: one marked running for longer has lost its worker.
ABANDONED_AFTER = timedelta(minutes=30)


class WorkerLost(Exception):
    """The worker running this job stopped before it finished."""


def retry_delay(attempt):
    """How long to wait before attempt `attempt + 1`: 10 s, 20 s, 40 s, …"""
    return timedelta(seconds=FIRST_RETRY_SECONDS * 2 ** (attempt - 1))


def job(*, retries=RETRIES, priority=0):
    """Make `function` a background job: `function.enqueue(*args, **kwargs)`.

    Its arguments must be JSON (ids, slugs, names), since the job may run on another
    host long after; it must be safe to run again, since a failed run is retried.
    """

    def decorator(function):
        @wraps(function)
        def run(*args, attempt=1, **kwargs):
            try:
                return function(*args, **kwargs)
            except Exception:
                if attempt > retries:
                    logger.exception("Job %s failed for good.", function.__qualname__)
                    raise
                later = timezone.now() + retry_delay(attempt)
                wrapped.using(run_after=later).enqueue(
                    *args, attempt=attempt + 1, **kwargs
                )
                logger.warning(
                    "Job %s failed (attempt %d); trying again at %s.",
                    function.__qualname__,
                    attempt,
                    later.isoformat(timespec="seconds"),
                )
                raise

        wrapped = task(priority=priority)(run)
        return wrapped

    return decorator


@dataclass(frozen=True)
class _Periodic:
    job: object
    at: time

    def next_run(self, now):
        today = datetime.combine(now.date(), self.at, tzinfo=now.tzinfo)
        return today if today > now else today + timedelta(days=1)


PERIODIC = []


def daily(*, at):
    """Make `function` a job that runs every day at `at` (UTC)."""

    def decorator(function):
        @wraps(function)
        def scheduled(*args, **kwargs):
            run_abandoned_jobs_again()
            schedule_periodic_jobs()
            return function(*args, **kwargs)

        periodic = job()(scheduled)
        PERIODIC.append(_Periodic(periodic, at))
        return periodic

    return decorator


# The task results' model is read inside functions: this module is imported by the
# services, before the apps registry is ready.


def schedule_periodic_jobs():
    """Enqueue the next run of each periodic job that has none waiting.

    Called as each worker starts and as each periodic run begins.
    """
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    for periodic in PERIODIC:
        waiting = DBTaskResult.objects.filter(
            task_path=periodic.job.module_path,
            status=TaskResultStatus.READY,
            run_after__gt=now,
        )
        if not waiting.exists():
            periodic.job.using(run_after=periodic.next_run(now)).enqueue()


def run_abandoned_jobs_again():
    """Mark failed, and enqueue anew, the jobs whose worker was lost.

    Called as each worker starts and as each periodic run begins.
    """
    from django_tasks_db.models import DBTaskResult

    lost_before = timezone.now() - ABANDONED_AFTER
    with transaction.atomic():
        abandoned = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=lost_before
        )
        for result in abandoned:
            result.set_failed(
                WorkerLost(f"No worker finished it since {result.started_at}.")
            )
            result.task.enqueue(
                *result.args_kwargs["args"], **result.args_kwargs["kwargs"]
            )
            logger.warning("Job %s lost its worker; it runs again.", result.task_path)
