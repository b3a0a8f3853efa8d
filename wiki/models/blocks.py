"""Blocks: an account, an address or a range of addresses kept from writing, for a
while or for good, site-wide or only from some things."""

import ipaddress

from django.conf import settings
from django.db import models
from django.db.models import Q

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
        help_text="The account blocked; empty for an address or a range.",
    )
    target = models.CharField(
        max_length=150, help_text="As staff wrote it: a username, an address, a range."
    )
    first_address = models.CharField(max_length=32, blank=True, db_index=True)
    last_address = models.CharField(max_length=32, blank=True)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="When it lifts; empty: never."
    )
    reason = models.CharField(max_length=300)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sitewide = models.BooleanField(
        default=True, help_text="Off: only from what the partial fields below name."
    )
    pages = models.ManyToManyField(
        "Page", blank=True, related_name="+", help_text="Partial: these pages."
    )
    from_uploads = models.BooleanField(default=False, help_text="Partial: uploads.")
    from_talk = models.BooleanField(default=False, help_text="Partial: talk pages.")
    from_signup = models.BooleanField(
        default=True, help_text="Its address may not create accounts."
    )
    allow_own_talk = models.BooleanField(
        default=True, help_text="The blocked user may still write on their user talk."
    )

    objects = BlockQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "expires_at"], name="block_user")]

    def __str__(self):
        return f"Block of {self.target}"
