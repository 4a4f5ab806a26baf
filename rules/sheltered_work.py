"""Placeholder: being written."""


class ShelteredWorkRules:
    pass
