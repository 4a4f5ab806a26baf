"""The ``advisor`` command: thin click verbs, one module per verb family.

May import every wing; nothing imports ``advisor.cli``.
"""
