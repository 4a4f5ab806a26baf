"""`advisor experts`: list and search the knowledge pool. (Being built for issue 3.)"""
from __future__ import annotations

import click


@click.command()
def experts():
    """List and search the knowledge pool's experts."""
    raise click.ClickException("not built yet")
