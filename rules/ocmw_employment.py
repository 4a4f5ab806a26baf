"""Placeholder: being written."""


class OcmwEmploymentRules:
    pass
