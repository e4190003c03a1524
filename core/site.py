"""The site's own address, for what leaves it without a request to ask: links in emails, feeds
and calendars, and the domain of the Message-IDs and calendar UIDs it makes (settings.SITE_URL)."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (from reverse() or get_absolute_url()) on the site's public address."""
    site: str = settings.SITE_URL
    return site.rstrip("/") + path


def mail_domain() -> str:
    """The site's host name, for Message-IDs and calendar UIDs."""
    return urlsplit(settings.SITE_URL).hostname or "pccresponse.invalid"
