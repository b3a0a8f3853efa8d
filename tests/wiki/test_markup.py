"""The Markdown renderer: wiki links, red links, contents, and sanitising."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from wiki.markup import render


@pytest.fixture
def existing(make_page):
    make_page(title="Lee Yong-gu")


def test_wiki_link_to_an_existing_page_is_blue(existing):
    html = render("See [[Lee Yong-gu]].").html
    assert '<a class="wikilink" href="/wiki/lee-yong-gu/">Lee Yong-gu</a>' in html


def test_wiki_link_with_shown_text(existing):
    html = render("See [[Lee Yong-gu|the father]].").html
    assert 'href="/wiki/lee-yong-gu/">the father</a>' in html


def test_wiki_link_to_a_missing_page_is_red(db):
    html = render("See [[Nobody Here]].").html
    assert 'class="wikilink wikilink-new"' in html
    assert "/wiki/nobody-here/" in html


def test_wiki_links_keep_hangul_and_turkish_letters(db):
    html = render("[[7번방의 선물]] and [[7. Koğuştaki Mucize]]").html
    assert reverse("wiki:page", kwargs={"slug": "7번방의-선물"}) in html
    assert reverse("wiki:page", kwargs={"slug": "7-koğuştaki-mucize"}) in html


def test_render_reports_link_targets(db):
    assert render("[[A]] [[B|b]] [[A]]").link_slugs == {"a", "b"}


def test_links_are_checked_in_one_query(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        render(" ".join(f"[[Page {n}]]" for n in range(50)))


def test_external_links_are_marked(db):
    html = render("[site](https://example.org/)").html
    assert 'rel="nofollow ugc noopener"' in html and 'class="external"' in html


def test_tables_footnotes_and_heading_anchors(db):
    body = "Text.[^1]\n\n## Cast\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: A source."
    html = render(body).html
    assert '<table class="table">' in html
    assert 'class="footnotes"' in html
    assert '<h2 id="cast" data-section="1">Cast</h2>' in html


def test_long_pages_get_contents_after_the_lead(db):
    body = "Lead.\n\n" + "\n\n".join(f"## Part {n}\n\ntext" for n in range(5))
    html = render(body).html
    assert html.index("<p>Lead.</p>") < html.index('class="toc"') < html.index("<h2")
    assert 'href="#part-0"' in html


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "<iframe src=//evil.example></iframe>",
    '"><script>alert(1)</script>',
    "[[<script>alert(1)</script>]]",
    '[[Page|<img src=x onerror="alert(1)">]]',
    "[[javascript:alert(1)]]",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[x](&#106;avascript:alert(1))",
    "<<script>script>alert(1)<</script>/script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


class ElementCollector(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


DANGEROUS_TAGS = {
    "script",
    "iframe",
    "svg",
    "style",
    "math",
    "object",
    "embed",
    "form",
    "base",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def assert_harmless(html):
    collector = ElementCollector()
    collector.feed(html)
    for tag, attrs in collector.elements:
        assert tag not in DANGEROUS_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "style" or "url(" not in (value or ""), (tag, value)
            if name in {"href", "src"}:
                cleaned = "".join((value or "").split()).lower()
                assert not cleaned.startswith(DANGEROUS_SCHEMES), (tag, value)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_script_can_come_through(db, payload):
    assert_harmless(render(payload).html)
    assert_harmless(render(f"[[Target|{payload}]] {payload}").html)
