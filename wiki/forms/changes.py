from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from ..tags import tag_choices
from .plain_text import PlainTextFormMixin


class ChangesFilterForm(PlainTextFormMixin, forms.Form):
    """Which recent changes to show (the page and its Atom feed take the same)."""

    user = forms.CharField(required=False, max_length=150, label=_("By user"))
    hidebots = forms.BooleanField(required=False, label=_("Hide bots"))
    hidemine = forms.BooleanField(required=False, label=_("Hide my edits"))
    newpages = forms.BooleanField(required=False, label=_("New pages only"))
    hideminor = forms.BooleanField(required=False, label=_("Hide minor edits"))
    unpatrolled = forms.BooleanField(required=False, label=_("Unpatrolled only"))
    kind = forms.ChoiceField(
        required=False,
        label=_("Pages"),
        choices=[
            ("", _("All pages")),
            ("articles", _("Articles only")),
            ("talk", _("Talk only")),
        ],
    )

    tag = forms.ChoiceField(required=False, label=_("Tag"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("Any tag")), *tag_choices()]

    def filters(self, viewer):
        """Keyword arguments for selectors.filter_changes; none while invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "username": data["user"].strip(),
            "hide_bots": data["hidebots"],
            "hide_author": viewer
            if data["hidemine"] and viewer.is_authenticated
            else None,
            "new_pages": data["newpages"],
            "kind": data["kind"],
            "hide_minor": data["hideminor"],
            "unpatrolled": data["unpatrolled"],
            "tag": data["tag"],
        }

    def query_string(self):
        """The chosen filters as a query string, for pagination and the feed link."""
        if not self.is_valid():
            return ""
        chosen = {
            name: ("1" if value is True else value.strip())
            for name, value in self.cleaned_data.items()
            if value
        }
        return urlencode(chosen)
