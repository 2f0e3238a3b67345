"""Roles are groups. Each role's permissions are granted here, after every migration."""

from typing import Any

from django.contrib.auth.models import AnonymousUser, Group, Permission

MEMBER, MODERATOR, EDITOR, ADMIN = "member", "moderator", "editor", "admin"
ROLES = (MEMBER, MODERATOR, EDITOR, ADMIN)

# Models editors manage in the admin, as "app_label.model". Later apps add theirs.
EDITORIAL_MODELS = (
    "campaigns.campaign",
    "campaigns.faq",
    "campaigns.publication",
    "ideas.theme",
    "moderation.wordrule",
    "actions.team",
    "actions.levelroute",
)

# Apps whose models hold people, their sign-in and their roles: never editorial.
PEOPLE_APPS = ("accounts", "auth", "account", "mfa", "sessions")


def has_role(user: Any, role: str) -> bool:
    if isinstance(user, AnonymousUser) or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return role in _role_names(user)


def _role_names(user: Any) -> frozenset[str]:
    """The user's roles, read once per user object (that is, once per request)."""
    names = getattr(user, "_equityhub_role_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._equityhub_role_names = names
    return names


def can_use_admin(user: Any) -> bool:
    return has_role(user, EDITOR) or has_role(user, ADMIN)


def grant_role_permissions(**kwargs: Any) -> None:
    """Editors may change editorial content; admins may change everything."""
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    admin, _ = Group.objects.get_or_create(name=ADMIN)
    for role in (MEMBER, MODERATOR):
        Group.objects.get_or_create(name=role)
    editorial = Permission.objects.none()
    for label in EDITORIAL_MODELS:
        app_label, model = label.split(".")
        editorial |= Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
    # People and roles are for admins alone, whatever is added to EDITORIAL_MODELS.
    editorial = editorial.exclude(content_type__app_label__in=PEOPLE_APPS)
    editor.permissions.set(editorial)
    admin.permissions.set(Permission.objects.all())
