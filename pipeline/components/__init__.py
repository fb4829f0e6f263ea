"""spaCy components of the outage pipeline; importing a module registers its factory."""
