"""Finding and reading ``event.yaml`` safely: size cap, no YAML aliases, no link out of the folder.

An event folder's configuration is ``event.yaml`` (``event.yml`` is accepted too; a folder
holding both is refused as ambiguous). The file is read under limits a hand-written event
never comes near, so that a hostile file fails fast with an :class:`EventConfigError` naming
it, before anything expands:

- at most :data:`MAX_EVENT_YAML_BYTES` bytes, checked before parsing;
- no YAML aliases (``*name``), refused as the parser meets them, so an alias bomb ("billion
  laughs") never grows; nesting at most :data:`MAX_YAML_DEPTH` levels deep;
- no key written twice in one mapping (YAML would keep the last one without a word, so a
  second ``id:`` further down would silently win);
- a link (symlink) is followed only when it stays inside the event folder.

What the values mean and which are accepted is checked by :mod:`sra_analysis.event_config`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from sra_analysis.errors import EventConfigError, InputFileError

__all__ = [
    "EVENT_FILE_NAMES",
    "MAX_EVENT_YAML_BYTES",
    "MAX_YAML_DEPTH",
    "find_event_dirs",
    "find_event_file",
    "is_inside",
    "read_event_yaml",
]

#: The names an event folder's configuration may have, preferred first.
EVENT_FILE_NAMES = ("event.yaml", "event.yml")
#: Largest ``event.yaml`` read (1 MB); a real one is a few hundred bytes.
MAX_EVENT_YAML_BYTES = 1_000_000
#: Deepest nesting of lists and mappings in ``event.yaml`` (a real one needs 4).
MAX_YAML_DEPTH = 16


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path``, links followed, is a file inside ``folder`` (links followed too).

    Examples
    --------
    >>> is_inside("/srv/events/a/incidents.csv", "/srv/events/a")
    True
    >>> is_inside("/srv/events/a/../b/incidents.csv", "/srv/events/a")
    False
    """
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def find_event_file(folder: str | Path) -> Path:
    """The configuration file of an event folder: ``event.yaml`` or ``event.yml``.

    Raises
    ------
    EventConfigError
        When there is neither, when there are both, or when it is a link to a file outside
        the folder.
    """
    folder = Path(folder)
    found = [folder / name for name in EVENT_FILE_NAMES if (folder / name).exists()]
    if not found:
        broken = [folder / n for n in EVENT_FILE_NAMES if (folder / n).is_symlink()]
        if broken:
            raise EventConfigError(str(broken[0]), "is a link to a file that does not exist")
        raise EventConfigError(
            str(folder / "event.yaml"), "no event.yaml found; every event folder needs one"
        )
    if len(found) > 1:
        raise EventConfigError(
            str(folder),
            "holds both event.yaml and event.yml; keep one (which one is meant is ambiguous)",
        )
    if not is_inside(found[0], folder):
        raise EventConfigError(
            str(found[0]),
            "is a link to a file outside the event folder; copy the file in instead",
        )
    return found[0]


class _AliasRefused(yaml.YAMLError):
    def __init__(self, anchor: str, mark) -> None:
        super().__init__(
            f"YAML aliases (*{anchor}, line {mark.line + 1}) are not accepted in an event "
            "file; write each value out in full"
        )


class _TooDeep(yaml.YAMLError):
    def __init__(self, mark) -> None:
        super().__init__(
            f"lists and mappings nested more than {MAX_YAML_DEPTH} levels deep "
            f"(line {mark.line + 1})"
        )


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, first, second) -> None:
        super().__init__(
            f"the key {key!r} is written twice (lines {first.line + 1} and {second.line + 1}); "
            "keep one"
        )


class _EventYamlLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and deep nesting while composing, before constructing.

    Times stay text (no implicit timestamps), so that a bad date is reported with its key by
    the value checks rather than as a parser failure.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _AliasRefused(event.anchor, event.start_mark)
        depth = getattr(self, "_depth", 0)
        if depth >= MAX_YAML_DEPTH:
            raise _TooDeep(event.start_mark)
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, yaml.Mark] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node.start_mark)
                except TypeError:  # an unhashable key: SafeLoader reports it itself
                    continue
                if first is not key_node.start_mark:
                    raise _DuplicateKey(key, first, key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


def read_event_yaml(
    file: str | Path, *, expected: str = "expected a mapping of keys such as id, start, rings"
) -> dict:
    """The mapping in an event file, read under the limits in the module docstring.

    The same limits serve the other YAML files an event folder may name (a category
    vocabulary): ``expected`` is the message for a file that holds no mapping.

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> read_event_yaml(sample_dir() / "purwakarta-2024" / "event.yaml")["id"]
    'purwakarta-2024'

    Raises
    ------
    EventConfigError
        Naming the file, for a file too large, not UTF-8, not YAML, using aliases, nested too
        deeply, with a key written twice in one mapping, or not a mapping.
    """
    file = Path(file)
    if not file.is_file():
        raise EventConfigError(str(file), "no such file, or not a regular file")
    with open(file, "rb") as handle:
        raw = handle.read(MAX_EVENT_YAML_BYTES + 1)
    if len(raw) > MAX_EVENT_YAML_BYTES:
        raise EventConfigError(
            str(file), f"larger than {MAX_EVENT_YAML_BYTES:,} bytes; an event file is a few lines"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EventConfigError(
            str(file), f"not UTF-8 text (byte {error.start}); save it as UTF-8"
        ) from None
    try:
        config = yaml.load(text, Loader=_EventYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except (_AliasRefused, _TooDeep, _DuplicateKey) as error:
        raise EventConfigError(str(file), str(error)) from None
    except yaml.YAMLError as error:
        raise EventConfigError(str(file), f"not valid YAML: {error}") from None
    except (ValueError, OverflowError, RecursionError) as error:
        # e.g. a timestamp such as 2024-13-45 that the YAML parser tries to build
        raise EventConfigError(
            str(file), f"not valid YAML: {type(error).__name__}: {str(error)[:200]}"
        ) from None
    if not isinstance(config, dict):
        raise EventConfigError(str(file), expected)
    return config


def find_event_dirs(paths) -> list[Path]:
    """Event folders named by ``paths``: an event folder itself, or a folder holding several.

    A folder with ``event.yaml`` (or ``event.yml``) is an event; a folder without one stands
    for every sub-folder that has one (sorted by name). Duplicates are removed, order is kept.
    A folder holding both names is still listed: loading it fails with a message naming the
    ambiguity, so ``sra-review validate`` and ``sra-review report`` both tell the user.

    Raises
    ------
    InputFileError
        For a path that does not exist, is not a folder, or holds no event.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: dict[Path, None] = {}
    for path in map(Path, paths):
        if not path.exists():
            raise InputFileError(str(path), "no such folder")
        if not path.is_dir():
            raise InputFileError(str(path), "not a folder; give event folders")
        if _holds_event_file(path):
            found[path] = None
            continue
        children = sorted(p for p in path.iterdir() if p.is_dir() and _holds_event_file(p))
        if not children:
            raise InputFileError(str(path), "holds no event.yaml, nor folders that do")
        found.update(dict.fromkeys(children))
    return list(found)


def _holds_event_file(folder: Path) -> bool:
    return any(
        (folder / name).exists() or (folder / name).is_symlink() for name in EVENT_FILE_NAMES
    )
