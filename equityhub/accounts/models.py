from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Profession(models.TextChoices):
    OCCUPATIONAL_THERAPIST = "ot", _("Occupational therapist")
    SUPPORT_WORKER = "support_worker", _("Occupational therapy support worker")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    """The Royal College of Occupational Therapists' regions."""

    EASTERN = "eastern", _("Eastern")
    LONDON = "london", _("London")
    NORTH_WEST = "north_west", _("North West")
    NORTHERN_AND_YORKSHIRE = "northern_yorkshire", _("Northern and Yorkshire")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")
    SCOTTISH_EASTERN = "scottish_eastern", _("Scottish Eastern")
    SCOTTISH_NORTHERN = "scottish_northern", _("Scottish Northern")
    SCOTTISH_WESTERN = "scottish_western", _("Scottish Western")
    SOUTH_EAST = "south_east", _("South East")
    SOUTH_WEST = "south_west", _("South West")
    TRENT = "trent", _("Trent")
    WALES = "wales", _("Wales")
    WEST_MIDLANDS = "west_midlands", _("West Midlands")
    OUTSIDE_UK = "outside_uk", _("Outside the UK")


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> "User":
        # Addresses are stored in lower case and unique ignoring case (see User.Meta).
        return self.get(email__iexact=username)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("The name shown beside what you post. Leave it empty to appear as “A member”."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language, default=Language.ENGLISH
    )
    profession = models.CharField(_("profession"), max_length=20, choices=Profession, blank=True)
    region = models.CharField(_("region"), max_length=30, choices=Region, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
            models.CheckConstraint(
                condition=models.Q(preferred_language__in=["en", "cy"]),
                name="user_preferred_language_known",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.display_name or self.email


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 digest is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=60)
    prefix = models.CharField(
        max_length=8, help_text=_("The token's first characters, to tell it apart.")
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
