"""Blocking: whom (an account, an address, a range), for how long, why, from what."""

import ipaddress

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Page
from ..models.blocks import WIDEST_PREFIX
from ..namespaces import slug_for_title
from .pages import EXPIRIES, EXPIRY_CHOICES
from .plain_text import PlainTextFormMixin


class BlockForm(PlainTextFormMixin, forms.Form):
    target = forms.CharField(
        max_length=150,
        label=_("Target"),
        help_text=_(
            "A username, an address (203.0.113.7) or a range (203.0.113.0/24; "
            "IPv4 /16 or narrower, IPv6 /19 or narrower)."
        ),
    )
    expiry = forms.ChoiceField(
        label=_("Expiry"), choices=EXPIRY_CHOICES, initial="1 day"
    )
    reason = forms.CharField(
        max_length=300, label=_("Reason"), help_text=_("Shown to the blocked user.")
    )
    sitewide = forms.BooleanField(
        required=False,
        initial=True,
        label=_("Site-wide"),
        help_text=_("Off: only from what is ticked below."),
    )
    pages = forms.CharField(
        required=False,
        label=_("Pages"),
        help_text=_("Partial: titles of pages kept from them, one per line."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    from_uploads = forms.BooleanField(required=False, label=_("Partial: uploads"))
    from_talk = forms.BooleanField(required=False, label=_("Partial: talk pages"))
    from_signup = forms.BooleanField(
        required=False, initial=True, label=_("Stop account creation from the address")
    )
    allow_own_talk = forms.BooleanField(
        required=False, initial=True, label=_("Let them write on their own user talk")
    )

    def clean_target(self):
        target = self.cleaned_data["target"].strip()
        user = get_user_model().objects.filter(username=target).first()
        if user is not None:
            self.blocked_user, self.network = user, None
            return target
        try:
            network = ipaddress.ip_network(target, strict=False)
        except ValueError as error:
            raise ValidationError(
                _("No account has that name, and it is no address or range."),
                code="unknown",
            ) from error
        if network.prefixlen < WIDEST_PREFIX[network.version]:
            raise ValidationError(
                _("That range is too wide: IPv%(version)d /%(prefix)d at most."),
                code="too_wide",
                params={
                    "version": network.version,
                    "prefix": WIDEST_PREFIX[network.version],
                },
            )
        self.blocked_user, self.network = None, str(network)
        return target

    def clean_pages(self):
        titles = [
            t.strip() for t in self.cleaned_data["pages"].splitlines() if t.strip()
        ]
        slugs = {slug_for_title(title) for title in titles}
        pages = list(Page.objects.live().filter(slug__in=slugs))
        missing = slugs - {page.slug for page in pages}
        if missing:
            raise ValidationError(
                _("No such page: %(slugs)s."),
                code="missing",
                params={"slugs": ", ".join(sorted(missing))},
            )
        return pages

    def clean(self):
        data = super().clean()
        partial = data.get("pages") or data.get("from_uploads") or data.get("from_talk")
        if not data.get("sitewide") and not partial:
            raise ValidationError(
                _(
                    "A partial block needs pages, uploads or talk pages to keep them "
                    "from."
                ),
                code="empty",
            )
        return data

    def expires_at(self, now):
        duration = EXPIRIES[self.cleaned_data["expiry"]]
        return None if duration is None else now + duration
