"""`advisor interview`, `selfcheck`, `sessions`, `questions`. (Being built for issue 5.)"""
from __future__ import annotations

import click


@click.command()
def interview():
    """Guided intake interview (advisor mode)."""
    raise click.ClickException("not built yet")


@click.command()
def selfcheck():
    """Self-assessment questionnaire (starter mode)."""
    raise click.ClickException("not built yet")


@click.group()
def sessions():
    """Saved interview sessions."""


@click.command()
def questions():
    """Print the questionnaire."""
    raise click.ClickException("not built yet")
