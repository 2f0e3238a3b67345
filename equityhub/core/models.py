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
        indexes = [models.Index(fields=["language", "is_public"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title} ({self.language})"
