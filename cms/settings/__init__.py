"""Settings per environment: everything is defined in base; the others only override."""
