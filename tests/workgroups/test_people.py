"""Member profiles: a user's company and whether they sign for it."""

import pytest

from tests.factories import OrganisationFactory, UserFactory
from workgroups.services.people import member_profile_set

pytestmark = pytest.mark.django_db


def test_profile_is_created_once_and_updated():
    user = UserFactory()
    first, second = OrganisationFactory(), OrganisationFactory()
    profile = member_profile_set(user=user, organisation=first, signs_for_organisation=True)
    again = member_profile_set(user=user, organisation=second, job_title="CTO")
    assert profile.pk == again.pk
    stored = type(user).objects.get(pk=user.pk).member_profile
    assert stored.organisation == second
    assert stored.job_title == "CTO"
    assert not stored.signs_for_organisation
    assert list(second.people.all()) == [again]


def test_nobody_signs_for_no_company():
    profile = member_profile_set(user=UserFactory(), organisation=None, signs_for_organisation=True)
    assert not profile.signs_for_organisation
