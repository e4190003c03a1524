"""The reminders pages: each checks the role on the server, then reads a selector or calls one
service. The calendar feed alone needs no login: its address is the secret."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from accounts.roles import READERS, RoleRequiredMixin, has_role

from . import selectors, services
from .calendar import user_calendar


class MyRemindersView(RoleRequiredMixin, TemplateView):
    """What the reader will be reminded of next, and what has been sent to them."""

    allowed_roles = READERS
    template_name = "reminders/mine.html"

    def get_context_data(self, **kwargs):
        user = self.person
        return super().get_context_data(
            upcoming=selectors.upcoming_reminders(user=user),
            sent=selectors.sent_deliveries(user=user),
            rows=selectors.PAGE_ROWS,
            **kwargs,
        )


class CalendarForm(forms.Form):
    do = forms.ChoiceField(choices=[("issue", "New address"), ("revoke", "Stop the address")])


class CalendarView(RoleRequiredMixin, TemplateView):
    """The user's private calendar address: made (and shown, that once), replaced, or revoked.
    Only its hash is kept, so later visits say when it was made, not what it is."""

    allowed_roles = READERS
    write_roles = services.CALENDAR_KEEPERS
    template_name = "reminders/calendar.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            existing=selectors.calendar_token_for(user=self.person),
            can_keep=has_role(self.request.user, services.CALENDAR_KEEPERS),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = CalendarForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Choose to get a new address or to stop the current one.")
            return redirect("reminders:calendar")
        if form.cleaned_data["do"] == "revoke":
            services.calendar_token_revoke(user=request.user)
            messages.success(request, "Your calendar address no longer works.")
            return redirect("reminders:calendar")
        token = services.calendar_token_issue(user=request.user)
        feed_url = request.build_absolute_uri(reverse("reminders:calendar_feed", args=[token]))
        # Shown in this answer only (not after a redirect): it is not kept anywhere to show again.
        response = self.render_to_response(self.get_context_data(feed_url=feed_url))
        response["Cache-Control"] = "no-store"
        return response


@login_not_required
@require_GET
def calendar_feed(request, token: str):
    """Anyone holding the address reads the feed; a wrong or revoked one is simply not found."""
    user = selectors.user_for_calendar_token(token=token)
    if user is None:
        raise Http404("No such calendar.")
    response = HttpResponse(user_calendar(user=user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="pccresponse.ics"'
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response
