"""The review app's models: the multi-lead approval task and the approvals it records."""

from review.models.approvals import GroupLeadApproval
from review.models.tasks import GroupLeadsApprovalTask

__all__ = ["GroupLeadApproval", "GroupLeadsApprovalTask"]
