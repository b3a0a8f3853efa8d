"""Text no output can carry is refused by every form, and survives in no output."""

import importlib
from xml.dom import minidom

import pytest
from django.apps import apps
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.builders import create_page
from tests.support.images import image_bytes, upload
from wiki.forms import (
    AccountForm,
    EditForm,
    LoginForm,
    SearchForm,
    SignupForm,
    UploadForm,
)
from wiki.models import File, Page, Revision

CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe"]


def control_error(form, field):
    return [
        e for e in form.errors.as_data().get(field, []) if e.code == "control_character"
    ]


@pytest.mark.parametrize("char", CONTROLS)
def test_the_edit_form_refuses_controls_in_title_body_and_summary(db, char):
    data = {"title": f"java{char}script", "body": f"a{char}b", "summary": f"x{char}y"}
    form = EditForm(data, slug="javascript", is_new=True)
    assert not form.is_valid()
    for field in ("title", "body", "summary"):
        assert control_error(form, field)


def test_a_body_keeps_tab_and_newline_a_title_does_not(db):
    body = EditForm({"body": "a\tb\r\nc"}, slug="x", is_new=False)
    assert body.is_valid() and body.cleaned_data["body"] == "a\tb\nc"
    title = EditForm({"title": "A\tB", "body": ""}, slug="a-b", is_new=True)
    assert control_error(title, "title")


def test_a_lone_surrogate_is_refused(db):
    form = EditForm({"body": "half \ud800 a pair"}, slug="x", is_new=False)
    assert control_error(form, "body")


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (
            lambda v: SignupForm(
                {"username": v, "password1": "pw-long-1x", "password2": "pw-long-1x"}
            ),
            "username",
        ),
        (lambda v: LoginForm(None, {"username": v, "password": "x"}), "username"),
        (lambda v: SearchForm({"q": v}), "q"),
        (
            lambda v: UploadForm(
                {"description": v}, {"file": upload("A.png", image_bytes("PNG"))}
            ),
            "description",
        ),
        (
            lambda v: UploadForm(
                {"licence": v}, {"file": upload("A.png", image_bytes("PNG"))}
            ),
            "licence",
        ),
    ],
)
def test_every_public_form_refuses_controls(db, form, field):
    bound = form("text\x01more")
    assert not bound.is_valid() and control_error(bound, field)


def test_the_account_form_refuses_controls(user):
    form = AccountForm(
        {"email": "a\x01@example.org", "current_password": "x"}, instance=user
    )
    assert not form.is_valid() and form.errors["email"]


def test_a_control_character_in_an_edit_answers_400_and_saves_nothing(client, user):
    client.force_login(user)
    response = client.post(
        "/wiki/javascript/edit/",
        {"title": "Javascript", "body": "x", "summary": "java\x01script:"},
    )
    assert response.status_code == 400
    assert "control character" in response.text
    assert not Page.objects.exists()


@pytest.fixture
def dirty_page(db, user):
    """A page whose text got control characters in before forms refused them."""
    page = create_page(title="Clean", body="First text.", author=user)
    revision = page.current_revision
    Page.objects.filter(pk=page.pk).update(title="Dirty\x01 \x0b title")
    Revision.objects.filter(pk=revision.pk).update(
        summary="java\x01script:\x1b",
        body="Body\x07 text\x1f.",
        html="<p>Body\x07 text.</p>",
    )
    File.objects.create(name="A.png", description="Bell\x07", licence="Free\x02")
    return page


def test_outputs_render_with_controls_already_stored(client, dirty_page):
    client.raise_request_exception = True
    revision = dirty_page.current_revision
    for url in [
        "/recent-changes/",
        "/wiki/clean/",
        "/wiki/clean/history/",
        f"/wiki/clean/revisions/{revision.pk}/",
        "/search/?q=body",
        "/users/reader/contributions/",
        "/files/A.png/",
    ]:
        assert client.get(url).status_code == 200, url


def test_the_feed_drops_what_xml_cannot_hold(client, dirty_page):
    response = client.get("/recent-changes/feed/")
    assert response.status_code == 200
    feed = minidom.parseString(response.content)
    titles = [node.firstChild.data for node in feed.getElementsByTagName("title")]
    assert "Dirty  title (revision 1)" in titles


def test_the_data_migration_cleans_stored_text(dirty_page):
    migration = importlib.import_module("wiki.migrations.0009_plain_text")
    migration.clean_text(apps, None)
    page = Page.objects.get(pk=dirty_page.pk)
    revision = Revision.objects.get(pk=dirty_page.current_revision_id)
    file = File.objects.get()
    assert page.title == "Dirty  title"
    assert revision.summary == "javascript:"
    assert revision.body == "Body text."
    assert revision.size == len("Body text.") and revision.size_change == revision.size
    assert (file.description, file.licence) == ("Bell", "Free")


# What a stranger may type: any text, controls and all (surrogates cannot be sent).
ANY_TEXT = st.text(max_size=60)
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def no_server_error(response):
    return response.status_code < 500


@PROPERTY
@given(title=ANY_TEXT, body=ANY_TEXT, summary=ANY_TEXT)
def test_any_edit_is_saved_whole_or_not_at_all(client, user, title, body, summary):
    client.force_login(user)
    before = Revision.objects.count()
    response = client.post(
        "/wiki/any-page/edit/", {"title": title, "body": body, "summary": summary}
    )
    assert no_server_error(response)
    if response.status_code == 302:
        revision = Revision.objects.latest("pk")
        assert revision.summary == summary.strip() and revision.page.title
        Page.objects.all().delete()
    else:
        assert Revision.objects.count() == before


@PROPERTY
@given(username=ANY_TEXT, email=ANY_TEXT, password=ANY_TEXT)
def test_any_signup_or_login_is_answered(db, username, email, password):
    client = Client(raise_request_exception=False)
    signup = client.post(
        "/accounts/signup/",
        {
            "username": username,
            "email": email,
            "password1": password,
            "password2": password,
        },
    )
    login = client.post(
        "/accounts/login/", {"username": username, "password": password}
    )
    assert no_server_error(signup) and no_server_error(login)


@PROPERTY
@given(name=ANY_TEXT, description=ANY_TEXT, licence=ANY_TEXT)
def test_any_upload_is_stored_whole_or_not_at_all(
    client, user, name, description, licence
):
    client.force_login(user)
    response = client.post(
        "/files/upload/",
        {
            "file": upload("A.png", image_bytes("PNG", size=(8, 8))),
            "name": name,
            "description": description,
            "licence": licence,
        },
    )
    assert no_server_error(response)
    if response.status_code != 302:
        assert not File.objects.filter(versions__isnull=False).exists()
    File.objects.all().delete()


@PROPERTY
@given(
    params=st.dictionaries(
        st.sampled_from(["q", "page", "user", "title", "redirect"]), ANY_TEXT
    )
)
def test_any_query_string_is_answered(client, db, params):
    client.raise_request_exception = False
    for url in [
        "/search/",
        "/recent-changes/",
        "/wiki/",
        "/recent-changes/feed/",
        "/files/",
    ]:
        assert no_server_error(client.get(url, params)), url


def test_a_refused_file_name_is_not_replaced_by_the_uploaded_ones(db):
    form = UploadForm(
        {"name": "Po\x01ster.png"}, {"file": upload("Other.jpg", image_bytes("PNG"))}
    )
    assert not form.is_valid()
    assert [e.code for e in form.errors.as_data()["name"]] == ["control_character"]
    assert "file" not in form.errors


@PROPERTY
@given(subject=ANY_TEXT, message=ANY_TEXT)
def test_any_talk_post_is_saved_whole_or_not_at_all(client, user, subject, message):
    if not Page.objects.filter(slug="cell").exists():
        create_page(title="Cell", body="text")
    client.force_login(user)
    before = Revision.objects.count()
    topic = client.post(
        "/wiki/cell/talk/topic/", {"subject": subject, "message": message}
    )
    reply = client.post("/wiki/cell/talk/reply/", {"topic": "0", "message": message})
    assert no_server_error(topic) and no_server_error(reply)
    saved = Revision.objects.count() - before
    assert saved == (topic.status_code == 302) + (reply.status_code == 302)
