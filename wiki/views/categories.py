"""Categories: every one with its size, and one with its text and members."""

from http import HTTPStatus

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Case, Count, IntegerField, Min, Value, When
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from ..models import Page, PageCategory
from ..namespaces import Namespace, category_name_of, category_page_slug
from ..page_cache import cached_for_readers, of_changes

MEMBERS_PER_PAGE = 200


@method_decorator(
    cached_for_readers(tags=of_changes, params=("page",)), name="dispatch"
)
class CategoryListView(ListView):
    """Every category that has a member, with how many."""

    paginate_by = 100
    template_name = "wiki/category_list.html"

    def get_queryset(self):
        return (
            PageCategory.objects.filter(page__in=Page.objects.live())
            .values("category_slug")
            .annotate(name=Min("category_name"), size=Count("page"))
            .order_by("category_slug")
        )


@cached_for_readers(tags=of_changes, params=("page",))
def category_detail(request, slug):
    """A category's own text, if written, then its members: subcategories first,
    then pages, each by sort key."""
    page = (
        Page.objects.live()
        .with_current_revision()
        .filter(slug=category_page_slug(slug))
        .first()
    )
    members = (
        PageCategory.objects.filter(category_slug=slug, page__in=Page.objects.live())
        .select_related("page")
        .only(
            "sort_key",
            "category_name",
            "page__title",
            "page__slug",
            "page__namespace",
        )
        .annotate(
            is_page=Case(
                When(page__namespace=Namespace.CATEGORY, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_page", Lower("sort_key"), "pk")
    )
    try:
        page_obj = Paginator(members, MEMBERS_PER_PAGE).page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(_("No such page of this category.")) from error
    name = (
        category_name_of(page.title)
        if page
        else next(
            (m.category_name for m in page_obj), slug.replace("-", " ").capitalize()
        )
    )
    context = {
        "name": name,
        "slug": slug,
        "page_slug": category_page_slug(slug),
        "page": page,
        "page_obj": page_obj,
        "subcategories": [m.page for m in page_obj if m.is_page == 0],
        "members": [m.page for m in page_obj if m.is_page == 1],
    }
    # A category without a text or a member does not exist (yet): offered, but 404.
    exists = page is not None or page_obj.paginator.count > 0
    status = HTTPStatus.OK if exists else HTTPStatus.NOT_FOUND
    return render(request, "wiki/category_detail.html", context, status=status)


def category_page_redirect(request, slug):
    """/wiki/category:<slug>/ is shown at /categories/<slug>/."""
    return redirect("wiki:category", slug=slug)
