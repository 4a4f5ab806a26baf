"""The rule maintainers' suite: scenarios with claims, rule coverage, snapshots and diffs.

May import: ``advisor.plan``, ``advisor.engine`` and the top-level modules.
"""
