"""Background task: render the PDFs that published papers are still missing."""

from django_tasks import task

from printing.services import prints_render_due


@task()
def prints_render() -> int:
    """Render every public paper's current version that has no PDF yet (see services)."""
    return prints_render_due()
