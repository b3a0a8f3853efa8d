"""Films keeps its subjects' pages where the data puts them (FilmsExtension.refusal)."""

import pytest

from films.models import Film
from tests.support.builders import create_page


@pytest.fixture
def seeded_free_subject(db, user):
    """A film whose slug is the page's: the page is the film's."""
    create_page(title="Cell", body="The cell of the story.", author=user)
    Film.objects.create(
        slug="cell", title="Cell", year=2013, country="South Korea", language="Korean"
    )


def test_a_film_subjects_page_is_not_moved(staff, seeded_free_subject):
    response = staff.post(
        "/wiki/cell/move/", {"new_title": "Elsewhere", "reason": "Its full name"}
    )
    assert response.status_code == 409
    assert "fixed with the film data" in response.text
