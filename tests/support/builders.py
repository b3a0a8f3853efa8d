"""Pages made and edited through the write path, as an editor would."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wiki.models import Page, Revision
from wiki.namespaces import slug_for_title
from wiki.services import page_save


def create_page(title="Sample page", body="Some text.", author=None, summary=""):
    """A new page with its first revision."""
    return page_save(
        slug=slug_for_title(title),
        title=title,
        body=body,
        author=author,
        summary=summary,
    ).revision.page


def edit_page(page, body, author=None, summary="", minor=False):
    """A new revision on top of the page's current one; returns that revision."""
    current = Page.objects.get(pk=page.pk).current_revision_id
    return page_save(
        slug=page.slug,
        title=page.title,
        body=body,
        author=author,
        summary=summary,
        base_revision_id=current,
        minor=minor,
    ).revision


def make_account(username, *, days_old=0, edits=0, groups=(), staff=False):
    """An account `days_old` days old with `edits` edits (on a sandbox page of its
    own, long since patrolled), in `groups`."""
    user = get_user_model().objects.create_user(username, password="pw-long-enough")
    user.date_joined = timezone.now() - timedelta(days=days_old)
    user.is_staff = staff
    user.save()
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    if edits:
        page = create_page(title=f"Sandbox of {username}", body="0", author=user)
        for n in range(1, edits):
            edit_page(page, str(n), author=user)
        Revision.objects.filter(author=user).update(patrolled=True)
    return user
