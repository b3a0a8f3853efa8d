from django.core.exceptions import BadRequest


class RejectNulBytesMiddleware:
    """Answer 400 to a query string holding a NUL byte.

    No query of the site needs one, and PostgreSQL refuses to compare text with NUL, so
    letting it through would turn a malformed request into a server error. (Paths are
    the URL converters' business: none of them matches a NUL.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        if any(
            "\x00" in key or any("\x00" in value for value in query.getlist(key))
            for key in query
        ):
            raise BadRequest("The query string holds a NUL character.")
        return self.get_response(request)
