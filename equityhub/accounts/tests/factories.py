from typing import Any, cast

import factory
from django.contrib.auth.models import Group

from equityhub.accounts.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Member {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        # factory_boy passes the new user as `self`.
        user = cast(User, self)
        if create and extracted:
            for role in extracted:
                user.groups.add(Group.objects.get_or_create(name=role)[0])

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """allauth asks for a verified address before sign-in; factory users have one."""
        user = cast(User, self)
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


def create_superuser(**fields: Any) -> User:
    """A superuser (with a confirmed address, like every factory user)."""
    return cast(User, UserFactory(is_superuser=True, is_staff=True, **fields))
