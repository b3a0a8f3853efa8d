"""The tiers of trust a user climbs (wiki/rights.py says what each may do)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.IntegerChoices):
    ANONYMOUS = 0, _("anonymous")
    NEW = 1, _("new user")
    AUTOCONFIRMED = 2, _("autoconfirmed user")
    STAFF = 3, _("staff")
