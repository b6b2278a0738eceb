"""Serving a built site on 127.0.0.1 from a Python http.server thread, on a free port.

As a host serves it: an address that does not exist gets the 404 page of its language
(`en/404.html` under `/en/`, else `404.html`) with status 404. The site is also served
under the path of its `site_url` (`/smart-specialisering/`), which the 404 pages link
from, since they are served at any address.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    prefix = ""  # the path of the site_url, without its last slash

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def translate_path(self, path: str) -> str:
        if self.prefix and (path == self.prefix or path.startswith(self.prefix + "/")):
            path = path[len(self.prefix) :] or "/"
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found_page(self) -> Path | None:
        """The 404 page of the language folder the address is in, else the root's."""
        root = Path(self.directory)
        first = Path(self.translate_path(self.path)).relative_to(root).parts[:1]
        for folder in [root / first[0]] if first else []:
            if (folder / "404.html").is_file() and folder.is_dir():
                return folder / "404.html"
        return root / "404.html" if (root / "404.html").is_file() else None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that drops a connection it no longer needs is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, prefix: str = "") -> Iterator[str]:
    """Serve `folder`, also under `prefix` ("/smart-specialisering/"); yields the base
    URL, "http://127.0.0.1:<port>", without a slash."""
    handler = type("_Handler", (_QuietHandler,), {"prefix": prefix.rstrip("/")})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(
        target=server.serve_forever, name=f"serve {folder}", kwargs={"poll_interval": 0.1}
    )
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
