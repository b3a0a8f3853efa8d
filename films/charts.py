"""Pictures drawn from the data: the box-office run and the timeline of the remakes.

Python works out every coordinate and label, each coordinate written out as SVG reads
it (one decimal, a full stop in every language; the template's floatformat would
write Turkish and Indonesian commas, and cost a page more than all else the chart
draws); films/includes/*_chart.html draw them as
inline SVG (no script, nothing from elsewhere), each with a title, a description and a
table of the same figures for readers who cannot see it. Coordinates are in the SVG's
own units: the picture scales to the width of a phone or a desktop column. It is drawn
for the narrowest column it stands in (an infobox at 992 pixels, about 300 wide), so
that scaled to fit, its 14-unit labels are never smaller than 12 CSS pixels.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 320
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 24, 48
TIMELINE_LEFT = 16
TEN_MILLION = 10_000_000
MILLION = 1_000_000


def _millions(admissions):
    """12,320,000 as "12.32M" (in English: the language says the decimal mark)."""
    figure = f"{admissions / MILLION:.2f}".rstrip("0").rstrip(".")
    return _("%(millions)sM") % {"millions": number_format(figure)}


def _at(value):
    """A coordinate as SVG reads it: 12.5, never 12,5."""
    return f"{value:.1f}"


def _round_up(value, step):
    return -(-value // step) * step


@dataclass(frozen=True)
class Tick:
    position: str
    label: str


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    label: str
    label_dy: int  # below the point, or above it: neighbours' labels never collide


@dataclass(frozen=True)
class BoxOfficeChart:
    """Admissions against days after release, with the 10-million mark."""

    template = "films/includes/box_office_chart.html"
    title: str
    description: str
    height: int
    points: list
    x_ticks: list
    y_ticks: list
    mark_y: str
    figures: list
    polyline: str
    bottom_edge: int
    width: int = WIDTH
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    # Where the labels stand: left of the axis, under it, and on the 10-million mark.
    y_label_x: int = LEFT - 8
    mark_label_x: int = LEFT + 6

    @property
    def x_label_y(self):
        return self.bottom_edge + 20

    @property
    def axis_label_y(self):
        return self.height - 6


def box_office_chart(film, height=320):
    """The film's run in cinemas, from its figures with a day and an admissions count;
    None when it has fewer than two such figures to draw a line through."""
    figures = sorted(
        (
            figure
            for figure in film.box_office.all()
            if figure.days_after_release is not None and figure.admissions is not None
        ),
        key=lambda figure: figure.days_after_release,
    )
    if len(figures) < 2:
        return None
    last_day = _round_up(figures[-1].days_after_release, 7)
    top = _round_up(max(TEN_MILLION, *(f.admissions for f in figures)), 2 * MILLION)
    bottom_edge = height - BOTTOM

    def x(day):
        return LEFT + (WIDTH - LEFT - RIGHT) * day / last_day

    def y(admissions):
        return bottom_edge - (bottom_edge - TOP) * admissions / top

    milestones = "; ".join(
        _("%(admissions)s by day %(day)d")
        % {"admissions": _millions(f.admissions), "day": f.days_after_release}
        for f in figures
    )
    return BoxOfficeChart(
        title=_("%(film)s: admissions after release") % {"film": film.title},
        description=_(
            "Cumulative admissions in %(country)s against days after release: "
            "%(milestones)s. The dashed line marks 10 million admissions."
        )
        % {"country": film.country, "milestones": milestones},
        height=height,
        points=[
            Point(
                _at(x(f.days_after_release)),
                _at(y(f.admissions)),
                _millions(f.admissions),
                -12 if n % 2 else 22,
            )
            for n, f in enumerate(figures)
        ],
        x_ticks=[Tick(_at(x(day)), str(day)) for day in range(0, last_day + 1, 7)],
        y_ticks=[
            Tick(_at(y(value)), _millions(value) if value else "0")
            for value in range(0, top + 1, 2 * MILLION)
        ],
        mark_y=_at(y(TEN_MILLION)),
        figures=figures,
        polyline=" ".join(
            f"{_at(x(f.days_after_release))},{_at(y(f.admissions))}" for f in figures
        ),
        bottom_edge=bottom_edge,
    )


@dataclass(frozen=True)
class Release:
    """One film of the timeline: where it stands, and what it is."""

    x: str
    y: str
    year: int
    country: str
    work: object
    is_original: bool


@dataclass(frozen=True)
class TimelineChart:
    """The original and its remakes on a line of years."""

    template = "films/includes/timeline_chart.html"
    title: str
    description: str
    height: int
    releases: list
    undated: list
    x_ticks: list
    axis_y: str
    year_label_y: int  # under the axis
    width: int = WIDTH
    left: int = TIMELINE_LEFT
    right_edge: int = WIDTH - RIGHT


def timeline_chart(film, row_height=34):
    """The original and its remakes by year, one row each, labelled with the country;
    None for a film without remakes. Remakes with no known year are listed, not drawn.
    """
    remakes = list(film.remakes.all())
    if not remakes:
        return None
    dated = [(film.year, film.country, film, True)] + sorted(
        ((r.year, r.country, r, False) for r in remakes if r.year),
        key=lambda release: (release[0], release[1]),
    )
    first, last = dated[0][0] - 1, dated[-1][0] + 1
    axis_y = TOP + row_height * len(dated)
    label_width = 136  # room on the right for "Philippines, 2019"

    def x(year):
        return TIMELINE_LEFT + (WIDTH - TIMELINE_LEFT - RIGHT - label_width) * (
            year - first
        ) / (last - first)

    releases = [
        Release(
            _at(x(year)),
            _at(TOP + row_height * (n + 0.5)),
            year,
            country,
            work,
            original,
        )
        for n, (year, country, work, original) in enumerate(dated)
    ]
    undated = [r for r in remakes if not r.year]
    description = _("The original and its remakes by year and country: %(films)s.") % {
        "films": "; ".join(f"{r.country} {r.year}" for r in releases)
    }
    if undated:
        unknown = ", ".join(f"{r.page_title} ({r.country})" for r in undated)
        description += " " + _("Year not known: %(films)s.") % {"films": unknown}
    return TimelineChart(
        title=_("%(film)s and its remakes by year") % {"film": film.title},
        description=description,
        height=int(axis_y + BOTTOM),
        releases=releases,
        undated=undated,
        x_ticks=[
            Tick(_at(x(year)), str(year))
            for year in range(first, last + 1, 3 if last - first > 6 else 1)
        ],
        axis_y=_at(axis_y),
        year_label_y=axis_y + 20,
    )
