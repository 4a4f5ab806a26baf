"""`advisor steps`: the next-step plan of one instrument. (Being built for issue 3.)"""
from __future__ import annotations

import click


@click.command()
def steps():
    """Print the next-step plan of an instrument."""
    raise click.ClickException("not built yet")
