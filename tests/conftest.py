"""Shared test fixtures."""
import pytest

from advisor.cli.main import main


@pytest.fixture
def run(capsys):
    """Run the `advisor` command in process: ``run("advise", path)`` -> (exit code, stdout, stderr)."""
    def invoke(*args):
        with pytest.raises(SystemExit) as exc:
            main(list(args))
            raise SystemExit(0)
        out = capsys.readouterr()
        return exc.value.code, out.out, out.err
    return invoke
