"""Pages in several languages, linked as translations: the translate form beside its
source, "also in" and hreflang links both ways, one page per language, a
translation that says when its source has moved on, and moves and deletions that
keep the group right."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page
from wiki.namespaces import Namespace, title_in, user_page_slug
from wiki.services import page_delete, page_move, page_restore, page_save

pytestmark = pytest.mark.django_db
KOREAN_TITLE = "7번방의 선물"


@pytest.fixture
def source(db):
    return create_page(title="Cell", body="A father and his daughter.\n")


@pytest.fixture
def translator(client, user):
    client.force_login(user)
    return client


def translate(client, source, language, title, body="Translated text.\n", **extra):
    return client.post(
        f"/wiki/{source.slug}/translate/",
        {"language": language, "title": title, "body": body, "summary": "", **extra},
    )


def page_at(title):
    return Page.objects.get(title=title)


def test_the_form_offers_the_other_languages_beside_the_source(translator, source):
    page = parse_html(translator.get("/wiki/cell/translate/").content)
    offered = [o["value"] for o in page.select("select[name=language] option")]
    assert offered == ["ko", "tr", "id", "fil", "hi", "kn"]
    source_text = page.select_one("#source-text")
    assert source_text["lang"] == "en" and source_text.has_attr("readonly")
    assert source_text.text == "A father and his daughter.\n"
    assert (
        page.select_one("textarea[name=body]").text.strip() == source_text.text.strip()
    )


def test_a_translation_is_linked_to_its_source_both_ways(translator, source):
    response = translate(translator, source, "ko", KOREAN_TITLE)
    korean = page_at(KOREAN_TITLE)
    assert response.status_code == 302
    assert response["Location"] == korean.get_absolute_url()
    assert korean.language == "ko"
    assert (
        korean.translation_group_id
        == Page.objects.get(pk=source.pk).translation_group_id
    )
    assert korean.translated_from_id == source.current_revision_id
    english = parse_html(translator.get("/wiki/cell/").content)
    link = english.select_one("#translations a[hreflang=ko]")
    assert link["lang"] == "ko" and KOREAN_TITLE in link.text
    assert link["href"] == quote(f"/ko/wiki/{korean.slug}/")
    back = parse_html(translator.get(link["href"]).content)
    assert back.select_one("#translations a[hreflang=en]")["href"] == "/wiki/cell/"
    assert back.select_one(".wiki-body")["lang"] == "ko"
    assert back.select_one("h1")["lang"] == "ko"


def test_hreflang_alternates_are_symmetric(client, translator, source, settings):
    translate(translator, source, "ko", KOREAN_TITLE)
    translate(translator, source, "tr", "Hücre")
    group = Page.objects.filter(translation_group__isnull=False)
    heads = {}
    for page in group:
        html = parse_html(client.get(reverse("wiki:page", args=[page.slug])).content)
        heads[page.language] = {
            link["hreflang"]: link["href"]
            for link in html.select("head link[rel=alternate][hreflang]")
        }
    base = settings.WIKI_BASE_URL.rstrip("/")
    expected = {
        "en": f"{base}/wiki/cell/",
        "ko": base + quote(f"/ko/wiki/{page_at(KOREAN_TITLE).slug}/"),
        "tr": base + quote("/tr/wiki/hücre/"),
        "x-default": f"{base}/wiki/cell/",
    }
    assert heads == {"en": expected, "ko": expected, "tr": expected}


def test_a_group_holds_one_page_per_language(translator, source):
    translate(translator, source, "ko", KOREAN_TITLE)
    response = translate(translator, source, "ko", "다른 제목")
    assert response.status_code == 400  # not a choice any more
    assert not Page.objects.filter(title="다른 제목").exists()
    korean = page_at(KOREAN_TITLE)
    response = translate(translator, korean, "en", "Cell again")
    assert response.status_code == 400
    offered = parse_html(translator.get(f"/wiki/{korean.slug}/translate/").content)
    assert "en" not in [
        o["value"] for o in offered.select("select[name=language] option")
    ]


def test_a_translation_says_when_its_source_has_moved_on(client, translator, source):
    translate(translator, source, "ko", KOREAN_TITLE)
    korean = page_at(KOREAN_TITLE)
    made_from = korean.translated_from_id
    url = f"/ko/wiki/{korean.slug}/"
    assert parse_html(client.get(url).content).select_one("#translation-behind") is None
    for n in range(3):
        edit_page(Page.objects.get(pk=source.pk), f"Edit {n}.\n")
    notice = parse_html(client.get(url).content).select_one("#translation-behind")
    current = Page.objects.get(pk=source.pk).current_revision_id
    assert "3" in notice.text
    assert (
        notice.select_one("a")["href"] == f"/ko/wiki/cell/diff/{made_from}/{current}/"
    )
    listed = parse_html(client.get("/maintenance/outdated-translations/").content)
    assert [a.text for a in listed.select(".maintenance-list a[lang=ko]")] == [
        KOREAN_TITLE
    ]
    form = parse_html(translator.get(f"/wiki/{korean.slug}/edit/").content)
    assert form.select_one("input[name=caught_up]") is not None
    translator.post(
        f"/wiki/{korean.slug}/edit/",
        {
            "body": "Updated translation.\n",
            "summary": "",
            "base_revision": korean.current_revision_id,
            "caught_up": "on",
        },
    )
    assert Page.objects.get(pk=korean.pk).translated_from_id == current
    assert parse_html(client.get(url).content).select_one("#translation-behind") is None
    listed = parse_html(client.get("/maintenance/outdated-translations/").content)
    assert listed.select(".maintenance-list a[lang=ko]") == []


def test_moving_deleting_and_restoring_keep_the_group_right(
    translator, source, staff_user
):
    translate(translator, source, "ko", KOREAN_TITLE)
    korean = page_at(KOREAN_TITLE)
    page_move(
        page=Page.objects.get(pk=source.pk), new_title="The cell", actor=staff_user
    )
    also = parse_html(translator.get(f"/wiki/{korean.slug}/").content)
    assert also.select_one("#translations a[hreflang=en]")["href"] == "/wiki/the-cell/"
    page_delete(page=korean, actor=staff_user, reason="test")
    english = parse_html(translator.get("/wiki/the-cell/").content)
    assert english.select_one("#translations a[hreflang=ko]") is None
    moved = Page.objects.get(slug="the-cell")
    assert translate(translator, moved, "ko", "새 번역").status_code == 302
    page_restore(page=Page.objects.get(pk=korean.pk), actor=staff_user)
    restored = Page.objects.get(pk=korean.pk)
    assert restored.translation_group_id is None
    english = parse_html(translator.get("/wiki/the-cell/").content)
    assert [a.text for a in english.select("#translations a[hreflang=ko]")] == [
        "한국어: 새 번역"
    ]


def test_a_talk_page_follows_its_pages_language(translator, source):
    translate(translator, source, "ko", KOREAN_TITLE)
    korean = page_at(KOREAN_TITLE)
    translator.post(
        f"/wiki/{korean.talk_slug}/topic/", {"subject": "출처", "message": "어디에서?"}
    )
    talk = Page.objects.get(slug=korean.talk_slug)
    assert talk.language == "ko"


def test_only_articles_are_translated(translator, user):
    slug = user_page_slug("reader")
    page_save(
        slug=slug, title=title_in(Namespace.USER, "reader"), body="Me.", author=None
    )
    own = Page.objects.get(slug=slug)
    assert translate(translator, own, "ko", "나").status_code == 404
    assert translator.get(f"/wiki/{own.slug}/translate/").status_code == 404


def test_translating_takes_a_login_and_the_checks_of_any_new_page(
    client, translator, source, settings
):
    anonymous = client.__class__()
    response = anonymous.get("/wiki/cell/translate/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    settings.RATELIMIT_ENABLE = True
    response = translate(translator, source, "ko", KOREAN_TITLE, website="spam.example")
    assert response.status_code == 400  # the honeypot, as on the edit form
    assert not Page.objects.filter(title=KOREAN_TITLE).exists()
