"""Failed logins lock an account at an address for a while (django-axes)."""

import logging

import pytest
from axes.models import AccessAttempt

from tests.support.html import messages_in, parse_html

PASSWORD = "a-long-test-password"
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.7"}


def log_in(client, password, username="reader", **environ):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, **environ
    )


def logged_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def locked(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    return client


def test_a_few_failures_do_not_lock(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302 and logged_in(client)


def test_repeated_failures_lock_even_the_right_password(locked):
    response = log_in(locked, PASSWORD)
    assert response.status_code == 429 and not logged_in(locked)
    assert any("locked for 15 minutes" in m for m in messages_in(response))
    html = parse_html(response.text)
    assert html.select_one('form [name="username"]')["value"] == "reader"
    assert html.select_one('#forgot-password a[href="/accounts/password_reset/"]')


def test_the_lock_holds_that_account_at_that_address_only(locked, django_user_model):
    django_user_model.objects.create_user("neighbour", password=PASSWORD)
    assert log_in(locked, PASSWORD, username="neighbour").status_code == 302
    locked.post("/accounts/logout/")
    assert log_in(locked, PASSWORD, **ELSEWHERE).status_code == 302


def test_the_lock_ends_after_the_cool_off(locked, settings):
    AccessAttempt.objects.update(attempt_time="2000-01-01T00:00:00Z")
    assert log_in(locked, PASSWORD).status_code == 302 and logged_in(locked)


def test_a_lockout_is_logged(client, user, settings, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            log_in(client, "wrong")
    assert any(
        "locking out" in record.getMessage().lower() and "reader" in record.getMessage()
        for record in caplog.records
    )


def test_staff_unlock_an_account_in_admin(locked, staff_user, caplog):
    admin = type(locked)()
    admin.force_login(staff_user)
    attempt = AccessAttempt.objects.get(username="reader")
    changelist = "/admin/axes/accessattempt/"
    assert "reader" in admin.get(changelist).text
    with caplog.at_level(logging.WARNING, logger="wiki.accounts"):
        response = admin.post(
            changelist, {"action": "unlock", "_selected_action": [attempt.pk]}
        )
    assert response.status_code == 302
    assert "lifted by curator" in caplog.text
    assert log_in(locked, PASSWORD).status_code == 302


def test_switching_the_lockout_off(client, user, settings):
    settings.AXES_ENABLED = False
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
