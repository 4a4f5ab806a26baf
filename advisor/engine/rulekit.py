"""Everything a rule module needs, in one import: experta's rule syntax, the fact
classes, the metadata decorator and small, readable field predicates."""
from __future__ import annotations

from advisor.engine._experta import AS, MATCH, NOT, TEST, W, P, Rule
from advisor.engine.facts import Candidate, Closing, Group, Kind, Org, Service, Workforce
from advisor.engine.registry import rule_meta


def has(item):
    """The field (a tuple) contains ``item``; for ``unknown=has("field")``."""
    return P(lambda value: item in value)


def lacks(item):
    return P(lambda value: item not in value)


def any_of(items):
    """The field (a tuple) shares an element with ``items``."""
    items = frozenset(items)
    return P(lambda value: not items.isdisjoint(value))


def only_from(items):
    """Every element of the field (a tuple) is in ``items``."""
    items = frozenset(items)
    return P(lambda value: bool(value) and items.issuperset(value))


def not_only_from(items):
    items = frozenset(items)
    return P(lambda value: not items.issuperset(value))


def one_of(items):
    """The field's single value is one of ``items``."""
    items = frozenset(items)
    return P(lambda value: value in items)


def none_of(items):
    items = frozenset(items)
    return P(lambda value: value not in items)


def at_least(n):
    return P(lambda value: value >= n)


def below(n):
    return P(lambda value: value < n)


unknown = has  # readability: Org(unknown=unknown("legal_form"))

__all__ = [
    "AS", "MATCH", "NOT", "TEST", "W", "P", "Rule", "Candidate", "Closing", "Group", "Kind", "Org", "Service",
    "Workforce", "rule_meta", "has", "lacks", "any_of", "only_from", "not_only_from", "one_of",
    "none_of", "at_least", "below", "unknown",
]
