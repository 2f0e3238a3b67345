"""Demo accounts, one per role, for `manage.py load_demo`. README.md lists them."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from equityhub.accounts.models import Language, Profession, Region, User
from equityhub.accounts.roles import ADMIN, EDITOR, MEMBER, MODERATOR

DEMO_PASSWORD = "equityhub-demo-2021"  # noqa: S105 - published on purpose, for the demo site only.


@dataclass(frozen=True, slots=True)
class DemoAccount:
    email: str
    display_name: str
    role: str
    profession: str = Profession.OCCUPATIONAL_THERAPIST
    region: str = Region.WALES
    preferred_language: str = Language.ENGLISH
    is_staff: bool = False
    is_superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("member@equityhub.example", "Morgan Member", MEMBER, region=Region.NORTH_WEST),
    DemoAccount(
        "moderator@equityhub.example",
        "Mo Moderator",
        MODERATOR,
        preferred_language=Language.WELSH,
    ),
    # Editors and admins sign in to the admin too, whose own sign-in form asks for staff.
    DemoAccount(
        "editor@equityhub.example",
        "Eddie Editor",
        EDITOR,
        region=Region.LONDON,
        is_staff=True,
    ),
    DemoAccount(
        "admin@equityhub.example",
        "Ada Admin",
        ADMIN,
        profession=Profession.OTHER,
        region=Region.SCOTTISH_EASTERN,
        is_staff=True,
        is_superuser=True,
    ),
)


@transaction.atomic
def create_demo_accounts() -> list[User]:
    """Create the demo accounts that are missing; an account that exists is left as it is.

    Each gets its role's group and a verified, primary email address, so it can sign in at once.
    Running this twice changes nothing (the password is set only when an account is created).
    """
    users = []
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=account.email).first()
        if user is None:
            user = User.objects.create_user(
                account.email,
                DEMO_PASSWORD,
                display_name=account.display_name,
                profession=account.profession,
                region=account.region,
                preferred_language=account.preferred_language,
                is_staff=account.is_staff,
                is_superuser=account.is_superuser,
            )
        user.groups.add(Group.objects.get_or_create(name=account.role)[0])
        address, created = EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if not created and not address.verified:
            address.verified = True
            address.save(update_fields=["verified"])
        users.append(user)
    return users
