"""Placeholder: being written."""


class HiringSubsidyRules:
    pass
