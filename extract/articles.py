"""Reading articles: files on disk (.txt, .md, .html), their metadata in articles.csv, and the checks
that refuse what is not an article (empty, binary, oversize, undecodable) with a reason.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .lexicon import data_version

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
METADATA_FILE = "articles.csv"
METADATA_COLUMNS = ("article_id", "published", "source", "url", "title")

# Long-form news features run to ~100 KB of text; 2 MB is far beyond any article and keeps a stray
# data dump or log file from stalling a run.
MAX_BYTES = 2_000_000
# Characters that never occur in text: a NUL anywhere, or many other control characters in the first
# block, mean a binary file.
_CONTROL = "".join(map(chr, range(0, 9))) + "".join(map(chr, range(14, 32)))
# Text files with a byte-order mark say their encoding (Excel and Windows Notepad write them); UTF-32's
# marks start with UTF-16's, so they are tried first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
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
    """Check raw bytes and decode them (UTF-8, or UTF-8/16/32 with a byte-order mark, which is
    dropped), or raise ArticleError saying why not."""
    if len(data) > MAX_BYTES:
        raise ArticleError(name, f"too large (over {MAX_BYTES:,} bytes)")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data:
        raise ArticleError(name, "binary file, not text")  # before decoding: a PNG is binary, not "not UTF-8"
    if encoding == "utf-8" and not data.strip():
        raise ArticleError(name, "empty file")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        label = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise ArticleError(name, f"not {label} text (undecodable byte 0x{data[err.start]:02x} at offset {err.start})") from None
    head = text[:4096]
    if "\x00" in text or sum(head.count(ch) for ch in _CONTROL) > len(head) // 100 + 2:
        raise ArticleError(name, "binary file, not text")
    if not text.strip():
        raise ArticleError(name, "empty file")
    return text


def read_limited(path: Path) -> bytes:
    """A file's bytes, its size checked before anything is read (a 50 MB file is refused unread)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(path, f"too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)  # a file growing meanwhile is still caught by the check after


# Elements whose text is not the article's: scripts, styles, embedded objects, navigation, forms.
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "iframe", "object", "svg", "nav", "footer", "form"})
# Elements whose text is a paragraph of the article.
_BLOCK_TAGS = frozenset({"h1", "h2", "h3", "p", "li", "blockquote", "figcaption", "pre"})
# Elements inside a line of text: their boundaries are not word breaks ("<b>Shahed</b>-136").
_INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
                          "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})


class _TextCollector(HTMLParser):
    """One pass over the page's tags, keeping visible text by paragraph: the cost grows with the
    page's length, whatever its nesting (a tree walk per paragraph grew with its square)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.blocks: list[str] = []
        self.loose: list[str] = []  # all visible text, for a page without paragraphs
        self._current: list[str] = []
        self._dropped = 0
        self._in_block = 0
        self._in_title = False
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._boundary(tag)
        if tag == "title":
            self._in_title = not self.title  # the page's first <title>, not an SVG's
        elif tag in ("head", "body"):
            self._in_head = tag == "head"  # <body> ends a <head> left open
        elif tag in _DROPPED_TAGS:
            self._dropped += 1
        elif tag in _BLOCK_TAGS:
            self._in_block += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._boundary(tag)  # <br/>, <svg/>: no content to drop or keep

    def handle_endtag(self, tag: str) -> None:
        self._boundary(tag)
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self._in_head = False
        elif tag in _DROPPED_TAGS:
            self._dropped = max(0, self._dropped - 1)
        elif tag in _BLOCK_TAGS:
            self._in_block = max(0, self._in_block - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._dropped and not self._in_head:
            self.loose.append(data)
            if self._in_block:
                self._current.append(data)

    def _boundary(self, tag: str) -> None:
        if tag in _INLINE_TAGS:
            return
        self.loose.append("\n")
        if tag in _BLOCK_TAGS or tag in _DROPPED_TAGS or tag in ("head", "body"):
            self.flush()
        elif self._current:
            self._current.append(" ")

    def flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []


def close_or_escape_tags(html: str) -> str:
    """The page with every '<' that does not open a complete tag (no '>' before the next '<')
    escaped as text, and an unclosed comment cut off. html.parser rescans the rest of the page from
    each unterminated tag, so "<a <a <a ..." cost the square of its length (20 KB: 9 s). One pass:
    the next '<' and '>' are found once and reused while they lie ahead. A quoted attribute holding
    a raw '<' (invalid, but seen) then shows as text instead of being dropped."""
    out, pos, size = [], 0, len(html)
    next_gt = next_lt = -1
    while pos < size:
        lt = html.find("<", pos)
        if lt < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            if end < 0:
                break  # an unclosed comment hides the rest of the page, as in a browser
            out.append(html[lt:end + 3])
            pos = end + 3
            continue
        if next_gt != size and next_gt <= lt:
            next_gt = html.find(">", lt)
            next_gt = size if next_gt < 0 else next_gt  # none ahead: never searched for again
        if next_lt != size and next_lt <= lt:
            next_lt = html.find("<", lt + 1)
            next_lt = size if next_lt < 0 else next_lt
        if next_gt == size or next_lt < next_gt:
            out.append("&lt;")
            pos = lt + 1
        else:
            out.append(html[lt:next_gt + 1])
            pos = next_gt + 1
    return "".join(out)


def html_to_text(html: str) -> tuple[str, str]:
    """Visible text of an HTML page (scripts, styles and navigation dropped) and its <title>."""
    collector = _TextCollector()
    collector.feed(close_or_escape_tags(html))
    collector.close()
    collector.flush()
    title = " ".join("".join(collector.title).split())
    blocks = collector.blocks
    if not blocks:
        blocks = [" ".join(line.split()) for line in "".join(collector.loose).splitlines() if line.strip()]
    if title and not any(title in block or block in title for block in blocks[:2]):
        blocks.insert(0, title)
    return "\n\n".join(blocks), title


def read_article(path: Path, meta: dict | None = None, article_id: str | None = None) -> Article:
    """Read one article file, checked and cleaned; raise ArticleError when it cannot be taken."""
    path = Path(path)
    return article_from_bytes(path.name, read_limited(path), article_id or path.stem, meta, str(path))


def article_from_bytes(name: str, data: bytes, article_id: str, meta: dict | None = None, path: str = "") -> Article:
    """An article from a file's name and bytes (read from disk or uploaded), checked and cleaned."""
    text = decode_article_bytes(data, name)
    meta = meta or {}
    warnings = []
    if Path(name).suffix.lower() in HTML_SUFFIXES:
        text, html_title = html_to_text(text)
        if not text.strip():
            raise ArticleError(name, "HTML page with no visible text")
        title = meta.get("title") or html_title
    else:
        if _MARKUP.search(text):
            warnings.append(f"{name}: contains HTML markup; kept as plain text and never rendered as HTML")
        title = meta.get("title") or first_line_title(text)
    return Article(
        article_id=article_id, text=text, path=path, title=title,
        published=meta.get("published", ""), source=meta.get("source", ""), url=meta.get("url", ""),
        warnings=warnings,
    )


def first_line_title(text: str) -> str:
    """The first non-blank line when it reads as a headline (short, no closing full stop), else ''."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 and not line.endswith((".", "?\"", ".”")) else ""
    return ""


def read_metadata(folder: Path) -> tuple[dict[str, dict], list[str]]:
    """articles.csv beside the articles: article_id -> metadata, plus each problem found in it, with
    its line number (unknown columns, ragged rows, an unclosed quote, a repeated id, a bad date)."""
    path = Path(folder) / METADATA_FILE
    if not path.exists():
        return {}, []
    try:
        if not path.resolve().is_relative_to(Path(folder).resolve()):
            raise ArticleError(path, "a link to a file outside the articles folder")
        text = decode_article_bytes(read_limited(path), METADATA_FILE)
    except (ArticleError, OSError) as err:
        return {}, [f"{METADATA_FILE}: unreadable, metadata ignored ({err})"]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        return {}, [f"{METADATA_FILE}: no header row, metadata ignored"]
    if "article_id" not in header:
        return {}, [f"{METADATA_FILE}: no article_id column, metadata ignored"]
    problems = _check_header(header)
    return _read_rows(reader, header, problems), problems


def _check_header(header: list[str]) -> list[str]:
    unknown = [h for h in header if h not in METADATA_COLUMNS]
    if unknown:
        return [f"{METADATA_FILE} line 1: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                f"ignored (the columns are {','.join(METADATA_COLUMNS)})"]
    return []


def _read_rows(reader, header: list[str], problems: list[str]) -> dict[str, dict]:
    """The rows of articles.csv after its header; a row that cannot be trusted is left out, with a problem."""
    meta: dict[str, dict] = {}
    first_line: dict[str, int] = {}
    line_no = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:  # strict: an unclosed quote runs to the end of the file
            problems.append(f"{METADATA_FILE} line {line_no}: {err} (an unclosed quote?); this row and the rest ignored")
            break
        start, line_no = line_no, reader.line_num + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        problem = _row_problem(row, header, line_no - start)
        if problem:
            problems.append(f"{METADATA_FILE} line {start}: {problem}, row ignored")
            continue
        clean = {k: "" for k in METADATA_COLUMNS} | {k: v.strip() for k, v in zip(header, row, strict=True)
                                                         if k in METADATA_COLUMNS}
        aid = clean["article_id"]
        if aid in meta:
            problems.append(f"{METADATA_FILE} line {start}: article_id {aid!r} repeats line {first_line[aid]}; "
                            f"the first is kept")
            continue
        if clean["published"] and not _is_iso_date(clean["published"]):
            problems.append(f"{METADATA_FILE} line {start}: published {clean['published']!r} is not YYYY-MM-DD, ignored")
            clean["published"] = ""
        meta[aid], first_line[aid] = clean, start
    return meta


def _row_problem(row: list[str], header: list[str], lines: int) -> str:
    if len(row) != len(header):
        return f"{len(row)} fields where the header has {len(header)}"
    if lines > 1:
        return f"a quoted field runs over {lines} lines (an unclosed quote?)"
    if not row[header.index("article_id")].strip():
        return "no article_id"
    return ""


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def find_article_files(folder: Path) -> list[Path]:
    """The article files of a folder that resolve inside it, sorted by name (the metadata file excluded)."""
    return scan_folder(folder)[0]


def scan_folder(folder: Path) -> tuple[list[Path], list[str]]:
    """The article files of a folder, sorted by name, and a message for each link pointing out of the
    folder (never read: a link to a system file must not become an article shown to everyone)."""
    root = Path(folder).resolve()
    files, refused = [], []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in ARTICLE_SUFFIXES or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root):
            refused.append(f"{path.name}: a link to a file outside the articles folder, not read")
            continue
        files.append(path)
    return files, refused


def assign_article_ids(paths: list[Path]) -> tuple[dict[Path, str], list[str]]:
    """Each file's article id: its name without the extension, or, where files would share one
    ("x.txt" and "x.md"), its whole name; a warning names each such file. The same files always get
    the same ids, whatever order they are listed in."""
    ids = {path: path.stem for path in paths}
    while True:  # a whole name can equal another file's stem ("x.md" and "x.md.txt"): until none clash
        holders: dict[str, list[Path]] = defaultdict(list)
        for path, article_id in ids.items():
            holders[article_id].append(path)
        clashing = [path for group in holders.values() if len(group) > 1 for path in group]
        if not clashing:
            break
        for path in clashing:
            ids[path] = path.name  # names in one folder are unique, so this ends
    warnings = [f"{path.name}: another file has the same name before its extension; its article id is {ids[path]!r}"
                for path in sorted(paths) if ids[path] != path.stem]
    return ids, warnings
