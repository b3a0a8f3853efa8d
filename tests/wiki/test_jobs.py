"""Background jobs: enqueued with the write, run by workers, retried, seen by staff."""

import signal
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.support.builders import create_page, edit_page
from tests.support.servers import wait_until, worker
from wiki.jobs import RETRIES, job, schedule_periodic_jobs
from wiki.models import EmailFrequency, Page, Preferences, Watch
from wiki.services import page_delete


@job()
def always_fails(reason):
    raise RuntimeError(reason)


def results(task_name):
    return DBTaskResult.objects.filter(task_path__endswith=f".{task_name}")


def html_of(slug):
    return Page.objects.get(slug=slug).current_revision.html


def test_a_write_enqueues_its_jobs_in_its_own_transaction(db):
    create_page(title="Source", body="[[Target]]")
    create_page(title="Target")
    waiting = results("rerender_pages_linking_to").filter(status="READY")
    assert [r.args_kwargs["args"] for r in waiting] == [["source"], ["target"]]


def test_a_job_that_fails_is_tried_again_each_time_twice_as_late(db, run_jobs):
    always_fails.enqueue("the store is down")
    delays = []
    for _ in range(RETRIES + 1):
        run_jobs()
        waiting = results("always_fails").filter(status="READY").first()
        if waiting is None:
            break
        delays.append(round((waiting.run_after - timezone.now()).total_seconds()))
        waiting.run_after = timezone.now()  # as if that time had come
        waiting.save()
    assert delays == [10, 20, 40, 80, 160]
    failed = results("always_fails").filter(status="FAILED")
    assert failed.count() == RETRIES + 1
    assert all("the store is down" in result.traceback for result in failed)


def test_staff_see_every_job_with_its_error_in_admin(client, staff_user, run_jobs):
    always_fails.enqueue("no answer from the mail server")
    run_jobs()
    url = "/admin/django_tasks_database/dbtaskresult/"
    assert client.get(url).status_code == 302  # to the login
    client.force_login(staff_user)
    listing = client.get(url + "?status=FAILED").text
    assert "always_fails" in listing
    failed = results("always_fails").get(status="FAILED")
    detail = client.get(f"{url}{failed.pk}/change/").text
    assert "no answer from the mail server" in detail
    assert "Ready" in client.get(url + "?status=READY").text


def test_the_digest_runs_every_morning_and_schedules_its_next_run(
    db, user, django_user_model, run_jobs
):
    schedule_periodic_jobs()
    schedule_periodic_jobs()  # every worker does, as it starts
    [next_run] = results("send_daily_digests").filter(status="READY")
    assert (next_run.run_after.hour, next_run.run_after.minute) == (6, 0)
    assert timedelta(0) < next_run.run_after - timezone.now() <= timedelta(days=1)

    alice = django_user_model.objects.create_user("alice", "alice@example.org", "pw")
    Preferences.objects.create(user=alice, email_notifications=EmailFrequency.DAILY)
    page = create_page(title="Cell")
    Watch.objects.create(user=alice, page=page)
    edit_page(page, "two", author=user, summary="second")
    run_jobs()
    assert mail.outbox == []  # not before the morning
    next_run.run_after = timezone.now()
    next_run.save()
    run_jobs()
    [digest] = mail.outbox
    assert "second" in digest.body
    [following] = results("send_daily_digests").filter(status="READY")
    assert following.pk != next_run.pk and following.run_after > timezone.now()
    assert (following.run_after.hour, following.run_after.minute) == (6, 0)


def test_the_work_of_a_save_does_not_grow_with_the_pages_that_link_to_it(db):
    def queries_to_create(title, linking):
        for n in range(linking):
            create_page(title=f"{title} fan {n}", body=f"[[{title}]]")
        with CaptureQueriesContext(connection) as captured:
            create_page(title=title)
        return len(captured)

    queries_to_create("First", 0)  # what is kept for every later save
    assert queries_to_create("Alone", 0) == queries_to_create("Popular", 30)


def jobs_waiting():
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).exclude(
        task_path__endswith=".send_daily_digests"
    )


@pytest.mark.django_db(transaction=True)
def test_jobs_wait_for_a_worker_and_survive_its_restart():
    create_page(title="Source", body="[[Target]]")
    create_page(title="Target")  # no worker runs: the job waits in the database
    assert "wikilink-new" in html_of("source")
    with worker() as first:
        wait_until(lambda: "wikilink-new" not in html_of("source"), what="blue")
        first.send_signal(signal.SIGKILL)
        first.wait()
    page_delete(page=Page.objects.get(slug="target"))
    assert "wikilink-new" not in html_of("source")  # until a worker is back
    with worker():
        wait_until(lambda: "wikilink-new" in html_of("source"), what="red again")
        wait_until(lambda: not jobs_waiting().exists(), what="an empty queue")
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()


def test_a_job_whose_worker_was_lost_runs_again(db, run_jobs):
    create_page(title="Source", body="[[Target]]")
    create_page(title="Target")
    job_row = results("rerender_pages_linking_to").get(args_kwargs__args=["target"])
    # Its worker took it an hour ago, and was killed before it finished.
    job_row.status, job_row.started_at = "RUNNING", timezone.now() - timedelta(hours=1)
    job_row.save()
    results("rerender_pages_linking_to").exclude(pk=job_row.pk).update(status="FAILED")
    run_jobs()
    job_row.refresh_from_db()
    assert job_row.status == "FAILED" and "WorkerLost" in job_row.exception_class_path
    assert "wikilink-new" not in html_of("source")  # the job ran again, and finished
