"""What people search for: weekly counts of queries, zero-result queries and clicked results."""
