"""The site log: moves, deletions, protections, uploads and new accounts."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..forms.plain_text import PlainTextFormMixin
from ..models import LogEntry, LogKind
from .history import HISTORY_PAGE_SIZE


class LogFilterForm(PlainTextFormMixin, forms.Form):
    kind = forms.ChoiceField(
        required=False, choices=[("", _("Every kind")), *LogKind.choices]
    )
    user = forms.CharField(required=False, max_length=150)


class LogView(ListView):
    """Every logged event, newest first, by kind and user as asked."""

    paginate_by = HISTORY_PAGE_SIZE
    template_name = "wiki/log.html"

    def get_queryset(self):
        self.filter_form = LogFilterForm(self.request.GET)
        entries = LogEntry.objects.select_related("actor")
        if not self.filter_form.is_valid():
            return entries.none()
        data = self.filter_form.cleaned_data
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["user"].strip():
            entries = entries.filter(actor__username=data["user"].strip())
        return entries

    def get_context_data(self, **kwargs):
        chosen = (
            {k: v for k, v in self.filter_form.cleaned_data.items() if v}
            if self.filter_form.is_valid()
            else {}
        )
        return super().get_context_data(
            filter_form=self.filter_form, query_prefix=urlencode(chosen), **kwargs
        )
