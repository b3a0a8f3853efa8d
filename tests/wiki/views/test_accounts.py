"""Signing up, logging in and out."""

from django.contrib.auth import get_user_model


def test_signup_creates_an_account_and_logs_in(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newcomer",
            "password1": "sailor-moon-bag-77",
            "password2": "sailor-moon-bag-77",
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="newcomer").exists()
    assert 'id="current-user">newcomer<' in client.get("/").text


def test_signup_rejects_mismatched_passwords(client, db):
    response = client.post(
        "/accounts/signup/",
        {"username": "x", "password1": "one-password-1", "password2": "other-2"},
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="x").exists()


def test_login_and_logout_by_post(client, user):
    response = client.post(
        "/accounts/login/", {"username": "reader", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert "reader" in client.get("/").text
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert 'id="current-user"' not in client.get("/").text


def test_login_form_uses_crispy_bootstrap(client, db):
    html = client.get("/accounts/login/").text
    assert 'name="username"' in html and 'name="password"' in html
    assert "form-control" in html
