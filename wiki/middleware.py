import re

from django.core.exceptions import BadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from .api import is_api_request

NUL = re.compile("\x00")
API_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f]")


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


class AddressLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, where the address alone says the language.

    English addresses have no prefix (i18n_patterns with prefix_default_language off),
    so LocaleMiddleware already serves them in English whatever the reader's cookie or
    Accept-Language says; but it still marks them `Vary: Accept-Language`, which would
    split every cache in front of the site by each browser's header for nothing. The
    page cache keys by address, and so may every CDN.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
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
