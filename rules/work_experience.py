"""Placeholder: being written."""


class WorkExperienceRules:
    pass
