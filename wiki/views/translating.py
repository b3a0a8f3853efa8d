"""Translating a page: the form beside the source text, and the translations that
have fallen behind their sources."""

from functools import partial
from http import HTTPStatus

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..forms import TranslateForm
from ..models import Page
from ..rights import Action
from ..services import TranslationRefused, page_translate
from ..translations import languages_to_translate_into, outdated_translations
from .editing import editor_context, refused_edit, screened_post
from .maintenance import MaintenanceListView


def _translate_form_page(request, form, source, *, status=200, **shown):
    language = form.data.get("language", "")
    language = language if language in dict(settings.LANGUAGES) else ""
    if language:
        form.write_in(language)
    context = {
        "form": form,
        "source": source,
        "text_language": language,
        **editor_context(source.slug, f"translate:{source.slug}"),
        "action": reverse("wiki:translate", kwargs={"slug": source.slug}),
        "cancel_url": source.get_absolute_url(),
        **shown,
    }
    return render(request, "wiki/page_translate.html", context, status=status)


@login_required
def page_translate_view(request, slug):
    """GET the form for a translation of the page at `slug`, its text beside; POST
    to preview or save it, through the same checks as any new page."""
    articles = Page.objects.live().articles().with_current_revision()
    source = get_object_or_404(articles, slug=slug)
    refused = refused_edit(request, Page(), Action.CREATE)  # a new article
    if refused:
        return refused
    languages = languages_to_translate_into(source)
    if request.method != "POST":
        initial = {"title": source.title, "body": source.current_revision.body}
        form = TranslateForm(initial=initial, slug=slug, languages=languages)
        return _translate_form_page(request, form, source)
    form = TranslateForm(request.POST, slug=slug, languages=languages)
    again = partial(_translate_form_page, request, form, source)
    tags, answer = screened_post(request, form, None, source.title, again)
    if answer:
        return answer
    data = form.cleaned_data
    try:
        revision = page_translate(
            source=source,
            language=data["language"],
            title=data["title"],
            body=data["body"],
            author=request.user,
            summary=data["summary"],
        )
    except TranslationRefused as refusal:
        messages.error(request, str(refusal))
        return again(status=HTTPStatus.CONFLICT)
    messages.success(request, _("Saved: the translation is linked to its source."))
    return redirect(revision.page)


class OutdatedTranslationsView(MaintenanceListView):
    heading = _("Outdated translations")
    explanation = _(
        "Translations whose source page has changed since they were made or last "
        "brought up to date, the longest waiting first."
    )
    template_name = "wiki/outdated_translations.html"

    def get_queryset(self):
        return outdated_translations()
