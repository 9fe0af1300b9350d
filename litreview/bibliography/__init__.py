"""The bibliography: loading BibTeX, parsing plain-text references, writing entries."""
