"""Talk pages: a wiki page beside each page, with topics and signed replies."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Notification, NotificationReason, Page, Preferences, Watch
from wiki.services import talk_reply_add, talk_topic_add
from wiki.talk import topics, with_reply


@pytest.fixture
def article(db, run_jobs):
    page = create_page(title="Cell", body="The cell of the story.")
    run_jobs()  # its creation, watched by nobody yet
    return page


@pytest.fixture
def poster(client, user):
    client.force_login(user)
    return client


def talk_body():
    return Page.objects.get(slug="cell/talk").current_revision.body


def add_topic(client, subject="Ye-sung's age", message="Is she six or seven?"):
    return client.post(
        "/wiki/cell/talk/topic/", {"subject": subject, "message": message}
    )


def test_every_page_has_a_talk_page_ready_for_its_first_topic(client, article, user):
    html = parse_html(client.get("/wiki/cell/talk/").text)
    assert "Talk:Cell" in html.h1.text and html.select_one("#no-topics")
    assert html.select_one("#topic-form") is None  # anonymous: asked to log in
    client.force_login(user)
    html = parse_html(client.get("/wiki/cell/talk/").text)
    assert html.select_one('#topic-form [name="subject"]')
    assert html.select_one('#topic-form [name="message"]')


def test_adding_a_topic_appends_a_signed_section(poster, article):
    assert add_topic(poster).status_code == 302
    body = talk_body()
    assert body.startswith("## Ye-sung's age\n\nIs she six or seven?\n\n— [reader]")
    assert "(/users/reader/)" in body and "(UTC)" in body
    html = parse_html(poster.get("/wiki/cell/talk/").text)
    assert html.select_one(".wiki-body h2").text == "Ye-sung's age"
    assert html.select_one('.wiki-body a[href="/users/reader/"]')


def test_the_page_tabs_count_the_topics(poster, article):
    add_topic(poster, subject="One")
    add_topic(poster, subject="Two")
    tab = parse_html(poster.get("/wiki/cell/").text).select_one("#discussion-tab")
    assert tab["href"] == "/wiki/cell/talk/" and "2" in tab.text


def test_a_reply_goes_at_the_end_of_its_topic_indented_and_signed(poster, article):
    add_topic(poster, subject="First", message="first message")
    add_topic(poster, subject="Second", message="second message")
    response = poster.post(
        "/wiki/cell/talk/reply/", {"topic": 0, "message": "A reply\non two lines"}
    )
    assert response.status_code == 302
    body = talk_body()
    first, second = body.split("## Second")
    assert "> A reply\n> on two lines\n>\n> — [reader]" in first
    assert ">" not in second


def test_replying_to_a_topic_that_is_gone_keeps_the_text(poster, article):
    add_topic(poster)
    response = poster.post("/wiki/cell/talk/reply/", {"topic": 5, "message": "Kept"})
    assert response.status_code == 409
    html = parse_html(response.text)
    assert html.select_one('#reply-form [name="message"]').text.strip() == "Kept"


def test_a_message_cannot_open_a_topic_of_its_own(poster, article):
    add_topic(poster, subject="Real", message="## Fake topic\ntext")
    assert topics(talk_body()) == ["Real"]


def test_posts_refuse_control_characters_and_need_a_login(client, article, user):
    assert add_topic(client).status_code == 302
    assert not Page.objects.filter(slug="cell/talk").exists()
    client.force_login(user)
    assert add_topic(client, message="bad\x07bell").status_code == 400
    assert not Page.objects.filter(slug="cell/talk").exists()


def test_talk_pages_need_a_page_to_talk_of(poster, db):
    assert poster.get("/wiki/nowhere/talk/").status_code == 404
    assert add_topic(poster).status_code == 404


def test_topics_are_posted_only_to_talk_pages(poster, article):
    response = poster.post("/wiki/cell/topic/", {"subject": "x", "message": "y"})
    assert response.status_code == 404


def test_a_talk_page_has_its_own_history_diffs_and_edit_form(poster, article):
    add_topic(poster, subject="One")
    add_topic(poster, subject="Two")
    history = parse_html(poster.get("/wiki/cell/talk/history/").text)
    assert len(history.select("table.history tbody tr")) == 2
    talk = Page.objects.get(slug="cell/talk")
    response = poster.post(
        "/wiki/cell/talk/edit/",
        {
            "body": talk_body() + "\nA note.\n",
            "base_revision": talk.current_revision_id,
        },
    )
    assert response.status_code == 302 and "A note." in talk_body()


def test_talk_pages_are_not_articles_and_are_searched_only_when_asked(
    client, poster, article
):
    add_topic(poster, subject="Balloon colour", message="Yellow balloon, surely.")
    listed = [a.text for a in parse_html(client.get("/wiki/").text).select("main li a")]
    assert "Talk:Cell" not in listed and "Cell" in listed

    def found(query):
        response = client.get("/search/", query)
        return [hit.page.title for hit in response.context["page_obj"]]

    assert found({"q": "balloon"}) == []
    assert found({"q": "balloon", "discussions": "1"}) == ["Talk:Cell"]


def test_watchers_of_a_page_hear_of_its_talk(
    poster, article, django_user_model, run_jobs
):
    alice = django_user_model.objects.create_user("alice", password="x-long-pass-1")
    Watch.objects.create(user=alice, page=article)
    add_topic(poster)
    run_jobs()
    assert Notification.objects.get(recipient=alice).revision.page.slug == "cell/talk"
    poster.force_login(alice)
    rows = parse_html(poster.get("/watchlist/").text).select("table.changes tbody tr")
    assert "Talk:Cell" in rows[0].text


def test_a_talk_page_takes_as_many_queries_with_many_topics(poster, article):
    add_topic(poster)
    with CaptureQueriesContext(connection) as few:
        poster.get("/wiki/cell/talk/")
    for n in range(20):
        add_topic(poster, subject=f"Topic {n}")
    with CaptureQueriesContext(connection) as many:
        poster.get("/wiki/cell/talk/")
    assert len(many) == len(few)


def test_a_reply_lands_in_the_middle_topic_only():
    body = "## A\n\na\n\n## B\n\nb\n\n## C\n\nc\n"
    replied = with_reply(body, topic=1, message="yes", signed="— me")
    assert replied == "## A\n\na\n\n## B\n\nb\n\n> yes\n>\n> — me\n\n## C\n\nc\n"


@pytest.mark.django_db(transaction=True)
def test_two_replies_to_one_topic_at_the_same_instant_are_both_kept(
    django_user_model,
):
    alice = django_user_model.objects.create_user("alice", password="x-long-pass-1")
    bob = django_user_model.objects.create_user("bob", password="x-long-pass-2")
    page = create_page(title="Cell", body="text")
    talk_topic_add(page=page, subject="Age", message="Six or seven?", author=alice)
    barrier = threading.Barrier(2)
    errors = []

    def reply(user, words):
        try:
            barrier.wait()
            talk_reply_add(page=page, topic=0, message=words, author=user)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=reply, args=(alice, "Seven, says the article.")),
        threading.Thread(target=reply, args=(bob, "Six in the first scene.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    body = Page.objects.get(slug="cell/talk").current_revision.body
    assert "Seven, says the article." in body and "Six in the first scene." in body
    assert Page.objects.get(slug="cell/talk").revisions.count() == 3


def test_an_edit_of_the_talk_page_watches_it(poster, article, user):
    add_topic(poster)
    assert Watch.objects.filter(user=user, page__slug="cell/talk").exists()
    edit_page(Page.objects.get(slug="cell/talk"), talk_body() + "\nmore\n")


@pytest.fixture
def starter(django_user_model):
    alice = django_user_model.objects.create_user("alice", password="x-long-pass-1")
    # She does not watch what she edits: only her topic tells her of replies.
    Preferences.objects.create(user=alice, watch_edited_pages=False)
    return alice


def test_a_reply_tells_whoever_started_the_topic(poster, article, starter, run_jobs):
    talk_topic_add(page=article, subject="Age", message="Six?", author=starter)
    poster.post("/wiki/cell/talk/reply/", {"topic": 0, "message": "Seven."})
    run_jobs()
    notification = Notification.objects.get(recipient=starter)
    assert notification.reason == NotificationReason.REPLY
    poster.force_login(starter)
    html = parse_html(poster.get("/notifications/").text)
    assert "replied to your topic" in html.select_one(".notification-reason").text


def test_a_link_to_a_user_page_in_a_post_tells_that_user(
    poster, article, starter, run_jobs
):
    add_topic(poster, message="As [alice](/users/alice/) said, six.")
    run_jobs()
    assert Notification.objects.get(recipient=starter).reason == "mention"


def test_nobody_is_told_of_their_own_post(poster, article, user, run_jobs):
    add_topic(poster, message="I, [reader](/users/reader/), ask.")
    poster.post("/wiki/cell/talk/reply/", {"topic": 0, "message": "Me again."})
    run_jobs()
    assert not Notification.objects.filter(recipient=user).exists()
