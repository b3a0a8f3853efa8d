"""Reading an upload without ever holding more of it than the limit allows."""

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.core.handlers.wsgi import LimitedStream

from .images import MAX_UPLOAD_BYTES

# Room for the form fields around a 10 MB image; a request declaring more is not read.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024


class UploadSizeGuard(FileUploadHandler):
    """Stop reading a file once it passes the upload limit, and remember that it did.

    The declared Content-Length cannot be trusted (it may be missing or wrong), so the
    bytes are counted as they arrive. It goes first among the request's upload
    handlers, so the others never see the excess.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_UPLOAD_BYTES:
            self.too_large = True
            # Read and drop the rest (at most what the request declared), so that
            # the client gets the answer rather than a reset connection.
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler keeps the file


def declared_length(request):
    """The request's Content-Length, or None when it is missing or not a number."""
    try:
        length = int(request.headers.get("content-length") or "")
    except ValueError:
        return None
    return length if length >= 0 else None


def read_unknown_length_to_the_limit(request):
    """Let a chunked body, whose server marks where it ends, be read up to the limit.

    Django reads nothing of a body without a Content-Length; servers such as gunicorn
    decode chunked bodies and say so with `wsgi.input_terminated`.
    """
    request._stream = LimitedStream(request.environ["wsgi.input"], MAX_REQUEST_BYTES)
    request.META["CONTENT_LENGTH"] = str(MAX_REQUEST_BYTES)
