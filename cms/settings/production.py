"""Production: secrets and hosts from the environment, hardened defaults."""

from cms.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
SPRACHROHR_DEMO_USERS_ALLOWED = env_bool("SPRACHROHR_DEMO_USERS_ALLOWED", False)
