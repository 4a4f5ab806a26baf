"""Placeholder: being written."""


class MaatwerkRules:
    pass
