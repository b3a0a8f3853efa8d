"""Uploaded images: the list, a file's page, the upload form, and serving them."""

from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import ListView

from ..blocks import refused_by_block
from ..forms import UploadForm
from ..limits import refusal_past_limit
from ..models import File, FileUsage
from ..models.files import CACHE_FOREVER, CONTENT_TYPES
from ..services import ImageStoreUnavailable, file_upload
from ..uploads import (
    MAX_REQUEST_BYTES,
    UploadSizeGuard,
    declared_length,
    read_unknown_length_to_the_limit,
)
from .errors import RETRY_AFTER

TOO_LARGE = _("The upload is over the 10 MB limit; choose a smaller image.")
NO_LENGTH = _("The upload did not say how large it is; please send it again.")
STORE_DOWN = _("The image store did not answer; nothing was saved, try again.")
MEDIA_FOLDERS = ("files", "thumbs")


class FileListView(ListView):
    """Uploaded images, newest first."""

    queryset = File.objects.uploaded().select_related("current_version")
    paginate_by = 48
    template_name = "wiki/file_list.html"


def file_detail(request, name):
    """A file's page: the image, its description and versions, the pages using it."""
    file = get_object_or_404(File.objects.select_related("current_version"), name=name)
    context = {
        "file": file,
        "versions": file.versions.select_related("uploaded_by"),
        "usages": FileUsage.objects.filter(file_name=name).select_related("page"),
    }
    return render(request, "wiki/file_detail.html", context)


def _upload_form_page(request, form, status=HTTPStatus.OK):
    return render(request, "wiki/file_upload.html", {"form": form}, status=status)


def _refused(request, message, status):
    """The empty upload form with `message` saying why nothing was stored."""
    messages.error(request, message)
    return _upload_form_page(request, UploadForm(), status)


@csrf_exempt  # checked by _store_upload, once the size guard is in place
@login_required
def file_upload_view(request):
    """GET the upload form; POST an image to store it as a file or a new version."""
    if request.method != "POST":
        form = UploadForm(initial={"name": request.GET.get("name", "")})
        return _upload_form_page(request, form)
    blocked = refused_by_block(request, "upload")
    if blocked:
        return blocked
    length = declared_length(request)
    if length is None:
        if not request.environ.get("wsgi.input_terminated"):
            return _refused(request, NO_LENGTH, HTTPStatus.LENGTH_REQUIRED)
        read_unknown_length_to_the_limit(request)
    elif length > MAX_REQUEST_BYTES:
        return _refused(request, TOO_LARGE, HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    guard = UploadSizeGuard(request)
    request.upload_handlers.insert(0, guard)
    return _store_upload(request, guard)


@csrf_protect
def _store_upload(request, guard):
    form = UploadForm(request.POST, request.FILES)
    if guard.too_large:
        return _refused(request, TOO_LARGE, HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    if not form.is_valid():
        status = (
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            if form.is_too_large
            else HTTPStatus.BAD_REQUEST
        )
        return _upload_form_page(request, form, status)
    refused = refusal_past_limit(
        request, "upload", lambda status: _upload_form_page(request, form, status)
    )
    if refused:
        return refused
    data = form.cleaned_data
    try:
        version = file_upload(
            name=data["name"],
            image=data["image"],
            author=request.user,
            description=data["description"],
            licence=data["licence"],
        )
    except ImageStoreUnavailable:
        messages.error(request, STORE_DOWN)
        response = _upload_form_page(request, form, HTTPStatus.SERVICE_UNAVAILABLE)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    messages.success(
        request,
        _("Uploaded %(name)s (version %(number)d).")
        % {"name": version.file.name, "number": version.number},
    )
    return redirect(version.file)


def serve_media(request, path):
    """Serve an uploaded image or thumbnail, with or without debug.

    Stored names are random and never reused, so a response may be cached for good.
    """
    parts = Path(path).parts
    if len(parts) < 2 or parts[0] not in MEDIA_FOLDERS or ".." in parts:
        raise Http404(_("No such file."))
    root = Path(settings.MEDIA_ROOT).resolve()
    full_path = (root / path).resolve()
    if not full_path.is_relative_to(root) or not full_path.is_file():
        raise Http404(_("No such file."))
    content_type = CONTENT_TYPES.get(full_path.suffix.lstrip(".").lower())
    if content_type is None:
        raise Http404(_("No such file."))
    response = FileResponse(full_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = CACHE_FOREVER
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
