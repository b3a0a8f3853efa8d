"""Admin for django-axes' login lockouts, with a plain way to lift one."""

import logging

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin

logger = logging.getLogger("wiki.accounts")

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    actions = [*AccessAttemptAdmin.actions, "unlock"]

    @admin.action(description="Unlock the selected accounts at their addresses")
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
        self.message_user(request, f"Unlocked {len(pairs)} account(s).")
