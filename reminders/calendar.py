"""The iCalendar feed of a user's deadlines and target dates (RFC 5545), for Outlook and the
like to subscribe to. All-day events: the dates the law and the force count are dates."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from core.site import absolute_url, mail_domain

from .schedule import CC_PENDING_STATES
from .selectors import calendar_actions, calendar_responses

ONE_DAY = datetime.timedelta(days=1)


def _event(uid: str, day: datetime.date, summary: str, url: str, stamp) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{mail_domain()}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + ONE_DAY)
    event.add("summary", summary)
    event.add("url", url)
    event.add("description", url)
    event.add("transp", "TRANSPARENT")
    return event


def user_calendar(*, user) -> bytes:
    stamp = timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//pccresponse//deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "pccresponse deadlines")
    for response in calendar_responses(user=user):
        url = absolute_url(response.get_absolute_url())
        title = response.report.title
        if response.due_on:
            summary = f"Section 55 deadline: response to {title}"
            calendar.add_component(
                _event(f"response-{response.pk}", response.due_on, summary, url, stamp)
            )
        if response.cc_due_on and response.status in CC_PENDING_STATES:
            summary = f"Chief Constable's comments due: {title}"
            calendar.add_component(
                _event(f"response-{response.pk}-cc", response.cc_due_on, summary, url, stamp)
            )
    for action in calendar_actions(user=user):
        if action.target_date is None:  # calendar_actions has only dated ones
            continue
        summary = f"Target date: {action.item} of {action.item.report.title}"
        url = absolute_url(action.get_absolute_url())
        calendar.add_component(
            _event(f"action-{action.pk}", action.target_date, summary, url, stamp)
        )
    return calendar.to_ical()
