"""What to do next and with whom: next steps per instrument, the knowledge pool, expert
matching, and ``consult()`` (the engine's advice plus its plan), which the faces call.

May import: ``advisor.engine`` and the top-level modules.
"""
