"""Changing the wiki: edit or create a page, revert to an old revision, undo one."""

from functools import partial
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ..blocks import forget_blocks, refused_by_block
from ..challenges import challenge_refused
from ..diffing import diff_hunks
from ..filters import Attempt
from ..forms import EditForm
from ..forms.honeypot import HONEYPOT_REFUSAL
from ..forms.pages import MAX_BODY_BYTES
from ..limits import client_ip, refusal_past_limit
from ..merging import undone_text
from ..models import Page, PageCategory, Revision
from ..models.pages import site_language
from ..namespaces import Namespace, title_in
from ..rights import Action, is_trusted, may, refusal, rights_of
from ..sections import (
    SectionMissing,
    matching_section,
    section_named,
    section_summary,
    section_text,
)
from ..services import (
    EditConflict,
    RollbackRefused,
    edit_filtered,
    honeypot_caught,
    page_rollback,
    page_save,
    revision_revert,
)
from ..services.publishing import page_text
from ..tags import Tag
from ..text import number_in
from ..translations import behind
from .editing_aids import editor_strings

SAVED_TAG = "edit-saved"


def category_name(slug):
    """A category's name as pages write it, or one made from its slug."""
    named = PageCategory.objects.filter(category_slug=slug).first()
    return named.category_name if named else slug.replace("-", " ").capitalize()


def _fixed_title(page):
    """The title a new page takes from its namespace, or None for an article."""
    if page.kind == Namespace.USER:
        return title_in(Namespace.USER, page.name)
    if page.kind == Namespace.CATEGORY:
        return title_in(Namespace.CATEGORY, category_name(page.name))
    return None


def _title_for_new_page(request, slug):
    return request.GET.get("title") or slug.replace("-", " ").capitalize()


def refused_edit(request, page, action=Action.EDIT):
    """The 403 answer when a block or the user's rights keep them from editing
    `page` (with `action`), or None."""
    blocked = refused_by_block(request, "edit", page)
    if blocked:
        return blocked
    refused = refusal(request.user, action, page)
    return _protected(request, page, refused) if refused else None


def _protected(request, page, reason):
    context = {"page": page, "owner": page.owner, "reason": reason}
    return render(
        request, "wiki/page_protected.html", context, status=HTTPStatus.FORBIDDEN
    )


def _edit_form_page(request, form, page, *, status=200, **shown):
    """The edit form, with what else `shown` holds: a preview, a conflict, the
    revision being undone, a challenge, the edit filter's warnings or refusal."""
    language = page.language if page else site_language()
    form.write_in(language)
    context = {
        "form": form,
        "page": page,
        "slug": form.slug,
        "section_title": _section_title(form, page),
        "edit_protected": bool(page and page.protection("edit")),
        "talk_url": page.get_talk_url() if page and not page.is_talk else None,
        "text_language": language,
        **editor_context(form.slug, f"{form.slug}:{_draft_of(form)}"),
        "action": reverse("wiki:edit", kwargs={"slug": form.slug}),
        "cancel_url": page.get_absolute_url() if page else reverse("wiki:page_list"),
        **shown,
    }
    return render(request, "wiki/page_edit.html", context, status=status)


def editor_context(slug, draft_key):
    """What the edit form's scripts need: where to ask for a live preview of the
    page at `slug`, and the key its draft is kept under in the browser."""
    return {
        "preview_url": reverse("wiki:edit_preview", kwargs={"slug": slug}),
        "draft_key": draft_key,
        "editor_strings": editor_strings(),
    }


def _draft_of(form):
    """A draft is kept per base revision and section: a draft of another base is
    another editor's starting point, offered back only where it began."""
    base = form["base_revision"].value() or "new"
    section = form.section_number
    return f"{base}:{'all' if section is None else section}"


def _section_title(form, page):
    """The heading of the section the form edits, or None for the whole page."""
    if form.section_number is None or page is None:
        return None
    if form.section_number == 0:
        return _("introduction")
    if form.base is None:
        return None
    try:
        return section_named(form.base.body, form.section_number).title
    except SectionMissing:
        return None


def _edit_form(request, *args, **kwargs):
    """The edit form for this user: the minor mark only for those who may set it."""
    may_mark_minor = may(request.user, Action.MINOR)
    return EditForm(*args, may_mark_minor=may_mark_minor, **kwargs)


def _conflict_form(request, form, page, conflict):
    """The 409 answer: the other text beside the editor's, which stays in the form.

    A section's edit is shown again as that section of the current text, when it is
    still there under its heading; otherwise as the whole page, the editor's section
    put back into the text they started from.
    """
    current = conflict.current
    data = form.data.copy()
    data["base_revision"] = current.pk
    their_text = current.body
    if form.section_number is not None:
        number = matching_section(form.base.body, form.section_number, current.body)
        if number is None:
            data["body"], data["section"] = form.cleaned_data["whole_body"], ""
        else:
            data["section"] = number
            their_text = section_text(current.body, number)
    fresh = _edit_form(request, data, slug=form.slug, page=page, is_new=False)
    return _edit_form_page(
        request,
        fresh,
        page or current.page,
        status=HTTPStatus.CONFLICT,
        conflict=current,
        their_text=their_text,
    )


def _initial_edit(request, page, is_new, slug):
    """What the edit form starts with, and what it shows besides: the current text,
    an old revision's (`?oldid=N`, warned of) or a section (`?section=N`); a new
    page's title."""
    if page is None:
        return {"title": _title_for_new_page(request, slug)} if is_new else {}, {}
    current = page.current_revision
    initial = {"body": current.body, "base_revision": current.pk}
    asked = number_in(request.GET.get("oldid"))
    old = page.revisions.filter(pk=asked).first() if asked else None
    if old is not None and old.pk != current.pk:
        initial["body"] = old.body
        return initial, {"old_revision": old}
    return _initial_section(request, initial, current), {}


def _initial_section(request, initial, current):
    """The form's start for the section `?section=N` names, if the text has it."""
    asked = request.GET.get("section", "")
    if not asked:
        return initial
    try:
        number = number_in(asked)
        number = -1 if number is None else number
        section = section_named(current.body, number)
    except SectionMissing:
        messages.error(
            request,
            _("The page has no section %(number)s; here is the whole text.")
            % {"number": asked[:20]},
        )
        return initial
    initial.update(
        body=section_text(current.body, number),
        section=number,
        summary=section_summary(section.title),
    )
    return initial


@login_required
def page_edit(request, slug):
    """GET the edit form of a page (new if missing); POST to preview or save it."""
    page = Page.objects.with_current_revision().filter(slug=slug).first()
    target = page or Page.at_address(slug, title=slug)
    if page is None and target.is_talk:
        # A talk page starts with its first topic, signed, from the talk page.
        return redirect(target.get_absolute_url())
    refused = refused_edit(request, target, Action.EDIT if page else Action.CREATE)
    if refused:
        return refused
    # A user's or a category's page is titled after them; only an article takes one.
    is_new = page is None and target.is_article
    fixed_title = None if page else _fixed_title(target)
    lag = behind(page) if page else None
    if request.method != "POST":
        initial, shown = _initial_edit(request, page, is_new, slug)
        form = _edit_form(
            request, initial=initial, slug=slug, page=page, is_new=is_new, behind=lag
        )
        return _edit_form_page(request, form, page, **shown)
    form = _edit_form(
        request, request.POST, slug=slug, page=page, is_new=is_new, behind=lag
    )
    return _edit_posted(request, form, page, fixed_title or (page and page.title))


def _edit_posted(request, form, page, title):
    """Preview or save a posted edit (`title`: the page's, unless the form takes
    one), unless the form, the limits, the challenge or the filter stop it."""
    again = partial(_edit_form_page, request, form, page)
    tags, answer = screened_post(request, form, page, title, again)
    if answer:
        return answer
    data = form.cleaned_data
    try:
        result = page_save(
            slug=form.slug,
            title=data.get("title") or title,
            body=data["whole_body"],
            summary=data["summary"],
            author=request.user,
            base_revision_id=data["base_revision"],
            minor=data.get("minor", False),
            tags=tags,
            caught_up=data.get("caught_up", False),
        )
    except EditConflict as conflict:
        return _conflict_form(request, form, page, conflict)
    # Tagged, so that the page it lands on drops the draft kept in the browser.
    saved = {"extra_tags": SAVED_TAG}
    if not result.changed:
        messages.info(
            request, _("You saved no change, so no revision was made."), **saved
        )
    elif result.merged:
        messages.success(
            request,
            _("Saved: your edit was merged with a change made meanwhile."),
            **saved,
        )
    else:
        messages.success(request, _("Saved."), **saved)
    return redirect("wiki:page", slug=form.slug)


def screened_post(request, form, page, title, again):
    """What stops a posted text before it is saved: a robot's or a bad form, a
    preview asked for, the request limits, the question challenge, the edit filter.
    (The tags to save it with, None), or (None, the answer): `again(status=…,
    **shown)` draws the form once more, with what it should show."""
    refused = _refused_form(request, form, page, again)
    if refused:
        return None, refused
    if "preview" in request.POST:
        return None, again(preview=_preview(form, page))
    if "diff" in request.POST:
        return None, again(changes=_changes_made(form, page))
    refused = refusal_past_limit(request, "save", lambda status: again(status=status))
    if refused:
        return None, refused
    return _screened(
        request, form, page, form.cleaned_data.get("title") or title, again
    )


def _preview(form, page):
    """The form's text as the page will show it once saved (a translation's, in the
    language chosen for it)."""
    if page is None:
        page = Page.at_address(form.slug, title=form.slug)
        page.language = form.cleaned_data.get("language") or site_language()
    return page_text(page, form.cleaned_data["body"])[2]


def _changes_made(form, page):
    """The diff of the form's text against the text the editor started from (the
    page's current text, for a new edit): 'Show changes'."""
    base = form.base or (page.current_revision if page else None)
    return diff_hunks(base.body if base else "", form.cleaned_data["whole_body"])


def _refused_form(request, form, page, again):
    """The answer to a form a robot filled (the honeypot, logged) or that does not
    hold (400; 413 for a text too large), with its text; None for a good one."""
    if form.honeypot_filled:
        honeypot_caught(
            where=page.title if page else form.slug,
            user=request.user,
            address=client_ip(request),
            text=request.POST.get("body", "")[:MAX_BODY_BYTES],
        )
        messages.error(request, HONEYPOT_REFUSAL)
        return again(status=HTTPStatus.BAD_REQUEST)
    if form.is_valid():
        return None
    status = (
        HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        if form.is_too_large
        else HTTPStatus.BAD_REQUEST
    )
    return again(status=status)


def _screened(request, form, page, title, again):
    """Put an edit to the question challenge (a stranger's new links) and the edit
    filter: (the tags to save it with, None), or (None, the answer that stops it)."""
    data = form.cleaned_data
    attempt = Attempt(
        title=title,
        slug=form.slug,
        old_text=page.current_revision.body if page else "",
        new_text=data["whole_body"],
        summary=data["summary"],
        tier=rights_of(request.user).tier,
    )
    if not is_trusted(request.user) and attempt.links_added:
        challenge = challenge_refused(request)
        if challenge is not None:
            status = HTTPStatus.BAD_REQUEST if challenge.wrong else HTTPStatus.OK
            return None, again(status=status, challenge=challenge)
    verdict = edit_filtered(
        attempt=attempt,
        user=request.user,
        address=client_ip(request),
        warned=data["warned"],
    )
    if verdict.blocked:
        forget_blocks(request)
        return None, refused_by_block(request, "edit", page)
    if verdict.refusal:
        return None, again(status=HTTPStatus.FORBIDDEN, filter_refusal=verdict.refusal)
    if verdict.warnings:
        form.warn(data["warned"] | verdict.warnings.keys())
        return None, again(filter_warnings=list(verdict.warnings.values()))
    undoes = (
        data.get("undo") and page and page.revisions.filter(pk=data["undo"]).exists()
    )
    return verdict.tags | ({Tag.UNDO} if undoes else set()), None


@require_POST
@login_required
def revision_revert_view(request, slug, pk):
    """Make revision `pk` the page's text again, as a new revision."""
    revision = get_object_or_404(
        Revision.objects.select_related("page"), pk=pk, page__slug=slug
    )
    refused = refused_edit(request, revision.page)
    if refused:
        return refused
    refused = refusal_past_limit(request, "save")
    if refused:
        return refused
    try:
        result = revision_revert(revision=revision, author=request.user)
    except EditConflict:
        messages.error(
            request, _("The page changed while you reverted; please try again.")
        )
        return redirect("wiki:history", slug=slug)
    if not result.changed:
        messages.info(
            request,
            _("Revision %(number)d is already the current text.")
            % {"number": revision.number},
        )
    else:
        messages.success(
            request,
            _("Reverted to revision %(number)d.") % {"number": revision.number},
        )
    return redirect("wiki:page", slug=slug)


def _undo_summary(revision):
    author = revision.author.username if revision.author else "the wiki"
    return f"Undo revision {revision.number} by {author}"


@login_required
def revision_undo(request, slug, pk):
    """The edit form with one revision's change taken back from the current text.

    Nothing is saved here: the editor checks the text and saves it as any edit, so a
    save made meanwhile is merged or answered with a conflict as usual.
    """
    revision = get_object_or_404(
        Revision.objects.select_related("page", "author", "previous"),
        pk=pk,
        page__slug=slug,
    )
    page = Page.objects.with_current_revision().get(pk=revision.page_id)
    refused = refused_edit(request, page)
    if refused:
        return refused
    if revision.previous is None:
        messages.error(
            request,
            _(
                "Revision %(number)d created the page, so there is nothing before "
                "it to go back to."
            )
            % {"number": revision.number},
        )
        return redirect("wiki:history", slug=slug)
    current = page.current_revision
    body = undone_text(revision=revision, current=current)
    if body is None:
        context = {
            "page": page,
            "revision": revision,
            "hunks": diff_hunks(revision.previous.body, revision.body),
        }
        return render(
            request, "wiki/undo_conflict.html", context, status=HTTPStatus.CONFLICT
        )
    initial = {
        "body": body,
        "summary": _undo_summary(revision),
        "base_revision": current.pk,
        "undo": revision.pk,
    }
    form = _edit_form(request, initial=initial, slug=slug, is_new=False)
    return _edit_form_page(request, form, page, undoing=revision)


@require_POST
@login_required
def page_rollback_view(request, slug, username):
    """Take back `username`'s latest consecutive edits of the page in one revision."""
    page = get_object_or_404(Page.objects.live(), slug=slug)
    refused = refused_edit(request, page, Action.ROLLBACK)
    if refused:
        return refused
    past_limit = refusal_past_limit(request, "save")
    if past_limit:
        return past_limit
    try:
        revision = page_rollback(page=page, username=username, actor=request.user)[1]
    except RollbackRefused as refused:
        messages.error(request, _("Not rolled back: %(why)s") % {"why": refused})
        return redirect("wiki:history", slug=slug)
    messages.success(request, f"{revision.summary}.")
    return redirect(page)
