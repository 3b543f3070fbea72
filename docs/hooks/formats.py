"""MkDocs hook: the data-format page's tables, generated from the package at build time.

``docs/formats.md`` and ``docs/formats.id.md`` hold the prose and markers such as
``<!-- formats:input incidents -->``; this hook replaces each marker with a table made from
the code's own definitions, so the page cannot drift from what the loader and the writers do:

- ``input KIND``: the columns of an input file (:func:`sra_analysis.io.schemas.columns_of`),
  their kind, range, whether required, and the headers accepted
  (:data:`sra_analysis.io.schemas.HEADER_ALIASES`);
- ``vocabulary``: the incident categories of ``sra_analysis/vocabulary/categories.yaml``;
- ``severity``: the severity scale in the page's language
  (:func:`sra_analysis.levels.severity_scale`);
- ``summary`` / ``rollup``: :data:`~sra_analysis.reports.summary_schema.SUMMARY_SCHEMA` and
  :data:`~sra_analysis.reports.rollup_schema.ROLLUP_SCHEMA`;
- ``table NAME``: the columns of a Parquet table a report leaves
  (:func:`sra_analysis.reports.rollup_schema.table_columns`).

A marker the hook does not know, or a column without a description, stops the build.
"""

from __future__ import annotations

import re

MARKER = re.compile(r"<!-- formats:(?P<what>[a-z_]+)(?: (?P<arg>[a-z_]+))? -->")

_HEAD = {
    "en": {
        "input": ("column", "kind", "required", "range", "headers also accepted"),
        "vocabulary": ("code", "label (en)", "label (id)", "synonyms", "definition"),
        "json": ("key", "type", "what it holds"),
        "table": ("column", "what it holds"),
        "severity": ("severity", "name", "what it means"),
        "yes": "yes",
        "no": "",
        "or": " or ",
    },
    "id": {
        "input": ("kolom", "jenis", "wajib", "rentang", "judul kolom lain yang diterima"),
        "vocabulary": ("kode", "label (en)", "label (id)", "sinonim", "definisi"),
        "json": ("kunci", "tipe", "isi (keterangan dari kode, bahasa Inggris)"),
        "table": ("kolom", "isi (keterangan dari kode, bahasa Inggris)"),
        "severity": ("tingkat keparahan", "nama", "artinya"),
        "yes": "ya",
        "no": "",
        "or": " atau ",
    },
}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(head: tuple[str, ...], rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _range(spec) -> str:
    if spec.low is None:
        return ""
    low = int(spec.low) if float(spec.low).is_integer() else spec.low
    if spec.high is None:
        return f"≥ {low}"
    high = int(spec.high) if float(spec.high).is_integer() else spec.high
    return f"{low}–{high}"


def _input(kind: str, lang: str) -> str:
    from sra_analysis.io.schemas import HEADER_ALIASES, columns_of

    words = _HEAD[lang]
    rows = [
        (
            f"`{spec.name}`",
            spec.kind,
            words["yes"] if spec.required else words["no"],
            _range(spec),
            ", ".join(f"`{alias}`" for alias in HEADER_ALIASES[kind].get(spec.name, ())),
        )
        for spec in columns_of(kind)
    ]
    return _table(words["input"], rows)


def _vocabulary(lang: str) -> str:
    from sra_analysis.vocabulary import bundled_vocabulary

    rows = [
        (
            f"`{c.code}`",
            c.label_en,
            c.label_id,
            ", ".join((*c.synonyms_id, *c.synonyms_en)),
            c.definition(lang),
        )
        for c in bundled_vocabulary().categories
    ]
    return _table(_HEAD[lang]["vocabulary"], rows)


def _severity(lang: str) -> str:
    from sra_analysis.levels import severity_scale

    rows = list(severity_scale(lang).itertuples(index=False, name=None))
    return _table(_HEAD[lang]["severity"], rows)


def _json(schema: dict, lang: str) -> str:
    words = _HEAD[lang]
    rows = [
        (f"`{path}`", kind.replace("|", words["or"]), text) for path, (kind, text) in schema.items()
    ]
    return _table(_HEAD[lang]["json"], rows)


def _parquet(name: str, lang: str) -> str:
    from sra_analysis.reports.rollup_schema import TABLE_COLUMNS, table_columns

    columns = table_columns()[name]
    missing = [c for c in columns if c not in TABLE_COLUMNS[name]]
    if missing:
        raise ValueError(f"{name}.parquet: no description for {missing} in TABLE_COLUMNS")
    rows = [(f"`{column}`", TABLE_COLUMNS[name][column]) for column in columns]
    return _table(_HEAD[lang]["table"], rows)


def render(what: str, arg: str | None, lang: str) -> str:
    """The table a marker stands for."""
    from sra_analysis.reports.rollup_schema import ROLLUP_SCHEMA
    from sra_analysis.reports.summary_schema import SUMMARY_SCHEMA

    if what == "input" and arg:
        return _input(arg, lang)
    if what == "vocabulary":
        return _vocabulary(lang)
    if what == "severity":
        return _severity(lang)
    if what == "summary":
        return _json(SUMMARY_SCHEMA, lang)
    if what == "rollup":
        return _json(ROLLUP_SCHEMA, lang)
    if what == "table" and arg:
        return _parquet(arg, lang)
    raise ValueError(f"unknown data-format marker: formats:{what} {arg or ''}")


def on_page_markdown(markdown, page, config, files):
    if not MARKER.search(markdown):
        return markdown
    lang = "id" if page.file.src_uri.endswith(".id.md") else "en"
    return MARKER.sub(lambda m: render(m["what"], m["arg"], lang), markdown)
