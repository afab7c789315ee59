"""What became of each demand: the outcome editors record per demand block of a paper."""
