"""The addresses of views, reversed once per process for each set of arguments.

A page names dozens of others (a cast, a history, the remakes, the site menu), and
`reverse` for each was a good part of drawing it. What `reverse` answers depends only
on the URLconf, the script prefix and the language (the i18n patterns' prefix), all
fixed for the life of a process but for the language, which is part of the key.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Enough for every page a busy process draws; the least used are dropped first.
REMEMBERED = 16_384


def address(view_name, **kwargs):
    """`reverse(view_name, kwargs=kwargs)`, remembered (see the module's docstring)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reversed(
        view_name,
        tuple(sorted(kwargs.items())),
        urlconf,
        get_script_prefix(),
        get_language(),
    )


@lru_cache(maxsize=REMEMBERED)
def _reversed(view_name, kwargs, urlconf, prefix, language):
    return reverse(view_name, urlconf=urlconf, kwargs=dict(kwargs))
