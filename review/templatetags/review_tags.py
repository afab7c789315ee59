"""Template tags of the admin's wording: the association's name instead of Wagtail's."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def association_name() -> str:
    return settings.WAGTAIL_SITE_NAME
