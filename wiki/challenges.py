"""The question challenge (ConfirmEdit's QuestyCaptcha): a question about the
wiki's own subject, asked at signup and when a stranger's edit adds external
links. Text only, so every reader can answer it (WCAG 2.2, 3.3.8).

The question asked is kept in the session, so the answer is checked against the
question that was shown; a right answer passes one save, and a wrong one is met by
another question.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .forms.plain_text import PlainTextFormMixin
from .models import ChallengeQuestion

SESSION_KEY = "wiki_challenge"


class ChallengeForm(PlainTextFormMixin, forms.Form):
    """The answer to one question; the field is labelled with the question."""

    answer = forms.CharField(max_length=200)

    def __init__(self, data=None, *, question, wrong=False):
        super().__init__(data)
        self.question = question
        self.wrong = wrong
        self.fields["answer"].label = question.question
        self.fields["answer"].help_text = _("A question to keep out spam robots.")
        self.fields["answer"].widget.attrs["autocomplete"] = "off"

    def clean_answer(self):
        answer = self.cleaned_data["answer"]
        if not self.question.accepts(answer):
            raise ValidationError(_("That is not the answer."), code="wrong")
        return answer


def _ask(request, *, wrong=False):
    """A question picked at random, remembered in the session; None when no
    question is active."""
    question = ChallengeQuestion.objects.filter(active=True).order_by("?").first()
    if question is None:
        request.session.pop(SESSION_KEY, None)
        return None
    request.session[SESSION_KEY] = question.pk
    return ChallengeForm(question=question, wrong=wrong)


def challenge_refused(request):
    """The challenge still to pass for this POST, or None when it is passed (or off,
    or no question is active). The form returned asks anew: its `wrong` says
    whether an answer was given and was not right."""
    if not settings.WIKI_CHALLENGE_ENABLE:
        return None
    asked = request.session.get(SESSION_KEY)
    question = ChallengeQuestion.objects.filter(pk=asked, active=True).first()
    if question is None or "answer" not in request.POST:
        return _ask(request)
    if ChallengeForm(request.POST, question=question).is_valid():
        del request.session[SESSION_KEY]  # one answer passes one save
        return None
    return _ask(request, wrong=True)


def challenge_to_show(request):
    """The question to show with a form's first GET, or None."""
    return _ask(request) if settings.WIKI_CHALLENGE_ENABLE else None
