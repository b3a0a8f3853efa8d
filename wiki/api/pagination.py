"""The read API's pages of results."""

from rest_framework.pagination import PageNumberPagination


class StrictPageNumberPagination(PageNumberPagination):
    """DRF's numbered pages, where a `page` given but empty is no page (404) rather
    than the first: the schema says a page is a number."""

    def get_page_number(self, request, paginator):
        return request.query_params.get(self.page_query_param, 1)
