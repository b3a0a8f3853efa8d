"""The film data says which language a name is in: the Korean title and the Turkish
remake's title are marked with their own `lang` wherever they are shown."""

import pytest

from tests.support.html import parse_html

pytestmark = pytest.mark.django_db


def marked(html, text):
    """The `lang` of the innermost element holding exactly `text`."""
    page = parse_html(html)
    found = [el for el in page.find_all(string=True) if el.strip() == text]
    assert found, text
    element = found[0].parent
    while element is not None and not element.has_attr("lang"):
        element = element.parent
    return element["lang"]


@pytest.mark.parametrize("path", ["/", "/films/", "/wiki/miracle-in-cell-no-7/"])
def test_the_korean_title_is_marked_korean(client, seeded, path):
    assert marked(client.get(path).content, "7번방의 선물") == "ko"


@pytest.mark.parametrize("path", ["/", "/remakes/", "/wiki/7-koğuştaki-mucize/"])
def test_the_turkish_remakes_title_is_marked_turkish(client, seeded, path):
    html = client.get(path).content
    if path.startswith("/wiki/"):
        infobox = parse_html(html).select_one(".infobox")
        cell = next(td for td in infobox.select("td") if "Koğuştaki" in td.text)
        assert cell["lang"] == "tr"
    else:
        assert marked(html, "7. Koğuştaki Mucize") == "tr"
