"""The data history of a subject: every recorded change to it and to the facts its page
shows (roles, cast, box office, links), newest first, each with who made it, when, why,
and what changed, field by field.

django-simple-history records a version of a row at each save and delete, whoever
makes it (admin, the seed, a restore); this module reads those versions back.
"""

from dataclasses import dataclass
from itertools import pairwise

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
from .subjects import kind_of

# The models whose versions can be shown and restored, by the name URLs use.
TRACKED = {
    model._meta.model_name: model
    for model in (
        Film,
        Character,
        Actor,
        Remake,
        Role,
        RemakeStar,
        BoxOfficeFigure,
        ExternalLink,
        Name,
    )
}
# What django-simple-history's history_type says was done to a row.
CHANGE_NAMES = {"+": "created", "~": "changed", "-": "deleted"}
# How a version names its row, from its own fields and the rows it points to (read
# with it): a deleted actor's role still has a name.
LABELS = {
    Film: lambda r: r.title,
    Character: lambda r: r.name,
    Actor: lambda r: r.name,
    Remake: lambda r: r.page_title,
    Role: lambda r: f"{_shown(r.actor) or 'someone'} as {_shown(r.character)}",
    RemakeStar: lambda r: f"{_shown(r.actor) or 'someone'} in {_shown(r.remake)}",
    BoxOfficeFigure: lambda r: r.description,
    ExternalLink: lambda r: r.name,
    Name: lambda r: f"{r.name} ({r.language})",
}
SKIPPED_FIELDS = {"id"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One recorded version, beside the one before it."""

    record: object
    model_name: str
    what: str
    kind: str
    fields: list

    @property
    def history_id(self):
        return self.record.history_id


def _shown(value):
    return "" if value is None else str(value)


def _foreign_keys(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and field.many_to_one
    ]


def _field_changes(model, old, new):
    """What `new` changed of `old` (None: `new` created the row), field by field."""
    if old is None:
        return [
            FieldChange(str(field.verbose_name), "", _shown(getattr(new, field.name)))
            for field in model._meta.concrete_fields
            if field.name not in SKIPPED_FIELDS
            and getattr(new, field.name) not in (None, "")
        ]
    delta = new.diff_against(old, foreign_keys_are_objs=True)
    return [
        FieldChange(
            str(model._meta.get_field(change.field).verbose_name),
            _shown(change.old),
            _shown(change.new),
        )
        for change in delta.changes
    ]


def _changes_of(model, field, subject):
    """Every version of the rows of `model` whose `field` is, or was, `subject`."""
    lookup = "id" if field == "id" else f"{field}_id"
    ids = set(model.history.filter(**{lookup: subject.pk}).values_list("id", flat=True))
    versions = (
        model.history.filter(id__in=ids)
        .select_related("history_user", *_foreign_keys(model))
        .order_by("id", "history_date", "history_id")
    )
    changes = []
    for earlier, record in pairwise([None, *versions]):
        previous = earlier if earlier is not None and earlier.id == record.id else None
        fields = _field_changes(model, previous, record)
        if record.history_type == "~" and previous is not None and not fields:
            continue  # saved as it was: nothing changed
        changes.append(
            Change(
                record=record,
                model_name=model._meta.model_name,
                what=f"{model._meta.verbose_name}: {LABELS[model](record)}",
                kind=CHANGE_NAMES[record.history_type],
                fields=fields,
            )
        )
    return changes


def data_history(subject):
    """Every change to `subject` and the facts its page shows, newest first."""
    changes = [
        change
        for model, field in kind_of(subject).shown
        for change in _changes_of(model, field, subject)
    ]
    return sorted(
        changes,
        key=lambda change: (change.record.history_date, change.history_id),
        reverse=True,
    )
