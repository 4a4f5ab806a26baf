"""The rule maintainers' suite: scenarios with claims, rule coverage, snapshots and diffs,
and the knowledge's freshness and changes (``freshness``).

May import: ``advisor.plan``, ``advisor.engine`` and the top-level modules.
"""
