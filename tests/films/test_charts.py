"""Pictures drawn from the data: the box-office run and the timeline of the remakes."""

import re

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.test import Client
from django.urls import reverse

from films.models import BoxOfficeFigure
from films.seeding import read_data
from tests.support.html import parse_html


def chart(client, url, chart_id):
    figure = parse_html(client.get(url).text).select_one(f"#{chart_id}")
    assert figure is not None, (url, chart_id)
    return figure


@pytest.fixture
def drawn_figures():
    """The fixture's figures with a day and an admissions count, by day."""
    figures = [
        figure
        for figure in read_data()["box_office"]
        if figure["days_after_release"] is not None and figure["admissions"]
    ]
    return sorted(figures, key=lambda figure: figure["days_after_release"])


@pytest.mark.parametrize("url", ["/wiki/miracle-in-cell-no-7/", "/"])
def test_the_box_office_run_is_drawn_with_its_milestones(
    client, seeded, url, drawn_figures
):
    figure = chart(client, url, "box-office-chart")
    svg = figure.select_one("svg")
    assert svg["role"] == "img" and svg.title.text and svg.desc.text
    labels = [text.text for text in svg.select("text.chart-point-label")]
    assert labels == ["4.6M", "10M", "12M", "12.32M"]
    assert len(svg.select("circle.chart-point")) == len(drawn_figures)
    assert svg.select_one("line.chart-mark") is not None
    assert svg.select_one("text.chart-mark-label").text == "10 million"
    assert "12.32M by day 52" in svg.desc.text
    rows = [
        [cell.text for cell in row.select("td")] for row in figure.select("tbody tr")
    ]
    assert [(row[0], row[1]) for row in rows] == [
        (str(f["days_after_release"]), intcomma(f["admissions"])) for f in drawn_figures
    ]


def test_the_line_rises_left_to_right_through_every_point(client, seeded):
    svg = chart(client, "/", "box-office-chart").select_one("svg")
    points = [
        tuple(map(float, pair.split(",")))
        for pair in svg.select_one("polyline")["points"].split()
    ]
    xs, ys = zip(*points, strict=True)
    assert list(xs) == sorted(xs) and list(ys) == sorted(ys, reverse=True)
    mark = float(svg.select_one("line.chart-mark")["y1"])
    assert ys[0] > mark > ys[-1]  # 4.6 million below the line, 12.32 million above


@pytest.mark.parametrize("url", ["/wiki/miracle-in-cell-no-7/", "/", "/remakes/"])
def test_the_timeline_shows_the_original_and_each_remake(client, seeded, url):
    figure = chart(client, url, "timeline-chart")
    labels = [text.text for text in figure.select("svg text.chart-point-label")]
    dated = [r for r in read_data()["remakes"] if r["year"]]
    assert labels[0] == "South Korea, 2013"
    assert sorted(labels[1:]) == sorted(f"{r['country']}, {r['year']}" for r in dated)
    assert "Year not known: Hindi remake of Miracle in Cell No. 7 (India)." in (
        figure.select_one("svg desc").text
    )
    table = figure.select_one("table").get_text(" ", strip=True)
    assert "not known India Hindi remake of Miracle in Cell No. 7" in table


def test_an_admin_edit_of_a_figure_redraws_the_chart(client, seeded, staff_user):
    assert "12.32M" in chart(client, "/", "box-office-chart").text
    curator = Client()
    curator.force_login(staff_user)
    figure = BoxOfficeFigure.objects.get(admissions=12_320_000)
    response = curator.post(
        reverse("admin:films_boxofficefigure_change", args=[figure.pk]),
        {
            "film": figure.film_id,
            "days_after_release": figure.days_after_release,
            "date": figure.date.isoformat(),
            "period": figure.period,
            "admissions": 12_500_000,
            "gross_usd": "",
            "description": figure.description,
        },
    )
    assert response.status_code == 302
    for url in ("/", "/wiki/miracle-in-cell-no-7/"):
        labels = chart(client, url, "box-office-chart").select("text.chart-point-label")
        assert labels[-1].text == "12.5M", url


@pytest.mark.parametrize("language", ["tr", "id", "en"])
@pytest.mark.parametrize("chart_id", ["box-office-chart", "timeline-chart"])
def test_coordinates_are_written_as_svg_reads_them_in_every_language(
    client, seeded, language, chart_id
):
    """Turkish and Indonesian write a decimal comma; SVG reads only a full stop."""
    prefix = "" if language == "en" else f"/{language}"
    url = f"{prefix}/wiki/miracle-in-cell-no-7/"
    svg = chart(client, url, chart_id).select_one("svg")
    numbers = []
    for element in svg.select("line, circle, text, polyline"):
        for name in ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy"):
            if element.has_attr(name):
                numbers.append(element[name])
        if element.has_attr("points"):
            for pair in element["points"].split():
                numbers.extend(pair.split(","))
    assert len(numbers) > 20
    assert all(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", number) for number in numbers), (
        numbers
    )
