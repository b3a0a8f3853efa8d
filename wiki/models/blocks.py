"""Blocks: an account, an address or a range of addresses kept from writing, for a
while or for good, site-wide or only from some things."""

import ipaddress

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Ranges no wider than these: a wider one would stop whole providers.
WIDEST_PREFIX = {4: 16, 6: 19}


def address_key(address):
    """An address as a fixed-width text that sorts as the address does: IPv4 in
    IPv6's mapped space, 32 hexadecimal digits. Ranges compare as text, in SQL."""
    ip = ipaddress.ip_address(address)
    if ip.version == 4:
        ip = ipaddress.IPv6Address(f"::ffff:{ip}")
    return f"{int(ip):032x}"


def range_keys(network):
    """The first and last address keys of a network (`10.1.0.0/16`)."""
    net = ipaddress.ip_network(network, strict=False)
    return address_key(net.network_address), address_key(net.broadcast_address)


class BlockQuerySet(models.QuerySet):
    def active(self, now):
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))

    def against(self, *, user, address):
        """Blocks of `user`'s account or of the range holding `address`."""
        key = address_key(address)
        by_address = Q(first_address__lte=key, last_address__gte=key)
        if user is not None and user.is_authenticated:
            return self.filter(Q(user=user) | by_address)
        return self.filter(by_address)


class Block(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="blocks",
        help_text=_("The account blocked; empty for an address or a range."),
        verbose_name=_("user"),
    )
    target = models.CharField(
        max_length=150,
        help_text=_("As staff wrote it: a username, an address, a range."),
        verbose_name=_("target"),
    )
    first_address = models.CharField(
        max_length=32, blank=True, db_index=True, verbose_name=_("first address")
    )
    last_address = models.CharField(
        max_length=32, blank=True, verbose_name=_("last address")
    )
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When it lifts; empty: never."),
        verbose_name=_("expires at"),
    )
    reason = models.CharField(max_length=300, verbose_name=_("reason"))
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("blocked by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    sitewide = models.BooleanField(
        default=True,
        help_text=_("Off: only from what the partial fields below name."),
        verbose_name=_("sitewide"),
    )
    pages = models.ManyToManyField(
        "Page",
        blank=True,
        related_name="+",
        help_text=_("Partial: these pages."),
        verbose_name=_("pages"),
    )
    from_uploads = models.BooleanField(
        default=False, help_text=_("Partial: uploads."), verbose_name=_("from uploads")
    )
    from_talk = models.BooleanField(
        default=False, help_text=_("Partial: talk pages."), verbose_name=_("from talk")
    )
    from_signup = models.BooleanField(
        default=True,
        help_text=_("Its address may not create accounts."),
        verbose_name=_("from signup"),
    )
    allow_own_talk = models.BooleanField(
        default=True,
        help_text=_("The blocked user may still write on their user talk."),
        verbose_name=_("allow own talk"),
    )

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "expires_at"], name="block_user")]

    def __str__(self):
        return f"Block of {self.target}"
