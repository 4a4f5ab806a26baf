"""Placeholder: being written."""


class InsertionRules:
    pass
