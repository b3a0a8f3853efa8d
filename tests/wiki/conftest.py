"""Fixtures the tests of the wiki engine share."""

import pytest


@pytest.fixture
def pages(make_page):
    make_page(title="Balloon", body="A hot air balloon.")
    make_page(title="Prison", body="The inmates build a balloon for the escape.")
    make_page(title="Ye-sung", body="A lawyer, daughter of Yong-gu.")
    make_page(title="Film", body="Miracle in Cell No. 7 (Korean: 7번방의 선물).")
    make_page(title="7. Koğuştaki Mucize", body="The Turkish remake.")
