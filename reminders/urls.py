from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("", views.MyRemindersView.as_view(), name="mine"),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
