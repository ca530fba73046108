"""Speed benchmarks for newsaudit (`make bench`): whole-process throughput against proselint, engine-only
throughput, and a linear-time check on large synthetic texts. See docs/evaluation.md for the figures."""
