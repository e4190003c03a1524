from django.urls import path

from . import people_views

app_name = "people"

urlpatterns = [
    path("", people_views.PeopleView.as_view(), name="list"),
    path("<int:pk>/", people_views.PersonView.as_view(), name="person"),
]
