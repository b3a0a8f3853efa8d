"""Search across languages and scripts, on SQLite and PostgreSQL alike: accents and
Turkish letters never stand in the way, Hangul, Devanagari and Kannada are found by
any word or the start of one, and results can be narrowed to one language."""

import pytest

from tests.support.builders import create_page
from tests.support.search import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def multilingual(db):
    create_page(title="7. Koğuştaki Mucize", body="Aras Bulut İynemli plays Memo.")
    create_page(title="Weather", body="A ılık wind blew over the prison yard.")
    create_page(title="Soup", body="The soup was ilik, neither hot nor cold.")
    create_page(title="7번방의 선물", body="교도소 7번방에서 일어난 기적.")
    create_page(title="चमत्कार", body="यह फ़िल्म हिन्दी में भी बनी।")
    create_page(title="ಪುಷ್ಪಕ ವಿಮಾನ", body="ಕನ್ನಡ ಚಲನಚಿತ್ರ, 2017.")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("kogustaki", ["7. Koğuştaki Mucize"]),
        ("KOĞUŞTAKİ", ["7. Koğuştaki Mucize"]),
        ("iynemli", ["7. Koğuştaki Mucize"]),
        ("İynemli", ["7. Koğuştaki Mucize"]),
        ("ılık", ["Soup", "Weather"]),
        ("ilik", ["Soup", "Weather"]),
    ],
)
def test_accents_and_turkish_letters_never_stand_in_the_way(
    client, multilingual, query, found
):
    assert sorted(titles(client, query)) == found


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("선물", ["7번방의 선물"]),
        ("7번방", ["7번방의 선물"]),
        ("교도", ["7번방의 선물"]),
        ("हिन्दी", ["चमत्कार"]),
        ("हिन्", ["चमत्कार"]),
        ("चमत्कार", ["चमत्कार"]),
        ("ಕನ್ನಡ", ["ಪುಷ್ಪಕ ವಿಮಾನ"]),
        ("ಚಲನ", ["ಪುಷ್ಪಕ ವಿಮಾನ"]),
        ("ವಿಮಾನ", ["ಪುಷ್ಪಕ ವಿಮಾನ"]),
    ],
)
def test_every_script_is_found_by_a_word_or_its_start(
    client, multilingual, query, found
):
    assert titles(client, query) == found


def test_results_can_be_narrowed_to_one_language(client, multilingual, translated):
    assert sorted(titles(client, "cell")) == ["Cell", "Hücre"]
    assert titles(client, "cell", language="tr") == ["Hücre"]
    assert titles(client, "cell", language="en") == ["Cell"]
    html = client.get("/search/", {"q": "cell", "language": "tr"}).content.decode()
    assert 'name="language"' in html and 'value="tr" lang="tr" selected' in html


@pytest.fixture
def translated(db, user):
    from wiki.services import page_translate

    source = create_page(title="Cell", body="A cell.")
    page_translate(
        source=source,
        language="tr",
        title="Hücre",
        body="Bir cell, yani koğuş.",
        author=user,
    )


def test_a_word_too_long_to_index_is_left_out_and_the_page_saved(client, db):
    create_page(title="Long", body="x" * 50_000 + " balloon")
    assert titles(client, "balloon") == ["Long"]


def test_pages_in_the_readers_language_come_first_among_equals(client, db, user):
    from wiki.services import page_translate

    source = create_page(title="Escape", body="The prisoners build a balloon.")
    page_translate(
        source=source,
        language="tr",
        title="Kaçış",
        body="The prisoners build a balloon.",
        author=user,
    )
    assert titles(client, "balloon") == ["Escape", "Kaçış"]
    response = client.get("/tr/search/", {"q": "balloon"})
    assert [hit.page.title for hit in response.context["page_obj"]] == [
        "Kaçış",
        "Escape",
    ]
