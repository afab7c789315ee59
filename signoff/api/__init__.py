"""Public API of the signoff app: the Lobbyregister statement of a paper."""
