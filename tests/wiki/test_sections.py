"""Sections of a text: counted as MediaWiki counts them, cut out and put back."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiki.sections import (
    SectionMissing,
    matching_section,
    section_text,
    sections_of,
    summary_html,
    with_section,
)

TEXT = (
    "Lead.\n\n## Plot\n\nStory.\n\n### Ending\n\nEnd.\n\n"
    "> ## Quoted\n\n::: spoiler\n## Hidden\n:::\n\n## Cast\n\nPeople.\n"
)


def test_only_top_level_headings_start_sections_and_subsections_belong():
    found = [(s.number, s.level, s.title) for s in sections_of(TEXT)]
    assert found == [(1, 2, "Plot"), (2, 3, "Ending"), (3, 2, "Cast")]
    assert section_text(TEXT, 1).startswith("## Plot\n\nStory.")
    assert "### Ending" in section_text(TEXT, 1)
    assert "## Hidden\n:::" in section_text(TEXT, 2)
    assert section_text(TEXT, 3) == "## Cast\n\nPeople."
    assert section_text(TEXT, 0) == "Lead."


def test_a_missing_section_is_named_as_such():
    for number in (-1, 4, 10_000):
        with pytest.raises(SectionMissing):
            section_text(TEXT, number)


def test_replacing_a_section_keeps_the_rest_and_its_spacing():
    assert with_section(TEXT, 3, section_text(TEXT, 3)) == TEXT
    changed = with_section(TEXT, 2, "### Finale\n\nAnother end.")
    assert "### Finale\n\nAnother end.\n\n## Cast\n" in changed
    assert changed.startswith("Lead.\n\n## Plot\n\nStory.\n\n### Finale")
    assert with_section(TEXT, 3, "") == TEXT[: TEXT.index("## Cast")]
    assert with_section("## A\ntext", 0, "A lead") == "A lead\n\n## A\ntext"


def test_a_new_heading_inside_a_section_makes_a_new_section():
    changed = with_section(TEXT, 3, "## Cast\n\nPeople.\n\n## Crew\n\nMore.")
    assert [s.title for s in sections_of(changed)] == ["Plot", "Ending", "Cast", "Crew"]


lines = st.lists(
    st.one_of(
        st.sampled_from(["", "text", "## Head", "### Sub", "> ## q", "- item"]),
        st.text(alphabet="ab #\n", max_size=12),
    ),
    max_size=12,
)


@given(lines)
def test_every_section_saved_unchanged_changes_nothing(parts):
    body = "\n".join(parts)
    for number in range(len(sections_of(body)) + 1):
        assert with_section(body, number, section_text(body, number)) == body


def test_the_same_section_is_found_under_its_heading_after_others_change():
    current = "Intro.\n\n## New first\n\nx\n\n" + TEXT
    assert matching_section(TEXT, 3, current) == 4
    assert matching_section(TEXT, 3, TEXT.replace("## Cast", "## Actors")) is None


def test_a_summarys_section_comment_links_to_the_section():
    html = summary_html("/* Box office */ <b>figures</b>", "/wiki/film/")
    assert html == (
        '<a class="section-link" href="/wiki/film/#box-office" title="Go to section">'
        "→Box office</a>: &lt;b&gt;figures&lt;/b&gt;"
    )
    assert summary_html("/* <i> */", "/p/") == (
        '<a class="section-link" href="/p/#i" title="Go to section">→&lt;i&gt;</a>'
    )
