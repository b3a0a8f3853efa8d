from django import forms

from .plain_text import PlainTextFormMixin


class SearchForm(PlainTextFormMixin, forms.Form):
    """What a reader typed into the search box (any length: the parser bounds it)."""

    q = forms.CharField(required=False)
    discussions = forms.BooleanField(required=False, label="Include discussions")
