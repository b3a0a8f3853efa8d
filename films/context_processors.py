"""What every template may name subjects with."""

from django.utils.functional import SimpleLazyObject

from .selectors import names_by_subject


def subject_names(request):
    """Subjects' names in other languages, read once a response and only by one that
    names a subject ({% subject_name %})."""
    return {"subject_names": SimpleLazyObject(names_by_subject)}
