"""The question challenge at signup and on a stranger's links, and the honeypot
that robots fill in and people never see."""

import pytest

from tests.support.builders import create_page
from tests.support.html import parse_html
from wiki.models import ChallengeQuestion, FilterHit, Page

SIGNUP = {
    "username": "fan",
    "password1": "a-long-fan-password",
    "password2": "a-long-fan-password",
}


@pytest.fixture
def question(db):
    return ChallengeQuestion.objects.create(
        question="What is the name of Ye-sung's father?",
        answers="Lee Yong-gu\nYong-gu",
    )


def asked(response):
    """The question the form asks, by its answer field's label."""
    page = parse_html(response.text)
    field = page.select_one("#challenge input[name=answer]")
    return page.select_one(f"label[for={field['id']}]").get_text(strip=True)


def test_signup_asks_the_question_and_takes_an_answer_in_any_case_or_spacing(
    client, question, django_user_model
):
    assert asked(client.get("/accounts/signup/")).startswith(question.question)
    wrong = client.post("/accounts/signup/", {**SIGNUP, "answer": "Ye-sung"})
    assert wrong.status_code == 400
    assert "That was not the answer" in wrong.text and asked(wrong)
    assert not django_user_model.objects.filter(username="fan").exists()
    right = client.post("/accounts/signup/", {**SIGNUP, "answer": "  lee   YONG-GU "})
    assert right.status_code == 302
    assert django_user_model.objects.filter(username="fan").exists()


def test_no_answer_is_no_account(client, question, django_user_model):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 200 and asked(response)
    assert not django_user_model.objects.exists()


def test_an_answer_passes_only_the_question_that_was_asked(
    client, question, django_user_model
):
    ChallengeQuestion.objects.create(question="Which year?", answers="2013")
    client.get("/accounts/signup/")
    shown = client.session["wiki_challenge"]
    answer = "2013" if shown == question.pk else "Yong-gu"
    assert (
        client.post("/accounts/signup/", {**SIGNUP, "answer": answer}).status_code
        == 400
    )
    assert not django_user_model.objects.exists()


def test_the_challenge_can_be_switched_off(
    client, question, settings, django_user_model
):
    settings.WIKI_CHALLENGE_ENABLE = False
    assert not parse_html(client.get("/accounts/signup/").text).select("#challenge")
    assert client.post("/accounts/signup/", SIGNUP).status_code == 302


def test_a_strangers_link_waits_for_the_answer_and_keeps_the_text(
    client, question, newcomer
):
    page = create_page(title="Cell", body="Text.")
    client.force_login(newcomer)
    edit = {
        "body": "Text. Buy https://spam.example/ now.",
        "base_revision": page.current_revision_id,
    }
    response = client.post("/wiki/cell/edit/", edit)
    assert response.status_code == 200
    assert asked(response).startswith(question.question)
    form = parse_html(response.text)
    assert "https://spam.example/" in form.select_one("textarea[name=body]").get_text()
    assert Page.objects.get(pk=page.pk).current_revision.body == "Text."
    wrong = client.post("/wiki/cell/edit/", {**edit, "answer": "no idea"})
    assert wrong.status_code == 400
    assert Page.objects.get(pk=page.pk).current_revision.body == "Text."
    assert (
        client.post("/wiki/cell/edit/", {**edit, "answer": "yong-gu"}).status_code
        == 302
    )
    assert "spam.example" in Page.objects.get(pk=page.pk).current_revision.body
    # One answer passes one save.
    more = {
        "body": "Text. https://two.example/",
        "base_revision": Page.objects.get(pk=page.pk).current_revision_id,
        "answer": "yong-gu",
    }
    assert client.post("/wiki/cell/edit/", more).status_code == 200


def test_trusted_editors_and_edits_without_new_links_are_not_asked(
    client, question, newcomer, regular
):
    page = create_page(title="Cell", body="See https://example.org/.")
    client.force_login(newcomer)
    kept = {
        "body": "See https://example.org/. More.",
        "base_revision": page.current_revision_id,
    }
    assert client.post("/wiki/cell/edit/", kept).status_code == 302
    client.force_login(regular)
    linked = {
        "body": "See https://example.net/.",
        "base_revision": Page.objects.get(pk=page.pk).current_revision_id,
    }
    assert client.post("/wiki/cell/edit/", linked).status_code == 302


def test_the_honeypot_is_out_of_sight_and_reach(client, db, newcomer):
    for url in ("/accounts/signup/", "/wiki/cell/edit/"):
        if url.startswith("/wiki/"):
            client.force_login(newcomer)
        page = parse_html(client.get(url).text)
        trap = page.select_one("input[name=website]")
        box = trap.find_parent(class_="honeypot")
        assert box["aria-hidden"] == "true"
        assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
        assert "display" not in box.get("style", "") and not trap.get("value")


def test_a_filled_honeypot_is_refused_like_a_wrong_answer_and_logged(
    client, db, newcomer, django_user_model
):
    response = client.post(
        "/accounts/signup/", {**SIGNUP, "website": "http://x.example"}
    )
    assert response.status_code == 400
    assert not django_user_model.objects.filter(username="fan").exists()
    client.force_login(newcomer)
    edit = {"title": "Cell", "body": "Bot text.", "website": "http://x.example"}
    response = client.post("/wiki/cell/edit/", edit)
    assert response.status_code == 400
    assert "Bot text." in response.text  # kept, as for any refused form
    assert not Page.objects.filter(slug="cell").exists()
    hits = FilterHit.objects.filter(edit_filter=None)
    assert sorted(hits.values_list("page_title", flat=True)) == ["cell", "signup"]


def test_a_strangers_link_on_a_talk_page_waits_for_the_answer(
    client, question, newcomer
):
    create_page(title="Cell", body="Text.")
    client.force_login(newcomer)
    post = {"subject": "Deals", "message": "See https://spam.example/ now."}
    response = client.post("/wiki/cell/talk/topic/", post)
    assert response.status_code == 200
    form = parse_html(response.text).select_one("#topic-form")
    assert form.select_one("#challenge") and "spam.example" in form.get_text()
    assert not Page.objects.filter(slug="cell/talk").exists()
    saved = client.post("/wiki/cell/talk/topic/", {**post, "answer": "Lee Yong-gu"})
    assert saved.status_code == 302
    assert "spam.example" in Page.objects.get(slug="cell/talk").current_revision.body
