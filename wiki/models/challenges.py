"""The question challenge (ConfirmEdit's QuestyCaptcha): questions only a fan of
the wiki's subject can answer, asked at signup and of strangers' links."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def normalised_answer(text):
    """An answer as compared: case and spacing do not count."""
    return " ".join(text.casefold().split())


class ChallengeQuestion(models.Model):
    question = models.CharField(max_length=300, unique=True, verbose_name=_("question"))
    answers = models.TextField(
        help_text=_("Every accepted answer, one a line."), verbose_name=_("answers")
    )
    active = models.BooleanField(default=True, verbose_name=_("active"))

    class Meta:
        verbose_name = _("challenge question")
        verbose_name_plural = _("challenge questions")
        ordering = ["question"]

    def __str__(self):
        return self.question

    def accepts(self, answer):
        accepted = {normalised_answer(line) for line in self.answers.splitlines()}
        return normalised_answer(answer) in accepted - {""}
