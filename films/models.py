"""The structured data of the film, its characters, actors and remakes."""

import operator
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wiki.addresses import address
from wiki.models import SLUG_MAX_LENGTH

from .languages import language_code, language_code_validator

FIRST_FILM_YEAR = 1888
LAST_PLAUSIBLE_YEAR = 2100


@dataclass(frozen=True)
class Credit:
    """A subject named in a list of people or works: `Ye-sung (child) in Film`.

    Models say who is credited; one template (films/includes/credits.html) says how.
    """

    subject: object
    note: str = ""
    within: object = None


def year_field(**kwargs):
    return models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(FIRST_FILM_YEAR),
            MaxValueValidator(LAST_PLAUSIBLE_YEAR),
        ],
        **kwargs,
    )


def valid_year(field):
    """A CheckConstraint: `field` is empty or a year cinema could have."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__range": (FIRST_FILM_YEAR, LAST_PLAUSIBLE_YEAR)}),
        name="%(app_label)s_%(class)s_valid_" + field,
    )


class Subject(models.Model):
    """Something with a wiki page of its own, at /wiki/<slug>/."""

    slug = models.SlugField(
        max_length=SLUG_MAX_LENGTH,
        allow_unicode=True,
        unique=True,
        help_text=_("Its wiki page is /wiki/<slug>/. Cannot be changed later."),
        verbose_name=_("slug"),
    )
    # Every change, by whom and when: each subject's "data history" (films.history).
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True

    # The language of `page_title` where it is not the data's own (English): "tr".
    page_title_language = ""

    # Each subject names its page through `page_title` (a property; a field on Remake).
    def __str__(self):
        return self.page_title

    def get_absolute_url(self):
        return address("wiki:page", slug=self.slug)

    def clean(self):
        super().clean()
        from .subjects import owner_of_slug  # the registry needs these models first

        owner = owner_of_slug(self.slug, other_than=self)
        if owner is not None:
            kind = owner.model._meta.verbose_name
            message = f"The page /wiki/{self.slug}/ already belongs to a {kind}."
            raise ValidationError({"slug": ValidationError(message, code="slug_taken")})


class Film(Subject):
    title = models.CharField(max_length=200, verbose_name=_("title"))
    original_title = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("In its own script, e.g. 7번방의 선물."),
        verbose_name=_("original title"),
    )
    romanized_title = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Revised Romanization of the original title."),
        verbose_name=_("romanized title"),
    )
    literal_title = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Literal English translation of the original title."),
        verbose_name=_("literal title"),
    )
    working_title = models.CharField(
        max_length=200, blank=True, verbose_name=_("working title")
    )
    working_title_original = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The working title in its own script."),
        verbose_name=_("original working title"),
    )
    year = year_field(verbose_name=_("year"))
    country = models.CharField(max_length=100, verbose_name=_("country"))
    language = models.CharField(max_length=100, verbose_name=_("language"))
    genre = models.CharField(max_length=100, blank=True, verbose_name=_("genre"))
    logline = models.TextField(
        blank=True,
        help_text=_("What the film is about, in a sentence."),
        verbose_name=_("logline"),
    )
    based_on = models.TextField(
        blank=True,
        help_text=_("The real events the story is based on."),
        verbose_name=_("based on"),
    )
    budget = models.CharField(max_length=200, blank=True, verbose_name=_("budget"))
    break_even_admissions = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("break-even admissions")
    )

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("films")
        ordering = ["year", "title"]
        constraints = [valid_year("year")]

    @property
    def page_title(self):
        return self.title

    @property
    def original_title_language(self):
        """The code of the language the original title is in ("ko"), or ""."""
        return language_code(self.language)

    def leading_actors(self):
        """The actors of the leading roles in billing order (from prefetched roles)."""
        return [role.actor for role in self.roles.all() if role.is_starring]

    def leading_credits(self):
        return [Credit(actor) for actor in self.leading_actors()]

    def remake_credits(self):
        return [Credit(remake) for remake in self.remakes.all()]


class Actor(Subject):
    name = models.CharField(max_length=200, verbose_name=_("name"))
    name_language = models.CharField(
        max_length=20,
        blank=True,
        validators=[language_code_validator],
        help_text=_(
            "The language the name is in, as a code (tr for Aras Bulut "
            "İynemli); blank for a name written as English writes it."
        ),
        verbose_name=_("name language"),
    )

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = [Lower("name")]

    @property
    def page_title(self):
        return self.name

    @property
    def page_title_language(self):
        return self.name_language

    def character_credits(self):
        """Whom the actor plays, and in which film (from prefetched roles)."""
        return [
            Credit(role.character, role.note, within=role.film)
            for role in self.roles.all()
        ]

    def remake_credits(self):
        """The remakes the actor stars in (from prefetched remake stars)."""
        return [Credit(star.remake, star.role_note) for star in self.remake_stars.all()]


class Character(Subject):
    name = models.CharField(max_length=200, verbose_name=_("name"))
    film = models.ForeignKey(
        Film,
        on_delete=models.PROTECT,
        related_name="characters",
        verbose_name=_("film"),
    )
    description = models.TextField(blank=True, verbose_name=_("description"))

    class Meta:
        verbose_name = _("character")
        verbose_name_plural = _("characters")
        ordering = ["film", Lower("name")]

    @property
    def page_title(self):
        return self.name

    def actor_credits(self):
        """Who plays the character (from prefetched roles)."""
        return [Credit(role.actor, role.note) for role in self.roles.all()]

    def version_credits(self):
        """Who plays the character in each remake, under which name (from prefetched
        versions)."""
        return [
            Credit(star.actor, star.role_note, within=star.remake)
            for star in self.versions.all()
        ]


class Role(models.Model):
    """Who plays whom; one character may have several actors (child, adult)."""

    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="roles", verbose_name=_("film")
    )
    character = models.ForeignKey(
        Character,
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("character"),
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="roles", verbose_name=_("actor")
    )
    note = models.CharField(
        max_length=100,
        blank=True,
        help_text=_('Which part of the role, e.g. "child" or "adult".'),
        verbose_name=_("note"),
    )
    billing = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order in the cast list."), verbose_name=_("billing")
    )
    is_starring = models.BooleanField("starring", default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["film", "billing", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "character", "actor"], name="films_role_once_per_actor"
            ),
        ]

    def __str__(self):
        note = f" ({self.note})" if self.note else ""
        return f"{self.actor} as {self.character}{note}"

    def clean(self):
        super().clean()
        if self.character_id and self.character.film_id != self.film_id:
            message = f"{self.character} is a character of another film."
            error = ValidationError(message, code="character_of_another_film")
            raise ValidationError({"character": error})


class BoxOfficeFigure(models.Model):
    """A dated box-office milestone: admissions or takings reached during the run."""

    film = models.ForeignKey(
        Film,
        on_delete=models.CASCADE,
        related_name="box_office",
        verbose_name=_("film"),
    )
    days_after_release = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("days after release")
    )
    date = models.DateField(null=True, blank=True, verbose_name=_("date"))
    period = models.CharField(
        max_length=100,
        blank=True,
        help_text=_('A span rather than a day, e.g. "third week".'),
        verbose_name=_("period"),
    )
    admissions = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("admissions")
    )
    gross_usd = models.PositiveBigIntegerField(
        _("gross (US$)"),
        null=True,
        blank=True,
        help_text=_("At least this much, in US dollars."),
    )
    description = models.CharField(max_length=300, verbose_name=_("description"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("box-office figure")
        verbose_name_plural = _("box-office figures")
        ordering = ["film", "days_after_release", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(admissions__isnull=True)
                | models.Q(admissions__gte=0),
                name="films_boxoffice_admissions_not_negative",
            ),
        ]

    def __str__(self):
        return self.description


class Remake(Subject):
    title = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("As released; blank where no title is known."),
        verbose_name=_("title"),
    )
    original_title = models.CharField(
        max_length=200, blank=True, verbose_name=_("original title")
    )
    page_title = models.CharField(
        max_length=200,
        unique=True,
        help_text=_(
            "Told apart the way encyclopedias do: Title (2019 Philippine film)."
        ),
        verbose_name=_("page title"),
    )
    original = models.ForeignKey(
        Film,
        on_delete=models.PROTECT,
        related_name="remakes",
        verbose_name=_("original"),
    )
    country = models.CharField(max_length=100, verbose_name=_("country"))
    language = models.CharField(max_length=100, blank=True, verbose_name=_("language"))
    year = year_field(null=True, blank=True, verbose_name=_("year"))
    studio = models.CharField(max_length=200, blank=True, verbose_name=_("studio"))
    director = models.CharField(max_length=200, blank=True, verbose_name=_("director"))
    notes = models.TextField(blank=True, verbose_name=_("notes"))

    class Meta:
        verbose_name = _("remake")
        verbose_name_plural = _("remakes")
        ordering = [models.F("year").asc(nulls_last=True), "country"]
        constraints = [valid_year("year")]

    @property
    def original_title_language(self):
        """The code of the language its original title is in ("tr"), or ""."""
        return language_code(self.language)

    @property
    def page_title_language(self):
        """The language of its page's title where that is its original title."""
        if self.original_title and self.page_title == self.original_title:
            return self.original_title_language
        return ""

    def star_credits(self):
        """Who stars in the remake, in billing order (from prefetched stars)."""
        return [Credit(star.actor, star.role_note) for star in self.stars.all()]


class RemakeStar(models.Model):
    """An actor in a remake's cast (`remake.stars`, `actor.remake_stars`), and, where
    known, the character of the original they play there (`character.versions`)."""

    remake = models.ForeignKey(
        Remake, on_delete=models.CASCADE, related_name="stars", verbose_name=_("remake")
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        related_name="remake_stars",
        verbose_name=_("actor"),
    )
    is_lead = models.BooleanField("in the lead role", default=False)
    billing = models.PositiveSmallIntegerField(default=0, verbose_name=_("billing"))
    character = models.ForeignKey(
        Character,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versions",
        help_text=_("The character of the original film this role corresponds to."),
        verbose_name=_("character"),
    )
    character_name = models.CharField(
        _("local name"),
        max_length=200,
        blank=True,
        help_text=_("The character's name in this version, where it has its own."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cast member")
        verbose_name_plural = _("cast")
        ordering = ["remake", "billing", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["remake", "actor"], name="films_remakestar_once"
            ),
        ]

    def __str__(self):
        return f"{self.actor} in {self.remake}"

    def clean(self):
        super().clean()
        if (
            self.character_id
            and self.remake_id
            and self.character.film_id != self.remake.original_id
        ):
            message = (
                f"{self.character} is a character of {self.character.film}, "
                f"not of {self.remake.original}, which this film remakes."
            )
            raise ValidationError(
                {"character": ValidationError(message, code="other_film")}
            )

    @property
    def local_name(self):
        """Whom the actor plays here: the local name, else the original's name."""
        if self.character_name:
            return self.character_name
        return self.character.name if self.character_id else ""

    @property
    def role_note(self):
        """How a list of people words the role: `as Name, lead role`."""
        parts = [f"as {self.local_name}" if self.local_name else ""]
        parts.append("lead role" if self.is_lead else "")
        return ", ".join(part for part in parts if part)


class ExternalLink(models.Model):
    film = models.ForeignKey(
        Film,
        on_delete=models.CASCADE,
        related_name="external_links",
        verbose_name=_("film"),
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    url = models.URLField(
        blank=True,
        help_text=_(
            "The film's page on that site; where that is not known, the "
            "site's own search for the film's title."
        ),
        verbose_name=_("url"),
    )
    position = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("external link")
        verbose_name_plural = _("external links")
        ordering = ["film", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "name"], name="films_externallink_once"
            ),
        ]

    def __str__(self):
        return self.name


# The kinds of subject a Name may name, one of them each.
NAMED_SUBJECTS = ("film", "character", "actor", "remake")


class Name(models.Model):
    """A subject's name or title in another language or script (`subject.names`):
    7번방의 선물 is the film's in Korean. Pages in that interface language show it,
    with the name their title gives beside it."""

    film = models.ForeignKey(
        Film,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="names",
        verbose_name=_("film"),
    )
    character = models.ForeignKey(
        Character,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="names",
        verbose_name=_("character"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="names",
        verbose_name=_("actor"),
    )
    remake = models.ForeignKey(
        Remake,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="names",
        verbose_name=_("remake"),
    )
    language = models.CharField(
        max_length=20,
        validators=[language_code_validator],
        help_text=_(
            "A language code, with its script where it is not the usual one: "
            "ko, tr, hi, kn-Latn."
        ),
        verbose_name=_("language"),
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))

    history = HistoricalRecords()

    SUBJECTS = NAMED_SUBJECTS

    class Meta:
        verbose_name = _("name")
        verbose_name_plural = _("names")
        ordering = ["language", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=reduce(
                    operator.or_,
                    (
                        models.Q(**{f"{k}__isnull": k != kind for k in NAMED_SUBJECTS})
                        for kind in NAMED_SUBJECTS
                    ),
                ),
                name="films_name_of_one_subject",
            ),
            *(
                models.UniqueConstraint(
                    fields=[subject, "language"],
                    condition=models.Q(**{f"{subject}__isnull": False}),
                    name=f"films_name_one_per_language_of_{subject}",
                )
                for subject in NAMED_SUBJECTS
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"

    @property
    def subject(self):
        return next(
            getattr(self, kind) for kind in self.SUBJECTS if getattr(self, f"{kind}_id")
        )
