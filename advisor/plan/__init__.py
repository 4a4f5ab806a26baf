"""What to do next and with whom: next steps per instrument, the knowledge pool, expert
matching, ``consult()`` (the engine's advice plus its plan), which the faces call, and
``explain`` (two instruments side by side; what would change the advice).

May import: ``advisor.engine`` and the top-level modules.
"""
