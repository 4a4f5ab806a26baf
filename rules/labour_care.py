"""Placeholder: being written."""


class LabourCareRules:
    pass
