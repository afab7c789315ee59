"""The Lobbyregister statement in the register's open-data shape (statements since 1 March 2024)."""

from rest_framework import serializers

from workgroups.api.serializers import PaperListSerializer
from workgroups.api.serializers.common import DerivedField, ResponseSerializer


class DepartmentSerializer(ResponseSerializer):
    """A federal ministry or agency."""

    title = serializers.CharField()
    shortTitle = serializers.CharField(allow_blank=True)  # noqa: N815 - the register's name


class GovernmentRecipientSerializer(ResponseSerializer):
    """A recipient in the federal government."""

    department = DepartmentSerializer(source="*")


class RecipientsSerializer(ResponseSerializer):
    """Who received the statement on one date, by parliament and federal government."""

    parliament = DepartmentSerializer(many=True)
    federalGovernment = GovernmentRecipientSerializer(  # noqa: N815
        many=True, source="government"
    )


class RecipientGroupSerializer(ResponseSerializer):
    """The recipients of one sending date."""

    sendingDate = serializers.DateField()  # noqa: N815
    recipients = RecipientsSerializer(source="*")


class LobbyregisterStatementSerializer(ResponseSerializer):
    """A paper as a statement (Stellungnahme) for the Lobbyregister of the Bundestag."""

    regulatoryProjectNumber = serializers.CharField(  # noqa: N815
        source="lobbyregister_project.lobbyregister_number"
    )
    regulatoryProjectTitle = serializers.CharField(  # noqa: N815
        source="lobbyregister_project.title"
    )
    text = serializers.CharField(source="summary")
    pdfUrl = serializers.SerializerMethodField(allow_null=True)  # noqa: N815
    recipientGroups = DerivedField(  # noqa: N815
        RecipientGroupSerializer(many=True), get=lambda paper: paper.lobbyregister_groups
    )

    # One place decides a paper's public PDF address: the paper serializer.
    get_pdfUrl = PaperListSerializer.get_pdf_url  # noqa: N815
