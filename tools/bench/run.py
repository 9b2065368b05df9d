"""Benchmark flaskish against Flask (placeholder until the suite lands)."""

print("benchmark suite not written yet")
