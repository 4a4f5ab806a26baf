"""``python -m advisor``: the same command as the ``advisor`` console script."""
from advisor.cli.main import main

main()
