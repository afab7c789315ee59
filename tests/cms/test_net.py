"""The client address: the socket peer, or the entry the trusted proxies vouch for."""

import pytest
from django.test import RequestFactory, override_settings

from cms.net import client_ip


def _request(forwarded_for=None, remote="172.18.0.5"):
    meta = {"REMOTE_ADDR": remote}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        # No trusted proxy: whatever a client claims is ignored.
        (0, "203.0.113.7", "172.18.0.5"),
        (0, None, "172.18.0.5"),
        # Caddy: it replaced the header with the address it saw.
        (1, "203.0.113.7", "203.0.113.7"),
        # A client's own claims stand left of the proxy's entry.
        (1, "10.9.9.9, 198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (1, "unsinn, 203.0.113.7", "203.0.113.7"),
        # Two proxies (a load balancer before Caddy): the second entry from the right.
        (2, "10.9.9.9, 203.0.113.7, 192.0.2.10", "203.0.113.7"),
        # A request that reached Django directly (the frontend server): the socket peer.
        (1, None, "172.18.0.5"),
        (1, "", "172.18.0.5"),
        (2, "203.0.113.7", "172.18.0.5"),
        # IPv6 clients.
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(proxies, forwarded_for, expected):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(_request(forwarded_for)) == expected
