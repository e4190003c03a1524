"""The public pages, open without signing in: the published responses, newest first; each
version's HTML document and PDF exactly as frozen when published; an Atom feed of the same."""

from django.contrib.syndication.views import Feed
from django.db.models import Count, Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.views import View

from core.site import absolute_url
from core.views import PagedListView

from ..models import PublishedVersion, Response

FEED_ENTRIES = 50


def latest_versions():
    """The newest published version of each response, newest publication first."""
    newer = PublishedVersion.objects.filter(
        response=OuterRef("response"), number__gt=OuterRef("number")
    )
    return (
        PublishedVersion.objects.exclude(Exists(newer))
        .select_related("response__report")
        .annotate(versions=Count("response__published_versions"))
        .defer("html")
        .order_by("-published_on", "-published_at", "-pk")
    )


class PublishedListView(PagedListView):
    template_name = "responses/published/list.html"
    context_object_name = "versions"
    paginate_by = 25

    def get_queryset(self):
        return latest_versions()


class PublishedResponseView(PagedListView):
    """Every published version of one response, newest first."""

    template_name = "responses/published/response.html"
    context_object_name = "versions"
    allow_empty = False  # a response not yet published has no public page

    def get_queryset(self):
        self.response = get_object_or_404(
            Response.objects.select_related("report"), pk=self.kwargs["pk"]
        )
        return self.response.published_versions.defer("html").order_by("-number")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            response=self.response, report=self.response.report, **kwargs
        )


class PublishedVersionView(View):
    """The version's HTML document, byte for byte what was frozen (its SHA-256 is published
    beside it)."""

    def get(self, request, *args, **kwargs):
        version = get_object_or_404(
            PublishedVersion.objects.only("html", "html_sha256"), pk=kwargs["pk"]
        )
        answer = HttpResponse(version.html, content_type="text/html; charset=utf-8")
        answer["ETag"] = f'"{version.html_sha256}"'
        return answer


class PublishedPdfView(View):
    def get(self, request, *args, **kwargs):
        version = get_object_or_404(
            PublishedVersion.objects.select_related("response__report"), pk=kwargs["pk"]
        )
        if not version.pdf_ready:
            raise Http404("The PDF of this version is still being prepared.")
        name = f"response-to-hmicfrs-{version.response.report_id}-v{version.number}.pdf"
        answer = FileResponse(
            version.pdf.open("rb"),
            as_attachment=True,
            filename=name,
            content_type="application/pdf",
        )
        answer["ETag"] = f'"{version.pdf_sha256}"'
        return answer


class PublishedFeed(Feed):
    """An Atom feed of the published versions, newest first; each links to its HTML document
    and carries its PDF as an enclosure."""

    feed_type = Atom1Feed
    title = "Published responses to HMICFRS reports"
    subtitle = "Section 55 responses published by the Police and Crime Commissioner"

    def link(self):
        return reverse("public:list")

    def items(self):
        return (
            PublishedVersion.objects.select_related("response__report")
            .defer("html")
            .order_by("-published_at", "-pk")[:FEED_ENTRIES]
        )

    def item_title(self, item):
        suffix = f" (version {item.number})" if item.number > 1 else ""
        return f"Response to {item.response.report.title}{suffix}"

    def item_description(self, item):
        report = item.response.report
        return (
            f"Published on {item.published_on:%-d %B %Y} in response to the HMICFRS report "
            f"published on {report.published_on:%-d %B %Y}."
        )

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_enclosures(self, item):
        if not item.pdf_ready:
            return []
        url = absolute_url(reverse("public:version_pdf", args=[item.pk]))
        return [Enclosure(url, str(item.pdf_bytes), "application/pdf")]
