"""The guided interview and self-check: questions as data, which question next, and the
sessions store that keeps every answer as it is given.

May import: ``advisor.plan``, ``advisor.engine`` and the top-level modules.
"""
