"""The read API has one address for every language: its human-readable errors speak
the language the client's Accept-Language asks for, and its answers vary by it."""

import pytest
from django.core.cache import cache

from tests.support.builders import create_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["ko", "tr", "id", "fil", "hi", "kn"]


def detail(client, path, language, **extra):
    response = client.get(path, headers={"accept-language": language}, **extra)
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]
    return response.status_code, response.json()


@pytest.mark.parametrize("language", LANGUAGES)
def test_errors_speak_the_language_asked_for(client, user, language):
    create_page(title="Cell", body="Text.", author=user)
    english = {
        "/api/pages/nowhere/": detail(client, "/api/pages/nowhere/", "en"),
        "/api/pages/?page=9": detail(client, "/api/pages/?page=9", "en"),
        "/api/films/?year=x": detail(client, "/api/films/?year=x", "en"),
        "/api/recent-changes/?new_pages=maybe": detail(
            client, "/api/recent-changes/?new_pages=maybe", "en"
        ),
        "/api/no-such-endpoint/": detail(client, "/api/no-such-endpoint/", "en"),
    }
    assert english["/api/pages/nowhere/"] == (404, {"detail": "Not found."})
    assert english["/api/pages/?page=9"] == (404, {"detail": "Invalid page."})
    for path, (status, answer) in english.items():
        local_status, local_answer = detail(client, path, language)
        assert local_status == status and local_answer.keys() == answer.keys(), path
        assert local_answer != answer, (language, path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_method_and_the_limit_speak_it_too(client, db, settings, language):
    refused = client.post("/api/pages/", headers={"accept-language": language})
    assert refused.status_code == 405
    assert "POST" in refused.json()["detail"]
    assert refused.json()["detail"] != 'Method "POST" not allowed.'
    settings.RATELIMIT_ENABLE = True
    settings.WIKI_RATE_LIMITS = {**settings.WIKI_RATE_LIMITS, "api": "1/h"}
    cache.clear()
    client.get("/api/pages/")
    limited = client.get("/api/pages/", headers={"accept-language": language})
    assert limited.status_code == 429
    assert not limited.json()["detail"].startswith("Request was throttled")


def test_the_header_picks_the_first_language_the_site_speaks(client, db):
    asked = "xx, tr-TR;q=0.9, ko;q=0.8"
    answer = client.get("/api/pages/nowhere/", headers={"accept-language": asked})
    assert answer["Content-Language"] == "tr"
    assert answer.json() == {"detail": "Bulunamadı."}
    unknown = client.get("/api/pages/nowhere/", headers={"accept-language": "xx, *"})
    assert unknown["Content-Language"] == "en"


def test_a_cookie_does_not_choose_the_apis_language(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ko"
    answer = client.get("/api/pages/nowhere/")
    assert answer["Content-Language"] == "en"
    assert answer.json() == {"detail": "Not found."}


def test_the_site_still_ignores_the_header(client, db):
    page = client.get("/wiki/", headers={"accept-language": "ko"})
    assert page["Content-Language"] == "en"
    assert "Accept-Language" not in page.get("Vary", "")
