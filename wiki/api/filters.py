"""The read API's filters: django-filter's, as strict as the schema they publish.

django-filter reads a number filter as a decimal and an unknown boolean as "any", so
`?year=0.5` or `?new_pages=maybe` would quietly match nothing or everything; here
they are a 400 that names the parameter.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters


class StrictBooleanField(forms.NullBooleanField):
    """`true` or `false` (as the schema's booleans are written), or absent: given
    empty, it is neither."""

    WORDS = {"true": True, "false": False, "True": True, "False": False}

    def to_python(self, value):
        if value is None:
            return None
        if value not in self.WORDS:
            raise forms.ValidationError(_("Write true or false."), code="invalid")
        return self.WORDS[value]

    def validate(self, value):
        pass


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput)  # not DRF's, which maps words
        super().__init__(*args, **kwargs)


class WholeNumberField(forms.IntegerField):
    """A whole number, or absent: given empty, it is none."""

    def to_python(self, value):
        if value == "":
            raise forms.ValidationError(_("Enter a whole number."), code="invalid")
        return super().to_python(value)


class WholeNumberFilter(filters.NumberFilter):
    field_class = WholeNumberField


class ApiFilterSet(filters.FilterSet):
    FILTER_DEFAULTS = {
        **filters.FilterSet.FILTER_DEFAULTS,
        **{
            field: {"filter_class": WholeNumberFilter}
            for field in filters.FilterSet.FILTER_DEFAULTS
            if issubclass(field, models.IntegerField)
        },
        models.BooleanField: {"filter_class": StrictBooleanFilter},
    }


class ApiFilterBackend(filters.DjangoFilterBackend):
    """DjangoFilterBackend, making its filter sets from ApiFilterSet."""

    filterset_base = ApiFilterSet
