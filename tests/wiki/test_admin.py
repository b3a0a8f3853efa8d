"""Pages and revisions in admin: protect a page; revisions are shown, never changed."""

import pytest
from django.urls import reverse

from tests.support.admin import change_page_in_admin
from wiki.models import Page
from wiki.services import talk_topic_add


def test_staff_protect_a_page_in_admin(client, staff_user, make_page):
    page = make_page(title="Cell")
    client.force_login(staff_user)
    response = change_page_in_admin(client, page, edit_protection="staff")
    assert response.status_code == 302, response.content
    assert Page.objects.get(pk=page.pk).is_protected


def test_search_follows_a_title_changed_or_a_page_deleted_in_admin(
    client, staff_user, make_page
):
    page = make_page(title="Cell", body="Room seven.")
    client.force_login(staff_user)

    def found(q):
        response = client.get("/search/", {"q": q})
        return [
            (hit.page.title, hit.title_matches) for hit in response.context["page_obj"]
        ]

    assert change_page_in_admin(client, page, title="Warden").status_code == 302
    assert found("warden") == [("Warden", True)]
    assert found("cell") == []
    client.post(reverse("admin:wiki_page_delete", args=[page.pk]), {"post": "yes"})
    assert found("warden") == [] and found("seven") == []


def test_revision_text_is_read_only_in_admin(client, staff_user, make_page):
    revision = make_page(title="Cell", body="Original text").current_revision
    client.force_login(staff_user)
    url = reverse("admin:wiki_revision_change", args=[revision.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Original text" in response.text
    assert 'name="body"' not in response.text
    client.post(url, {"body": "Forged"})
    revision.refresh_from_db()
    assert revision.body == "Original text"


def test_deleting_a_page_in_admin_turns_links_to_it_red(
    client, staff_user, make_page, run_jobs
):
    target = make_page(title="Target")
    make_page(title="Source", body="[[Target]]")
    client.force_login(staff_user)
    response = client.post(
        reverse("admin:wiki_page_delete", args=[target.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    run_jobs()
    assert "wikilink-new" in client.get("/wiki/source/").text


def test_admin_lists_pages_and_revisions(client, staff_user, make_page):
    make_page(title="Cell")
    client.force_login(staff_user)
    assert "Cell" in client.get(reverse("admin:wiki_page_changelist")).text
    assert "Cell" in client.get(reverse("admin:wiki_revision_changelist")).text


def test_every_model_has_an_admin_page_for_staff(client, staff_user, make_page):
    from django.apps import apps
    from django.contrib import admin

    make_page(title="Cell", body="[[File:Missing.jpg]]")
    client.force_login(staff_user)
    for model in apps.get_app_config("wiki").get_models():
        assert model in admin.site._registry, model
        url = reverse(f"admin:wiki_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def test_admin_refuses_control_characters_in_a_title(client, staff_user, make_page):
    page = make_page(title="Cell")
    client.force_login(staff_user)
    response = change_page_in_admin(client, page, title="Ce\x01ll")
    assert response.status_code == 200 and "control character" in response.text
    assert Page.objects.get(pk=page.pk).title == "Cell"


@pytest.mark.parametrize("model", ["link", "fileusage", "pagecategory", "logentry"])
def test_rows_that_follow_from_pages_or_record_acts_are_read_only_in_admin(
    client, staff_user, make_page, model
):
    make_page(title="Source", body="[[Target]] [[File:Poster.jpg]]")
    client.force_login(staff_user)
    assert client.get(reverse(f"admin:wiki_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:wiki_{model}_add")).status_code == 403


def test_staff_filter_pages_by_namespace_in_admin(client, staff_user, make_page):
    cell = make_page(title="Cell")
    make_page(title="Cell talk", body="An article whose title says talk.")
    talk_topic_add(page=cell, subject="Sources", message="Which?", author=staff_user)
    client.force_login(staff_user)
    response = client.get(
        reverse("admin:wiki_page_changelist"), {"namespace__exact": 1}
    )
    assert response.status_code == 200
    assert [page.slug for page in response.context["cl"].result_list] == ["cell/talk"]
