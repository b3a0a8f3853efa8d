"""Editing through the site: permissions, preview, conflicts, bad input, revert."""

import pytest
from django.test import Client
from django.urls import reverse

from wiki.models import Page, Revision

BASE = "one\ntwo\nthree\n"


@pytest.fixture
def page(make_page):
    return make_page(title="Cell", body=BASE)


def edit_url(slug="cell"):
    return reverse("wiki:edit", kwargs={"slug": slug})


def post_edit(client, page, body, summary="", base=None, **extra):
    base = page.current_revision_id if base is None else base
    data = {"body": body, "summary": summary, "base_revision": base or "", **extra}
    return client.post(edit_url(page.slug), data)


def test_anonymous_users_are_sent_to_log_in_and_back(client, page):
    response = client.get(edit_url())
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={edit_url()}"
    assert client.post(edit_url(), {"body": "x"}).status_code == 302
    assert page.revisions.count() == 1


def test_edit_form_carries_body_summary_and_base_revision(editor, page):
    html = editor.get(edit_url()).text
    assert 'name="body"' in html and 'name="summary"' in html
    assert f'name="base_revision" value="{page.current_revision_id}"' in html
    assert 'name="title"' not in html


def test_saving_makes_a_revision_and_redirects_to_the_page(editor, page, user):
    response = post_edit(editor, page, BASE + "four\n", summary="Add four")
    assert (
        response.status_code == 302 and response["Location"] == page.get_absolute_url()
    )
    revision = Page.objects.get(pk=page.pk).current_revision
    assert (revision.number, revision.author, revision.summary) == (2, user, "Add four")
    assert Revision.objects.filter(page=page, number=1, body=BASE).exists()


def test_browsers_line_endings_are_stored_as_newlines(editor, page):
    post_edit(editor, page, "one\r\ntwo\r\nthree\r\nfour\r\n")
    assert Page.objects.get(pk=page.pk).current_revision.body == BASE + "four\n"


def test_preview_renders_without_saving(editor, page):
    response = post_edit(editor, page, "**bold** [[Nowhere]]", preview="1")
    assert response.status_code == 200
    assert "<strong>bold</strong>" in response.text and "wikilink-new" in response.text
    assert page.revisions.count() == 1


def test_saving_an_unchanged_body_makes_no_revision(editor, page):
    response = post_edit(editor, page, BASE)
    assert response.status_code == 302
    assert page.revisions.count() == 1


def test_a_missing_page_is_created_from_its_url(editor, user):
    form = editor.get(edit_url("new-page") + "?title=New+page").text
    assert 'name="title"' in form and 'value="New page"' in form
    assert 'name="base_revision"' in form
    response = editor.post(
        edit_url("new-page"),
        {"title": "New page", "body": "Hello", "summary": "", "base_revision": ""},
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="new-page")
    assert page.title == "New page" and page.current_revision.author == user


def test_red_links_lead_to_creation(editor, make_page):
    make_page(title="Source", body="[[Missing Page]]")
    html = editor.get("/wiki/source/").text
    assert f'href="{edit_url("missing-page")}?title=Missing+Page"' in html


def test_missing_page_offers_creation_to_logged_in_users(client, editor, db):
    assert edit_url("nothing") in editor.get("/wiki/nothing/").text
    assert "Log in" in Client().get("/wiki/nothing/").text


def test_stale_edit_on_other_lines_is_merged(editor, page):
    base = page.current_revision_id
    post_edit(editor, page, BASE.replace("one", "ONE"), base=base)
    response = post_edit(editor, page, BASE.replace("three", "THREE"), base=base)
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).current_revision.body == "ONE\ntwo\nTHREE\n"


def test_stale_edit_on_the_same_lines_gets_409_and_loses_nothing(editor, page):
    base = page.current_revision_id
    post_edit(editor, page, BASE.replace("two", "theirs"), base=base)
    current = Page.objects.get(pk=page.pk).current_revision
    response = post_edit(editor, page, BASE.replace("two", "mine"), base=base)
    assert response.status_code == 409
    html = response.text
    assert "one\ntheirs\nthree" in html, "the other person's text is shown"
    assert "one\nmine\nthree" in html, "the editor's text stays in the form"
    assert f'name="base_revision" value="{current.pk}"' in html
    assert Page.objects.get(pk=page.pk).current_revision == current

    again = post_edit(editor, page, BASE.replace("two", "mine"), base=current.pk)
    assert again.status_code == 302
    assert Page.objects.get(pk=page.pk).current_revision.body == BASE.replace(
        "two", "mine"
    )


def test_second_creator_of_the_same_page_gets_409(editor, make_page):
    data = {"title": "Twin", "body": "second", "summary": "", "base_revision": ""}
    make_page(title="Twin", body="first")
    response = editor.post(edit_url("twin"), data)
    assert response.status_code == 409
    assert "second" in response.text and "first" in response.text
    assert Page.objects.get(slug="twin").current_revision.body == "first"


def test_body_over_512_kb_is_refused_and_nothing_saved(editor, page):
    response = post_edit(editor, page, "x" * (512 * 1024 + 1))
    assert response.status_code == 413
    assert "512 KB" in response.text
    assert page.revisions.count() == 1


def test_body_far_over_the_limit_is_a_400(editor, page):
    assert post_edit(editor, page, "x" * (2 * 1024 * 1024)).status_code == 400
    assert page.revisions.count() == 1


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("!!!", "x"),
        ("File:Poster.jpg", "fileposterjpg"),
        ("Other", "cell-b"),
        ("", "empty"),
    ],
)
def test_bad_titles_are_refused(editor, db, title, slug):
    data = {"title": title, "body": "text", "summary": "", "base_revision": ""}
    response = editor.post(edit_url(slug), data)
    assert response.status_code == 400
    assert not Page.objects.filter(slug=slug).exists()


def test_nul_bytes_are_refused(editor, page):
    assert post_edit(editor, page, "bad\x00byte").status_code == 400
    assert post_edit(editor, page, "fine", summary="bad\x00").status_code == 400
    assert page.revisions.count() == 1


@pytest.mark.parametrize("base", ["abc", "-1", "99999999999999999999999"])
def test_malformed_base_revision_is_a_400(editor, page, base):
    response = editor.post(
        edit_url(), {"body": "x", "summary": "", "base_revision": base}
    )
    assert response.status_code == 400


def test_protected_page_is_edited_by_staff_only(client, page, user, staff_user):
    Page.objects.filter(pk=page.pk).update(edit_protection="staff")
    client.force_login(user)
    assert client.get(edit_url()).status_code == 403
    assert post_edit(client, page, "vandal").status_code == 403
    client.force_login(staff_user)
    assert client.get(edit_url()).status_code == 200
    assert post_edit(client, page, "fixed\n").status_code == 302


def test_post_without_csrf_token_is_refused(user, page):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(
        edit_url(), {"body": "x", "base_revision": page.current_revision_id}
    )
    assert response.status_code == 403
    assert page.revisions.count() == 1


def test_revert_is_a_post_that_makes_a_new_revision(editor, page, user):
    first = page.current_revision
    post_edit(editor, page, "vandalised\n")
    url = reverse("wiki:revert", kwargs={"slug": "cell", "pk": first.pk})
    assert editor.get(url).status_code == 405
    response = editor.post(url)
    assert response.status_code == 302
    current = Page.objects.get(pk=page.pk).current_revision
    assert (current.number, current.body, current.author) == (3, BASE, user)
    assert current.summary == "Reverted to revision 1"


def test_anonymous_revert_changes_nothing(client, page):
    url = reverse(
        "wiki:revert", kwargs={"slug": "cell", "pk": page.current_revision_id}
    )
    assert client.post(url).status_code == 302
    assert page.revisions.count() == 1


def test_revert_of_a_revision_from_another_page_is_404(editor, page, make_page):
    other = make_page(title="Other")
    url = reverse(
        "wiki:revert", kwargs={"slug": "cell", "pk": other.current_revision_id}
    )
    assert editor.post(url).status_code == 404


def test_user_supplied_strings_are_escaped_everywhere(editor, db):
    payload = '<script>alert("x")</script>'
    data = {"title": "Safe", "body": payload, "summary": payload, "base_revision": ""}
    editor.post(edit_url("safe"), data)
    for url in ("/wiki/safe/", "/wiki/safe/history/", "/recent-changes/"):
        html = editor.get(url).text
        assert payload not in html, url
    assert payload not in editor.get(f"/recent-changes/?user={payload}").text


def test_hostile_titles_and_search_queries_are_escaped(editor, db):
    title = '<img src=x onerror="alert(1)">'
    slug = "img-srcx-onerroralert1"
    data = {"title": title, "body": "text", "summary": "", "base_revision": ""}
    assert editor.post(edit_url(slug), data).status_code == 302
    for url in (
        f"/wiki/{slug}/",
        "/wiki/",
        "/recent-changes/",
        f"/wiki/{slug}/history/",
    ):
        html = editor.get(url).text
        assert title not in html and "&lt;img src=x" in html, url
    search = editor.get("/search/", {"q": title}).text
    assert title not in search and "&lt;img src=x" in search
