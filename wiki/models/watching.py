"""Who follows which pages, and how each user wants to be kept told."""

from django.conf import settings
from django.db import models

from .pages import Page


class Watch(models.Model):
    """A user follows a page: its changes appear on their watchlist."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches"
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["page__title"]
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="watch_once"),
        ]

    def __str__(self):
        return f"{self.user} watches {self.page}"


class Preferences(models.Model):
    """A user's choices for the wiki; a user without a row has the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="wiki_preferences",
    )
    watch_edited_pages = models.BooleanField(
        "add pages I edit or create to my watchlist", default=True
    )

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self):
        return f"Preferences of {self.user}"

    @classmethod
    def of(cls, user):
        """The user's preferences, unsaved defaults when they never chose."""
        return cls.objects.filter(user=user).first() or cls(user=user)
