"""Web addresses, against a local HTTP server on 127.0.0.1 only: pages, PDFs, redirects, failures, time limits,
size caps and content types."""

from __future__ import annotations

import gzip
import http.server
import json
import socket
import threading
import time

import pytest

from desktop.core.errors import PrecisError
from desktop.importers import load, load_url
from desktop.importers import url as url_module
from tests.conftest import run_precis
from tests.importers import documents

TITLE, PARAGRAPHS = documents.sample_article()
ARTICLE = "\n\n".join([TITLE, *PARAGRAPHS])
NO_PROXY = {"no_proxy": "*", "NO_PROXY": "*"}


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


def _routes(stop: threading.Event) -> dict:
    page = documents.web_page(TITLE, PARAGRAPHS).encode("utf-8")
    latin_page = documents.web_page(TITLE, ["Zoë met the café owners of Genève."] + PARAGRAPHS)
    latin_page = latin_page.replace('<meta charset="utf-8">', "").encode("cp1252")
    pdf = documents.reportlab_pdf(TITLE, PARAGRAPHS)

    def send(handler, status=200, content_type="text/html; charset=utf-8", body=b"", headers=()):
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    def slow(handler):
        stop.wait(5)  # longer than the test's time limit, but never longer than the test run
        send(handler, body=page)

    def drip(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(40):  # one byte every 0.2 s: each read succeeds, the whole never ends in time
            if stop.wait(0.2):
                return
            handler.wfile.write(b"<")
            handler.wfile.flush()

    def chunked_big(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(40):
            handler.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")

    def truncated(handler):
        """Says 2,000 bytes more than it sends, then closes the connection: a download that broke off."""
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(page) + 2000))
        handler.end_headers()
        handler.wfile.write(page)
        handler.close_connection = True

    return {
        "/article.html": lambda h: send(h, body=page),
        "/latin": lambda h: send(h, content_type="text/html; charset=windows-1252", body=latin_page),
        "/report.pdf": lambda h: send(h, content_type="application/pdf", body=pdf),
        "/download": lambda h: send(h, content_type="application/octet-stream", body=pdf),
        "/mislabelled": lambda h: send(h, content_type="text/html", body=pdf),
        "/notes.txt": lambda h: send(h, content_type="text/plain; charset=utf-8", body=ARTICLE.encode()),
        "/compressed": lambda h: send(h, body=gzip.compress(page), headers=[("Content-Encoding", "gzip")]),
        "/gzip-bomb": lambda h: send(h, body=gzip.compress(b"\0" * (20 * 1024 * 1024)),
                                     headers=[("Content-Encoding", "gzip")]),
        "/redirect": lambda h: send(h, 302, None, headers=[("Location", "/article.html")]),
        "/redirect-loop": lambda h: send(h, 302, None, headers=[("Location", "/redirect-loop")]),
        "/redirect-ftp": lambda h: send(h, 302, None, headers=[("Location", "ftp://127.0.0.1/file")]),
        "/redirect-file": lambda h: send(h, 302, None, headers=[("Location", "file:///etc/passwd")]),
        "/redirect-FILE": lambda h: send(h, 301, None, headers=[("Location", "FILE:///etc/passwd")]),
        "/redirect-data": lambda h: send(h, 307, None, headers=[("Location", "data:text/html,<p>Injected</p>")]),
        "/truncated": truncated,
        "/not-gzip": lambda h: send(h, body=page, headers=[("Content-Encoding", "gzip")]),
        "/cut-gzip": lambda h: send(h, body=gzip.compress(page)[:-400], headers=[("Content-Encoding", "gzip")]),
        "/missing": lambda h: send(h, 404, body=b"<h1>Not here</h1>"),
        "/broken": lambda h: send(h, 500, body=b"oops"),
        "/login": lambda h: send(h, 403, body=b"no"),
        "/picture": lambda h: send(h, content_type="image/png", body=b"\x89PNG\r\n\x1a\n"),
        "/big": lambda h: send(h, body=b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"),
        "/big-chunked": chunked_big,
        "/slow": slow,
        "/drip": drip,
        "/empty": lambda h: send(h, body=b""),
    }


@pytest.fixture(scope="module")
def server():
    stop = threading.Event()
    routes = _routes(stop)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            try:
                route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

        def log_message(self, *args):
            pass

    httpd = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name, value in NO_PROXY.items():
        monkeypatch.setenv(name, value)


def test_a_web_page_is_fetched_and_its_article_extracted(server):
    source = load_url(server + "/article.html")
    assert source.text == ARTICLE
    assert (source.title, source.author, source.format, source.origin) == (
        TITLE, "Jane Doe", "html", server + "/article.html")


def test_load_accepts_addresses_and_redirects_are_followed(server):
    source = load(server + "/redirect")
    assert source.text == ARTICLE and source.origin == server + "/article.html"


def test_http_charset_decodes_the_page(server):
    assert "Zoë met the café owners of Genève." in load_url(server + "/latin").text


@pytest.mark.parametrize("path", ["/report.pdf", "/download", "/mislabelled"])
def test_pdfs_are_read_whatever_their_label(server, path):
    source = load_url(server + path)
    assert source.format == "pdf" and source.text == ARTICLE


def test_plain_text_and_compressed_pages(server):
    assert load_url(server + "/notes.txt").text == ARTICLE
    assert load_url(server + "/compressed").text == ARTICLE


@pytest.mark.parametrize(
    "path, words",
    [
        ("/missing", "HTTP 404"),
        ("/broken", "HTTP 500"),
        ("/login", "HTTP 403"),
        ("/picture", "an image (image/png)"),
        ("/redirect-ftp", "not a web address"),
        ("/redirect-loop", "redirects too often"),
        ("/redirect-file", "redirects to 'file:///etc/passwd', which is not a web address"),
        ("/redirect-FILE", "redirects to 'FILE:///etc/passwd', which is not a web address"),
        ("/redirect-data", "which is not a web address"),
        ("/truncated", "broke off after"),
        ("/not-gzip", "not valid gzip data"),
        ("/cut-gzip", "gzip data that ends early"),
        ("/empty", "empty"),
    ],
)
def test_failures_are_precis_errors(server, path, words):
    with pytest.raises(PrecisError) as caught:
        load_url(server + path)
    assert words in caught.value.message and caught.value.hint


@pytest.mark.parametrize("path", ["/big", "/big-chunked", "/gzip-bomb"])
def test_downloads_stop_at_the_size_cap(server, path):
    started = time.monotonic()
    with pytest.raises(PrecisError, match="at most 1 MB"):
        load_url(server + path, max_bytes=1024 * 1024)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("path", ["/slow", "/drip"])
def test_a_server_that_does_not_answer_in_time_is_a_precis_error_not_a_hang(server, path):
    started = time.monotonic()
    with pytest.raises(PrecisError, match="within 1 seconds"):
        load_url(server + path, timeout=1)
    assert time.monotonic() - started < 2.5


def test_connection_refused(server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PrecisError, match="refused"):
        load_url(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize(
    "address", ["http://", "https://exa mple.org/", "http://127.0.0.1:notaport/", "ftp://127.0.0.1/x", "javascript:x"]
)
def test_bad_addresses(address):
    with pytest.raises(PrecisError):
        url_module.fetch(address, timeout=1)


def test_defaults_are_sane():
    assert 5 <= url_module.TIMEOUT_SECONDS <= 60
    assert 10 * 1024 * 1024 <= url_module.MAX_BYTES <= 200 * 1024 * 1024


@pytest.mark.model
def test_cli_analyses_an_address(server):
    result = run_precis("analyze", server + "/article.html", "--json", env=NO_PROXY, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == TITLE and data["text"] == ARTICLE


def test_cli_reports_a_failed_address_in_one_line(server):
    result = run_precis("analyze", server + "/missing", env=NO_PROXY, timeout=60)
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and b"HTTP 404" in result.stderr
