"""Serving a generated PDF, only while its paper is public and for its live version."""

from django.http import FileResponse, Http404

from printing.selectors import print_get_public


def print_serve(request, pk: int, filename: str):
    """The PDF inline; 404 for a draft's, an unpublished paper's or an older version's."""
    record = print_get_public(pk=pk)
    if record is None:
        raise Http404
    response = FileResponse(
        record.file.open("rb"), content_type="application/pdf", filename=filename
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    # Shared caches must ask again: unpublishing the paper takes the file off at once.
    response["Cache-Control"] = "no-cache"
    return response
