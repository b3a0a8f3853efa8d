"""The pictures drawn from the data, in a real browser at a phone's and a desktop's
width."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

CHARTS = {
    "/wiki/miracle-in-cell-no-7/": ["#box-office-chart", "#timeline-chart"],
    "/": ["#box-office-chart", "#timeline-chart"],
    "/remakes/": ["#timeline-chart"],
}


@pytest.mark.parametrize("viewport_width", [390, 1280])
def test_charts_fit_the_screen_and_read_without_script(page, viewport_width):
    call_command("seed", verbosity=0)
    for url, charts in CHARTS.items():
        page.goto(url)
        for chart in charts:
            picture = page.locator(f"{chart} svg")
            expect(picture).to_be_visible()
            box = picture.bounding_box()
            assert 200 < box["width"] <= viewport_width, (url, chart, box)
            assert box["height"] > 100, (url, chart, box)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= viewport_width, url
    page.goto("/wiki/miracle-in-cell-no-7/")
    expect(
        page.locator("#box-office-chart svg text", has_text="10 million")
    ).to_be_visible()
    expect(
        page.locator("#timeline-chart svg text", has_text="Turkey, 2019")
    ).to_be_visible()
    page.get_by_text("The figures").click()
    expect(page.locator("#box-office-chart table")).to_contain_text("12,320,000")
