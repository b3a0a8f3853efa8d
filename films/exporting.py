"""The structured data written out in the fixture's own format (fixtures/*.json), so
that what contributors change in admin can become a change to the fixture, and
`seed --reset` from it gives the same data back."""

from datetime import date

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


def _row(obj, *, leave_out=()):
    """A row as the fixture writes it: its fields by name, other rows by slug."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in leave_out:
            continue
        value = getattr(obj, field.name)
        if field.is_relation:
            value = value.slug if value is not None else None
        elif isinstance(value, date):
            value = value.isoformat()
        data[field.name] = value
    return data


def _cast_member(star):
    """A remake's cast member: the fixture lists them in billing order, and names the
    character they play only where someone said which."""
    data = _row(star, leave_out={"remake", "billing", "character", "character_name"})
    if star.character_id:
        data["character"] = star.character.slug
    if star.character_name:
        data["character_name"] = star.character_name
    return data


def export_data():
    """Every film, actor, character, role, box-office figure, remake (with its cast),
    external link and name in another language, in the order they were made."""
    stars = RemakeStar.objects.select_related("actor", "character").order_by(
        "billing", "pk"
    )
    remakes = Remake.objects.select_related("original").order_by("pk")
    cast = {}
    for star in stars:
        cast.setdefault(star.remake_id, []).append(_cast_member(star))
    return {
        "films": [_row(film) for film in Film.objects.order_by("pk")],
        "actors": [_row(actor) for actor in Actor.objects.order_by("pk")],
        "characters": [
            _row(character)
            for character in Character.objects.select_related("film").order_by("pk")
        ],
        "roles": [
            _row(role)
            for role in Role.objects.select_related(
                "film", "actor", "character"
            ).order_by("pk")
        ],
        "box_office": [
            _row(figure)
            for figure in BoxOfficeFigure.objects.select_related("film").order_by("pk")
        ],
        "remakes": [
            {**_row(remake), "stars": cast.get(remake.pk, [])} for remake in remakes
        ],
        "external_links": [
            _row(link)
            for link in ExternalLink.objects.select_related("film").order_by("pk")
        ],
        "names": [
            _name(name)
            for name in Name.objects.select_related(*Name.SUBJECTS).order_by("pk")
        ],
    }


def _name(name):
    """A name as the fixture writes it: its subject (by kind and slug), its language."""
    kind = next(kind for kind in Name.SUBJECTS if getattr(name, f"{kind}_id"))
    return {
        kind: getattr(name, kind).slug,
        "language": name.language,
        "name": name.name,
    }
