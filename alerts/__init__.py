"""E-mail alerts with double opt-in on working groups, tags, Regelungsvorhaben, papers and searches."""
