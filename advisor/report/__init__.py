"""The printable report: the advice of a case as one HTML document (A4 print CSS) and, with
the optional ``[pdf]`` extra, as a PDF through WeasyPrint. Both the ``advisor report`` command
and the web pages use it (the web's end page and review page show its body).

May import: ``advisor.interview``, ``advisor.plan``, ``advisor.engine`` and the top-level
modules. Jinja2 and WeasyPrint are imported only inside the functions that use them.
"""
