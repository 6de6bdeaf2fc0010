import pytest

from extract.articles import MAX_BYTES, ArticleError, read_article, read_metadata


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
