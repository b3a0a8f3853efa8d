"""Admin for django-axes' login lockouts, with a plain way to lift one."""

import logging

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

logger = logging.getLogger("wiki.accounts")

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    actions = [*AccessAttemptAdmin.actions, "unlock"]

    @admin.action(description=_("Unlock the selected accounts at their addresses"))
    def unlock(self, request, queryset):
        pairs = list(queryset.values_list("username", "ip_address"))
        queryset.delete()
        for username, address in pairs:
            logger.warning(
                "Login lockout of %r at %s lifted by %s.",
                username,
                address,
                request.user.username,
            )
        self.message_user(
            request,
            ngettext(
                "Unlocked %(count)d account.",
                "Unlocked %(count)d accounts.",
                len(pairs),
            )
            % {"count": len(pairs)},
        )
