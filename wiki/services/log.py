"""Writes of the site log. Each is called by the service whose change it records,
inside that change's transaction, so an event is logged exactly when it happened."""

from django.urls import reverse

from ..models import LogEntry, LogKind


def log_event(*, kind, actor, target, target_url="", comment=""):
    return LogEntry.objects.create(
        kind=kind,
        actor=actor,
        target=target,
        target_url=target_url,
        comment=comment,
    )


def log_account_created(*, user):
    """Record a new account (signup)."""
    return log_event(
        kind=LogKind.ACCOUNT,
        actor=user,
        target=user.username,
        target_url=reverse("wiki:user", kwargs={"username": user.username}),
    )
