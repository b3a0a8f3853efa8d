"""Load the article's data from fixtures/ into the films models and their wiki pages.

Seeding is idempotent: what exists is left alone, so edits made on the site or in admin
survive a second run. With `reset=True` the seed values replace edited ones, and edited
page texts get a new revision with the seed text (history keeps the edit).
"""

import json
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wiki.models import ChallengeQuestion, Page
from wiki.services import page_save, rerender_pages

from .models import (
    Actor,
    BoxOfficeFigure,
    Character,
    ExternalLink,
    Film,
    Name,
    Remake,
    RemakeStar,
    Role,
)
from .services import film_data_changed, subject_page_ensure

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
DATA_FILE = FIXTURES_DIR / "miracle-in-cell-no-7.json"
PAGES_DIR = FIXTURES_DIR / "pages"
# The question challenge's questions, each answered by the seed data.
QUESTIONS_FILE = FIXTURES_DIR / "challenge-questions.json"
SEED_SUMMARY = "Imported from the source article"
RESET_SUMMARY = "Reset to the text of the source article"


def read_data(path=DATA_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def page_body(slug):
    """The page text fixtures/pages/ holds for a subject, or None: one added in admin
    has no text there."""
    path = PAGES_DIR / f"{slug}.md"
    return path.read_text(encoding="utf-8") if path.exists() else None


def _as_stored(model, name, value):
    """The fixture's `value` as the model holds it (a date, not its ISO text)."""
    field = model._meta.get_field(name)
    return value if field.is_relation else field.to_python(value)


class Seeder:
    """Writes the fixture into the database and counts what it created and changed."""

    def __init__(self, *, reset=False):
        self.reset = reset
        self.reason = "seed --reset" if reset else "seed"
        self.counts = Counter()

    def upsert(self, model, lookup, values):
        """Create the row if missing; else fill its blank fields (all on --reset).

        Each write is in the row's history, its reason naming the command.
        """
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj._change_reason = self.reason
            obj.save()
            self.counts[f"{model._meta.verbose_name_plural} created"] += 1
            return obj
        values = {key: _as_stored(model, key, value) for key, value in values.items()}
        changed = {
            key: value
            for key, value in values.items()
            if getattr(obj, key) != value and (self.reset or getattr(obj, key) == "")
        }
        if changed:
            for key, value in changed.items():
                setattr(obj, key, value)
            obj._change_reason = self.reason
            obj.save()
            verb = "reset" if self.reset else "filled in"
            self.counts[f"{model._meta.verbose_name_plural} {verb}"] += 1
        return obj

    def upsert_subject(self, model, entry):
        values = {key: value for key, value in entry.items() if key != "slug"}
        return self.upsert(model, {"slug": entry["slug"]}, values)

    def seed_page(self, subject):
        """Give `subject` its page; return its slug if the seed wrote its text."""
        body = page_body(subject.slug)
        page = Page.objects.filter(slug=subject.slug).first()
        if body is None:
            subject_page_ensure(subject)  # its page, as admin gives one
            return
        if page is None:
            page_save(
                slug=subject.slug,
                title=subject.page_title,
                body=body,
                author=None,
                summary=SEED_SUMMARY,
            )
            self.counts["pages created"] += 1
            return subject.slug
        elif self.reset:
            result = page_save(
                slug=page.slug,
                title=page.title,
                body=body,
                author=None,
                summary=RESET_SUMMARY,
                base_revision_id=page.current_revision_id,
            )
            if result.changed:
                self.counts["pages reset"] += 1
                return subject.slug
        return None

    @transaction.atomic
    def run(self, data):
        films = {e["slug"]: self.upsert_subject(Film, e) for e in data["films"]}
        actors = {e["slug"]: self.upsert_subject(Actor, e) for e in data["actors"]}
        characters = {
            e["slug"]: self.upsert_subject(Character, {**e, "film": films[e["film"]]})
            for e in data["characters"]
        }
        for entry in data["roles"]:
            lookup = {
                "film": films[entry["film"]],
                "actor": actors[entry["actor"]],
                "character": characters[entry["character"]],
            }
            values = {key: entry[key] for key in ("note", "billing", "is_starring")}
            self.upsert(Role, lookup, values)
        for entry in data["box_office"]:
            lookup = {"film": films[entry["film"]], "description": entry["description"]}
            values = {
                key: value
                for key, value in entry.items()
                if key not in {"film", "description"}
            }
            self.upsert(BoxOfficeFigure, lookup, values)
        remakes = {}
        for entry in data["remakes"]:
            values = {key: value for key, value in entry.items() if key != "stars"}
            remake = self.upsert_subject(
                Remake, {**values, "original": films[entry["original"]]}
            )
            remakes[remake.slug] = remake
            for billing, star in enumerate(entry["stars"], start=1):
                lookup = {"remake": remake, "actor": actors[star["actor"]]}
                character = star.get("character")
                values = {
                    "is_lead": star["is_lead"],
                    "billing": billing,
                    "character": characters[character] if character else None,
                    "character_name": star.get("character_name", ""),
                }
                self.upsert(RemakeStar, lookup, values)
        for entry in data["external_links"]:
            lookup = {"film": films[entry["film"]], "name": entry["name"]}
            self.upsert(
                ExternalLink,
                lookup,
                {"url": entry["url"], "position": entry["position"]},
            )
        subjects = {
            "film": films,
            "character": characters,
            "actor": actors,
            "remake": remakes,
        }
        for entry in data.get("names", []):
            kind = next(kind for kind in Name.SUBJECTS if kind in entry)
            lookup = {kind: subjects[kind][entry[kind]], "language": entry["language"]}
            self.upsert(Name, lookup, {"name": entry["name"]})
        for entry in read_data(QUESTIONS_FILE)["questions"]:
            answers = "\n".join(entry["answers"])
            lookup = {"question": entry["question"]}
            self.upsert(ChallengeQuestion, lookup, {"answers": answers})
        written = [
            self.seed_page(subject)
            for subjects in (films, characters, actors, remakes)
            for subject in subjects.values()
        ]
        # Pages written before the pages they link to were drawn with red links;
        # the seed leaves them whole at once (pages of others follow in jobs).
        rerender_pages(slug__in=[slug for slug in written if slug])
        film_data_changed()
        return self.counts


def seed(*, reset=False, path=DATA_FILE):
    """Load the fixture at `path`; return a Counter of what was created or reset."""
    return Seeder(reset=reset).run(read_data(path))
