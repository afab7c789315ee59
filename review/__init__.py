"""Joint review of papers: co-authoring groups' rights and the approval of every group's lead."""
