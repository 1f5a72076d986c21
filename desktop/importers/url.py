"""Fetch the one address a user gave: http or https only, with a time limit, a size cap and a content-type check.

This is the only place Précis uses the network, and only for an address the user typed or pasted. The whole
fetch (name lookup, connection, redirects, download) runs on a helper thread that the caller waits for at most
the time limit, so a server that never answers, or answers a byte at a time, cannot hang the program.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from desktop import __version__
from desktop.core.errors import PrecisError

#: The whole fetch, from name lookup to the last byte, must finish within this many seconds.
TIMEOUT_SECONDS = 20.0
#: A page or document larger than this is refused while it downloads (web pages are rarely above 5 MB).
MAX_BYTES = 50 * 1024 * 1024
#: Redirects followed before giving up.
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024

#: Content types read as what they say; the bytes still decide in the end (a PDF sent as HTML is a PDF).
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/x-pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "multipart/related": ".mhtml",
    "message/rfc822": ".mhtml",
}
#: Content types that say nothing: the bytes and the address's file name decide.
UNTYPED = {"", "application/octet-stream", "binary/octet-stream", "application/download", "application/x-download"}

_NAMED_TYPES = {"image": "an image", "video": "a video", "audio": "a sound file", "font": "a font"}


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # after redirects
    content_type: str
    charset: str | None
    name: str  # a file name whose suffix matches the content type, for format detection


def is_web_address(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """Download `url`. Raises PrecisError for a bad address, a failure, a timeout, a wrong type or a size over."""
    url = _check_address(url)
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = _fetch(url, timeout, max_bytes)
        except BaseException as error:  # handed to the waiting caller, which raises it there
            outcome["error"] = error

    worker = threading.Thread(target=run, name="precis-fetch", daemon=True)
    worker.start()
    worker.join(timeout + 0.5)
    if worker.is_alive() or not outcome:
        raise _timeout(url, timeout)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _check_address(url: str) -> str:
    url = url.strip()
    shown = _shown(url)
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # raises ValueError for a port that is not a number
    except ValueError as error:
        raise PrecisError(f"{shown} is not a valid web address.", "Check the address.") from error
    if parts.scheme.lower() not in ("http", "https"):
        raise PrecisError(f"{shown} is not an http or https address.", "Give an address starting with https://.")
    if not parts.hostname or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise PrecisError(f"{shown} is not a valid web address.", "Check the address.")
    return url


def _shown(url: str) -> str:
    shown = "".join(ch if ch.isprintable() else "?" for ch in url)
    return f"'{shown[:117]}…'" if len(shown) > 120 else f"'{shown}'"


def _timeout(url: str, timeout: float) -> PrecisError:
    return PrecisError(
        f"{_shown(url)} did not answer within {timeout:g} seconds.",
        "Check your connection and try again, or save the page in a browser and open the file.",
    )


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows http(s) redirects only; a redirect anywhere else (file:, data:, ftp:) is refused and named as such.

    urllib itself refuses such a target before `redirect_request` is called, with an HTTPError that read as
    "redirects too often"; the target is therefore checked first, in every `http_error_30x`.
    """

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri")
        if target:
            self._refuse_other_schemes(req, fp, urllib.parse.urljoin(req.full_url, target.strip()))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self._refuse_other_schemes(req, fp, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    @staticmethod
    def _refuse_other_schemes(req, fp, newurl: str) -> None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            fp.close()
            raise PrecisError(f"{_shown(req.full_url)} redirects to {_shown(newurl)}, which is not a web address.",
                              "Only http and https addresses are followed; open the page in a browser instead.")


def _fetch(url: str, timeout: float, max_bytes: int) -> Fetched:
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_RedirectHandler())
    request = urllib.request.Request(url, headers={
        "User-Agent": f"Precis/{__version__} (article reader)",
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate, identity",
    })
    shown = _shown(url)
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl() or url
            headers = response.headers
            content_type = (headers.get_content_type() if headers.get("Content-Type") else "").lower()
            _check_type(content_type, _shown(final_url))
            declared = headers.get("Content-Length")
            if declared and declared.strip().isdigit() and int(declared) > max_bytes:
                raise _too_large(shown, int(declared), max_bytes)
            data = _read(response, headers.get("Content-Encoding", ""), max_bytes, deadline, shown, timeout,
                         int(declared) if declared and declared.strip().isdigit() else None)
            charset = headers.get_content_charset()
    except PrecisError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            raise PrecisError(f"{shown} redirects too often or in a loop (HTTP {error.code}).",
                              "Open the page in a browser, save it, then open the file.") from None
        raise _http_error(shown, error.code, error.reason) from None
    except urllib.error.URLError as error:
        raise _network_error(shown, error.reason, timeout) from None
    except (socket.timeout, TimeoutError):
        raise _timeout(url, timeout) from None
    except (http.client.HTTPException, ConnectionError) as error:
        raise PrecisError(f"The connection to {shown} broke off ({type(error).__name__}).",
                          "Try again later.") from None
    except (OSError, ValueError) as error:
        raise _network_error(shown, error, timeout) from None
    except Exception as error:  # anything else urllib lets through is still a failed download, not a crash
        raise PrecisError(f"{shown} cannot be fetched ({type(error).__name__}).", "Try again later.") from None
    return Fetched(data, final_url, content_type, charset, _file_name(final_url, content_type))


def _check_type(content_type: str, shown: str) -> None:
    if content_type in CONTENT_TYPES or content_type in UNTYPED:
        return
    family = content_type.split("/", 1)[0]
    kind = _NAMED_TYPES.get(family, f"'{content_type}'")
    raise PrecisError(
        f"{shown} gives {kind} ({content_type}), not an article.",
        "Give the address of a web page, a PDF or a Word document.",
    )


def _read(response, encoding: str, max_bytes: int, deadline: float, shown: str, timeout: float,
          declared: int | None = None) -> bytes:
    """The body, decompressed; a body shorter than its Content-Length or a damaged compressed stream is a
    failed download (PrecisError), never half an article analysed as if it were whole."""
    encoding = encoding.strip().lower()
    decompressor = zlib.decompressobj(47) if encoding in ("gzip", "x-gzip", "deflate") else None
    if encoding not in ("", "identity") and decompressor is None:
        raise PrecisError(f"{shown} sent its content compressed as '{encoding}', which Précis cannot read.",
                          "Save the page in a browser and open the file.")
    read = getattr(response, "read1", response.read)
    chunks: list[bytes] = []
    size = received = 0
    while True:
        if time.monotonic() > deadline:
            raise PrecisError(f"{shown} did not finish sending within {timeout:g} seconds.",
                              "Try again later, or save the page in a browser and open the file.")
        chunk = read(CHUNK_BYTES)  # what has arrived, up to a chunk: the deadline is checked between reads
        if not chunk:
            break
        received += len(chunk)
        if decompressor is not None:
            chunk = _inflate(decompressor, chunk, max_bytes + 1 - size, shown, encoding)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(shown, None, max_bytes)
        chunks.append(chunk)
    if declared is not None and received < declared:
        raise PrecisError(
            f"The download of {shown} broke off after {received:,} of its {declared:,} bytes.",
            "Try again later, or save the page in a browser and open the file.",
        )
    if decompressor is not None:
        rest = _inflate(decompressor, b"", max_bytes + 1 - size, shown, encoding, final=True)
        size += len(rest)
        if size > max_bytes:
            raise _too_large(shown, None, max_bytes)
        chunks.append(rest)
        if received and not decompressor.eof:
            raise PrecisError(f"{shown} sent {encoding} data that ends early: the download is incomplete.",
                              "Try again later, or save the page in a browser and open the file.")
    return b"".join(chunks)


def _inflate(decompressor, chunk: bytes, room: int, shown: str, encoding: str, final: bool = False) -> bytes:
    try:
        return decompressor.flush() if final else decompressor.decompress(chunk, max(1, room))
    except zlib.error as error:
        detail = str(error).split(": ", 1)[-1].rstrip(".")
        raise PrecisError(
            f"{shown} said its content was compressed as {encoding}, but it is not valid {encoding} data ({detail}).",
            "The server is misconfigured: save the page in a browser and open the file.",
        ) from None


def _too_large(shown: str, size: int | None, max_bytes: int) -> PrecisError:
    amount = f"is {size / 1024 / 1024:,.0f} MB" if size else "is larger than that"
    return PrecisError(
        f"{shown} {amount}: Précis downloads at most {max_bytes / 1024 / 1024:g} MB.",
        "Save the document in a browser and open the file, or open a smaller part of it.",
    )


def _http_error(shown: str, code: int, reason) -> PrecisError:
    reason = " ".join(str(reason or "").split())[:80]
    if code in (401, 403, 407):
        hint = "The page needs a login or refuses programs: open it in a browser, save it, then open the file."
    elif code in (404, 410):
        hint = "Check the address; the page may have moved or been removed."
    elif code == 429 or code >= 500:
        hint = "The server is busy or failing: try again later."
    else:
        hint = "Check the address, or open the page in a browser, save it, then open the file."
    return PrecisError(f"{shown} answered HTTP {code}{' ' + reason if reason else ''}.", hint)


def _network_error(shown: str, reason, timeout: float) -> PrecisError:
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return PrecisError(f"{shown} did not answer within {timeout:g} seconds.",
                           "Check your connection and try again, or save the page in a browser and open the file.")
    if isinstance(reason, socket.gaierror):
        return PrecisError(f"The server of {shown} cannot be found.", "Check the address and your internet connection.")
    if isinstance(reason, ConnectionRefusedError):
        return PrecisError(f"Nothing answers at {shown}: the connection was refused.",
                           "Check the address, including its port.")
    if isinstance(reason, ssl.SSLError):
        return PrecisError(f"A secure connection to {shown} failed.", "Check the address, your clock and your network.")
    text = " ".join(str(getattr(reason, "strerror", None) or reason or "").split())[:100]
    return PrecisError(f"{shown} cannot be reached{': ' + text if text else ''}.",
                       "Check the address and your internet connection.")


def _file_name(url: str, content_type: str) -> str:
    """The address's file name, with the suffix of its content type when the two disagree."""
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    name = PurePosixPath(path).name or "page"
    name = "".join(ch if ch.isprintable() else "_" for ch in name)[:200]
    wanted = CONTENT_TYPES.get(content_type)
    suffix = PurePosixPath(name).suffix.lower()
    if wanted and suffix != wanted and not (wanted == ".html" and suffix in (".htm", ".xhtml", ".shtml")):
        name = f"{PurePosixPath(name).stem or 'page'}{wanted}"
    return name
