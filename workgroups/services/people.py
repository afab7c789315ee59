"""Writes about people: a user's member company and whether they sign for it."""

from django.contrib.auth.models import AbstractBaseUser

from workgroups.models import MemberProfile, Organisation


def member_profile_set(
    *,
    user: AbstractBaseUser,
    organisation: Organisation | None,
    signs_for_organisation: bool = False,
    job_title: str = "",
) -> MemberProfile:
    """Create or update the user's profile (idempotent)."""
    profile, _created = MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "signs_for_organisation": signs_for_organisation and organisation is not None,
            "job_title": job_title,
        },
    )
    return profile
