"""A spam wave, as the defences meet it: 20 new accounts from 5 addresses try to
create 200 pages full of links. The question challenge, the edit filter and the
blocks stop what they can; what gets through waits for a patroller and goes in one
mass removal; and a regular editing meanwhile is neither asked nor slowed."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support.builders import create_page
from tests.support.html import parse_html
from wiki.models import ChallengeQuestion, EditFilter, FilterHit, Page
from wiki.namespaces import slug_for_title

ADDRESSES = [f"203.0.113.{n}" for n in range(1, 6)]
ROBOTS = range(0, 10)  # never answer a question right
LINK_FARMERS = range(10, 15)  # answer (a person solves the questions), post link farms
CASINO = range(15, 18)  # answer, post casino spam
QUIET = range(18, 20)  # answer, post one plain link a page: nothing matches
PAGES_EACH = 10


def answer_for(client):
    """The answer to the question the session was asked, as a person would give it."""
    question = ChallengeQuestion.objects.get(pk=client.session["wiki_challenge"])
    return question.answers.splitlines()[0]


def body_of(bot, n):
    if bot in LINK_FARMERS:
        return " ".join(f"https://farm{bot}.example/{n}/{k}" for k in range(4))
    if bot in CASINO:
        return f"Best casino bonus: https://casino{bot}.example/{n}"
    return f"Nice page. https://quiet{bot}.example/{n}"


def outcome(client, title, body, *, solves):
    """Try to create a page; which defence stopped it, or "saved"."""
    path = f"/wiki/{slug_for_title(title)}/edit/"
    data = {"title": title, "body": body}
    hits = FilterHit.objects.count()
    response = client.post(path, data)
    if response.status_code == 200 and parse_html(response.text).select("#challenge"):
        data["answer"] = answer_for(client) if solves else "I do not know"
        response = client.post(path, data)
    if response.status_code == 302:
        return "saved"
    page = parse_html(response.text)
    if page.select("#challenge"):
        return "challenge"
    if FilterHit.objects.count() > hits:
        return "filter"
    assert page.select("#block-notice"), response.text
    return "block"


@pytest.fixture
def rules(db):
    long_ago = timezone.now() - timedelta(days=30)
    EditFilter.objects.create(
        name="Link farm", min_links_added=3, disallows=True, message="Too many links."
    )
    EditFilter.objects.create(name="Casino", pattern=r"\bcasino\b", block_hours=24)
    EditFilter.objects.update(updated_at=long_ago)  # rules that have long stood


def regulars_save(client, page, n):
    """A regular's edit, with a link; the queries it took."""
    current = Page.objects.get(pk=page.pk).current_revision_id
    body = f"Edit {n}, citing https://www.hancinema.net/ and more."
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            "/wiki/cell/edit/", {"body": body, "base_revision": current}
        )
    assert response.status_code == 302, "a regular is never asked nor stopped"
    return len(queries)


def test_a_spam_wave_is_stopped_and_a_regular_is_not_slowed(
    seeded, rules, regular, staff, django_user_model
):
    cell = create_page(title="Cell", body="The regular's page.", author=regular)
    editor = Client()
    editor.force_login(regular)
    queries_before = regulars_save(editor, cell, 0)

    bots = []
    signups = Counter()
    for bot in range(20):
        client = Client(REMOTE_ADDR=ADDRESSES[bot % 5])
        account = {
            "username": f"bot{bot}",
            "password1": "a-long-bot-password",
            "password2": "a-long-bot-password",
        }
        client.get("/accounts/signup/")
        guessed = client.post("/accounts/signup/", {**account, "answer": "yes"})
        signups["stopped by the challenge" if guessed.status_code == 400 else "in"] += 1
        account["answer"] = answer_for(client)  # the spammer pays a person to answer
        assert client.post("/accounts/signup/", account).status_code == 302
        bots.append(client)
    assert signups == {"stopped by the challenge": 20}

    stopped = Counter()
    regular_queries = []
    for n in range(PAGES_EACH):
        for bot, client in enumerate(bots):
            title = f"Spam {bot}-{n}"
            solves = bot not in ROBOTS
            stopped[outcome(client, title, body_of(bot, n), solves=solves)] += 1
        regular_queries.append(regulars_save(editor, cell, n + 1))
        if n == 1:  # staff see the wave in the new pages and block its range
            new_pages = staff.get("/new-pages/?unpatrolled=1")
            assert "Spam 18-1" in new_pages.text
            blocked = staff.post(
                "/block/",
                {
                    "target": "203.0.113.0/24",
                    "expiry": "1 week",
                    "reason": "Spam wave",
                    "sitewide": "on",
                },
            )
            assert blocked.status_code == 302

    # Rounds 0 and 1: the robots fail the question (20), the link farmers meet the
    # filter (10), the casino bots are blocked by it (3) and then by their block (3),
    # and the two quiet ones get four pages in. Then the range block stops all 160.
    assert stopped == {"challenge": 20, "filter": 13, "block": 163, "saved": 4}
    assert sum(stopped.values()) == 200
    assert Counter(FilterHit.objects.values_list("edit_filter__name", flat=True)) == {
        "Link farm": 10,
        "Casino": 3,
    }
    assert django_user_model.objects.filter(username__startswith="bot").count() == 20

    # What got through is unpatrolled and tagged, and goes in one removal each.
    saved = Page.objects.live().filter(slug__startswith="spam-")
    assert saved.count() == 4
    for page in saved:
        revision = page.current_revision
        assert not revision.patrolled
        assert "new-user-links" in set(revision.tags.values_list("name", flat=True))
    for bot in QUIET:
        staff.post(f"/users/bot{bot}/remove-contributions/", {"reason": "Spam"})
    assert not Page.objects.live().filter(slug__startswith="spam-").exists()

    # The regular saved every time, never asked, with the same queries as before.
    assert set(regular_queries) == {queries_before}
