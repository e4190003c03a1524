"""What WeasyPrint may read while it renders a document: the stylesheets the apps registered,
and nothing else.

The letter, the annex and the JASP papers hold text that staff and the force typed. Whatever
slipped past the sanitiser (responses.richtext) must still not make the renderer read a local
file or reach any address, so every URL WeasyPrint asks for comes here, and anything that is
not one of the registered static files is refused before any file or network access. The
document's base URL is a name under the reserved ``.invalid`` domain, never a directory, so
relative references resolve to URLs that this fetcher refuses too.
"""

from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

#: The document's base URL: not a directory and not a host anyone can resolve (RFC 2606).
BASE_URL = "https://pdf.pccresponse.invalid/"
STATIC_PREFIX = f"{BASE_URL}static/"

#: The static files print templates may use, by name, with their content types. Each app that
#: renders a PDF registers its own stylesheet when it is ready (allow_static), so this module
#: names no app's files.
ALLOWED_STATIC: dict[str, str] = {}


class RefusedURL(ValueError):
    """A URL outside the allow-list. WeasyPrint logs it and renders without the resource."""


def allow_static(name: str, content_type: str = "text/css") -> None:
    """Let print templates use the static file `name` (called from an AppConfig.ready)."""
    ALLOWED_STATIC[name] = content_type


def static_url(name: str) -> str:
    """The URL the print template uses for one of the allowed static files."""
    if name not in ALLOWED_STATIC:
        raise RefusedURL(f"{name} is not an allowed static file")
    return f"{STATIC_PREFIX}{name}"


class StaticOnlyFetcher(URLFetcher):
    """A WeasyPrint 70 URL fetcher (a URLFetcher subclass with its own ``fetch``) that serves
    the allowed static files from the staticfiles finders and refuses every other URL.

    Redirects cannot happen: nothing is ever fetched over the network, so there is no response
    to follow.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        name = url.removeprefix(STATIC_PREFIX) if url.startswith(STATIC_PREFIX) else None
        # Exact names only: no query, fragment, "..", or percent-encoding tricks get through.
        if name not in ALLOWED_STATIC:
            raise RefusedURL(f"refused: {url[:200]}")
        path = finders.find(name)
        if not path:
            raise RefusedURL(f"static file not found: {name}")
        return URLFetcherResponse(
            url,
            body=Path(path).read_bytes(),
            headers={"Content-Type": f"{ALLOWED_STATIC[name]}; charset=utf-8"},
        )

    def open(self, url: Any, data: object = None, timeout: object = None) -> URLFetcherResponse:
        # URLFetcher is also a urllib OpenerDirector: route that door through fetch as well.
        return self.fetch(getattr(url, "full_url", url))
