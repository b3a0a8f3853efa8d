import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .plain_text import PlainTextFormMixin

# `category:Remakes` or `category:"Hindi remakes"` narrows a search to a category.
CATEGORY_TERM = re.compile(r'\bcategory:(?:"(?P<quoted>[^"]+)"|(?P<word>\S+))', re.I)


class SearchForm(PlainTextFormMixin, forms.Form):
    """What a reader typed into the search box (any length: the parser bounds it).

    Cleaned, `words` is the text to find and `category` the category named, if any.
    """

    q = forms.CharField(required=False)
    discussions = forms.BooleanField(required=False, label=_("Include discussions"))
    language = forms.ChoiceField(
        required=False,
        label=_("Pages in"),
        choices=[("", _("every language")), *settings.LANGUAGES],
    )

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("q", "")
        match = CATEGORY_TERM.search(text)
        cleaned["category"] = (
            (match.group("quoted") or match.group("word")).strip() if match else ""
        )
        cleaned["words"] = " ".join(CATEGORY_TERM.sub(" ", text).split())
        return cleaned
