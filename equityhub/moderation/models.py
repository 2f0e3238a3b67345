"""Reports, review cases, decisions, word rules and suspensions, for any kind of member content.

Content apps register their models with `moderation.registry`; this app never imports them.
Moderation never deletes content: decisions change its visibility through the content app's
own services, and every decision is kept.
"""

from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _

DETAILS_MAX_LENGTH = 1000


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive, abusive or discriminatory")
    PERSONAL = "personal", _("Shares someone's personal or patient information")
    MISLEADING = "misleading", _("False or misleading")
    OFF_TOPIC = "off_topic", _("Not about health equity")
    OTHER = "other", _("Something else")


class CaseReason(models.TextChoices):
    REPORTED = "reported", _("Reported by members")
    PREMODERATION = "premoderation", _("New content checked before publishing")
    WORD_RULE = "word_rule", _("Matched the word list")


class CaseState(models.TextChoices):
    OPEN = "open", _("Awaiting a decision")
    CLOSED = "closed", _("Decided")


class Action(models.TextChoices):
    APPROVE = "approve", _("Approve")
    HIDE = "hide", _("Hide")
    REJECT = "reject", _("Reject")
    RESTORE = "restore", _("Restore")
    DISMISS = "dismiss", _("Dismiss the reports")
    SUSPEND = "suspend", _("Suspend the author")
    MERGE = "merge", _("Merge into another idea")
    AUTO_HIDE = "auto_hide", _("Hidden automatically after reports")


class Case(models.Model):
    """One piece of content waiting for (or having had) a moderator's decision."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("why it is here"), max_length=20, choices=CaseReason)
    state = models.CharField(_("state"), max_length=10, choices=CaseState, default=CaseState.OPEN)
    open_report_count = models.PositiveIntegerField(default=0)
    # A short label and extract, kept so the queue renders without loading every kind of content.
    title = models.CharField(max_length=300)
    excerpt = models.TextField(blank=True)
    matched_words = models.CharField(max_length=300, blank=True)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation cases")
        indexes = [models.Index(fields=["state", "-opened_at"], name="case_queue")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(state="open"),
                name="case_one_open_per_content",
            ),
            models.CheckConstraint(
                condition=Q(state__in=CaseState.values), name="case_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(reason__in=CaseReason.values), name="case_reason_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.title}"


class Report(models.Model):
    """A member telling moderators that a piece of content breaks the rules."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason)
    details = models.TextField(_("details"), max_length=DETAILS_MAX_LENGTH, blank=True)
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"], name="report_content")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=Q(is_open=True),
                name="report_one_open_per_member",
            ),
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values), name="report_reason_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Report by {self.reporter_id} on {self.content_type_id}:{self.object_id}"


class Decision(models.Model):
    """The audit log: every moderation decision, with who, when, what and why."""

    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action)
    reason = models.TextField(_("reason"), max_length=DETAILS_MAX_LENGTH, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_decisions",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_decisions_about",
        help_text=_("The member whose content or account the decision concerns."),
    )
    title = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects: ClassVar[models.Manager["Decision"]] = models.Manager()

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=Action.values), name="decision_action_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.title}"


class WordRule(models.Model):
    """A word or phrase that sends new content to review instead of publishing it."""

    phrase = models.CharField(_("word or phrase"), max_length=100, unique=True)
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("word rule")
        verbose_name_plural = _("word rules")
        ordering = ["phrase"]
        constraints = [
            models.CheckConstraint(
                condition=Q(GreaterThan(Length(Trim("phrase")), 0)), name="word_rule_not_blank"
            ),
        ]

    def __str__(self) -> str:
        return self.phrase


class Suspension(models.Model):
    """A member barred from posting, supporting, commenting and reporting until a time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    reason = models.TextField(_("reason"), max_length=DETAILS_MAX_LENGTH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["user", "-ends_at"], name="suspension_user")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="suspension_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} suspended until {self.ends_at:%Y-%m-%d}"
