"""Deployments: forces sent abroad (troops, specialists, agents, contractors, naval assets),
found with the patterns in data/deployment_terms.csv."""

from __future__ import annotations

from .terms import Term, find_table_terms


def find_deployments(text: str) -> list[Term]:
    """Deployed forces named in ``text``."""
    return find_table_terms(text, "deployment_terms")
