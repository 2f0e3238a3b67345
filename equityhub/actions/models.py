"""The action plan: what the campaign does about its ideas, who owns it, and how it is going.

Teams own levels (level routing) and actions. An action links to the ideas behind it, each
link with a note on how the idea shaped it; progress updates form its dated timeline. A draft
can be opened to members for comments before it is published (co-creation).
"""

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from equityhub.campaigns.models import Campaign
from equityhub.core.models import TimeStampedModel
from equityhub.ideas.models import (
    COMMENT_MAX_LENGTH,
    CommentState,
    Idea,
    Level,
    Theme,
    ThreadedComment,
)

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 5000
NOTE_MAX_LENGTH = 1000


class Team(TimeStampedModel):  # type: ignore[django-manager-missing]
    """A team of staff that owns levels of ideas and actions, such as policy and public affairs."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="teams",
        blank=True,
        verbose_name=_("members"),
        help_text=_("They see the team's ideas on their dashboard and get its weekly digest."),
    )

    objects: ClassVar[models.Manager["Team"]] = models.Manager()

    if TYPE_CHECKING:
        name_en: str | None
        name_cy: str | None

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class LevelRoute(models.Model):
    """Which team answers the ideas at one level: each level belongs to exactly one team."""

    level = models.CharField(_("level"), max_length=20, choices=Level, unique=True)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="routes", verbose_name=_("team")
    )

    class Meta:
        verbose_name = _("level route")
        verbose_name_plural = _("level routes")
        ordering = ["level"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=Level.values), name="level_route_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} → {self.team}"


class ActionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# Actions anyone may read: everything but drafts (drafts opened for comments are shown to
# members only, on their own page).
PUBLISHED_STATUSES = frozenset(
    {ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED}
)


class ActionQuerySet(models.QuerySet["Action"]):
    def published(self) -> "ActionQuerySet":
        return self.filter(status__in=PUBLISHED_STATUSES)


ActionManager = models.Manager.from_queryset(ActionQuerySet)


class Action(TimeStampedModel):  # type: ignore[django-manager-missing]
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="actions", verbose_name=_("campaign")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(
        _("description"), max_length=TEXT_MAX_LENGTH, help_text=_("Markdown.")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="actions", verbose_name=_("owning team")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level)
    themes = models.ManyToManyField(
        Theme, related_name="actions", blank=True, verbose_name=_("themes")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus, default=ActionStatus.DRAFT
    )
    dropped_reason = models.TextField(
        _("why it was dropped"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    open_for_comments = models.BooleanField(
        _("open to members for comments"),
        default=False,
        help_text=_("Members may read this draft and comment on it before it is published."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ideas = models.ManyToManyField(
        Idea, through="ActionIdea", related_name="actions", verbose_name=_("ideas")
    )
    comment_count = models.PositiveIntegerField(default=0)
    # Bumped on every change to the plan's content, so exported documents know they are stale.
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[ActionManager] = ActionManager()

    if TYPE_CHECKING:
        title_en: str | None
        title_cy: str | None
        description_en: str | None
        description_cy: str | None

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["level", "target_date", "pk"]
        indexes = [
            models.Index(fields=["campaign", "status", "level"], name="action_plan_order"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(level__in=Level.values), name="action_level_valid"),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values), name="action_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="action_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.DROPPED) | ~Q(dropped_reason=""),
                name="action_dropped_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(status=ActionStatus.DRAFT) | Q(open_for_comments=False),
                name="action_only_drafts_open_for_comments",
            ),
            models.CheckConstraint(
                condition=Q(
                    GreaterThan(Length(Trim("title")), 0),
                    LessThanOrEqual(Length("title"), TITLE_MAX_LENGTH),
                ),
                name="action_title_length",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES


class ActionIdea(models.Model):
    """One idea behind an action, with a note on how it shaped it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="idea_links")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="action_links")
    note = models.TextField(_("how this idea shaped the action"), max_length=NOTE_MAX_LENGTH)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idea behind an action")
        verbose_name_plural = _("ideas behind actions")
        ordering = ["linked_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "idea"], name="action_idea_once"),
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("note")), 0), name="action_idea_has_note"
            ),
        ]

    def __str__(self) -> str:
        return f"idea {self.idea_id} → action {self.action_id}"


class ProgressUpdate(models.Model):
    """A dated step in an action's timeline, in English and (optionally) Welsh."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    happened_on = models.DateField(_("date"))
    text = models.TextField(_("what happened"), max_length=TEXT_MAX_LENGTH)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager["ProgressUpdate"]] = models.Manager()

    if TYPE_CHECKING:
        text_en: str | None
        text_cy: str | None

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["happened_on", "pk"]
        indexes = [models.Index(fields=["action", "happened_on"], name="progress_update_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="progress_update_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_id} on {self.happened_on}"


class ActionComment(ThreadedComment):
    """A member's comment on a draft opened for comments; one level of replies, as on ideas."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_comments",
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )

    class Meta(ThreadedComment.Meta):
        verbose_name = _("comment on an action")
        verbose_name_plural = _("comments on actions")
        indexes = [models.Index(fields=["action", "created_at"], name="action_comment_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=CommentState.values), name="action_comment_state_valid"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="action_comment_not_its_own_reply"
            ),
            models.CheckConstraint(
                condition=Q(LessThanOrEqual(Length("body"), COMMENT_MAX_LENGTH)),
                name="action_comment_body_length",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on action {self.action_id}"

    def get_absolute_url(self) -> str:
        return f"{reverse('actions:detail', kwargs={'pk': self.action_id})}#comment-{self.pk}"
