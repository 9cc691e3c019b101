"""Which stored URLs may be made live links, for the web pages and the
report alike: document text and metadata are untrusted."""

from __future__ import annotations

from urllib.parse import urlsplit


def live_url(url: str | None) -> str | None:
    """A document's `url` when it is http or https, else None: a stored
    `javascript:` or `data:` URL is shown as text, never made live."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
