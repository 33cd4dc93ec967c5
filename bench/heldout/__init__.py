"""Held-out similar-precedent evaluation on the built-in demo precedents (see ``eval_heldout``)."""
