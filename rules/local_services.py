"""Placeholder: being written."""


class LocalServicesRules:
    pass
