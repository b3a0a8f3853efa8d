"""A page's sections, as MediaWiki counts them: section N runs from the text's Nth
heading to the next heading of the same or a higher level (its subsections are part
of it); section 0 is the lead, before the first heading.

Only headings at the top of the text count: one inside a quotation, a list or a
spoiler would split that block in two if its section were cut out. The renderer
numbers the same headings (markup.py), so the [edit] link beside a heading and the
text its form shows are one section.
"""

import html
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .namespaces import slug_for_title

SECTION_ATTRIBUTE = "data-section"
# The highest section number a form may name (no real page has so many headings).
MAX_SECTION = 10_000


class SectionMissing(LookupError):
    """The text has no section of that number (any more)."""


@dataclass(frozen=True)
class Section:
    number: int
    level: int
    title: str
    start: int  # the heading's line, counting from 0
    end: int  # the line after the section's last


def numbered_headings(tokens):
    """(index, token) of each top-level heading_open among parsed Markdown's tokens."""
    return [
        (index, token)
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0
    ]


def _lines(body):
    """The text's lines, each with its newline: Markdown breaks lines at \\n only."""
    lines = re.split(r"(?<=\n)", body)
    return lines[:-1] if lines[-1] == "" else lines


def sections_of(body):
    """The text's sections past the lead, in order."""
    from .markup import MARKDOWN  # the renderer's parser, so both count alike

    tokens = MARKDOWN.parse(body, {})
    headings = [
        (int(token.tag[1]), tokens[index + 1].content, token.map[0])
        for index, token in numbered_headings(tokens)
    ]
    line_count = len(_lines(body))
    sections = []
    for number, (level, title, start) in enumerate(headings, start=1):
        ends = (later for depth, _t, later in headings[number:] if depth <= level)
        sections.append(Section(number, level, title, start, next(ends, line_count)))
    return sections


def section_named(body, number):
    """Section `number` of the text (0: the lead); SectionMissing when it has none."""
    sections = sections_of(body)
    if number == 0:
        end = sections[0].start if sections else len(_lines(body))
        return Section(0, 0, "", 0, end)
    if not 0 < number <= len(sections):
        raise SectionMissing(number)
    return sections[number - 1]


def section_text(body, number):
    """The text of section `number`, without the blank lines after it."""
    section = section_named(body, number)
    return "".join(_lines(body)[section.start : section.end]).rstrip("\n")


def with_section(body, number, text):
    """The whole text with section `number` replaced by `text` (empty: removed).

    The blank lines between the section and what follows stay as they were, so a
    section saved unchanged changes nothing, and the next heading keeps its line.
    """
    section = section_named(body, number)
    lines = _lines(body)
    before = "".join(lines[: section.start])
    old = "".join(lines[section.start : section.end])
    rest = "".join(lines[section.end :])
    new, kept = text.rstrip("\n"), old.rstrip("\n")
    if new == kept:
        return body
    if not new:
        return before + rest
    parting = old[len(kept) :]
    if rest and not parting:  # an empty lead, before the first heading
        parting = "\n\n"
    return before + new + parting + rest


def matching_section(base_body, number, current_body):
    """The number in `current_body` of what is section `number` in `base_body`: the
    section under the same heading (the nearest if several), or None when none is."""
    if number == 0:
        return 0
    title = section_named(base_body, number).title
    found = [s.number for s in sections_of(current_body) if s.title == title]
    return min(found, key=lambda other: abs(other - number)) if found else None


def section_summary(title):
    """The summary a section's edit starts with, as MediaWiki writes it."""
    return f"/* {title} */ " if title else ""


NUMBERED_HEADING = re.compile(
    rf'(<h([1-6])\b[^>]*\s{SECTION_ATTRIBUTE}="(\d+)"[^>]*>)(.*?)(</h\2>)', re.DOTALL
)


def with_edit_links(rendered, slug):
    """Rendered text with an [edit] link beside each numbered heading, to that
    section's edit form. The links are added as the page is shown, not kept with
    the revision: an old revision or a preview has none."""
    edit_url = reverse("wiki:edit", kwargs={"slug": slug})

    def linked(match):
        opening, _level, number, inner, closing = match.groups()
        link = format_html(
            '<span class="section-edit">[<a href="{}?section={}">{}'
            '<span class="visually-hidden"> {}</span></a>]</span>',
            edit_url,
            number,
            _("edit"),
            _("section: %(heading)s")
            % {"heading": html.unescape(strip_tags(inner)).strip()},
        )
        return f'<div class="section-heading">{opening}{inner}{closing}{link}</div>'

    return mark_safe(NUMBERED_HEADING.sub(linked, rendered))


SECTION_COMMENT = re.compile(r"/\*\s*(.*?)\s*\*/")


def summary_html(summary, page_url):
    """An edit summary with each `/* Heading */` drawn as MediaWiki draws it: an
    arrow and the heading, linked to that section of the page."""
    parts, last = [], 0
    for match in SECTION_COMMENT.finditer(summary):
        parts.append(conditional_escape(summary[last : match.start()]))
        title = match.group(1)
        anchor = slug_for_title(title) or "section"
        parts.append(
            format_html(
                '<a class="section-link" href="{}#{}" title="{}">→{}</a>',
                page_url,
                anchor,
                _("Go to section"),
                title,
            )
        )
        following = summary[match.end() :]
        parts.append(": " if following.strip() else "")
        last = len(summary) - len(following.lstrip())
    parts.append(conditional_escape(summary[last:]))
    return mark_safe("".join(parts))
