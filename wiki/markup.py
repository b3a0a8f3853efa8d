"""Render a page's Markdown to safe HTML: CommonMark, tables, footnotes, wiki links.

Raw HTML in a body is shown as text, never passed through, and the rendered HTML is
then cleaned by an allowlist (nh3): no script, event handler or `javascript:` URL
survives.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import nh3
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext_noop
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .i18n import gettext_in
from .models import File, Page
from .namespaces import category_named_by, file_named_by, slug_for_title
from .sections import SECTION_ATTRIBUTE, numbered_headings

WIKILINK = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]*))?\]\]")
EXTERNAL_REL = "nofollow ugc noopener"
TOC_MIN_HEADINGS = 4

SANITIZER = nh3.Cleaner(
    tags={
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "details",
        "div",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "img",
        "li",
        "nav",
        "ol",
        "p",
        "pre",
        "s",
        "section",
        "span",
        "strong",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    },
    attributes={
        "a": {"href", "title", "id"},
        "img": {"src", "alt", "title", "width", "height", "loading"},
        "h1": {"id", SECTION_ATTRIBUTE},
        "h2": {"id", SECTION_ATTRIBUTE},
        "h3": {"id", SECTION_ATTRIBUTE},
        "h4": {"id", SECTION_ATTRIBUTE},
        "h5": {"id", SECTION_ATTRIBUTE},
        "h6": {"id", SECTION_ATTRIBUTE},
        "li": {"id"},
        "ol": {"start"},
        "td": {"style"},
        "th": {"style"},
        "nav": {"aria-label"},
    },
    tag_attribute_values={"a": {"rel": {EXTERNAL_REL}}},
    allowed_classes={
        "a": {"wikilink", "wikilink-new", "external", "footnote-backref", "file-link"},
        "div": {"toc", "catlinks"},
        "details": {"spoiler"},
        "span": {"thumb", "thumb-caption"},
        "hr": {"footnotes-sep"},
        "img": {"thumb-image"},
        "li": {"footnote-item", "toc-h2", "toc-h3"},
        "nav": {"toc"},
        "ol": {"footnotes-list"},
        "section": {"footnotes"},
        "sup": {"footnote-ref"},
        "table": {"table"},
    },
    filter_style_properties={"text-align"},
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
    strip_comments=True,
)


THUMB_WIDTH = 320
INLINE_WIDTH = 640


@dataclass
class Rendered:
    html: str
    link_slugs: set = field(default_factory=set)
    file_names: set = field(default_factory=set)
    # Category slug: (name, sort key or None), in the order the text names them.
    categories: dict = field(default_factory=dict)


def _wikilink_rule(state, silent):
    """Inline rule: `[[Title]]` or `[[Title|shown text]]` becomes a `wikilink` token."""
    if not state.src.startswith("[[", state.pos):
        return False
    match = WIKILINK.match(state.src, state.pos)
    if not match or not slug_for_title(match.group(1)):
        return False
    if not silent:
        title = " ".join(match.group(1).split())
        category, file_name = category_named_by(title), file_named_by(title)
        if category is not None:
            token = state.push("wikicategory", "", 0)
            token.meta = {"name": category, "sort_key": (match.group(2) or "").strip()}
        elif file_name is not None:
            token = state.push("wikifile", "", 0)
            token.meta = _file_options(file_name, match.group(2))
        else:
            label = (match.group(2) or "").strip() or title
            token = state.push("wikilink", "", 0)
            token.meta = {"title": title, "label": label, "slug": slug_for_title(title)}
    state.pos = match.end()
    return True


def _render_wikilink(renderer, tokens, idx, options, env):
    meta = tokens[idx].meta
    label = escape(meta["label"])
    if meta["slug"] in env["existing_slugs"]:
        href = reverse("wiki:page", kwargs={"slug": meta["slug"]})
        return f'<a class="wikilink" href="{href}">{label}</a>'
    href = reverse("wiki:edit", kwargs={"slug": meta["slug"]})
    query = escape(urlencode({"title": meta["title"]}))
    hint = escape(f"{meta['title']} (page does not exist)")
    return (
        f'<a class="wikilink wikilink-new" href="{href}?{query}" title="{hint}">'
        f"{label}</a>"
    )


def _file_options(name, options):
    """`[[File:Name.jpg|thumb|caption]]`: the name, whether a thumbnail, the caption."""
    parts = [part.strip() for part in (options or "").split("|")]
    thumb = any(part.lower() in {"thumb", "thumbnail"} for part in parts)
    captions = [p for p in parts if p and p.lower() not in {"thumb", "thumbnail"}]
    return {"name": name, "thumb": thumb, "caption": captions[-1] if captions else ""}


def _render_wikifile(renderer, tokens, idx, options, env):
    meta = tokens[idx].meta
    version = env["files"].get(meta["name"])
    if version is None:
        href = reverse("wiki:file_upload") + "?" + urlencode({"name": meta["name"]})
        return format_html(
            '<a class="wikilink wikilink-new" href="{}" title="{}">File:{}</a>',
            href,
            f"Upload {meta['name']}",
            meta["name"],
        )
    page_url = reverse("wiki:file", kwargs={"name": meta["name"]})
    wanted = THUMB_WIDTH if meta["thumb"] else INLINE_WIDTH
    shown = version.rendition(wanted)
    image = format_html(
        '<a class="file-link" href="{}"><img class="thumb-image" src="{}" width="{}" '
        'height="{}" alt="{}" loading="lazy"></a>',
        page_url,
        shown.url,
        shown.width,
        shown.height,
        meta["caption"] or meta["name"],
    )
    if not meta["thumb"]:
        return image
    caption = format_html('<span class="thumb-caption">{}</span>', meta["caption"])
    return format_html('<span class="thumb">{}{}</span>', image, caption)


def _render_link_open(renderer, tokens, idx, options, env):
    token = tokens[idx]
    if re.match(r"^https?://", token.attrGet("href") or "", re.IGNORECASE):
        token.attrSet("rel", EXTERNAL_REL)
        token.attrSet("class", "external")
    return renderer.renderToken(tokens, idx, options, env)


def _render_table_open(renderer, tokens, idx, options, env):
    tokens[idx].attrSet("class", "table")
    return renderer.renderToken(tokens, idx, options, env)


SPOILER_WARNING = gettext_noop(
    "Spoiler: this part tells how the story unfolds and ends"
)


def _render_spoiler(renderer, tokens, idx, options, env):
    """`::: spoiler` … `:::` folds its text behind a warning that one click opens: a
    <details>, which needs no script. What follows `spoiler` on the opening line, if
    anything, is the warning; otherwise the wiki's own, in the page's language."""
    token = tokens[idx]
    if token.nesting == -1:
        return "</details>\n"
    told = token.info.strip()[len("spoiler") :].strip()
    warning = told or gettext_in(env["language"], SPOILER_WARNING)
    return format_html('<details class="spoiler"><summary>{}</summary>\n', warning)


def _heading_id(text):
    return slug_for_title(text) or "section"


def _number_sections(state):
    """Core rule: number the headings a section edit counts (wiki.sections)."""
    for number, (_index, token) in enumerate(numbered_headings(state.tokens), 1):
        token.attrSet(SECTION_ATTRIBUTE, str(number))


def _build_parser():
    md = MarkdownIt(
        "commonmark", {"html": False, "linkify": False, "typographer": False}
    )
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=_heading_id)
    md.use(container_plugin, name="spoiler", render=_render_spoiler)
    md.core.ruler.push("number_sections", _number_sections)
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.add_render_rule("wikilink", _render_wikilink)
    md.add_render_rule("wikifile", _render_wikifile)
    # A category is listed under the page, not drawn where the text names it.
    md.add_render_rule("wikicategory", lambda *args: "")
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("table_open", _render_table_open)
    return md


MARKDOWN = _build_parser()


def _tokens_of_type(tokens, kind):
    for token in tokens:
        if token.type == kind:
            yield token
        if token.children:
            yield from _tokens_of_type(token.children, kind)


def _table_of_contents(tokens, language):
    """A contents box for long pages, built from the headings the parser found."""
    entries = []
    for index, token in enumerate(tokens):
        if (
            token.type == "heading_open"
            and token.tag in {"h2", "h3"}
            and token.attrGet("id")
        ):
            entries.append((token.tag, token.attrGet("id"), tokens[index + 1].content))
    if len(entries) < TOC_MIN_HEADINGS:
        return ""
    items = format_html_join(
        "", '<li class="toc-{}"><a href="#{}">{}</a></li>', entries
    )
    heading = gettext_in(language, gettext_noop("Contents"))
    return format_html(
        '<nav class="toc" aria-label="{}"><p><strong>{}</strong></p><ul>{}</ul></nav>',
        heading,
        heading,
        items,
    )


def _insert_before_first_section(html, toc):
    """Put the contents box after the lead, where encyclopedia readers look for it."""
    position = html.find("<h2")
    if not toc:
        return html
    if position == -1:
        return toc + html
    return html[:position] + toc + html[position:]


LEAD_END = re.compile(r'<nav class="toc"|<div class="section-heading"|<h[2-6][ >]')


def split_lead(html):
    """The rendered text's lead (what comes before its contents box or first heading)
    and the rest. A page with an infobox shows the lead first, so that a phone reader
    meets the article's opening words before its facts, as in MediaWiki's mobile view.
    """
    found = LEAD_END.search(html)
    if found is None:
        return html, ""
    return html[: found.start()], html[found.start() :]


def render(body, *, language=None):
    """Render Markdown to sanitised HTML; links to missing pages and files come out red.
    What the wiki writes into it (the contents box's heading) is in `language`, the
    page's (the site's by default).

    Which link targets exist is asked in one query, and which files in one more. The
    HTML is kept for every reader, so its links are the pages' English addresses
    whatever language the writer's interface was in; a reader's own interface is put
    back into them as they are shown (wiki.i18n.localise_links).
    """
    tokens = MARKDOWN.parse(body, {})
    link_slugs = {token.meta["slug"] for token in _tokens_of_type(tokens, "wikilink")}
    file_names = {token.meta["name"] for token in _tokens_of_type(tokens, "wikifile")}
    categories = {}
    for token in _tokens_of_type(tokens, "wikicategory"):
        slug = slug_for_title(token.meta["name"])
        if slug:
            categories.setdefault(slug, (token.meta["name"], token.meta["sort_key"]))
    env = {
        "existing_slugs": Page.objects.existing_slugs(link_slugs)
        if link_slugs
        else set(),
        "files": File.objects.current_versions(file_names),
        "language": language or settings.LANGUAGE_CODE,
    }
    with translation.override(settings.LANGUAGE_CODE):
        html = MARKDOWN.renderer.render(tokens, MARKDOWN.options, env)
    toc = _table_of_contents(tokens, language or settings.LANGUAGE_CODE)
    html = _insert_before_first_section(html, toc)
    return Rendered(
        html=SANITIZER.clean(html),
        link_slugs=link_slugs,
        file_names=file_names,
        categories=categories,
    )
