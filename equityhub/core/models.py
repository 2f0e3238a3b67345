import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class DocumentVector(models.Func):
    """A document's weighted text search vector, in its own language's configuration.

    PostgreSQL stores it in a generated column (migration 0003 writes the column's SQL), so
    searching and ranking read it instead of parsing every candidate's text again. SQLite
    searches through its FTS5 table and leaves the column NULL.
    """

    template = "NULL"
    output_field = SearchVectorField(null=True)

    def __init__(self) -> None:
        super().__init__()


class SearchDocument(models.Model):
    """One searchable text, in one language, of any registered model.

    The search backends index this table: SQLite through an FTS5 table kept in step by
    triggers, PostgreSQL through a GIN index on a weighted tsvector expression.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    is_public = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)
    vector = models.GeneratedField(
        expression=DocumentVector(), output_field=SearchVectorField(null=True), db_persist=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="search_document_one_per_object_language",
            ),
        ]
        indexes = [
            models.Index(fields=["language", "is_public"]),
            # What a match needs of each document it finds (SQLite joins its FTS5 hits to this
            # table by id): read from this small index, not from rows full of text, a search
            # of the ideas list costs a third of the time.
            models.Index(
                fields=["id", "content_type", "is_public", "object_id"], name="searchdoc_hit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title} ({self.language})"


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Working")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """One piece of slow work a person asked for (a document, an analysis), with its progress.

    The work itself runs as a Django task; this row is what the page polls. A job with no owner
    makes something public (the action plan as PDF, say) and anyone may follow it; a job with an
    owner is theirs alone. `key` names what the job makes, so a second request for the same
    thing finds the first job instead of starting another.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=60)
    key = models.CharField(_("key"), max_length=200, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    result = models.FileField(_("result"), upload_to="jobs/%Y/%m/", blank=True)
    result_name = models.CharField(_("file name"), max_length=200, blank=True)
    result_type = models.CharField(_("content type"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=200)
    return_url = models.CharField(_("return address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="job_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=JobState.values), name="job_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)
