"""The question challenge (ConfirmEdit's QuestyCaptcha): questions only a fan of
the wiki's subject can answer, asked at signup and of strangers' links."""

from django.db import models


def normalised_answer(text):
    """An answer as compared: case and spacing do not count."""
    return " ".join(text.casefold().split())


class ChallengeQuestion(models.Model):
    question = models.CharField(max_length=300, unique=True)
    answers = models.TextField(help_text="Every accepted answer, one a line.")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["question"]

    def __str__(self):
        return self.question

    def accepts(self, answer):
        accepted = {normalised_answer(line) for line in self.answers.splitlines()}
        return normalised_answer(answer) in accepted - {""}
