import codecs
from pathlib import Path

import pytest

from extract.articles import (
    MAX_BYTES,
    ArticleError,
    assign_article_ids,
    find_article_files,
    html_to_text,
    read_article,
    read_metadata,
    scan_folder,
)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file"),
        ("latin1.txt", "Caf\u00e9 in Bogot\u00e1".encode("latin-1"), "not UTF-8"),
        ("huge.txt", b"a" * (MAX_BYTES + 1), "too large"),
    ],
)
def test_articles_refuse_bad_files_with_name_and_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert name in str(err.value) and reason in str(err.value)


def test_articles_html_is_cleaned_with_a_parser(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>Iran ships drones</title><script>alert('x')</script></head>"
                    "<body><nav>Home | World</nav><p>Iran shipped <b>Shahed-136</b> drones to Russia.</p>"
                    "<script>document.write('injected')</script><p>More follows.</p></body></html>", encoding="utf-8")
    article = read_article(path)
    assert article.title == "Iran ships drones"
    assert "Iran shipped Shahed-136 drones to Russia." in article.text
    assert "alert" not in article.text and "injected" not in article.text and "Home | World" not in article.text


def test_articles_markup_in_text_file_is_kept_as_text_with_a_warning(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Title\n\nA <script>alert(1)</script> line.", encoding="utf-8")
    article = read_article(path)
    assert "<script>" in article.text  # offsets must index the file as read from disk
    assert any("odd.txt" in w and "HTML" in w for w in article.warnings)


def test_articles_first_line_is_the_title_unless_it_is_a_sentence(tmp_path):
    headline, body = tmp_path / "a.txt", tmp_path / "b.md"
    headline.write_text("Russia sends jets to Syria\n\nBody text.", encoding="utf-8")
    body.write_text("Russia sent jets to Syria on Monday.\nMore.", encoding="utf-8")
    assert read_article(headline).title == "Russia sends jets to Syria"
    assert read_article(body).title == ""


def test_articles_metadata_problems_are_reported_not_fatal(tmp_path):
    (tmp_path / "articles.csv").write_text("article_id,published\nx1,2024-13-45\n,2024-01-01\nx2,2024-02-03\n", encoding="utf-8")
    meta, problems = read_metadata(tmp_path)
    assert meta["x1"]["published"] == "" and meta["x2"]["published"] == "2024-02-03"
    assert len(problems) == 2 and all("articles.csv" in p for p in problems)


def test_articles_malformed_metadata_is_ignored_with_a_message(tmp_path):
    (tmp_path / "articles.csv").write_bytes(b"\x00\x01binary")
    meta, problems = read_metadata(tmp_path)
    assert meta == {} and "articles.csv" in problems[0]


# --- issue 10: hostile and unlucky input ----------------------------------------------------------

TEXT = "Russia sends jets to Syria\n\nRussia sent two Su-35 jets to Syria on Monday.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig", "utf-16-be"])
def test_articles_text_with_a_byte_order_mark_is_read_as_text(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path.write_bytes(data)
    article = read_article(path)
    assert article.text == TEXT  # the mark is not part of the text, so not of the title either
    assert article.title == "Russia sends jets to Syria"


@pytest.mark.parametrize("where", [10, 5000, 9000])
def test_articles_a_nul_anywhere_means_binary(tmp_path, where):
    data = bytearray((TEXT * 200).encode("utf-8"))
    data[where] = 0
    (tmp_path / "nul.txt").write_bytes(bytes(data))
    with pytest.raises(ArticleError, match="nul.txt: binary file"):
        read_article(tmp_path / "nul.txt")


@pytest.mark.parametrize("size", [50_000_000])
def test_articles_size_is_checked_before_reading(tmp_path, monkeypatch, size):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(size)  # sparse: 50 MB on paper, nothing on disk

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(ArticleError, match=f"huge.txt: too large \\({size:,} bytes"):
        read_article(path)


@pytest.mark.parametrize("target", ["/etc/passwd"])
def test_articles_links_out_of_the_folder_are_not_read(tmp_path, target):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "real.txt").write_text(TEXT, encoding="utf-8")
    (folder / "inside.txt").symlink_to(folder / "real.txt")
    (folder / "system.txt").symlink_to(target)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (folder / "up.txt").symlink_to(Path("..") / "secret.txt")
    files, refused = scan_folder(folder)
    assert [p.name for p in files] == ["inside.txt", "real.txt"]
    assert sorted(m.split(":")[0] for m in refused) == ["system.txt", "up.txt"]
    assert all("outside the articles folder" in m for m in refused)
    assert [p.name for p in find_article_files(folder)] == ["inside.txt", "real.txt"]


@pytest.mark.parametrize(("names", "ids"), [
    (["a.txt", "b.md", "c.html"], ["a", "b", "c"]),  # the normal case: the stem, as the scorer expects
    (["x.txt", "x.md", "y.txt"], ["x.md", "x.txt", "y"]),
    (["x.txt", "x.md", "x.md.txt"], ["x.md", "x.md.txt", "x.txt"]),  # a whole name equal to another stem
])
def test_articles_ids_are_unique_and_do_not_depend_on_order(names, ids):
    paths = [Path("/articles") / n for n in names]
    forward, warnings = assign_article_ids(paths)
    backward, _ = assign_article_ids(paths[::-1])
    assert forward == backward
    assert sorted(forward.values()) == ids
    renamed = [p.name for p in paths if forward[p] != p.stem]
    assert sorted(w.split(":")[0] for w in warnings) == sorted(renamed)


@pytest.mark.parametrize("depth", [3000])
def test_articles_deeply_nested_html_is_read(tmp_path, depth):
    tags = ("p", "li", "blockquote")
    body = "".join(f"<{tags[i % 3]}>Iran sent drones {i}. " for i in range(depth))
    path = tmp_path / "nested.html"
    path.write_text(f"<html><head><title>T</title></head><body>{body}</body></html>", encoding="utf-8")
    article = read_article(path)
    assert article.text.count("Iran sent drones") == depth
    assert f"Iran sent drones {depth - 1}." in article.text


@pytest.mark.parametrize(("html", "text"), [
    ("<p>Iran shipped <b>Shahed</b>-136 drones.</p><ul><li>One &amp; two</li></ul>",
     "Iran shipped Shahed-136 drones.\n\nOne & two"),
    ("<li>Intro <p>Inner</p> tail</li>", "Intro\n\nInner\n\ntail"),  # a list item's own text is kept too
    ("<div>Only <div>divs</div></div>", "Only\n\ndivs"),  # no paragraphs: every line of text
    ("<p>Kept</p><nav><p>Menu</p></nav><form><p>Sign up</p></form><p>Also kept</p>", "Kept\n\nAlso kept"),
])
def test_articles_html_text_by_paragraph(html, text):
    assert html_to_text(html)[0] == text


@pytest.mark.parametrize(("html", "text"), [
    ("<p>Kept</p><p>a <a <a <b tail</p>", "Kept\n\na <a <a <b tail"),  # unclosed tags are text, not a rescan
    ("<p>Kept</p><!-- <p>old <b>copy</b></p> --><p>Also</p>", "Kept\n\nAlso"),  # markup in a comment stays hidden
    ("<p>Kept</p><!-- never closed <p>Hidden</p>", "Kept"),
    ('<p title="a>b">x &lt; y</p>', "x < y"),
    ("<html><head><title>T</title><meta x><body><p>Body text</p>", "T\n\nBody text"),  # a <head> never closed
])
def test_articles_html_unterminated_markup(html, text):
    assert html_to_text(html)[0] == text


def write_metadata(folder: Path, text: str, bom: bool = False) -> None:
    (folder / "articles.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))


def test_articles_metadata_with_a_byte_order_mark_is_read(tmp_path):
    write_metadata(tmp_path, "article_id,published,source\nx1,2024-02-03,AP\n", bom=True)
    meta, problems = read_metadata(tmp_path)
    assert meta["x1"]["published"] == "2024-02-03" and meta["x1"]["source"] == "AP" and problems == []


@pytest.mark.parametrize(("csv_text", "kept", "problem"), [
    ("article_id,published,author\nx1,2024-02-03,Me\n", ["x1"], "line 1: unknown column 'author'"),
    ("article_id,published\nx1,2024-02-03\nx2,2024-02-04,extra\nx3\n", ["x1"], "line 3: 3 fields where the header has 2"),
    ('article_id,title\nx1,"Unclosed\nx2,Second\nx3,Third\n', [], "line 2: unexpected end of data"),
    ('article_id,title\nx1,"Two\nlines"\nx2,Fine\n', ["x2"], "line 2: a quoted field runs over 2 lines"),
    ("article_id,published\nx1,2024-02-03\nx2,2024-02-04\nx1,2025-01-01\n", ["x1", "x2"], "line 4: article_id 'x1' repeats line 2"),
    ("article_id,published\nx1,03/02/2024\n", ["x1"], "line 2: published '03/02/2024' is not YYYY-MM-DD"),
])
def test_articles_malformed_metadata_is_reported_with_the_line(tmp_path, csv_text, kept, problem):
    write_metadata(tmp_path, csv_text)
    meta, problems = read_metadata(tmp_path)
    assert sorted(meta) == kept
    assert any(problem in p for p in problems), problems
    assert all(p.startswith("articles.csv") for p in problems)


def test_articles_repeated_metadata_id_keeps_the_first(tmp_path):
    write_metadata(tmp_path, "article_id,published\nx1,2024-02-03\nx1,2025-01-01\n")
    assert read_metadata(tmp_path)[0]["x1"]["published"] == "2024-02-03"
