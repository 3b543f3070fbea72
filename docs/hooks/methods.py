"""MkDocs hook: the worked example's numbers and the glossary, from the package at build time.

``mkdocs.yml`` lists this file under ``hooks:``. For the worked-example pages
(``methods/worked-example.md`` and its ``.id.md`` twin) :func:`on_page_markdown` evaluates the
bundled Purwakarta sample once (fixed seed, few bootstrap resamples) and fills every
``{{ name }}`` placeholder with the number the package computes, formatted in the page's
language; the glossary pages (``glossary.md``, ``glossary.id.md``) get their table from
:data:`sra_analysis.labels.glossary.TERMS`, the catalogue the reports use, each term linked
to its methods section. Nothing is typed by hand, so the pages cannot drift from the code.
An unknown placeholder fails the build.

:data:`SECTIONS` (methods section -> page) and :data:`ALIASES` (a name the reports show ->
its section) are the map ``tests/test_docs_methods.py`` checks the pages against.
"""

from __future__ import annotations

import functools
import re

#: Seed and bootstrap resamples of the worked example (the page's code block uses the same).
SEED = 0
N_RESAMPLES = 200
SAMPLE = "purwakarta-2024"

#: Every methods section, by anchor: the page (under ``methods/``) that holds it.
SECTIONS: dict[str, str] = {
    **dict.fromkeys(
        ("contingency", "pod", "far", "pofd", "csi", "frequency_bias", "accuracy", "hss", "pss",
         "ets", "hit_rate", "pai", "pei_star", "capture", "auc", "kendall_tau_b", "gk_gamma",
         "somers_d", "rate_ratio", "multicategory", "brier"),
        "scores.md",
    ),
    **dict.fromkeys(
        ("rotation_capture", "rotation_auc", "rotation_tau_b", "binomial_capture",
         "conditional_rate_test", "permutation", "bonferroni", "cox"),
        "tests.md",
    ),
    **dict.fromkeys(
        ("ci", "garwood", "clopper_pearson", "wilson", "conditional_ratio_interval",
         "hanley_mcneil", "bootstrap", "asymptotic_association", "iqr"),
        "intervals.md",
    ),
    **dict.fromkeys(("verdict", "episodes", "design_effect"), "verdict.md"),
    **dict.fromkeys(
        ("rates_by_level", "level_rate_ratio", "dersimonian_laird", "i2", "funnel", "banding",
         "cell_rates", "hot_spots"),
        "rollup.md",
    ),
}  # fmt: skip

#: Names the reports, ``summary.json``, the glossary and the roll-up use that are not
#: themselves a section's anchor: the section that explains them.
ALIASES: dict[str, str] = {
    "capture_pai": "capture",
    "incidents_rate_ratio": "rate_ratio",
    "disruptions_rate_ratio": "rate_ratio",
    "gerrity": "multicategory",
    "multicategory_hss": "multicategory",
    "multicategory_pss": "multicategory",
    "brier_reliability": "brier",
    "brier_resolution": "brier",
    "brier_uncertainty": "brier",
    "tau_b": "kendall_tau_b",
    "gamma": "gk_gamma",
    "heidke": "hss",
    "peirce": "pss",
    "grade_mixed": "verdict",
    "disruption_episode": "episodes",
    "p_value": "rotation_capture",
    "poisson_model": "level_rate_ratio",
    "negative_binomial": "level_rate_ratio",
    "cochran_q": "dersimonian_laird",
    "reliability": "brier",
    "thin_evidence": "episodes",
    "flag_level": "contingency",
    "flagged": "contingency",
    "window": "contingency",
    "hit": "contingency",
    "miss": "contingency",
    "false_alarm": "contingency",
    "correct_negative": "contingency",
    "risk_level": "cox",
}

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")


def section_of(name: str) -> str | None:
    """The anchor of the methods section explaining ``name`` (None when there is none)."""
    anchor = ALIASES.get(name, name)
    return anchor if anchor in SECTIONS else None


def method_link(name: str, *, from_dir: str = "") -> str | None:
    """Relative link from a page in ``from_dir`` ("" or "methods") to ``name``'s section."""
    anchor = section_of(name)
    if anchor is None:
        return None
    page = SECTIONS[anchor]
    return f"{page}#{anchor}" if from_dir == "methods" else f"methods/{page}#{anchor}"


def _lang(page) -> str:
    locale = getattr(page.file, "locale", None)
    if locale in ("en", "id"):
        return locale
    return "id" if page.file.src_uri.endswith(".id.md") else "en"


def _base(src_uri: str) -> str:
    return re.sub(r"\.id\.md$", ".md", src_uri)


# -- the glossary --------------------------------------------------------------------------

_GLOSSARY_HEAD = {
    "en": ("Term", "Bahasa Indonesia", "Meaning", "Method"),
    "id": ("Istilah", "Bahasa Inggris", "Arti", "Metode"),
}
_SEE = {"en": "how it is computed", "id": "cara menghitung"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def glossary_markdown(lang: str) -> str:
    """The glossary table in ``lang``: term, its twin in the other language, definition and a
    link to its methods section; one row per :data:`~sra_analysis.labels.glossary.TERMS`."""
    from sra_analysis.labels.glossary import TERMS

    other = "en" if lang == "id" else "id"
    head = _GLOSSARY_HEAD[lang]
    rows = [
        "| " + " | ".join(head) + " |",
        "| " + " | ".join("---" for _ in head) + " |",
    ]
    for entry in TERMS:
        link = method_link(entry.key)
        method = f"[{_SEE[lang]}]({link})" if link else ""
        term = f'<span id="{entry.key}"></span>**{_cell(getattr(entry, lang))}**'
        cells = (term, _cell(getattr(entry, other)),
                 _cell(getattr(entry, f"definition_{lang}")), method)  # fmt: skip
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


# -- the worked example ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _review():
    from sra_analysis import evaluate, load_event
    from sra_analysis.resources import sample_dir

    return evaluate(load_event(sample_dir() / SAMPLE), n_resamples=N_RESAMPLES, seed=SEED)


@functools.lru_cache(maxsize=2)
def worked_example_values(lang: str) -> dict[str, str]:
    """Every placeholder of the worked example, formatted in ``lang``."""
    from sra_analysis.labels import level_label
    from sra_analysis.labels.formats import format_number, format_p_value, format_percent
    from sra_analysis.review.verdict import ALPHA, ALPHA_DISCRIMINATION, MIN_EPISODES

    review = _review()
    counts, verdict = review.counts, review.verdict
    rotation = review.prediction.rotation

    def number(value, digits=2):
        return format_number(value, lang=lang, digits=digits)

    values = {
        "event": review.meta.id,
        "event_name": review.meta.name,
        "seed": str(SEED),
        "n_resamples": str(N_RESAMPLES),
        "windows": number(counts.windows, 0),
        "total_hours": number(counts.total_hours, 0),
        "flag_level": level_label(verdict.flag_level, lang),
        "flagged": number(counts.hits + counts.false_alarms, 0),
        "flagged_share": format_percent(counts.flagged_share, lang=lang, digits=1),
        "hits": number(counts.hits, 0),
        "misses": number(counts.misses, 0),
        "false_alarms": number(counts.false_alarms, 0),
        "correct_negatives": number(counts.correct_negatives, 0),
        "observed": number(counts.observed, 0),
        "disruptions": number(counts.disruptions, 0),
        "disruptions_in_flagged": number(counts.disruptions_in_flagged, 0),
        "expected": number(verdict.skill.expected, 2),
        "grade": verdict.label(lang),
        "reason": verdict.reason,
        "verdict_text": verdict.text(lang),
        "episodes": number(rotation.episodes, 0),
        "min_episodes": number(MIN_EPISODES, 0),
        "design_effect": number(rotation.design_effect, 2),
        "offsets": number(rotation.capture.n_offsets, 0),
        "capture_greater": number(rotation.capture.greater, 0),
        "capture_ties": number(rotation.capture.ties, 0),
        "capture_p": format_p_value(rotation.capture.p_value, lang=lang),
        "capture_null_mean": number(rotation.capture.null_mean, 2),
        "auc_p": format_p_value(rotation.auc.p_value, lang=lang),
        "tau_b_p": format_p_value(rotation.tau_b.p_value, lang=lang),
        "alpha": number(ALPHA, 3),
        "alpha_discrimination": number(ALPHA_DISCRIMINATION, 3),
    }
    for name in ("pod", "far", "pofd", "csi", "hss", "pss", "pai", "auc", "kendall_tau_b",
                 "gk_gamma", "disruptions_rate_ratio", "incidents_rate_ratio", "brier",
                 "capture"):  # fmt: skip
        score = review.score(name)
        values[name] = number(score.estimate, 2)
        values[f"{name}_low"] = number(score.ci_low, 2)
        values[f"{name}_high"] = number(score.ci_high, 2)
        values[f"{name}_p"] = format_p_value(score.p_value, lang=lang)
    values["score_table"] = score_table_markdown(lang)
    return values


_TABLE_HEAD = {
    "en": ("Score", "Estimate", "95% interval", "p-value", "n"),
    "id": ("Skor", "Nilai", "IK 95%", "Nilai p", "n"),
}


def score_table_markdown(lang: str) -> str:
    """Every row of the sample's score table, each name linked to its methods section."""
    from sra_analysis.labels.formats import format_number, format_p_value, format_range

    table = _review().scores
    head = _TABLE_HEAD[lang]
    rows = ["| " + " | ".join(head) + " |", "| --- | ---: | ---: | ---: | ---: |"]
    for row in table.itertuples(index=False):
        link = method_link(row.metric, from_dir="methods")
        name = f"[`{row.metric}`]({link})" if link else f"`{row.metric}`"
        interval = format_range(row.ci_low, row.ci_high, lang=lang, digits=2)
        p_value = format_p_value(row.p_value, lang=lang) if row.p_value == row.p_value else ""
        cells = (name, format_number(row.estimate, lang=lang, digits=2), interval, p_value,
                 format_number(row.n, lang=lang, digits=0))  # fmt: skip
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


# -- the methods index ------------------------------------------------------------------------

#: The bold lead-ins of a methods section, per language.
FIELDS = {
    "en": {"question": "Question.", "formula": "Formula.", "reading": "How to read it.",
           "misleads": "When it misleads.", "function": "Function.",
           "reference": ("Reference.", "References.")},
    "id": {"question": "Pertanyaan.", "formula": "Rumus.", "reading": "Cara membaca.",
           "misleads": "Kapan menyesatkan.", "function": "Fungsi.",
           "reference": ("Rujukan.",)},
}  # fmt: skip
_HEADING = re.compile(r"^## (?P<title>.+?) \{#(?P<anchor>[a-z0-9_]+)\}\s*$", re.MULTILINE)
_DOI = re.compile(r"doi:(10\.\S+?)(?=\s|$)")
_NO_DOI = re.compile(r"\b(no DOI|tanpa DOI)\b", re.IGNORECASE)


def method_sections(text: str, lang: str) -> list[dict]:
    """The sections of one methods page: ``anchor``, ``title``, ``body`` and the text after
    each lead-in of :data:`FIELDS` (``question``, ``function``, ``reference``, ...)."""
    fields = FIELDS[lang]
    matches = list(_HEADING.finditer(text))
    sections = []
    for match, after in zip(matches, [*matches[1:], None], strict=True):
        body = text[match.end() : after.start() if after else len(text)]
        section = {"anchor": match["anchor"], "title": match["title"], "body": body}
        for name, leads in fields.items():
            for lead in (leads,) if isinstance(leads, str) else leads:
                found = re.search(r"\*\*" + re.escape(lead) + r"\*\*(.*?)(?=\n\*\*|\n## |\Z)",
                                  body, re.DOTALL)  # fmt: skip
                if found:
                    section[name] = " ".join(found.group(1).split())
        sections.append(section)
    return sections


_INDEX_HEAD = {
    "en": ("Score, test or interval", "Question", "Function", "Reference"),
    "id": ("Skor, uji atau interval", "Pertanyaan", "Fungsi", "Rujukan"),
}
_PAGES = ("scores.md", "tests.md", "intervals.md", "verdict.md", "rollup.md")


def _first_reference(reference: str) -> str:
    """The first of a section's references (a list's first item, or the one paragraph)."""
    return (
        re.split(r"(?:^| )- ", reference.strip(" -"))[0]
        if reference.startswith("- ")
        else reference
    )


def _short_author(authors: str) -> str:
    surnames = re.findall(r"([A-Z][\w'’-]+), (?:[A-Z]\.|Jr\.)", authors)
    if not surnames:
        surnames = [name.strip() for name in re.split(r",| & ", authors) if name.strip()]
    surnames = list(dict.fromkeys(surnames))
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " & ".join(surnames)


def _reference_cell(reference: str, lang: str) -> str:
    first = _first_reference(reference)
    author = re.match(r"(.+?)\((\d{4})\)", first)
    who = f"{_short_author(author.group(1))} ({author.group(2)})" if author else ""
    doi = _DOI.search(first)
    if doi:
        return f"{_cell(who)}, `doi:{doi.group(1)}`"
    return f"{_cell(who)}, {'tanpa DOI' if lang == 'id' else 'no DOI'}"


def index_markdown(lang: str, docs_dir) -> str:
    """The methods index table in ``lang``, read from the methods pages themselves: one row
    per section, its question, its function and its first reference."""
    from pathlib import Path

    head = _INDEX_HEAD[lang]
    rows = ["| " + " | ".join(head) + " |", "| --- | --- | --- | --- |"]
    for page in _PAGES:
        name = page if lang == "en" else page.replace(".md", ".id.md")
        text = (Path(docs_dir) / "methods" / name).read_text(encoding="utf-8")
        for section in method_sections(text, lang):
            function = re.search(r"`([^`]+)`", section.get("function", ""))
            cells = (
                f"[{_cell(section['title'])}]({page}#{section['anchor']})",
                _cell(section.get("question", "")).replace("](#", f"]({page}#"),
                f"`{function.group(1)}`" if function else "",
                _reference_cell(section.get("reference", ""), lang),
            )
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def fill(markdown: str, values: dict[str, str], *, page: str) -> str:
    """Replace every ``{{ name }}`` by ``values[name]``; an unknown name is an error."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"{page}: unknown placeholder {{{{ {name} }}}}")
        return values[name]

    return _PLACEHOLDER.sub(replace, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Fill the worked example's and the glossary's placeholders (MkDocs event)."""
    base, lang = _base(page.file.src_uri), _lang(page)
    if base == "methods/worked-example.md":
        values = worked_example_values(lang)
    elif base == "glossary.md":
        values = {"glossary": glossary_markdown(lang)}
    elif base == "methods/index.md":
        values = {"methods_index": index_markdown(lang, config["docs_dir"])}
    else:
        return markdown
    try:
        return fill(markdown, values, page=page.file.src_uri)
    except KeyError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(error.args[0])) from None
