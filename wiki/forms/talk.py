from django import forms
from django.utils.translation import gettext_lazy as _

from .plain_text import PlainTextFormMixin

MAX_POST_LENGTH = 20_000


class TopicForm(PlainTextFormMixin, forms.Form):
    """A new topic on a talk page: a subject and a first message."""

    subject = forms.CharField(max_length=200, label=_("Subject"))
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_POST_LENGTH,
        label=_("Message"),
        help_text=_("Markdown. Your name and the time are added for you."),
    )

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


class ReplyForm(PlainTextFormMixin, forms.Form):
    """A reply to one topic, given by its number on the page (0 for the first)."""

    topic = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=10_000)
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_POST_LENGTH,
        label=_("Message"),
        help_text=_("Your name and the time are added for you."),
    )
