from pathlib import PurePosixPath
from typing import TYPE_CHECKING, ClassVar

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from equityhub.core.models import TimeStampedModel

if TYPE_CHECKING:
    from datetime import datetime

    from django_stubs_ext.db.models.manager import RelatedManager


class IdeasWindow(models.TextChoices):
    """Whether members may post ideas: by the campaign's dates, or as an editor decides."""

    SCHEDULED = "scheduled", _("Follow the opening and closing times")
    OPEN = "open", _("Open now, whatever the dates")
    CLOSED = "closed", _("Closed now, whatever the dates")


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def published(self) -> "CampaignQuerySet":
        return self.filter(is_published=True)


CampaignManager = models.Manager.from_queryset(CampaignQuerySet)


class Campaign(TimeStampedModel):  # type: ignore[django-manager-missing]
    """One edition of the campaign week, such as Occupational Therapy Week 2021."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    hashtag = models.CharField(_("hashtag"), max_length=60, blank=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    summary = models.TextField(_("summary"), help_text=_("One or two sentences, shown in lists."))
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    why_health_equity = models.TextField(
        _("why health equity"), blank=True, help_text=_("Markdown.")
    )
    why_occupational_therapists = models.TextField(
        _("why occupational therapists"), blank=True, help_text=_("Markdown.")
    )
    is_current = models.BooleanField(
        _("current edition"), default=False, help_text=_("The edition shown on the home page.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    ideas_open_at = models.DateTimeField(
        _("ideas open"), null=True, blank=True, help_text=_("When members may start posting ideas.")
    )
    ideas_close_at = models.DateTimeField(
        _("ideas close"), null=True, blank=True, help_text=_("After this, ideas are read-only.")
    )
    ideas_window = models.CharField(
        _("ideas window"), max_length=10, choices=IdeasWindow, default=IdeasWindow.SCHEDULED
    )
    ideas_premoderated = models.BooleanField(
        _("check every new idea before it is published"), default=False
    )

    objects: ClassVar[CampaignManager] = CampaignManager()

    # Declared for the type checker: django-modeltranslation swaps the managers at run time,
    # which hides the reverse relations from django-stubs.
    faqs: "RelatedManager[Faq]"
    publications: "RelatedManager[Publication]"

    if TYPE_CHECKING:
        # The per-language columns django-modeltranslation adds (translation.py).
        title_en: str | None
        title_cy: str | None
        theme_en: str | None
        theme_cy: str | None
        summary_en: str | None
        summary_cy: str | None
        body_en: str | None
        body_cy: str | None
        why_health_equity_en: str | None
        why_health_equity_cy: str | None
        why_occupational_therapists_en: str | None
        why_occupational_therapists_cy: str | None

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-year", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="campaign_one_current"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="campaign_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2200), name="campaign_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(ideas_open_at__isnull=True)
                | Q(ideas_close_at__isnull=True)
                | Q(ideas_close_at__gt=F("ideas_open_at")),
                name="campaign_ideas_close_after_they_open",
            ),
            models.CheckConstraint(
                condition=Q(ideas_window__in=IdeasWindow.values), name="campaign_ideas_window_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:detail", kwargs={"slug": self.slug})

    def ideas_are_open(self, at: "datetime | None" = None) -> bool:
        """Whether members may post, support and comment on ideas now (or at `at`)."""
        if self.ideas_window == IdeasWindow.OPEN:
            return True
        if self.ideas_window == IdeasWindow.CLOSED:
            return False
        at = at or timezone.now()
        if self.ideas_open_at is None or at < self.ideas_open_at:
            return False
        return self.ideas_close_at is None or at < self.ideas_close_at


class Faq(TimeStampedModel):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), help_text=_("Markdown."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects: ClassVar[models.Manager["Faq"]] = models.Manager()

    if TYPE_CHECKING:
        question_en: str | None
        question_cy: str | None
        answer_en: str | None
        answer_cy: str | None

    class Meta:
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")
        ordering = ["campaign", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "position"], name="faq_position_unique"),
        ]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return f"{reverse('campaigns:faqs')}?campaign={self.campaign.slug}#faq-{self.pk}"


class Publication(TimeStampedModel):
    """A report or paper: an uploaded file, a link elsewhere, or both."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.SET_NULL, null=True, blank=True, related_name="publications"
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), help_text=_("Markdown."))
    published_on = models.DateField(_("published on"))
    file = models.FileField(_("file"), upload_to="publications/", blank=True)
    link = models.URLField(_("link"), blank=True)

    objects: ClassVar[models.Manager["Publication"]] = models.Manager()

    if TYPE_CHECKING:
        title_en: str | None
        title_cy: str | None
        summary_en: str | None
        summary_cy: str | None

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(link=""), name="publication_has_file_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:publication", kwargs={"slug": self.slug})

    @property
    def file_format(self) -> str:
        """The file's format as readers know it ("PDF", "DOCX"), from its extension."""
        if not self.file:
            return ""
        return PurePosixPath(self.file.name or "").suffix.lstrip(".").upper()

    @property
    def file_size(self) -> int | None:
        """The file's size in bytes, or None when there is no file or storage cannot say."""
        if not self.file:
            return None
        try:
            return self.file.size
        except OSError:
            return None
