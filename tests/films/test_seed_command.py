"""`manage.py seed` on an empty database."""

from io import StringIO

from django.core.management import call_command

from films.models import Actor, Character, Film, Remake, Role
from wiki.models import Revision

SUBJECT_MODELS = (Film, Actor, Character, Remake)


def run_seed(*args):
    out = StringIO()
    call_command("seed", *args, stdout=out)
    return out.getvalue()


def test_seed_twice_changes_nothing(db):
    first = run_seed()
    counts = {
        model: model.objects.count() for model in (*SUBJECT_MODELS, Role, Revision)
    }
    second = run_seed()
    assert "27 pages created" in first
    assert "nothing changed" in second
    assert counts == {model: model.objects.count() for model in counts}
