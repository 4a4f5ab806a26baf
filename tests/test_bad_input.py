"""Bounded, strict input: hostile or careless files get one message naming the file, the
line or field and the limit, and exit code 2; none can use up the machine."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from advisor.errors import MAX_BYTES, MAX_DEPTH, InputError, load_yaml

ROOT = Path(__file__).resolve().parent.parent

BOMB = "\n".join(
    [f'l0: &l0 [{", ".join(["x"] * 9)}]']
    + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    + ["service: {activities: *l8}"]) + "\n"

BAD = {  # file content -> a piece of the one message it must give
    "bomb": (BOMB, "aliases (*) are expanded"),
    "recursive": ("a: &a [*a]\n", "refers to itself"),
    "deep": ("x: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", f"more than {MAX_DEPTH} levels"),
    "duplicate": ("as_of: 2026-03-01\nas_of: 2026-04-01\n", "appears twice (lines 1 and 2)"),
    "octal": ("worker_groups:\n  - {id: a, age: 041}\n", "041"),
    "sexagesimal": ("worker_groups:\n  - {id: a, months_without_work: 1:30}\n", "1:30"),
    "hex": ("organisation: {staff_fte: 0x10}\n", "0x10"),
    "huge-int": ("worker_groups:\n  - {id: a, age: " + "9" * 5000 + "}\n", "too large"),
    "not-utf8": (b"as_of: 2026-03-01\nservice: {description: \xff\xfe}\n", "not UTF-8"),
    "syntax": ("as_of: [2026\n", "not valid YAML at line"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_hostile_or_broken_file_gets_one_message(tmp_path, name):
    content, expected = BAD[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InputError) as exc:
        load_yaml(path)
    assert expected in exc.value.render("en") and str(path) in exc.value.render("en")
    assert len(exc.value.render("en")) < 500


def test_not_a_regular_file(tmp_path):
    fifo = tmp_path / "case.fifo"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(InputError) as exc:
            load_yaml(path)
        assert "not a regular file" in exc.value.render("en")


def test_a_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("# " + "x" * MAX_BYTES + "\n")
    with pytest.raises(InputError) as exc:
        load_yaml(path)
    assert "allowed: at most" in exc.value.render("en") and "ADVISOR_MAX_INPUT_BYTES" in exc.value.render("en")


def test_the_alias_bomb_is_refused_within_bounds(tmp_path):
    """The bomb of the probe (501 bytes; 55 s and 1.5 GB before): refused by a process
    limited to 300 MB of memory and 30 s."""
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB)
    assert len(BOMB) < 600

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (300 * 2**20, 300 * 2**20))

    result = subprocess.run([sys.executable, "-m", "advisor", "advise", str(path)], capture_output=True,
                            text=True, timeout=30, preexec_fn=limit, cwd=ROOT)
    assert result.returncode == 2
    assert "aliassen (*) uitgevouwen" in result.stderr and len(result.stderr) < 500
    assert "Traceback" not in result.stderr


def test_limits_on_the_size_of_a_case(run, tmp_path):
    case = {"as_of": "2026-03-01", "worker_groups": [{"id": f"g{n}"} for n in range(51)]}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case))
    code, _, err = run("advise", str(path))
    assert code == 2 and "worker_groups" in err and "hoogstens 50" in err
    case = {"as_of": "2026-03-01", "service": {"description": "x" * 5000}}
    path.write_text(yaml.safe_dump(case))
    code, _, err = run("advise", str(path))
    assert code == 2 and "service.description" in err and len(err) < 500


def test_standard_input_is_a_case(tmp_path):
    ex3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
    result = subprocess.run([sys.executable, "-m", "advisor", "advise", "-", "--format", "json"], cwd=ROOT,
                            input=ex3.read_text(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and '"lokale-regie"' in result.stdout


def test_a_write_that_dies_half_way_leaves_the_old_file(tmp_path, monkeypatch):
    from advisor.errors import write_atomic

    target = tmp_path / "case.yaml"
    target.write_text("old: true\n")

    def die(fd):
        raise KeyboardInterrupt  # the process is stopped after writing, before the rename

    monkeypatch.setattr(os, "fsync", die)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new: true\n" * 1000, force=True)
    assert target.read_text() == "old: true\n"
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]  # no temporary file left


def test_a_killed_writer_leaves_the_old_file(tmp_path):
    target = tmp_path / "snap.json"
    target.write_text("{}\n")
    code = ("import os, sys; import advisor.errors as e; os.fsync = lambda fd: os.kill(os.getpid(), 9); "
            f"e.write_atomic({str(target)!r}, 'x' * 10_000_000, force=True)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert result.returncode == -9
    assert target.read_text() == "{}\n"


def test_writes_replace_a_symlink_instead_of_following_it(tmp_path):
    from advisor.errors import write_atomic

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "out.yaml"
    link.symlink_to(victim)
    with pytest.raises(InputError):
        write_atomic(link, "case: {}\n")  # an existing target is kept without --force
    write_atomic(link, "case: {}\n", force=True)
    assert victim.read_text() == "keep me\n" and not link.is_symlink()
    assert link.read_text() == "case: {}\n"


def test_an_existing_out_file_is_kept_unless_forced(run, tmp_path):
    out = tmp_path / "case.yaml"
    out.write_text("mine: true\n")
    code, _, err = run("interview", "--db", str(tmp_path / "s.db"), "--out", str(out), "--as-of", "2026-03-01")
    assert code == 2 and "--force" in err and out.read_text() == "mine: true\n"
    assert not (tmp_path / "s.db").exists(), "refused before the first question"


def test_out_into_a_missing_folder_is_one_message(run, tmp_path):
    code, _, err = run("scenarios", "snapshot", str(ROOT / "scenarios/worked-examples"), "--out",
                       str(tmp_path / "missing" / "snap.json"))
    assert code == 2 and "bestaat niet" in err and "Traceback" not in err


HOSTILE = "Afspraak met OCMW \x1b]0;pwned\x07 <img src=x onerror=alert(1)>\n\n# Heading\n- [klik](javascript:alert(1))"


def test_user_text_is_escaped_at_the_edges(run, tmp_path):
    from markdown_it import MarkdownIt

    case = yaml.safe_load((ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml")
                          .read_text())["case"]
    case["overrides"] = [{"instrument": "artikel-61", "decision": "recommend", "justification": HOSTILE,
                          "by": "Jan\x1b[2J"}]
    path = tmp_path / "case\x1b[31m.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True))
    code, text, _ = run("advise", str(path))
    assert code == 0 and "\x1b" not in text and "\x07" not in text and "\\u001b" in text
    code, md, _ = run("advise", str(path), "--format", "markdown")
    tokens = MarkdownIt("commonmark").parse(md)
    flat = [t for tok in tokens for t in [tok, *(tok.children or [])]]
    assert not [t for t in flat if t.type in ("html_inline", "html_block", "link_open")]
    assert "javascript" in md and "\x1b" not in md
    code, js, _ = run("advise", str(path), "--format", "json")
    assert HOSTILE.replace("\n", "\\n")[:20] in js.replace("\\u001b", "\x1b")  # JSON stays exact
    path.write_text("as_of: [")
    code, _, err = run("advise", str(path))
    assert code == 2 and "\x1b" not in err and "\\u001b" in err


def test_a_full_device_is_one_message_and_exit_1():
    ex3 = ROOT / "scenarios/worked-examples/ex3-2026-municipality-bike-point-restaurant.yaml"
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "advisor", "advise", str(ex3)], stdout=full,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "de schijf is vol" in result.stderr and "Traceback" not in result.stderr
