"""Placeholder: being written."""


class NeighbourhoodWorkRules:
    pass
