"""Blocking: whom (an account, an address, a range), for how long, why, from what."""

import ipaddress

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from ..models import Page
from ..models.blocks import WIDEST_PREFIX
from ..namespaces import slug_for_title
from .pages import EXPIRIES
from .plain_text import PlainTextFormMixin


class BlockForm(PlainTextFormMixin, forms.Form):
    target = forms.CharField(
        max_length=150,
        help_text="A username, an address (203.0.113.7) or a range (203.0.113.0/24; "
        "IPv4 /16 or narrower, IPv6 /19 or narrower).",
    )
    expiry = forms.ChoiceField(
        choices=[(name, name) for name in EXPIRIES], initial="1 day"
    )
    reason = forms.CharField(max_length=300, help_text="Shown to the blocked user.")
    sitewide = forms.BooleanField(
        required=False, initial=True, help_text="Off: only from what is ticked below."
    )
    pages = forms.CharField(
        required=False,
        help_text="Partial: titles of pages kept from them, one per line.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    from_uploads = forms.BooleanField(required=False, label="Partial: uploads")
    from_talk = forms.BooleanField(required=False, label="Partial: talk pages")
    from_signup = forms.BooleanField(
        required=False, initial=True, label="Stop account creation from the address"
    )
    allow_own_talk = forms.BooleanField(
        required=False, initial=True, label="Let them write on their own user talk"
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
                "No account has that name, and it is no address or range.",
                code="unknown",
            ) from error
        if network.prefixlen < WIDEST_PREFIX[network.version]:
            raise ValidationError(
                f"That range is too wide: IPv{network.version} "
                f"/{WIDEST_PREFIX[network.version]} at most.",
                code="too_wide",
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
                f"No such page: {', '.join(sorted(missing))}.", code="missing"
            )
        return pages

    def clean(self):
        data = super().clean()
        partial = data.get("pages") or data.get("from_uploads") or data.get("from_talk")
        if not data.get("sitewide") and not partial:
            raise ValidationError(
                "A partial block needs pages, uploads or talk pages to keep them from.",
                code="empty",
            )
        return data

    def expires_at(self, now):
        duration = EXPIRIES[self.cleaned_data["expiry"]]
        return None if duration is None else now + duration
