"""Pages and their immutable, numbered revisions."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..addresses import address
from ..namespaces import (
    ADDRESS_MAX_LENGTH,
    SLUG_MAX_LENGTH,
    TALK_NAMESPACES,
    Namespace,
    name_in_namespace,
    namespace_of,
    subject_slug,
    talk_slug,
)


def site_language():
    """The language the wiki is written in unless a page says otherwise."""
    return settings.LANGUAGE_CODE


class TranslationGroup(models.Model):
    """The pages that are one article in several languages, a page of each at most
    (MediaWiki's interlanguage links, within one wiki)."""

    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("translation group")
        verbose_name_plural = _("translation groups")

    def __str__(self):
        return f"Translation group {self.pk}"


class ProtectionLevel(models.TextChoices):
    """Who may edit (or move) a protected page, as MediaWiki's levels say it."""

    NONE = "", _("anyone logged in")
    SEMI = "autoconfirmed", _("autoconfirmed users only")
    FULL = "staff", _("staff only")


class PageQuerySet(models.QuerySet):
    def live(self):
        """Pages with a text to show, not deleted."""
        return self.filter(current_revision__isnull=False, deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)

    def protected(self, now):
        """Pages whose protection holds at `now` (an expired one has lifted itself)."""
        levels = models.Q(edit_protection__gt="") | models.Q(move_protection__gt="")
        holds = models.Q(protection_expires_at__isnull=True) | models.Q(
            protection_expires_at__gt=now
        )
        return self.filter(levels & holds)

    def articles(self):
        """Pages that are not talk pages, users' own pages or categories' pages."""
        return self.filter(namespace=Namespace.ARTICLE)

    def talk_pages(self):
        return self.filter(namespace__in=TALK_NAMESPACES)

    def with_current_revision(self):
        return self.select_related("current_revision", "current_revision__author")

    def for_reading(self):
        """With what a reader is shown of the current revision, and nothing else: its
        stored HTML, not its source; its author's name, not their account."""
        return self.with_current_revision().only(
            "title",
            "slug",
            "namespace",
            "edit_protection",
            "move_protection",
            "protection_expires_at",
            "protection_reason",
            "redirect_to",
            "talk_topics",
            "language",
            "translation_group",
            "translated_from",
            "current_revision__html",
            "current_revision__created_at",
            "current_revision__number",
            "current_revision__page_id",
            "current_revision__author__username",
        )

    def at(self, slug):
        """The page at `slug`, or None. Slugs are unique: nothing to order, which
        spares each page view the work of sorting (and compiling a sort)."""
        return next(iter(self.filter(slug=slug).order_by()[:1]), None)

    def existing_slugs(self, slugs):
        """Return which of `slugs` name a page, in one query."""
        return set(self.filter(slug__in=set(slugs)).values_list("slug", flat=True))


class Page(models.Model):
    title = models.CharField(max_length=SLUG_MAX_LENGTH, verbose_name=_("title"))
    slug = models.SlugField(
        max_length=ADDRESS_MAX_LENGTH,
        allow_unicode=True,
        unique=True,
        help_text=_(
            "Its address, from the title and the namespace (wiki/namespaces.py)."
        ),
        verbose_name=_("slug"),
    )
    namespace = models.PositiveSmallIntegerField(
        choices=Namespace.choices,
        default=Namespace.ARTICLE,
        help_text=_("What kind of page it is: an article, a talk page, a user's…"),
        verbose_name=_("namespace"),
    )
    current_revision = models.OneToOneField(
        "Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The revision readers see; every edit adds one and moves this on."),
        verbose_name=_("current revision"),
    )
    edit_protection = models.CharField(
        max_length=20,
        choices=ProtectionLevel,
        blank=True,
        help_text=_("Who may edit it while its protection holds."),
        verbose_name=_("edit protection"),
    )
    move_protection = models.CharField(
        max_length=20,
        choices=ProtectionLevel,
        blank=True,
        help_text=_("Who may move it while its protection holds."),
        verbose_name=_("move protection"),
    )
    protection_expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When its protection lifts; empty: never."),
        verbose_name=_("protection expires at"),
    )
    protection_reason = models.CharField(
        max_length=300, blank=True, verbose_name=_("protection reason")
    )
    redirect_to = models.CharField(
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        db_index=True,
        help_text=_("The slug its text redirects to (#REDIRECT [[Target]]), if any."),
        verbose_name=_("redirect to"),
    )
    deleted_at = models.DateTimeField(
        null=True, blank=True, db_index=True, verbose_name=_("deleted at")
    )
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
    )
    deletion_reason = models.CharField(
        max_length=300, blank=True, verbose_name=_("deletion reason")
    )
    deleted_slug = models.CharField(
        max_length=ADDRESS_MAX_LENGTH,
        blank=True,
        help_text=_("Its address before deletion, which it takes back when restored."),
        verbose_name=_("deleted slug"),
    )
    language = models.CharField(
        max_length=10,
        default=site_language,
        help_text=_(
            "The language its text is in (one of LANGUAGES); a talk page's is "
            "its page's."
        ),
        verbose_name=_("language"),
    )
    translation_group = models.ForeignKey(
        TranslationGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pages",
        help_text=_("The pages it is a translation of, or that translate it."),
        verbose_name=_("translation group"),
    )
    translated_from = models.ForeignKey(
        "Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "For a translation: the revision of its source page it last "
            "matched; the source's later revisions are what it is behind."
        ),
        verbose_name=_("translated from"),
    )
    talk_topics = models.PositiveIntegerField(
        default=0,
        help_text=_("How many topics its talk page holds."),
        verbose_name=_("talk topics"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(
        auto_now=True, db_index=True, verbose_name=_("updated at")
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = [Lower("title")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(slug=""), name="page_slug_not_empty"
            ),
            models.UniqueConstraint(
                fields=["translation_group", "language"],
                condition=models.Q(
                    translation_group__isnull=False, deleted_at__isnull=True
                ),
                name="one_live_page_per_language_in_a_translation_group",
            ),
        ]
        indexes = [
            # Titles by prefix (search suggestions, the edit form's links): the live
            # pages of a namespace in slug order, read for as far as the answer goes.
            models.Index(
                fields=["namespace", "slug"],
                condition=models.Q(
                    deleted_at__isnull=True, current_revision__isnull=False
                ),
                name="live_pages_by_slug",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.kind == Namespace.CATEGORY:
            return address("wiki:category", slug=self.name)
        if self.kind == Namespace.USER:
            return address("wiki:user", username=self.name)
        if self.is_talk:
            return address("wiki:talk", slug=self.article_slug)
        return address("wiki:page", slug=self.slug)

    @classmethod
    def at_address(cls, slug, **fields):
        """A new page at `slug`, in the namespace that address is in."""
        return cls(slug=slug, namespace=namespace_of(slug), **fields)

    @property
    def kind(self):
        return Namespace(self.namespace)

    @property
    def name(self):
        """What it is called in its namespace: a user's name, a category's slug."""
        return name_in_namespace(self.slug)

    @property
    def is_talk(self):
        return self.kind.is_talk

    @property
    def is_article(self):
        """Neither a talk page nor a user's or a category's own page."""
        return self.kind == Namespace.ARTICLE

    @property
    def owner(self):
        """The username whose user page (or user talk page) this is; None otherwise."""
        return self.name if self.kind.subject == Namespace.USER else None

    @property
    def article_slug(self):
        """The slug of the page this one talks of (its own, for a subject page)."""
        return subject_slug(self.slug)

    @property
    def talk_slug(self):
        return talk_slug(self.slug)

    def get_talk_url(self):
        return address("wiki:talk", slug=self.article_slug)

    def get_article_url(self):
        if self.kind.subject == Namespace.ARTICLE:
            return address("wiki:page", slug=self.article_slug)
        return Page.at_address(self.article_slug).get_absolute_url()

    def protection(self, action, now=None):
        """The level that protects this page against `action` ("edit" or "move")
        now: an expired protection lifts itself, with no job to lift it."""
        level = self.edit_protection if action == "edit" else self.move_protection
        expires = self.protection_expires_at
        if level and expires is not None and expires <= (now or timezone.now()):
            return ProtectionLevel.NONE
        return ProtectionLevel(level)

    @property
    def is_protected(self):
        return bool(self.protection("edit") or self.protection("move"))


class Revision(models.Model):
    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("page")
    )
    number = models.PositiveIntegerField(
        help_text=_("1 for a page's first revision, then 2, 3…"),
        verbose_name=_("number"),
    )
    previous = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next",
        help_text=_("The revision this one was saved on top of."),
        verbose_name=_("previous"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("author"),
    )
    body = models.TextField(help_text=_("Markdown source."), verbose_name=_("body"))
    summary = models.CharField(max_length=300, blank=True, verbose_name=_("summary"))
    size = models.PositiveIntegerField(
        help_text=_("Size of the body in bytes (UTF-8)."), verbose_name=_("size")
    )
    size_change = models.IntegerField(
        help_text=_("Bytes added (+) or removed (−)."), verbose_name=_("size change")
    )
    html = models.TextField(
        help_text=_("Rendered, sanitised HTML of the body, kept to serve."),
        verbose_name=_("html"),
    )
    minor = models.BooleanField(
        default=False,
        help_text=_("Its author marked it a minor edit."),
        verbose_name=_("minor"),
    )
    patrolled = models.BooleanField(
        default=True,
        db_index=True,
        help_text=_("Checked by a patroller, or by an author trusted to need none."),
        verbose_name=_("patrolled"),
    )
    created_at = models.DateTimeField(
        auto_now_add=True, db_index=True, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        constraints = [
            # Two saves against the same base both want the next number: one must lose.
            models.UniqueConstraint(
                fields=["page", "number"], name="revision_number_per_page"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="revision_number_positive"
            ),
        ]

    def __str__(self):
        return f"{self.page} (revision {self.number})"

    def get_absolute_url(self):
        return address("wiki:revision", slug=self.page.slug, pk=self.pk)

    def get_diff_url(self):
        """The change this revision made, or None for a page's first revision."""
        if self.previous_id is None:
            return None
        return address(
            "wiki:diff",
            slug=self.page.slug,
            old_id=self.previous_id,
            new_id=self.pk,
        )


class RevisionTag(models.Model):
    """A change tag on a revision: what the write path saw it do (wiki/tags.py), or
    what an edit filter marked it with."""

    revision = models.ForeignKey(
        Revision,
        on_delete=models.CASCADE,
        related_name="tags",
        verbose_name=_("revision"),
    )
    name = models.SlugField(max_length=60, verbose_name=_("name"))

    class Meta:
        verbose_name = _("revision tag")
        verbose_name_plural = _("revision tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "name"], name="revision_tag_once"
            ),
        ]
        indexes = [models.Index(fields=["name", "revision"], name="tagged_revisions")]

    def __str__(self):
        return self.name


class Link(models.Model):
    """A wiki link from a page's current text to a slug, which may have no page yet."""

    source = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="outgoing_links",
        verbose_name=_("source"),
    )
    target_slug = models.SlugField(
        max_length=SLUG_MAX_LENGTH,
        allow_unicode=True,
        db_index=True,
        verbose_name=_("target slug"),
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target_slug"], name="link_once_per_target"
            ),
        ]

    def __str__(self):
        return f"{self.source.slug} → {self.target_slug}"


class SearchDocument(models.Model):
    """The searchable text of a page as readers see it, kept in step with each save.

    The database's own full-text index sits on this table: SQLite FTS5 or a PostgreSQL
    tsvector with a GIN index (see wiki/search/).
    """

    page = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
        verbose_name=_("page"),
    )
    title = models.CharField(max_length=SLUG_MAX_LENGTH, verbose_name=_("title"))
    text = models.TextField(verbose_name=_("text"))
    # What the index reads: the title's and the text's words, folded alike for both
    # engines (wiki.search.query.terms). The title and text above are for snippets.
    search_title = models.TextField(
        default="", editable=False, verbose_name=_("search title")
    )
    search_text = models.TextField(
        default="", editable=False, verbose_name=_("search text")
    )
    # Its page's language, which searches in that interface language prefer.
    language = models.CharField(
        max_length=10, default="", editable=False, verbose_name=_("language")
    )

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        return self.title

    @classmethod
    def of(cls, page, text):
        """The findable words of `page`, titled as it is, and `text` (unsaved)."""
        from ..search.query import terms

        return cls(
            page=page,
            title=page.title,
            text=text,
            search_title=terms(page.title),
            search_text=terms(text),
            language=page.language,
        )


class PageCategory(models.Model):
    """A page's place in a category: named in its text, or given by an app."""

    page = models.ForeignKey(
        Page,
        on_delete=models.CASCADE,
        related_name="categories",
        verbose_name=_("page"),
    )
    category_slug = models.SlugField(
        max_length=SLUG_MAX_LENGTH, allow_unicode=True, verbose_name=_("category slug")
    )
    category_name = models.CharField(
        max_length=SLUG_MAX_LENGTH, verbose_name=_("category name")
    )
    sort_key = models.CharField(
        max_length=SLUG_MAX_LENGTH,
        help_text=_("Where the page sorts in the category."),
        verbose_name=_("sort key"),
    )

    class Meta:
        verbose_name = _("page category")
        verbose_name_plural = _("page categories")
        ordering = ["category_slug", "sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "category_slug"], name="page_category_once"
            ),
        ]
        indexes = [
            models.Index(fields=["category_slug", "sort_key"], name="category_members"),
        ]

    def __str__(self):
        return f"{self.page} in {self.category_name}"
