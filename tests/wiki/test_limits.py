"""Request limits per address and per user: 429, with what the user typed kept."""

import pytest

from tests.support.builders import create_page, edit_page
from tests.support.html import messages_in, parse_html
from tests.support.images import image_bytes, upload
from wiki.models import File, Page


@pytest.fixture
def limits(settings):
    """The limits switched on, tight enough to reach in a test, and counted by the
    hour: a window of a minute can end between a test's requests and start counting
    afresh."""
    settings.RATELIMIT_ENABLE = True
    settings.WIKI_RATE_LIMITS = {
        "login": "3/h",
        "signup": "2/h",
        "save": "2/h",
        "upload": "1/h",
        "password_reset": "2/h",
        "search": "3/h",
    }
    settings.WIKI_NEWCOMER_RATE_LIMITS = {}  # test_newcomers_get_a_tighter_save_limit
    return settings.WIKI_RATE_LIMITS


def told_too_many(response):
    return response.status_code == 429 and any(
        "too often" in message for message in messages_in(response)
    )


def field_value(response, name):
    field = parse_html(response.text).select_one(f'form [name="{name}"]')
    return field.get("value") if field.name == "input" else field.get_text()


def save(client, slug, body, summary="An edit"):
    return client.post(
        f"/wiki/{slug}/edit/",
        {"title": slug.capitalize(), "body": body, "summary": summary},
    )


def test_saves_past_the_limit_get_429_and_keep_the_text(client, user, limits):
    client.force_login(user)
    assert save(client, "one", "First").status_code == 302
    assert save(client, "two", "Second").status_code == 302
    response = save(client, "three", "My long careful text", summary="Careful")
    assert told_too_many(response)
    assert field_value(response, "body").strip() == "My long careful text"
    assert field_value(response, "summary") == "Careful"
    assert not Page.objects.filter(slug="three").exists()


def test_newcomers_get_a_tighter_save_limit(
    client, limits, settings, django_user_model
):
    settings.WIKI_RATE_LIMITS["save"] = "4/h"
    settings.WIKI_NEWCOMER_RATE_LIMITS = {"save": "2/h"}
    settings.WIKI_AUTOCONFIRM_DAYS, settings.WIKI_AUTOCONFIRM_EDITS = 0, 5
    newcomer = django_user_model.objects.create_user("new", password="x-long-pw-1")
    regular = django_user_model.objects.create_user("old", password="x-long-pw-2")
    sandbox = create_page(title="Sandbox", body="0", author=regular)
    for n in range(1, 5):
        edit_page(sandbox, str(n), author=regular)

    def saves(user, address):
        client.force_login(user)
        return [
            client.post(
                f"/wiki/{user.username}-{n}/edit/",
                {"title": f"{user.username.capitalize()}-{n}", "body": "x"},
                REMOTE_ADDR=address,
            ).status_code
            for n in range(5)
        ]

    assert saves(newcomer, "203.0.113.1") == [302, 302, 429, 429, 429]
    assert saves(regular, "203.0.113.2") == [302, 302, 302, 302, 429]


def test_the_save_limit_is_per_user_and_per_address(
    client, user, limits, django_user_model
):
    other = django_user_model.objects.create_user("other", password="x-long-password-1")
    client.force_login(user)
    save(client, "one", "1"), save(client, "two", "2")
    client.force_login(other)
    # Another user, but the same address: the address's count is spent too.
    assert save(client, "three", "3").status_code == 429
    far = {"REMOTE_ADDR": "203.0.113.9"}
    response = client.post("/wiki/four/edit/", {"title": "Four", "body": "4"}, **far)
    assert response.status_code == 302


def test_signups_past_the_limit_get_429_and_keep_the_name(client, db, limits):
    for number in range(2):
        client.post(
            "/accounts/signup/",
            {
                "username": f"user{number}",
                "password1": "pw-long-77x",
                "password2": "pw-long-77x",
            },
        )
        client.post("/accounts/logout/")
    response = client.post(
        "/accounts/signup/",
        {
            "username": "third",
            "email": "t@example.org",
            "password1": "pw-long-77x",
            "password2": "pw-long-77x",
        },
    )
    assert told_too_many(response)
    assert field_value(response, "username") == "third"
    assert field_value(response, "email") == "t@example.org"


def test_uploads_past_the_limit_get_429_and_keep_the_description(client, user, limits):
    client.force_login(user)
    first = {"file": upload("A.png", image_bytes("PNG")), "description": "one"}
    assert client.post("/files/upload/", first).status_code == 302
    second = {"file": upload("B.png", image_bytes("PNG")), "description": "Kept text"}
    response = client.post("/files/upload/", second)
    assert told_too_many(response)
    assert field_value(response, "description").strip() == "Kept text"
    assert list(File.objects.values_list("name", flat=True)) == ["A.png"]


def test_searches_past_the_limit_get_429_with_the_query_kept(client, db, limits):
    for _ in range(3):
        assert client.get("/search/", {"q": "balloon"}).status_code == 200
    response = client.get("/search/", {"q": "balloon"})
    assert told_too_many(response)
    assert field_value(response, "q") == "balloon"


def test_password_reset_requests_past_the_limit_get_429(client, db, limits):
    for _ in range(2):
        client.post("/accounts/password_reset/", {"email": "a@example.org"})
    response = client.post("/accounts/password_reset/", {"email": "a@example.org"})
    assert told_too_many(response)
    assert field_value(response, "email") == "a@example.org"


def test_logins_past_the_address_limit_get_429(client, user, limits):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "nobody", "password": "x"})
    response = client.post(
        "/accounts/login/", {"username": "reader", "password": "a-long-test-password"}
    )
    assert told_too_many(response)
    assert field_value(response, "username") == "reader"
    assert "_auth_user_id" not in client.session


def test_switching_the_limits_off(client, user, limits, settings):
    settings.RATELIMIT_ENABLE = False
    client.force_login(user)
    for number in range(5):
        assert save(client, f"page-{number}", "text").status_code == 302


def test_the_limits_are_read_from_the_environment():
    from tests.support.settings import load_settings

    off = load_settings(
        DJANGO_DEBUG="1",
        RATELIMIT_ENABLE="0",
        AXES_ENABLED="0",
        code="print(s.RATELIMIT_ENABLE, s.AXES_ENABLED)",
    )
    on = load_settings(
        DJANGO_DEBUG="1", code="print(s.RATELIMIT_ENABLE, s.AXES_ENABLED)"
    )
    assert off.stdout.split() == ["False", "False"]
    assert on.stdout.split() == ["True", "True"]


def test_talk_posts_count_against_the_save_limit_and_keep_the_text(
    client, user, limits
):
    create_page(title="Cell", body="text")
    client.force_login(user)
    for n in range(2):
        post = {"subject": f"Topic {n}", "message": "text"}
        assert client.post("/wiki/cell/talk/topic/", post).status_code == 302
    response = client.post(
        "/wiki/cell/talk/topic/", {"subject": "Third", "message": "Kept message"}
    )
    assert told_too_many(response)
    assert field_value(response, "message").strip() == "Kept message"


def test_reverts_count_against_the_save_limit(client, user, limits):
    page = create_page(title="Cell", body="First.")
    first = page.current_revision
    edit_page(page, "Second.")
    client.force_login(user)
    for _ in range(2):
        assert client.post(f"/wiki/cell/revert/{first.pk}/").status_code == 302
    response = client.post(f"/wiki/cell/revert/{first.pk}/")
    assert told_too_many(response)
    assert page.revisions.count() == 3  # the second revert changed nothing
