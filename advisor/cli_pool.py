"""`advisor experts` and `advisor steps`: the knowledge pool and the plans, on their own.

(Being built for issue 3; owner: the steps/experts work.)
"""
from __future__ import annotations

import click


@click.command()
def experts():
    """List and search the knowledge pool's experts."""
    raise click.ClickException("not built yet")


@click.command()
def steps():
    """Print the next-step plan of an instrument."""
    raise click.ClickException("not built yet")
