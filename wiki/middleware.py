import re

from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from .api import is_api_request

NUL = re.compile("\x00")
API_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f]")


class PageGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, but for a page the page cache keeps: that one it
    compresses itself, once, in every encoding (wiki/kept_pages.py)."""

    def process_response(self, request, response):
        if getattr(response, "kept_for_readers", False):
            return response
        return super().process_response(request, response)


class RejectNulBytesMiddleware:
    """Answer 400 to a query string holding a NUL byte, and under the read API one
    holding any control character.

    No query of the site needs one, and PostgreSQL refuses to compare text with NUL, so
    letting it through would turn a malformed request into a server error. The API's
    schema says its strings hold no control characters (wiki/api/schema.py), and it
    keeps to that. (Paths are the URL converters' business: none of them matches a
    NUL.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = API_REFUSED if is_api_request(request) else NUL
        query = request.GET
        if any(
            refused.search(key) or any(refused.search(v) for v in query.getlist(key))
            for key in query
        ):
            raise BadRequest("The query string holds a control character.")
        return self.get_response(request)


class PrivateForUsersMiddleware:
    """Mark every response to a logged-in reader private.

    Such a page names its reader and holds their CSRF token: no shared cache between
    the site and the browser (a proxy, a CDN) may keep it for anyone else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response


def language_asked_by(request):
    """The interface language `request`'s Accept-Language header prefers, or the
    site's: what an API client, which has no address per language, is answered in."""
    for code, _quality in parse_accept_lang_header(
        request.headers.get("Accept-Language", "")
    ):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class AddressLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, where the address alone says the language.

    English addresses have no prefix (i18n_patterns with prefix_default_language off),
    so LocaleMiddleware already serves them in English whatever the reader's cookie or
    Accept-Language says; but it still marks them `Vary: Accept-Language`, which would
    split every cache in front of the site by each browser's header for nothing. The
    page cache keys by address, and so may every CDN.

    The read API has one address for every language: its human-readable errors are
    in the language the client's Accept-Language asks for (never its cookie), and its
    answers say they vary by it.
    """

    def process_request(self, request):
        if not is_api_request(request):
            return super().process_request(request)
        translation.activate(language_asked_by(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_api_request(request):
            return response
        if response.has_header("Vary"):
            kept = [
                field.strip()
                for field in response["Vary"].split(",")
                if field.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
