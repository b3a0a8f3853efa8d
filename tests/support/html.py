"""Reading a response's HTML the way a browser would, instead of searching strings."""

from bs4 import BeautifulSoup


def parse_html(text):
    return BeautifulSoup(text, "html.parser")


def messages_in(response):
    """The texts of the messages shown at the top of a page."""
    return [
        alert.get_text(" ", strip=True)
        for alert in parse_html(response.text).select("#messages .alert")
    ]
