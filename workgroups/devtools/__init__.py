"""Developer tools that are not domain writes: benchmark data generation."""
