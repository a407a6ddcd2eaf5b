import pytest

from timeline.atomic import atomic_path, atomic_write_text


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    atomic_write_text(target, "new,content\n")
    assert target.read_text() == "new,content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_failure_mid_write_keeps_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.html"
    target.write_text("<p>old</p>")
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as tmp:
            tmp.write_text("<p>half")
            raise KeyboardInterrupt
    assert target.read_text() == "<p>old</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_output_gets_umask_permissions_not_private(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        target = tmp_path / "timeline.html"
        atomic_write_text(target, "<p>x</p>")
        assert target.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)
