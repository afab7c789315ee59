"""The shared draft: the preview payload of the paper plus who it was shared with, until when."""

from rest_framework import serializers

from workgroups.api.serializers import PreviewSerializer
from workgroups.api.serializers.common import ResponseSerializer


class ShareInfoSerializer(ResponseSerializer):
    """To whom the draft was entrusted and until when the link works."""

    recipient_name = serializers.CharField()
    recipient_organisation = serializers.CharField()
    expires_at = serializers.DateTimeField()


class SharedDraftSerializer(PreviewSerializer):
    """A paper's latest draft as the preview shows it (expects ``shared_draft_prepare()``)."""

    share = ShareInfoSerializer(source="share_link")
