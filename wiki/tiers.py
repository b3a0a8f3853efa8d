"""The tiers of trust a user climbs (wiki/rights.py says what each may do)."""

from django.db import models


class Tier(models.IntegerChoices):
    ANONYMOUS = 0, "anonymous"
    NEW = 1, "new user"
    AUTOCONFIRMED = 2, "autoconfirmed user"
    STAFF = 3, "staff"
