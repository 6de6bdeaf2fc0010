"""Reading articles: files on disk (.txt, .md, .html), their metadata in articles.csv, and the checks
that refuse what is not an article (empty, binary, oversize, undecodable) with a reason.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from .lexicon import data_version

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
METADATA_FILE = "articles.csv"
METADATA_COLUMNS = ("article_id", "published", "source", "url", "title")

# Long-form news features run to ~100 KB of text; 2 MB is far beyond any article and keeps a stray
# data dump or log file from stalling a run.
MAX_BYTES = 2_000_000
# Bytes that never occur in text; a NUL or many control bytes in the first block mean a binary file.
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))
_MARKUP = re.compile(r"<\s*(script|style|iframe|object|embed|svg|img|a|div|span|p|html|body)\b", re.I)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ArticleError(Exception):
    """An input file that cannot be taken as an article; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{Path(path).name}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass
class Article:
    """One article: its text as extracted from (offsets index into ``text``), and its metadata."""

    article_id: str
    text: str
    path: str = ""
    title: str = ""
    published: str = ""
    published_inferred: bool = False
    source: str = ""
    url: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text, the metadata and the lexicons: what decides what is extracted."""
        key = "\x1f".join((self.text, self.published, self.title, data_version()))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def as_row(self) -> dict:
        """The article as a row of the store's articles table."""
        return {
            "article_id": self.article_id, "title": self.title, "published": self.published,
            "published_inferred": int(self.published_inferred), "source": self.source, "url": self.url,
            "path": self.path, "content_hash": self.content_hash, "text": self.text,
        }


def decode_article_bytes(data: bytes, name: str) -> str:
    """Check raw bytes and decode them as UTF-8, or raise ArticleError saying why not."""
    if len(data) > MAX_BYTES:
        raise ArticleError(name, f"too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})")
    if not data.strip():
        raise ArticleError(name, "empty file")
    head = data[:4096]
    if b"\x00" in head or sum(head.count(bytes([b])) for b in _CONTROL) > len(head) // 100 + 2:
        raise ArticleError(name, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(name, f"not UTF-8 text (undecodable byte 0x{data[err.start]:02x} at offset {err.start})") from None


def html_to_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page (scripts, styles and navigation dropped) and its <title>."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "iframe", "object", "embed", "svg", "nav", "footer", "form", "head"]):
        if tag.name == "head":
            continue
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if soup.head:
        soup.head.decompose()
    blocks = []
    for block in soup.find_all(["h1", "h2", "h3", "p", "li", "blockquote", "figcaption", "pre"]):
        if block.find(["p", "li", "blockquote"]):
            continue  # its children are taken on their own
        text = " ".join(block.get_text(" ", strip=True).split())
        if text:
            blocks.append(text)
    if not blocks:
        blocks = [" ".join(line.split()) for line in soup.get_text("\n").splitlines() if line.strip()]
    if title and not any(title in block or block in title for block in blocks[:2]):
        blocks.insert(0, title)
    return "\n\n".join(blocks), title


def read_article(path: Path, meta: dict | None = None) -> Article:
    """Read one article file, checked and cleaned; raise ArticleError when it cannot be taken."""
    path = Path(path)
    text = decode_article_bytes(path.read_bytes(), path.name)
    meta = meta or {}
    warnings = []
    if path.suffix.lower() in HTML_SUFFIXES:
        text, html_title = html_to_text(text)
        if not text.strip():
            raise ArticleError(path, "HTML page with no visible text")
        title = meta.get("title") or html_title
    else:
        if _MARKUP.search(text):
            warnings.append(f"{path.name}: contains HTML markup; kept as plain text and never rendered as HTML")
        title = meta.get("title") or first_line_title(text)
    article = Article(
        article_id=path.stem, text=text, path=str(path), title=title,
        published=meta.get("published", ""), source=meta.get("source", ""), url=meta.get("url", ""),
        warnings=warnings,
    )
    return article


def first_line_title(text: str) -> str:
    """The first non-blank line when it reads as a headline (short, no closing full stop), else ''."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 and not line.endswith((".", "?\"", ".”")) else ""
    return ""


def read_metadata(folder: Path) -> tuple[dict[str, dict], list[str]]:
    """articles.csv beside the articles: article_id -> metadata, plus problems found in it."""
    path = Path(folder) / METADATA_FILE
    if not path.exists():
        return {}, []
    problems: list[str] = []
    try:
        text = decode_article_bytes(path.read_bytes(), METADATA_FILE)
        rows = list(csv.DictReader(text.splitlines()))
    except (ArticleError, csv.Error) as err:
        return {}, [f"{METADATA_FILE}: unreadable, metadata ignored ({err})"]
    if not rows or "article_id" not in rows[0]:
        return {}, [f"{METADATA_FILE}: no article_id column, metadata ignored"]
    meta = {}
    for line_no, row in enumerate(rows, start=2):
        aid = (row.get("article_id") or "").strip()
        if not aid:
            problems.append(f"{METADATA_FILE} line {line_no}: no article_id, row ignored")
            continue
        clean = {k: (row.get(k) or "").strip() for k in METADATA_COLUMNS}
        if clean["published"] and not _is_iso_date(clean["published"]):
            problems.append(f"{METADATA_FILE} line {line_no}: published {clean['published']!r} is not YYYY-MM-DD, ignored")
            clean["published"] = ""
        meta[aid] = clean
    return meta, problems


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def find_article_files(folder: Path) -> list[Path]:
    """The article files in a folder, sorted by name (the metadata file excluded)."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
