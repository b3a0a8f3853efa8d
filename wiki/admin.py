from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from . import admin_lockouts  # noqa: F401  (django-axes' lockouts, with unlock)
from .diffing import diff_hunks
from .extensions import refusal
from .forms import PlainTextModelForm
from .models import (
    Block,
    ChallengeQuestion,
    EditFilter,
    File,
    FileUsage,
    FileVersion,
    FilterHit,
    Link,
    LogEntry,
    LogKind,
    Notification,
    Page,
    PageCategory,
    Preferences,
    Revision,
    RevisionTag,
    SearchDocument,
    TranslationGroup,
    Watch,
)
from .services import DeletionRefused, page_delete, page_protect, page_update
from .services.log import log_event


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that follow from something else (a page's text, a write) or record what
    happened: shown, and never added or changed by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class HistoryInline(admin.TabularInline):
    """Rows of history, shown and never changed: each is kept as it was made."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class RevisionInline(HistoryInline):
    model = Revision
    fields = ["number", "author", "summary", "size", "size_change", "created_at"]
    ordering = ["-number"]
    show_change_link = True


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PlainTextModelForm
    list_display = [
        "title",
        "slug",
        "namespace",
        "language",
        "edit_protection",
        "move_protection",
        "updated_at",
    ]
    list_filter = ["namespace", "language", "edit_protection", "move_protection"]
    search_fields = ["title", "slug"]
    readonly_fields = [
        "slug",
        "namespace",
        "language",
        "translation_group",
        "translated_from",
        "current_revision",
        "created_at",
        "updated_at",
    ]
    fields = [
        "title",
        "slug",
        "namespace",
        "language",
        "translation_group",
        "translated_from",
        "edit_protection",
        "move_protection",
        "protection_expires_at",
        "protection_reason",
        "current_revision",
        "created_at",
        "updated_at",
    ]
    inlines = [RevisionInline]

    def has_add_permission(self, request):
        # Pages are created by editing on the site, so that each starts with a revision.
        return False

    def has_delete_permission(self, request, obj=None):
        # An app may keep a page (WikiExtension.refusal): admin then offers no delete.
        allowed = super().has_delete_permission(request, obj)
        return allowed and not (obj is not None and refusal(obj, "delete"))

    def get_deleted_objects(self, objs, request):
        # A page's revisions go with it, though no one may delete a revision alone.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        perms_needed.discard(Revision._meta.verbose_name)
        return deleted, counts, perms_needed, protected

    def save_model(self, request, obj, form, change):
        # Pages are only changed here, never added (see has_add_permission).
        page_update(page=obj, title=obj.title, actor=request.user)
        protection = ["edit_protection", "move_protection", "protection_expires_at"]
        if change and set(protection + ["protection_reason"]) & set(form.changed_data):
            page_protect(
                page=obj,
                edit=obj.edit_protection,
                move=obj.move_protection,
                expires_at=obj.protection_expires_at,
                reason=obj.protection_reason,
                actor=request.user,
            )

    def delete_model(self, request, obj):
        page_delete(page=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for page in queryset:
            try:
                page_delete(page=page, actor=request.user)
            except DeletionRefused as refusal:
                self.message_user(request, str(refusal), level="error")


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    """History is only ever added to: shown, never changed or removed one by one."""

    list_display = ["page", "number", "author", "summary", "size_change", "created_at"]
    list_filter = ["created_at", "patrolled", "minor"]
    search_fields = ["page__title", "summary", "author__username"]
    list_select_related = ["page", "author"]
    readonly_fields = [
        "page",
        "number",
        "author",
        "body",
        "summary",
        "size",
        "size_change",
        "minor",
        "patrolled",
        "created_at",
    ]
    exclude = ["html"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Link)
class LinkAdmin(ReadOnlyAdmin):
    """A page's links follow from its current text."""

    list_display = ["source", "target_slug"]
    search_fields = ["source__title", "target_slug"]
    list_select_related = ["source"]


class FileVersionInline(HistoryInline):
    model = FileVersion
    fields = ["number", "image", "width", "height", "size", "uploaded_by", "created_at"]


@admin.register(File)
class FileAdmin(admin.ModelAdmin):
    form = PlainTextModelForm
    list_display = ["name", "licence", "updated_at"]
    search_fields = ["name", "description", "licence"]
    readonly_fields = ["name", "current_version", "created_at", "updated_at"]
    fields = [
        "name",
        "description",
        "licence",
        "current_version",
        "created_at",
        "updated_at",
    ]
    inlines = [FileVersionInline]

    def has_add_permission(self, request):
        # Images are uploaded through the site, where they are checked and cleaned.
        return False


@admin.register(FileUsage)
class FileUsageAdmin(ReadOnlyAdmin):
    """Which pages embed which files follows from their current text."""

    list_display = ["file_name", "page"]
    search_fields = ["file_name", "page__title"]
    list_select_related = ["page"]


@admin.register(SearchDocument)
class SearchDocumentAdmin(ReadOnlyAdmin):
    """What search sees of each page; derived from its current text on every save."""

    list_display = ["title", "page"]
    search_fields = ["title"]
    list_select_related = ["page"]


@admin.register(FileVersion)
class FileVersionAdmin(ReadOnlyAdmin):
    list_display = [
        "file",
        "number",
        "width",
        "height",
        "size",
        "uploaded_by",
        "created_at",
    ]
    list_filter = ["extension", "created_at"]
    search_fields = ["file__name", "uploaded_by__username"]
    list_select_related = ["file", "uploaded_by"]


@admin.register(Watch)
class WatchAdmin(admin.ModelAdmin):
    list_display = ["user", "page", "created_at"]
    search_fields = ["user__username", "page__title"]
    list_select_related = ["user", "page"]
    autocomplete_fields = ["page"]
    raw_id_fields = ["user"]


class TranslationInline(HistoryInline):
    model = Page
    fields = ["title", "language", "translated_from", "deleted_at"]
    show_change_link = True


@admin.register(TranslationGroup)
class TranslationGroupAdmin(ReadOnlyAdmin):
    """The pages that translate each other; pages join one by being translated on
    the site (/wiki/<slug>/translate/)."""

    list_display = ["__str__", "created_at"]
    inlines = [TranslationInline]


@admin.register(Preferences)
class PreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "watch_edited_pages"]
    list_filter = ["watch_edited_pages"]
    search_fields = ["user__username"]
    raw_id_fields = ["user"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "revision", "created_at", "read_at", "emailed_at"]
    list_filter = ["created_at", "read_at"]
    search_fields = ["recipient__username", "revision__page__title"]
    list_select_related = ["recipient", "revision__page"]
    raw_id_fields = ["recipient", "revision"]


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin):
    """The log is a record: shown, never added to or changed by hand."""

    list_display = ["created_at", "kind", "actor", "target", "comment"]
    list_filter = ["kind", "created_at"]
    search_fields = ["target", "actor__username", "comment"]
    list_select_related = ["actor"]


@admin.register(PageCategory)
class PageCategoryAdmin(ReadOnlyAdmin):
    """Read only: a page's categories follow from its text and the apps' providers."""

    list_display = ["category_name", "page", "sort_key"]
    list_filter = ["category_name"]
    search_fields = ["category_name", "page__title"]
    list_select_related = ["page"]


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    """Blocks are made at /block/, so that each is logged; here staff read them and
    may shorten or lengthen one."""

    list_display = ["target", "blocked_by", "expires_at", "sitewide", "created_at"]
    list_filter = ["sitewide"]
    search_fields = ["target", "reason"]
    readonly_fields = ["user", "target", "first_address", "last_address", "blocked_by"]
    autocomplete_fields = ["pages"]

    def has_add_permission(self, request):
        return False


@admin.register(ChallengeQuestion)
class ChallengeQuestionAdmin(admin.ModelAdmin):
    """The questions of the challenge: several active at once, one asked at random."""

    form = PlainTextModelForm
    list_display = ["question", "active"]
    list_filter = ["active"]
    search_fields = ["question", "answers"]


@admin.register(EditFilter)
class EditFilterAdmin(admin.ModelAdmin):
    """The edit filter's rules; a pattern that does not compile is refused, and
    every change to a rule is in the site log."""

    form = PlainTextModelForm
    list_display = ["name", "enabled", "field", "pattern", "warns", "tag", "disallows"]
    list_filter = ["enabled", "field", "disallows"]
    search_fields = ["name", "pattern", "message"]
    readonly_fields = ["created_at", "updated_at", "updated_by"]
    fieldsets = [
        (None, {"fields": ["name", "enabled"]}),
        (
            _("When it matches"),
            {
                "fields": [
                    "pattern",
                    "field",
                    "max_tier",
                    "min_links_added",
                    "min_size_change",
                    "max_size_change",
                ]
            },
        ),
        (
            _("What it does"),
            {"fields": ["message", "warns", "tag", "disallows", "block_hours"]},
        ),
        (None, {"fields": ["created_at", "updated_at", "updated_by"]}),
    ]

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        log_event(
            kind=LogKind.FILTER,
            actor=request.user,
            target=obj.name,
            comment=("changed" if change else "created")
            + ("" if obj.enabled else " (switched off)"),
        )


@admin.register(FilterHit)
class FilterHitAdmin(ReadOnlyAdmin):
    """The filter log: every edit a rule matched or the honeypot caught, with what
    was done and the edit's diff."""

    list_display = [
        "created_at",
        "edit_filter",
        "actions",
        "user",
        "address",
        "page_title",
    ]
    list_filter = ["edit_filter"]
    search_fields = ["page_title", "user__username", "address"]
    list_select_related = ["edit_filter", "user"]
    readonly_fields = ["diff"]
    exclude = ["old_text", "new_text"]

    @admin.display(description=_("The edit"))
    def diff(self, hit):
        hunks = diff_hunks(hit.old_text, hit.new_text)
        return render_to_string("wiki/includes/diff_hunks.html", {"hunks": hunks})


@admin.register(RevisionTag)
class RevisionTagAdmin(ReadOnlyAdmin):
    """Change tags, as the write path and the edit filter gave them."""

    list_display = ["name", "revision"]
    list_filter = ["name"]
    list_select_related = ["revision__page"]
