"""Editing one section of a page: its [edit] link, its form, its merge and clash."""

import pytest
from django.urls import reverse

from tests.support.builders import create_page, edit_page
from tests.support.html import parse_html
from wiki.models import Page

BODY = (
    "Lead words.\n\n## Plot\n\nThe story.\n\n### Ending\n\nThe end.\n\n"
    "## Cast\n\nThe actors.\n\n## Reception\n\nThe critics.\n"
)


@pytest.fixture
def page(db):
    return create_page(title="Film", body=BODY)


def edit_url(query=""):
    return reverse("wiki:edit", kwargs={"slug": "film"}) + query


def form_of(response):
    form = parse_html(response.text).select_one(f'form[action="{edit_url()}"]')
    # A browser drops the newline that opens a textarea's text (HTML's own rule).
    return {
        field["name"]: field.get("value") or field.text.removeprefix("\n")
        for field in form.select("[name]")
        if field.name in {"input", "textarea"} and field.get("type") != "checkbox"
    }


def text_now():
    return Page.objects.get(slug="film").current_revision.body


def test_each_heading_has_an_edit_link_to_its_section_and_the_contents_none(
    client, page
):
    soup = parse_html(client.get(page.get_absolute_url()).text)
    links = [a["href"] for a in soup.select(".wiki-body .section-edit a")]
    assert links == [edit_url(f"?section={n}") for n in (1, 2, 3, 4)]
    heading = soup.select_one(".section-heading h2#plot")
    assert heading.text == "Plot" and not soup.select(".toc .section-edit")
    label = soup.select(".section-edit a")[0].get_text(" ", strip=True)
    assert label == "edit section: Plot"


def test_talk_user_and_category_pages_have_them_too(editor, page):
    talk = create_page(title="Talk:Film", body="## A topic\n\nWords.")
    for slug in ["user:reader", "category:films"]:
        editor.post(reverse("wiki:edit", args=[slug]), {"body": "## About\n\nHi."})
    for url, slug in [
        (talk.get_absolute_url(), talk.slug),
        (reverse("wiki:user", args=["reader"]), "user:reader"),
        (reverse("wiki:category", args=["films"]), "category:films"),
    ]:
        soup = parse_html(editor.get(url).text)
        hrefs = [a["href"] for a in soup.select(".section-edit a")]
        assert hrefs == [reverse("wiki:edit", args=[slug]) + "?section=1"], url


def test_an_old_revision_has_no_edit_links(client, page):
    revision = edit_page(page, BODY + "More.\n")
    old = client.get(page.revisions.get(number=1).get_absolute_url()).text
    assert "section-edit" not in old and revision.pk


def test_the_form_holds_only_the_section_and_names_it(editor, page):
    response = editor.get(edit_url("?section=3"))
    fields = form_of(response)
    assert fields["body"].strip() == "## Cast\n\nThe actors."
    assert fields["section"] == "3" and fields["summary"] == "/* Cast */ "
    assert fields["base_revision"] == str(page.current_revision_id)
    assert "Editing Film (section Cast)" in response.text
    whole = form_of(editor.get(edit_url("?section=1")))["body"]
    assert "### Ending" in whole and "## Cast" not in whole


@pytest.mark.parametrize("asked", ["9", "abc", "-1", "²", "9" * 40])
def test_a_section_that_is_not_there_gives_the_whole_text(editor, page, asked):
    response = editor.get(edit_url(f"?section={asked}"))
    assert response.status_code == 200
    assert form_of(response)["body"].strip() == BODY.strip()
    assert "no section" in response.text


def post_section(client, number, body, base, summary="", **extra):
    data = {
        "body": body,
        "section": number,
        "base_revision": base,
        "summary": summary,
        **extra,
    }
    return client.post(edit_url(), data)


def test_saving_a_section_replaces_it_in_the_whole_text(editor, page):
    base = page.current_revision_id
    response = post_section(editor, 3, "## Cast\n\nThe players.", base, "/* Cast */ x")
    assert response.status_code == 302
    assert text_now() == BODY.replace("The actors.", "The players.")


def test_a_heading_added_or_renamed_in_a_section_works(editor, page):
    body = "## Players\n\nThe actors.\n\n## Crew\n\nThe crew."
    post_section(editor, 3, body, page.current_revision_id)
    assert "## Players\n\nThe actors.\n\n## Crew\n\nThe crew.\n\n## Reception" in (
        text_now()
    )
    soup = parse_html(editor.get(page.get_absolute_url()).text)
    headings = [h.text for h in soup.select(".section-heading :is(h2, h3)")]
    assert headings == ["Plot", "Ending", "Players", "Crew", "Reception"]


def test_a_change_meanwhile_to_another_section_merges(editor, page):
    base = page.current_revision_id
    edit_page(page, BODY.replace("The critics.", "The critics loved it."))
    response = post_section(editor, 3, "## Cast\n\nThe players.", base)
    assert response.status_code == 302
    assert "The players." in text_now() and "The critics loved it." in text_now()


def test_a_clash_in_the_section_shows_that_section_and_saves_the_next_time(
    editor, page
):
    base = page.current_revision_id
    edit_page(page, "New lead.\n\n## Intro\n\nx\n\n" + BODY.replace("actors", "cast"))
    response = post_section(editor, 3, "## Cast\n\nThe players.", base)
    assert response.status_code == 409
    fields = form_of(response)
    soup = parse_html(response.text)
    assert soup.select_one("#their-text").text == "## Cast\n\nThe cast."
    assert fields["body"] == "## Cast\n\nThe players." and fields["section"] == "4"
    again = post_section(editor, 4, fields["body"], fields["base_revision"])
    assert again.status_code == 302
    assert "## Cast\n\nThe players.\n\n## Reception" in text_now()
    assert text_now().startswith("New lead.\n\n## Intro")


def test_a_clash_whose_heading_is_gone_falls_back_to_the_whole_page(editor, page):
    base = page.current_revision_id
    edit_page(page, BODY.replace("## Cast\n\nThe actors.", "## Actors\n\nThe cast."))
    response = post_section(editor, 3, "## Cast\n\nThe players.", base)
    fields = form_of(response)
    assert response.status_code == 409 and fields["section"] == ""
    assert fields["body"].strip() == BODY.replace("actors", "players").strip()


def test_a_section_the_base_does_not_have_is_refused_and_saves_nothing(editor, page):
    response = post_section(editor, 9, "## New", page.current_revision_id)
    assert response.status_code == 400 and "edit the whole page" in response.text
    assert text_now() == BODY


def test_the_edit_filter_judges_the_whole_text_not_the_section(editor, page):
    """A section's edit removes nothing else: no blanking warning for it."""
    post_section(editor, 2, "### Ending\n\nThe happy end.", page.current_revision_id)
    assert "The happy end." in text_now() and "Lead words." in text_now()


def test_the_summarys_section_links_to_it_in_history_and_recent_changes(editor, page):
    post_section(
        editor, 3, "## Cast\n\nAll.", page.current_revision_id, "/* Cast */ all"
    )
    for url in [reverse("wiki:history", args=["film"]), reverse("wiki:recent_changes")]:
        soup = parse_html(editor.get(url).text)
        link = soup.select_one("a.section-link")
        assert link["href"] == "/wiki/film/#cast" and link.text == "→Cast", url
        assert link.parent.get_text().strip().startswith("→Cast: all")


def test_kept_pages_are_the_same_for_every_anonymous_reader(client, page, settings):
    first = client.get(page.get_absolute_url())
    second = client.get(page.get_absolute_url())
    assert first.content == second.content and b"section-edit" in first.content
