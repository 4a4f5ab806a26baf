"""`advisor scenarios ...`: run, coverage, snapshot, diff, record. (Being built for issue 4.)"""
from __future__ import annotations

import click


@click.group()
def scenarios():
    """Regression testing of the rules against the sample cases."""
