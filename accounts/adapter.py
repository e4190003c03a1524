"""How django-allauth behaves here: no one signs themselves up (administrators invite people,
accounts.people); sign-in through an identity provider is the social adapter's (piece of
decision 0014)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    pass
