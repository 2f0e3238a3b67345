"""Ideas, the themes they touch, the members who back and discuss them, and their history.

Counts shown on every list (supports, comments) are columns kept exact by the services in the
same transaction as the rows they count, so a page of ideas never counts rows per request.
Rendered HTML of member text is stored beside the Markdown it came from for the same reason.
"""

from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from equityhub.campaigns.models import Campaign
from equityhub.core.memo import TRANSLATION_SETTINGS, forgotten_when_changed
from equityhub.core.models import TimeStampedModel

TITLE_MAX_LENGTH = 140
BODY_MAX_LENGTH = 5000
COMMENT_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 1000


class Level(models.TextChoices):
    """Who could act on an idea: the campaign's four levels."""

    INDIVIDUAL = "individual", _("What each of us can do")
    PROFESSION = "profession", _("What the profession can do")
    PROFESSIONAL_BODY = "professional_body", _("What the professional body can do")
    GOVERNMENT = "government", _("What to call on governments to do")


class Status(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    ACCEPTED = "accepted", _("Accepted")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")
    IN_ACTION_PLAN = "in_action_plan", _("In the action plan")
    IMPLEMENTED = "implemented", _("Implemented")
    WITHDRAWN = "withdrawn", _("Withdrawn by its author")
    HIDDEN = "hidden", _("Hidden by a moderator")
    REJECTED = "rejected", _("Rejected by a moderator")
    MERGED = "merged", _("Merged into another idea")


# Ideas anyone may read and find in lists, feeds, search and the API.
PUBLIC_STATUSES = frozenset(
    {
        Status.PUBLISHED,
        Status.UNDER_CONSIDERATION,
        Status.ACCEPTED,
        Status.NOT_TAKEN_FORWARD,
        Status.IN_ACTION_PLAN,
        Status.IMPLEMENTED,
    }
)
# Ideas whose page anyone may read, though lists leave them out unless asked.
READABLE_STATUSES = PUBLIC_STATUSES | {Status.WITHDRAWN}
# Statuses only moderation sets; restoring returns the idea to the status it had before.
MODERATION_STATUSES = frozenset({Status.HIDDEN, Status.REJECTED})


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


def public_name(author: Any, *, show_name: bool) -> str:
    """The name the public sees: the author's, or "A member" when they chose to hide it (or
    deleted their account)."""
    return public_display_name(author.display_name if author else None, show_name=show_name)


def public_display_name(display_name: str | None, *, show_name: bool) -> str:
    """`public_name()` from the author's display name alone (None when the account is gone),
    for rows read without the author's model."""
    if not show_name or not display_name:
        return _anonymous_name(get_language())
    return display_name


@forgotten_when_changed(*TRANSLATION_SETTINGS)
@lru_cache(maxsize=8)
def _anonymous_name(language: str | None) -> str:
    # Translated once per language: a list shows it on every card whose author hid their name.
    return gettext("A member")


class Theme(TimeStampedModel):
    """A topic that ideas touch, such as housing or digital inclusion; editors keep the list."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects: ClassVar[models.Manager["Theme"]] = models.Manager()

    if TYPE_CHECKING:
        name_en: str | None
        name_cy: str | None

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class IdeaQuerySet(models.QuerySet["Idea"]):
    def public(self) -> "IdeaQuerySet":
        return self.filter(status__in=PUBLIC_STATUSES)


IdeaManager = models.Manager.from_queryset(IdeaQuerySet)


class Idea(TimeStampedModel):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="ideas")
    # Deleting an account keeps the idea for the campaign's record, without a name.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    body = models.TextField(_("description"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    level = models.CharField(_("level"), max_length=20, choices=Level)
    themes = models.ManyToManyField(
        Theme, related_name="ideas", blank=True, verbose_name=_("themes")
    )
    language = models.CharField(_("written in"), max_length=2, choices=Language)
    show_name = models.BooleanField(_("show my name"), default=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PUBLISHED)
    # The status to return to when moderation restores a hidden or rejected idea.
    status_before_moderation = models.CharField(max_length=20, choices=Status, blank=True)
    status_reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    official_response = models.TextField(
        _("official response"), max_length=BODY_MAX_LENGTH, blank=True
    )
    official_response_html = models.TextField(blank=True, editable=False)
    official_response_at = models.DateTimeField(_("responded"), null=True, blank=True)
    official_response_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A merged idea lives on only as the way to its target, so it goes when the target does (a
    # deleted campaign, an admin's delete); cleared, it would be merged into nothing.
    merged_into = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="merged_ideas"
    )
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    last_activity_at = models.DateTimeField(db_index=True)
    # Bumped on every change that alters how the idea looks, to key cached fragments.
    version = models.PositiveIntegerField(default=1)

    objects: ClassVar[IdeaManager] = IdeaManager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        # One index per order of the list, in exactly that order (listing.ORDERINGS), so a
        # page of 20 reads 20 rows and sorts none. Status is left out: lists ask for six
        # statuses at once, and an index led by status cannot give their rows in order.
        indexes = [
            models.Index(fields=["campaign", "-created_at", "-id"], name="idea_newest"),
            models.Index(
                fields=["campaign", "-support_count", "-created_at", "-id"], name="idea_supported"
            ),
            models.Index(
                fields=["campaign", "-comment_count", "-created_at", "-id"], name="idea_discussed"
            ),
            models.Index(fields=["campaign", "-last_activity_at", "-id"], name="idea_active"),
            models.Index(fields=["campaign", "level", "status"], name="idea_level"),
            # A campaign's listed ideas with what each list order needs, so that counting them
            # or matching them to search hits and sorting those reads the index alone
            # (PostgreSQL's indexes do not carry the id, as SQLite's do).
            models.Index(
                fields=[
                    "campaign",
                    "status",
                    "id",
                    "created_at",
                    "support_count",
                    "comment_count",
                    "last_activity_at",
                ],
                name="idea_listed",
            ),
            models.Index(fields=["author", "-created_at"], name="idea_author_recent"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(level__in=Level.values), name="idea_level_valid"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="idea_status_valid"),
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="idea_language_valid"
            ),
            # SQLite does not enforce max_length, so the length rules are checks of their own.
            models.CheckConstraint(
                condition=Q(
                    GreaterThan(Length(Trim("title")), 0),
                    LessThanOrEqual(Length("title"), TITLE_MAX_LENGTH),
                ),
                name="idea_title_length",
            ),
            models.CheckConstraint(
                condition=Q(
                    GreaterThan(Length(Trim("body")), 0),
                    LessThanOrEqual(Length("body"), BODY_MAX_LENGTH),
                ),
                name="idea_body_length",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.NOT_TAKEN_FORWARD) | ~Q(status_reason=""),
                name="idea_not_taken_forward_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.MERGED) | Q(merged_into__isnull=False),
                name="idea_merged_has_target",
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="idea_not_merged_into_itself"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def public_author_name(self) -> str:
        return public_name(self.author, show_name=self.show_name)


class IdeaTally(models.Model):
    """How many of a campaign's ideas have each status, level and language.

    The ideas list shows how many ideas it holds on every request; adding up these few rows
    costs the same whatever the number of ideas, where counting them grows with it. Database
    triggers on the ideas table keep the tally exact (migration 0005), whatever writes the
    ideas: a service, a bulk load or the admin. Nothing else writes here.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status)
    level = models.CharField(max_length=20, choices=Level)
    language = models.CharField(max_length=2, choices=Language)
    ideas = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "status", "level", "language"], name="idea_tally_one_per_group"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.status} {self.level} {self.language}: {self.ideas}"


class Support(models.Model):
    """A member backing an idea: at most one per member per idea."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_supports"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="support_one_per_member"),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="support_user_recent")]

    def __str__(self) -> str:
        return f"{self.user_id} supports {self.idea_id}"


class CommentState(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Awaiting review")
    HIDDEN = "hidden", _("Hidden by a moderator")
    REMOVED = "removed", _("Removed by its author")


class ThreadedComment(TimeStampedModel):
    """What a comment in any discussion has: the text and its sanitised HTML, the author's
    choice to show their name, and the state moderation changes. Each discussion adds the thing
    discussed, its author (whose reverse name differs) and its one level of replies (`parent`,
    typed as its own model)."""

    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    show_name = models.BooleanField(_("show my name"), default=True)
    state = models.CharField(max_length=10, choices=CommentState, default=CommentState.PUBLISHED)

    author: Any

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    @property
    def is_visible(self) -> bool:
        return self.state == CommentState.PUBLISHED

    def public_author_name(self) -> str:
        return public_name(self.author, show_name=self.show_name)


class Comment(ThreadedComment):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea_comments",
    )
    # One level of replies: a reply's parent is always a top-level comment (services.py).
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    is_official_answer = models.BooleanField(_("official answer"), default=False)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta(ThreadedComment.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["idea", "created_at"], name="comment_idea_order"),
            models.Index(fields=["author", "-created_at"], name="comment_author_recent"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=CommentState.values), name="comment_state_valid"
            ),
            models.UniqueConstraint(
                fields=["idea"],
                condition=Q(is_official_answer=True),
                name="comment_one_official_answer_per_idea",
            ),
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="comment_not_its_own_reply"),
            models.CheckConstraint(
                condition=Q(LessThanOrEqual(Length("body"), COMMENT_MAX_LENGTH)),
                name="comment_body_length",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on idea {self.idea_id}"

    def get_absolute_url(self) -> str:
        return f"{reverse('ideas:detail', kwargs={'pk': self.idea_id})}#comment-{self.pk}"


class StatusChange(models.Model):
    """One step in an idea's history: who moved it, from what, to what, when and why."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status, blank=True)
    to_status = models.CharField(max_length=20, choices=Status)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(max_length=REASON_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["idea", "created_at"], name="status_change_idea_order")]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.from_status} -> {self.to_status}"


class Follow(models.Model):
    """A member who wants email about an idea's news; authors follow their own ideas."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="follow_one_per_member"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.idea_id}"


class NotificationKind(models.TextChoices):
    STATUS = "status", _("Status change")
    RESPONSE = "response", _("Official response")
    COMMENT = "comment", _("New comment")
    REPLY = "reply", _("Reply to your comment")


class NotificationPreference(models.Model):
    """Which kinds of news a member wants by email. No row means every kind."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    on_status = models.BooleanField(_("when an idea I follow changes status"), default=True)
    on_response = models.BooleanField(
        _("when an idea I follow gets an official response"), default=True
    )
    on_comment = models.BooleanField(_("when someone comments on an idea I follow"), default=True)
    on_reply = models.BooleanField(_("when someone replies to my comment"), default=True)

    def __str__(self) -> str:
        return f"Notification preferences of {self.user_id}"

    def wants(self, kind: str) -> bool:
        return bool(getattr(self, f"on_{kind}"))


class Notification(models.Model):
    """One piece of news for one member, waiting to go out in that idea's next email."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idea_notifications"
    )
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=10, choices=NotificationKind)
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "idea", "sent_at"], name="notification_batch"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id} on {self.idea_id}"


# Theme suggestions and clusters of similar ideas, for editors (analysis.py works them out,
# analysis_services.py keeps them here).


class AnalysisKind(models.TextChoices):
    THEMES = "themes", _("Theme suggestions")
    CLUSTERS = "clusters", _("Clusters of similar ideas")


class AnalysisOutcome(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    TOO_FEW_IDEAS = "too_few_ideas", _("Too few ideas")
    NO_LEARNABLE_THEME = "no_learnable_theme", _("No theme with enough ideas")
    TOO_FEW_WORDS = "too_few_words", _("Too few words in common")


class AnalysisRun(models.Model):
    """One run of an analysis of a campaign's ideas, started by an editor as a background job:
    when it ran, and what came of it. The outcome is blank until the run finishes."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("analysis"), max_length=10, choices=AnalysisKind)
    # The job that shows the run's progress; old jobs may be pruned, the run stays.
    job = models.OneToOneField(
        "core.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=AnalysisOutcome, blank=True)
    # Ideas the run learnt from (themes) or grouped (clusters), and suggestions or clusters made.
    ideas = models.PositiveIntegerField(_("ideas analysed"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)
    # Themes with too few ideas to learn from (their primary keys).
    skipped_themes = models.JSONField(_("themes left out"), default=list, blank=True)
    seconds = models.FloatField(_("seconds taken"), null=True, blank=True)

    class Meta:
        verbose_name = _("analysis run")
        verbose_name_plural = _("analysis runs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["campaign", "kind", "-created_at"], name="analysis_run_latest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AnalysisKind.values), name="analysis_run_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome="", finished_at__isnull=True)
                | Q(outcome__in=AnalysisOutcome.values, finished_at__isnull=False),
                name="analysis_run_outcome_when_finished",
            ),
            models.CheckConstraint(
                condition=Q(seconds__isnull=True) | Q(seconds__gte=0),
                name="analysis_run_seconds_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} of campaign {self.campaign_id} at {self.created_at:%Y-%m-%d %H:%M}"


class SuggestionState(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ThemeSuggestion(models.Model):
    """A theme the model thinks fits an idea that had none, waiting for an editor's decision.

    A decided suggestion is kept, so that training again never offers a theme an editor has
    already turned down for that idea.
    """

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="theme_suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="suggestions")
    score = models.FloatField(_("confidence"))
    state = models.CharField(
        _("state"), max_length=10, choices=SuggestionState, default=SuggestionState.SUGGESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("theme suggestion")
        verbose_name_plural = _("theme suggestions")
        ordering = ["idea", "-score", "theme"]
        indexes = [models.Index(fields=["state", "idea"], name="theme_suggestion_state")]
        constraints = [
            models.UniqueConstraint(fields=["idea", "theme"], name="theme_suggestion_one_per_pair"),
            models.CheckConstraint(
                condition=Q(state__in=SuggestionState.values), name="theme_suggestion_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="theme_suggestion_score_0_to_1"
            ),
            models.CheckConstraint(
                condition=Q(state=SuggestionState.SUGGESTED, decided_at__isnull=True)
                | Q(
                    state__in=[SuggestionState.ACCEPTED, SuggestionState.REJECTED],
                    decided_at__isnull=False,
                ),
                name="theme_suggestion_decided_when_not_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme_id} for idea {self.idea_id} ({self.state})"


class IdeaCluster(models.Model):
    """A group of a campaign's ideas that read alike, found by one clustering run."""

    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="clusters")
    position = models.PositiveSmallIntegerField(_("position"))
    top_terms = models.JSONField(_("top terms"), default=list)
    size = models.PositiveIntegerField(_("ideas"))
    # The commonest themes among its ideas as [theme id, ideas] pairs, most first, and how
    # many of its ideas have no theme: a cluster of unthemed ideas may be a missing theme.
    themes = models.JSONField(_("themes"), default=list, blank=True)
    unthemed = models.PositiveIntegerField(_("ideas without a theme"), default=0)
    ideas = models.ManyToManyField(Idea, through="ClusterMembership", related_name="clusters")

    class Meta:
        verbose_name = _("cluster of ideas")
        verbose_name_plural = _("clusters of ideas")
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="idea_cluster_position"),
            models.CheckConstraint(condition=Q(size__gte=1), name="idea_cluster_not_empty"),
            models.CheckConstraint(
                condition=Q(unthemed__lte=F("size")), name="idea_cluster_unthemed_within_size"
            ),
        ]

    def __str__(self) -> str:
        return f"Cluster {self.position} of run {self.run_id}"

    def get_absolute_url(self) -> str:
        return reverse("ideas:cluster", kwargs={"pk": self.pk})


class ClusterMembership(models.Model):
    """An idea in a cluster, with its distance from the cluster's centre (0: most typical)."""

    cluster = models.ForeignKey(IdeaCluster, on_delete=models.CASCADE, related_name="memberships")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="cluster_memberships")
    distance = models.FloatField(_("distance"))

    class Meta:
        ordering = ["cluster", "distance", "idea"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "idea"], name="cluster_membership_once"),
            models.CheckConstraint(
                condition=Q(distance__gte=0, distance__lte=2), name="cluster_membership_distance"
            ),
        ]
        indexes = [
            models.Index(fields=["cluster", "distance", "idea"], name="cluster_membership_order")
        ]

    def __str__(self) -> str:
        return f"Idea {self.idea_id} in cluster {self.cluster_id}"
