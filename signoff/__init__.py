"""Mitzeichnung by member companies, dispatch records and the Lobbyregister export."""
