"""Watchers are told of changes: notifications, an unread count, mail, digests."""

import logging
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import EmailFrequency, Notification, Preferences, Revision, Watch


@pytest.fixture
def watcher(django_user_model):
    user = django_user_model.objects.create_user(
        "alice", "alice@example.org", "x-long-password-1"
    )
    return user


@pytest.fixture
def page(db, watcher, run_jobs):
    page = create_page(title="Cell", body="one")
    run_jobs()  # its creation, watched by nobody yet
    Watch.objects.create(user=watcher, page=page)
    return page


def wants_mail(user, frequency):
    Preferences.objects.update_or_create(
        user=user, defaults={"email_notifications": frequency}
    )


def test_a_change_to_a_watched_page_notifies_its_watchers_in_a_background_job(
    page, watcher, user, run_jobs
):
    edit_page(page, "two", author=user)
    assert not Notification.objects.exists()  # nothing before a worker runs the job
    run_jobs()
    notification = Notification.objects.get()
    assert notification.recipient == watcher and notification.revision.body == "two"


def test_nobody_is_notified_of_their_own_edit(page, watcher, run_jobs):
    edit_page(page, "two", author=watcher)
    run_jobs()
    assert not Notification.objects.exists()


def test_the_header_counts_unread_notifications_and_the_page_marks_them_read(
    client, page, watcher, user, run_jobs
):
    edit_page(page, "two", author=user, summary="second")
    edit_page(page, "three", author=user, summary="third")
    run_jobs()
    client.force_login(watcher)
    count = parse_html(client.get("/wiki/").text).select_one("#unread-count")
    assert count.get_text(strip=True).startswith("2")
    html = parse_html(client.get("/notifications/").text)
    items = html.select(".notifications li")
    assert ["third" in items[0].text, "second" in items[1].text] == [True, True]
    assert len(html.select(".notifications .badge")) == 2
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert parse_html(client.get("/wiki/").text).select_one("#unread-count") is None


def test_notifications_need_a_login_and_take_constant_queries(
    client, page, watcher, user, django_assert_max_num_queries
):
    response = client.get("/notifications/")
    assert response.status_code == 302
    client.force_login(watcher)
    revisions = [edit_page(page, f"text {n}", author=user) for n in range(40)]
    Notification.objects.bulk_create(
        Notification(recipient=watcher, revision=revision) for revision in revisions
    )
    with django_assert_max_num_queries(8):
        assert client.get("/notifications/").status_code == 200


def test_mail_at_once_for_those_who_chose_it(page, watcher, user, run_jobs):
    wants_mail(watcher, EmailFrequency.IMMEDIATELY)
    edit_page(page, "two", author=user, summary="fixed a typo")
    run_jobs()
    [message] = mail.outbox
    assert message.to == ["alice@example.org"] and "Cell" in message.subject
    assert "fixed a typo" in message.body and "/wiki/cell/diff/" in message.body
    assert Notification.objects.get().emailed_at is not None


def test_a_failure_to_send_loses_no_edit(
    client, page, watcher, user, settings, caplog, run_jobs
):
    wants_mail(watcher, EmailFrequency.IMMEDIATELY)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(user)
    response = client.post(
        "/wiki/cell/edit/", {"body": "two", "base_revision": page.current_revision_id}
    )
    with caplog.at_level(logging.ERROR, logger="wiki.notifications"):
        run_jobs()
    assert response.status_code == 302
    assert Revision.objects.filter(page=page).count() == 2
    assert "could not be sent" in caplog.text
    notification = Notification.objects.get()
    assert notification.emailed_at is None


def test_the_daily_digest_sends_what_was_not_yet_mailed(page, watcher, user, run_jobs):
    wants_mail(watcher, EmailFrequency.DAILY)
    edit_page(page, "two", author=user, summary="second")
    edit_page(page, "three", author=user, summary="third")
    run_jobs()
    assert mail.outbox == []
    out = StringIO()
    call_command("send_digests", stdout=out)
    assert "Sent 1 digest(s)." in out.getvalue()
    [digest] = mail.outbox
    assert "second" in digest.body and "third" in digest.body
    call_command("send_digests", stdout=StringIO())
    assert len(mail.outbox) == 1  # nothing is mailed twice


def test_mail_preferences_are_chosen_on_the_account_page(client, watcher):
    client.force_login(watcher)
    response = client.post(
        "/accounts/settings/",
        {
            "change_preferences": "",
            "watch_edited_pages": "on",
            "email_notifications": EmailFrequency.DAILY,
        },
    )
    assert response.status_code == 302
    assert Preferences.of(watcher).email_notifications == EmailFrequency.DAILY


def test_a_watcher_may_choose_not_to_be_told_of_minor_edits(
    page, watcher, user, run_jobs, client
):
    edit_page(page, "two", author=user, minor=True)
    run_jobs()
    assert Notification.objects.count() == 1  # told by default
    client.force_login(watcher)
    settings_page = parse_html(client.get("/accounts/settings/").text)
    assert settings_page.select_one("input[name=notify_minor_edits][checked]")
    Preferences.objects.update_or_create(
        user=watcher, defaults={"notify_minor_edits": False}
    )
    minor = edit_page(page, "three", author=user, minor=True)
    major = edit_page(page, "four", author=user)
    run_jobs()
    told = set(Notification.objects.values_list("revision_id", flat=True))
    assert major.pk in told and minor.pk not in told
