"""``advisor web``: the starter's self-check (``/``) and the advisor's interview (``/advisor``)
in the browser, on Flask served by waitress, with htmx as a static file of this package.

May import: ``advisor.report``, ``advisor.interview``, ``advisor.plan``, ``advisor.engine`` and
the top-level modules. Flask and waitress are imported only by this package, which only the
``advisor web`` command imports.
"""
