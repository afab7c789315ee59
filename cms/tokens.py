"""Secret link tokens (invitations, share links): only their hash is stored, never the token."""

import hashlib
import secrets

# Bytes of randomness; secrets.token_urlsafe(32) gives 43 URL-safe characters.
TOKEN_BYTES = 32


def token_new() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The stored form of a token: a leaked table holds no usable link."""
    return hashlib.sha256(token.encode()).hexdigest()
