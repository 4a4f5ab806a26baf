"""WERK.WAARDIG advisor: which social-economy employment instrument fits a starter.

The package is cut into wings, one per concern; imports run one way only, downwards
(``tests/test_layout.py`` reads every module's imports and keeps it so):

    cli/                      the ``advisor`` command: may import every wing
    web/                      ``advisor web``: the self-check and the interview in the browser
    store/                    named cases, sessions, consultations, bookings, monitoring (SQL)
    report/                   the printable report (HTML, PDF), for the command and the web
    regression/  interview/   the rule maintainers' suite; the guided interview
    plan/                     next steps, the knowledge pool, expert matching, consult()
    engine/                   the reasoning: case in, conclusions and explained advice out
    (top level)               models, vocabulary, knowledge, errors, i18n, render

The top-level modules import no wing; ``rules/`` (the knowledge) imports only
``advisor.engine.rulekit``.
"""
