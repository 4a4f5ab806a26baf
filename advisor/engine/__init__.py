"""The reasoning: a case in, the rules' conclusions and the explained advice out.

May import: the top-level modules (models, vocabulary, knowledge, errors, i18n, render) and
``rules`` (the rule families it composes). Imports no other wing.
"""
