from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from wiki.forms import PlainTextModelForm

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
from .services import film_data_changed, subject_page_ensure


class FilmDataAdmin(admin.ModelAdmin):
    """Film data is shown on pages: its text refuses control characters, and a change
    has the pages drawn afresh."""

    form = PlainTextModelForm

    def save_related(self, request, form, formsets, change):
        # Called after every add or change, inlines included.
        super().save_related(request, form, formsets, change)
        film_data_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        film_data_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        film_data_changed()


class NamedDeleteBoxFormSet(BaseInlineFormSet):
    """The inline's "Delete" boxes, named for assistive technology: tabular admin
    labels them only by the column's heading."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = _("Delete")


class FilmDataInline(admin.TabularInline):
    form = PlainTextModelForm
    formset = NamedDeleteBoxFormSet


class SubjectAdmin(FilmDataAdmin):
    """A subject's slug names its page: set once, from the title, then fixed."""

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "slug") if obj else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else self.prepopulated_fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        subject_page_ensure(obj, author=request.user)


class CastInline(FilmDataInline):
    model = Role
    extra = 0
    verbose_name_plural = "cast"
    autocomplete_fields = ["actor", "character"]
    fields = ["billing", "actor", "character", "note", "is_starring"]


class BoxOfficeInline(FilmDataInline):
    model = BoxOfficeFigure
    extra = 0
    fields = [
        "days_after_release",
        "date",
        "period",
        "admissions",
        "gross_usd",
        "description",
    ]


HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class ExternalLinkInline(FilmDataInline):
    model = ExternalLink
    extra = 0
    formfield_overrides = HTTPS_URLS


class RemakeStarInline(FilmDataInline):
    model = RemakeStar
    extra = 0
    autocomplete_fields = ["actor", "character"]
    fields = ["billing", "actor", "is_lead", "character", "character_name"]


class NameInline(FilmDataInline):
    """A subject's names in other languages and scripts, each with its code."""

    model = Name
    extra = 0
    fields = ["language", "name"]
    verbose_name = _("name in another language")
    verbose_name_plural = _("names in other languages")


def names_inline(subject):
    """The names inline of one kind of subject (a Name points at one of four)."""
    return type(f"{subject.title()}NameInline", (NameInline,), {"fk_name": subject})


@admin.register(Film)
class FilmAdmin(SubjectAdmin):
    list_display = ["title", "original_title", "year", "country", "language", "genre"]
    list_filter = ["country", "language", "year"]
    search_fields = ["title", "original_title", "romanized_title", "working_title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CastInline, BoxOfficeInline, ExternalLinkInline, names_inline("film")]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "year",
                    "country",
                    "language",
                    "genre",
                    "logline",
                ]
            },
        ),
        (
            _("Titles"),
            {
                "fields": [
                    "original_title",
                    "romanized_title",
                    "literal_title",
                    "working_title",
                    "working_title_original",
                ]
            },
        ),
        (
            _("Background"),
            {
                "classes": ["collapse"],
                "fields": [
                    "based_on",
                    "budget",
                    "break_even_admissions",
                ],
            },
        ),
    ]


@admin.register(Character)
class CharacterAdmin(SubjectAdmin):
    list_display = ["name", "film"]
    list_filter = ["film"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["film"]
    inlines = [names_inline("character")]


@admin.register(Actor)
class ActorAdmin(SubjectAdmin):
    list_display = ["name", "name_language", "slug"]
    search_fields = ["name", "names__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [names_inline("actor")]


@admin.register(Remake)
class RemakeAdmin(SubjectAdmin):
    list_display = ["page_title", "country", "language", "year", "director"]
    list_filter = ["country", "language", "year"]
    search_fields = ["page_title", "title", "original_title", "director", "studio"]
    prepopulated_fields = {"slug": ["page_title"]}
    list_select_related = ["original"]
    inlines = [RemakeStarInline, names_inline("remake")]


@admin.register(Role)
class RoleAdmin(FilmDataAdmin):
    list_display = ["actor", "character", "note", "film", "billing", "is_starring"]
    list_filter = ["film", "is_starring"]
    search_fields = ["actor__name", "character__name"]
    list_select_related = ["actor", "character", "film"]
    autocomplete_fields = ["actor", "character"]


@admin.register(BoxOfficeFigure)
class BoxOfficeFigureAdmin(FilmDataAdmin):
    list_display = [
        "film",
        "days_after_release",
        "date",
        "period",
        "admissions",
        "gross_usd",
    ]
    list_filter = ["film"]
    search_fields = ["description"]
    list_select_related = ["film"]


@admin.register(RemakeStar)
class RemakeStarAdmin(FilmDataAdmin):
    list_display = ["actor", "remake", "is_lead", "billing", "character", "local_name"]
    list_filter = ["is_lead", "remake__country"]
    search_fields = ["actor__name", "remake__page_title", "character_name"]
    list_select_related = ["actor", "remake", "character"]
    autocomplete_fields = ["actor", "remake", "character"]


@admin.register(ExternalLink)
class ExternalLinkAdmin(FilmDataAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "film", "url", "position"]
    list_filter = ["film"]
    search_fields = ["name", "url"]
    list_select_related = ["film"]
