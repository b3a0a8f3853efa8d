"""What the edit form's scripts ask of the server as one types: the preview, drawn
by the renderer a save uses, and the titles a link may name."""

from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..forms import SearchForm
from ..forms.pages import MAX_BODY_BYTES
from ..i18n import localise_links
from ..limits import refusal_past_limit
from ..models import Page
from ..services.publishing import page_text
from ..suggestions import link_suggestions
from .search import SUGGESTION_QUERY_MAX

PREVIEW_LIMIT = "preview"


def editor_strings():
    """The words the edit form's scripts show, in the reader's language."""
    return {
        "toolbar": _("Formatting"),
        "tool_bold": _("Bold"),
        "tool_italic": _("Italic"),
        "tool_heading": _("Heading"),
        "tool_link": _("Link to a page"),
        "tool_file": _("Picture"),
        "tool_category": _("Category"),
        "tool_footnote": _("Footnote"),
        "tool_table": _("Table"),
        "suggestions": _("Pages to link"),
        "suggestions_found": _("Suggestions: %(count)s"),
        "redirect": _("→ %(target)s"),
        "preview_failed": _("The preview could not be drawn just now."),
        "draft_found": _("You have an unsaved draft of this text from %(when)s."),
        "draft_restore": _("Restore it"),
        "draft_discard": _("Discard it"),
    }


def _refused(status):
    return JsonResponse({"detail": HTTPStatus(status).phrase}, status=status)


@require_POST
@login_required
def edit_preview(request, slug):
    """The posted `body` rendered as the page at `slug` would show it once saved
    (its red links, files, categories, footnotes, contents box): an HTML fragment,
    never kept. CSRF-protected like every POST, and limited apart from saves, since
    a preview is asked for at every pause in typing."""
    refused = refusal_past_limit(request, PREVIEW_LIMIT, _refused)
    if refused:
        return refused
    body = request.POST.get("body", "").replace("\r\n", "\n")
    if len(body.encode("utf-8")) > MAX_BODY_BYTES:
        return _refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    page = Page.objects.filter(slug=slug).first() or Page.at_address(slug, title=slug)
    html = page_text(page, body)[2]
    response = HttpResponse(
        localise_links(html), content_type="text/html; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def link_suggest(request):
    """Titles that the link being typed (`q`, what follows `[[`) may name, as JSON:
    {"query": q, "suggestions": [{"title", "redirect_to"}, …]}."""
    typed = request.GET.get("q", "")
    if len(typed) > SUGGESTION_QUERY_MAX or not SearchForm({"q": typed}).is_valid():
        return _refused(HTTPStatus.BAD_REQUEST)
    refused = refusal_past_limit(request, "search", _refused)
    if refused:
        return refused
    found = [suggestion.as_json() for suggestion in link_suggestions(typed)]
    return JsonResponse({"query": typed, "suggestions": found})
