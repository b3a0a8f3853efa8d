"""An e-mail address at signup, an account page, and password reset by mail."""

import re

import pytest
from django.core import mail

from tests.support.html import parse_html

PASSWORD = "a-long-test-password"


def test_signup_takes_an_optional_email(client, db, django_user_model):
    fields = {"password1": "sailor-moon-bag-77", "password2": "sailor-moon-bag-77"}
    client.post(
        "/accounts/signup/", {"username": "with", "email": "w@example.org", **fields}
    )
    client.post("/accounts/logout/")
    client.post("/accounts/signup/", {"username": "without", **fields})
    emails = dict(django_user_model.objects.values_list("username", "email"))
    assert emails == {"with": "w@example.org", "without": ""}


def test_the_login_page_offers_password_reset(client, db):
    html = parse_html(client.get("/accounts/login/").text)
    assert html.select_one('a[href="/accounts/password_reset/"]')


def test_the_account_page_needs_a_login(client, db):
    response = client.get("/accounts/settings/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_changing_the_email_needs_the_password(client, user):
    client.force_login(user)
    wrong = client.post(
        "/accounts/settings/",
        {"change_email": "", "email": "new@example.org", "current_password": "nope"},
    )
    assert wrong.status_code == 400
    user.refresh_from_db()
    assert user.email == ""
    right = client.post(
        "/accounts/settings/",
        {"change_email": "", "email": "new@example.org", "current_password": PASSWORD},
    )
    assert right.status_code == 302
    user.refresh_from_db()
    assert user.email == "new@example.org"


def test_changing_the_password_keeps_one_logged_in(client, user):
    client.force_login(user)
    response = client.post(
        "/accounts/settings/",
        {
            "change_password": "",
            "old_password": PASSWORD,
            "new_password1": "brand-new-pass-42",
            "new_password2": "brand-new-pass-42",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("brand-new-pass-42")
    assert client.get("/accounts/settings/").status_code == 200


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)


def test_password_reset_by_mail_end_to_end(client, user):
    user.email = "reader@example.org"
    user.save()
    response = client.post("/accounts/password_reset/", {"email": "reader@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["reader@example.org"]
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    assert parse_html(form_page.text).select_one('[name="new_password1"]')
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "fresh-start-99x", "new_password2": "fresh-start-99x"},
        follow=True,
    )
    assert "Password changed" in done.text
    user.refresh_from_db()
    assert user.check_password("fresh-start-99x")


def test_password_reset_never_tells_whether_an_address_exists(client, user):
    user.email = "reader@example.org"
    user.save()
    known = client.post("/accounts/password_reset/", {"email": "reader@example.org"})
    unknown = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def test_the_reset_pages_use_the_site_look(client, db):
    for url in ["/accounts/password_reset/", "/accounts/password_reset/done/"]:
        html = parse_html(client.get(url).text)
        assert html.select_one("header nav .navbar-brand")
        assert not html.select_one("#django-admin-header, #header #branding")


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens there: the connection is refused
    settings.EMAIL_TIMEOUT = 2


def test_a_failure_to_send_is_logged_and_answered_politely(
    client, user, failing_mail, caplog
):
    user.email = "reader@example.org"
    user.save()
    response = client.post(
        "/accounts/password_reset/", {"email": "reader@example.org"}, follow=True
    )
    assert response.status_code == 200
    assert "If an account has that address" in response.text
    assert any("password reset" in r.getMessage().lower() for r in caplog.records)
