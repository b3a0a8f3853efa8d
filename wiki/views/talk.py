"""Talk pages: reading one with its topics, starting a topic, replying to one.

A talk page is a page in its subject's talk namespace: editing, history, diffs and
revert are the ordinary page views at its address.
"""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import talk
from ..blocks import refused_by_block
from ..challenges import challenge_refused
from ..forms import ReplyForm, TopicForm
from ..limits import refusal_past_limit
from ..models import Page
from ..namespaces import (
    Namespace,
    namespace_of,
    subject_slug,
    talk_title,
    title_in,
)
from ..page_cache import cached_for_readers, of_page
from ..rights import is_trusted
from ..services import NoSuchTopic, talk_reply_add, talk_topic_add
from ..tags import external_links
from ..text import number_in


def _subject_of(slug):
    """The page the talk page of `slug` talks of; 404 when there is none."""
    subject = Page.objects.live().filter(slug=slug).first()
    page = subject or Page.at_address(slug)
    if subject is None and page.kind == Namespace.USER:
        # A user's talk page needs the user, not a page they wrote about themselves.
        member = get_object_or_404(get_user_model(), username=page.owner)
        page.title = title_in(Namespace.USER, member.username)
        return page
    if subject is None:
        raise Http404(_("There is no page to talk about here."))
    return subject


def _subject_of_talk(talk_slug):
    """The page the talk page at `talk_slug` talks of; 404 for any other page."""
    if not namespace_of(talk_slug).is_talk:
        raise Http404(_("No such talk page."))
    return _subject_of(subject_slug(talk_slug))


@cached_for_readers(tags=of_page)
def talk_page_view(request, slug):
    """/wiki/<slug>/talk/: the talk page of the page at `slug`."""
    return talk_page(request, _subject_of(slug))


def talk_page(
    request,
    article,
    *,
    topic_form=None,
    reply_form=None,
    challenge=None,
    status=HTTPStatus.OK,
):
    """A talk page, which may have no text yet, with the forms to post on it (and
    the question challenge in the one that was posted, when it asks one)."""
    page = (
        Page.objects.live().with_current_revision().filter(slug=article.talk_slug)
    ).first()
    subjects = talk.topics(page.current_revision.body) if page else []
    asked = reply_form["topic"].value() if reply_form else request.GET.get("reply")
    asked = str(asked or "")
    replying_to = number_in(asked)
    if replying_to is not None and replying_to >= len(subjects):
        replying_to = None
    context = {
        "article": article,
        "talk_title": talk_title(article.title),
        "page": page,
        "revision": page.current_revision if page else None,
        "topics": list(enumerate(subjects)),
        "topic_form": topic_form or TopicForm(),
        "reply_form": reply_form or ReplyForm(initial={"topic": replying_to}),
        "replying_to": replying_to,
        # A refused reply is shown again whatever its topic, to keep its text.
        "show_reply_form": replying_to is not None or reply_form is not None,
        "challenge": challenge,
        "challenged_form": "reply" if reply_form else "topic",
    }
    return render(request, "wiki/talk_page.html", context, status=status)


def _post(request, slug, *, form_class, form_name, service, posted):
    """Check a post's form and the save limit, hand it to `service`, and say so.

    A refused post shows the talk page again with the text kept in its form.
    """
    article = _subject_of_talk(slug)
    existing = Page.objects.live().filter(slug=article.talk_slug).first()
    blocked = refused_by_block(
        request, "talk", existing or Page.at_address(article.talk_slug)
    )
    if blocked:
        return blocked
    form = form_class(request.POST)

    def refused(status, challenge=None):
        return talk_page(
            request, article, status=status, challenge=challenge, **{form_name: form}
        )

    if not form.is_valid():
        return refused(HTTPStatus.BAD_REQUEST)
    past_limit = refusal_past_limit(request, "save", refused)
    if past_limit:
        return past_limit
    if not is_trusted(request.user) and external_links(form.cleaned_data["message"]):
        challenge = challenge_refused(request)
        if challenge is not None:
            status = HTTPStatus.BAD_REQUEST if challenge.wrong else HTTPStatus.OK
            return refused(status, challenge)
    try:
        service(page=article, author=request.user, **form.cleaned_data)
    except NoSuchTopic:
        messages.error(request, _("That topic is no longer on the page; post anew."))
        return refused(HTTPStatus.CONFLICT)
    messages.success(request, posted)
    return redirect(article.get_talk_url())


@require_POST
@login_required
def talk_topic_view(request, slug):
    """Start a topic on a talk page."""
    return _post(
        request,
        slug,
        form_class=TopicForm,
        form_name="topic_form",
        service=talk_topic_add,
        posted=_("Your topic is posted."),
    )


@require_POST
@login_required
def talk_reply_view(request, slug):
    """Reply to one topic of a talk page."""
    return _post(
        request,
        slug,
        form_class=ReplyForm,
        form_name="reply_form",
        service=talk_reply_add,
        posted=_("Your reply is posted."),
    )
