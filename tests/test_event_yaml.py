"""Tests of sra_analysis.event_yaml: finding event.yaml, reading it under hostile-input limits."""

from __future__ import annotations

import os

import pytest
import yaml
from conftest import BASE_EVENT_CONFIG

from sra_analysis.errors import EventConfigError
from sra_analysis.event_config import read_event_meta
from sra_analysis.event_yaml import (
    MAX_EVENT_YAML_BYTES,
    MAX_YAML_DEPTH,
    find_event_file,
    is_inside,
    read_event_yaml,
)


def _base_text() -> str:
    return yaml.safe_dump(BASE_EVENT_CONFIG, sort_keys=False, allow_unicode=True)


def billion_laughs(levels: int = 9) -> str:
    """The classic alias bomb: level n lists level n-1 ten times, so ``lol9`` stands for 10**9
    strings once expanded, from a document of under 1 KB."""
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- find_event_file


@pytest.mark.parametrize("name", ["event.yaml", "event.yml"])
def test_find_event_file_accepts_either_name(tmp_path, name):
    (tmp_path / name).write_text(_base_text(), encoding="utf-8")
    assert find_event_file(tmp_path) == tmp_path / name


def test_event_yml_reads_as_event_yaml(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "event.yaml").write_text(_base_text(), encoding="utf-8")
    (tmp_path / "b" / "event.yml").write_text(_base_text(), encoding="utf-8")
    yaml_meta, yml_meta = read_event_meta(tmp_path / "a"), read_event_meta(tmp_path / "b")
    assert yml_meta.source == str(tmp_path / "b" / "event.yml")
    assert yml_meta.to_dict() == yaml_meta.to_dict()


def test_both_names_in_one_folder_are_refused_as_ambiguous(tmp_path):
    (tmp_path / "event.yaml").write_text(_base_text(), encoding="utf-8")
    (tmp_path / "event.yml").write_text(_base_text(), encoding="utf-8")
    with pytest.raises(EventConfigError, match="both event.yaml and event.yml; keep one") as raised:
        read_event_meta(tmp_path)
    assert raised.value.file == str(tmp_path)


def test_no_event_file(tmp_path):
    (tmp_path / "event.yaml.txt").write_text(_base_text(), encoding="utf-8")
    with pytest.raises(EventConfigError, match="no event.yaml found") as raised:
        find_event_file(tmp_path)
    assert raised.value.file == str(tmp_path / "event.yaml")


def test_a_link_to_an_event_file_outside_the_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("SECRET-FIRST-LINE: 1\n" + _base_text(), encoding="utf-8")
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "event.yaml").symlink_to(outside)
    with pytest.raises(EventConfigError, match="link to a file outside the event folder") as raised:
        read_event_meta(folder)
    assert raised.value.file == str(folder / "event.yaml")
    assert "SECRET" not in str(raised.value)


def test_a_link_within_the_folder_is_followed(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "plenary.yaml").write_text(_base_text(), encoding="utf-8")
    (tmp_path / "event.yaml").symlink_to(tmp_path / "config" / "plenary.yaml")
    assert read_event_meta(tmp_path).id == BASE_EVENT_CONFIG["id"]


def test_a_dead_link_is_named(tmp_path):
    (tmp_path / "event.yml").symlink_to(tmp_path / "gone.yaml")
    with pytest.raises(EventConfigError, match="link to a file that does not exist"):
        find_event_file(tmp_path)


def test_is_inside(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "link").symlink_to(tmp_path / "b.csv")
    (tmp_path / "a" / "inner").symlink_to(tmp_path / "a" / "x.csv")
    assert not is_inside(tmp_path / "a" / "link", tmp_path / "a")
    assert is_inside(tmp_path / "a" / "inner", tmp_path / "a")
    # a folder given through a link is compared by where it really is
    (tmp_path / "alias").symlink_to(tmp_path / "a")
    assert is_inside(tmp_path / "alias" / "inner", tmp_path / "alias")


# ------------------------------------------------------------------------- hostile documents


def test_billion_laughs_is_refused_before_it_expands(tmp_path):
    bomb = billion_laughs()
    assert len(bomb.encode()) < 1024  # the 1 KB file
    # the bomb in `name`, as in the issue
    text = _base_text().replace("name: Test plenary", "name: *lol9", 1)
    file = tmp_path / "event.yaml"
    file.write_text(bomb + text, encoding="utf-8")
    with pytest.raises(EventConfigError, match=r"YAML aliases \(\*lol0, line 2\) are not accepted"):
        read_event_meta(tmp_path)
    with pytest.raises(EventConfigError) as raised:
        read_event_yaml(file)
    assert raised.value.file == str(file)


@pytest.mark.parametrize(
    "document",
    [
        "base: &base {id: test-event}\nother:\n  <<: *base\n",  # merge key
        "id: &x test-event\nname: *x\n",  # a single plain alias
    ],
)
def test_every_alias_is_refused(tmp_path, document):
    (tmp_path / "event.yaml").write_text(document, encoding="utf-8")
    with pytest.raises(EventConfigError, match="YAML aliases"):
        read_event_yaml(tmp_path / "event.yaml")


def test_an_anchor_without_alias_is_harmless(tmp_path):
    (tmp_path / "event.yaml").write_text(
        _base_text().replace("name: Test plenary", "name: &n Test plenary"), encoding="utf-8"
    )
    assert read_event_meta(tmp_path).name == "Test plenary"


def test_a_file_over_the_size_cap_is_refused_before_parsing(tmp_path):
    file = tmp_path / "event.yaml"
    text = _base_text()
    # a comment line that brings the file to the cap plus one byte (the newline is one byte)
    padding = MAX_EVENT_YAML_BYTES + 1 - len(text.encode()) - 2
    file.write_text(text + "#" + "x" * padding + "\n", encoding="utf-8")
    assert file.stat().st_size == MAX_EVENT_YAML_BYTES + 1
    with pytest.raises(EventConfigError, match="larger than 1,000,000 bytes"):
        read_event_yaml(file)
    file.write_text(text + "#" + "x" * (padding - 1) + "\n", encoding="utf-8")
    assert file.stat().st_size == MAX_EVENT_YAML_BYTES
    assert read_event_yaml(file)["id"] == "test-event"


def test_deep_nesting_is_refused(tmp_path):
    file = tmp_path / "event.yaml"
    file.write_text(_base_text() + "extra: " + "[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    with pytest.raises(EventConfigError, match=f"nested more than {MAX_YAML_DEPTH} levels"):
        read_event_yaml(file)
    # 16 levels: the top mapping and 15 lists
    file.write_text(_base_text() + "extra: " + "[" * 15 + "]" * 15 + "\n", "utf-8")
    assert read_event_yaml(file)["extra"] == [[[[[[[[[[[[[[[]]]]]]]]]]]]]]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id: x\nname: caf\xe9\n", r"not UTF-8 text \(byte 15\)"),
        (b"id: [unclosed\n", "not valid YAML"),
        (b"- id: x\n", "expected a mapping"),
        (b"", "expected a mapping"),
        (b"id: !!python/object:os.system x\n", "not valid YAML"),
    ],
)
def test_unreadable_documents_name_the_file(tmp_path, content, message):
    file = tmp_path / "event.yaml"
    file.write_bytes(content)
    with pytest.raises(EventConfigError, match=message) as raised:
        read_event_yaml(file)
    assert raised.value.file == str(file)


def test_a_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "event.yaml")  # reading it would wait for a writer forever
    with pytest.raises(EventConfigError, match="not a regular file"):
        read_event_meta(tmp_path)


def test_times_stay_text_so_a_bad_date_names_its_key(tmp_path):
    file = tmp_path / "event.yaml"
    file.write_text(_base_text().replace("2024-03-01T07:00", "2024-13-45"), encoding="utf-8")
    assert read_event_yaml(file)["start"] == "2024-13-45"
    with pytest.raises(EventConfigError, match="expected a time like") as raised:
        read_event_meta(file)
    assert raised.value.key == "start"


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path):
    # YAML keeps the last of two equal keys without a word: a second id further down would
    # silently rename the event.
    file = tmp_path / "event.yaml"
    file.write_text("id: kab-a-2024\nname: A\nid: kab-b-2024\n", encoding="utf-8")
    with pytest.raises(EventConfigError, match=r"'id' is written twice \(lines 1 and 3\)"):
        read_event_yaml(file)


def test_a_key_written_twice_inside_a_ring_is_refused(tmp_path):
    file = tmp_path / "event.yaml"
    file.write_text(
        _base_text() + "extra:\n  - zone: core\n    name: A\n    zone: outer\n", encoding="utf-8"
    )
    with pytest.raises(EventConfigError, match="'zone' is written twice"):
        read_event_yaml(file)


def test_equal_keys_in_different_mappings_are_fine(tmp_path):
    file = tmp_path / "event.yaml"
    file.write_text(_base_text() + "extra:\n  - {id: a}\n  - {id: b}\n", encoding="utf-8")
    assert [ring["id"] for ring in read_event_yaml(file)["extra"]] == ["a", "b"]
