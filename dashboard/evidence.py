"""The evidence of a record: its article's text with the sentence marked, the article's metadata,
and the other articles that report the same fact. Article text is escaped before it becomes HTML
(a crafted label could link or load an image from anywhere); nothing here goes to Markdown.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from .consolidate import fact_records
from .data import Tables

# Characters of article text shown around the evidence sentence; the full text is one click away.
CONTEXT_CHARS = 700
# Around each supporting sentence of a fact: enough to read it in place, short enough to list several.
SUPPORT_CONTEXT_CHARS = 200


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


# Markdown characters that could make text a link, an image, code, emphasis, a heading or LaTeX.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()<>!$~#|])")


def markdown_literal(text: object) -> str:
    """Text for a Streamlit element that reads Markdown (st.success, st.warning): every character
    that could make it a link, an image or markup is backslash-escaped, so it shows as typed."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return escaped.replace("://", ":\\/\\/").replace("www.", "www\\.")  # no autolinks either


def article_of(tables: Tables, article_id: str) -> dict:
    found = tables.articles[tables.articles["article_id"] == article_id]
    return found.iloc[0].to_dict() if not found.empty else {"article_id": article_id}


def evidence_header(row: pd.Series, article: dict) -> str:
    claim = (f"<strong>{_esc(row['label'])}</strong> — {_esc(row['kind'])}, {_esc(row['category'])}; "
             f"{_esc(row['supplier'] or '?')} → {_esc(row['recipient'] or '?')}; {_esc(row['status'])}, "
             f"{_esc(row['certainty'])}; {_esc(row['date'] or 'undated')}")
    parts = [claim]
    source = " · ".join(_esc(v) for v in (article.get("published"), article.get("source")) if v)
    title = _esc(article.get("title") or article.get("article_id", ""))
    url = str(article.get("url") or "")
    if url.startswith(("https://", "http://")):
        title = f'<a href="{_esc(url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    parts.append(f"<em>{title}</em>" + (f" ({source})" if source else ""))
    return "<div>" + "<br>".join(parts) + "</div>"


def highlighted(text: str, start: int, end: int, sentence: str, context: int = CONTEXT_CHARS) -> str:
    """The article text around the sentence, escaped, with the sentence in <mark>."""
    box = ('<div style="white-space: pre-wrap; line-height: 1.5; padding: 0.75rem 1rem; border-radius: 0.5rem; '
           'border: 1px solid rgba(128,128,128,0.35); max-height: 24rem; overflow-y: auto;">{}</div>')
    if not (0 <= start < end <= len(text)):
        return box.format(f"<mark>{_esc(sentence)}</mark>")  # offsets that do not fit: the sentence alone
    lo, hi = max(0, start - context), min(len(text), end + context)
    before = ("…" if lo else "") + _esc(text[lo:start])
    after = _esc(text[end:hi]) + ("…" if hi < len(text) else "")
    return box.format(f"{before}<mark>{_esc(text[start:end])}</mark>{after}")


def corroborating(tables: Tables, row: pd.Series) -> pd.DataFrame:
    """The other records that tell the same fact as ``row`` (in its article or others; rejected ones
    are no support), with their article's metadata and text."""
    records = tables.records
    if "review" in records.columns:
        records = records[records["review"] != "rejected"]
    others = fact_records(records, row["record_id"]).iloc[1:]
    return others.merge(tables.articles[["article_id", "title", "published", "source", "text"]], on="article_id",
                        how="left").fillna({"title": "", "published": "", "source": "", "text": ""})


def corroboration_list(row: pd.Series, others: pd.DataFrame) -> str:
    """Every other sentence that tells the fact, each highlighted in its article, other articles first."""
    elsewhere = others[others["article_id"] != row["article_id"]]
    here = others[others["article_id"] == row["article_id"]]
    n = elsewhere["article_id"].nunique()
    heading = f"Corroborated by {n} other article{'s' if n != 1 else ''}" if n else "Told again in this article"
    if n and len(here):
        heading += f", and {len(here)} more sentence{'s' if len(here) != 1 else ''} of this one"
    items = "".join(
        f"<li><em>{_esc(r['title'] or r['article_id'])}</em> ({_esc(r['published'] or 'undated')}"
        f"{', ' + _esc(r['source']) if r['source'] else ''}): "
        f"{highlighted(r['text'], int(r['char_start']), int(r['char_end']), r['sentence'], SUPPORT_CONTEXT_CHARS)}</li>"
        for _, r in pd.concat([elsewhere, here]).iterrows()
    )
    return f"<div><strong>{heading}</strong> (one fact: the same claim, pair, status and year)<ul>{items}</ul></div>"
