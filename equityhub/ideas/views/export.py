"""The ideas as a spreadsheet (CSV) for editors, streamed as it is written."""

import csv
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from equityhub.campaigns.models import Campaign
from equityhub.core.text import spreadsheet_safe
from equityhub.ideas import rules, selectors
from equityhub.ideas.forms import IdeaFilterForm
from equityhub.ideas.models import Idea
from equityhub.ideas.selectors import Sort
from equityhub.ideas.views.cards import ThemeName, theme_names
from equityhub.ideas.views.lists import campaign_or_404


class _Echo:
    """A file-like object that hands back what is written: csv writes, the response streams."""

    def write(self, value: str) -> str:
        return value


EXPORT_HEADER = [
    "id",
    "title",
    "level",
    "themes",
    "status",
    "language",
    "supports",
    "comments",
    "created",
    "author",
    "url",
]


def export_rows(
    *,
    campaign: Campaign,
    form: IdeaFilterForm,
    themes: dict[int, ThemeName],
    viewer: Any,
    base_url: str,
    language: str,
) -> Iterator[list[Any]]:
    """The CSV's rows: the list's ideas in the list's filters, newest first, in 2 queries.

    The rows are made while the response streams, after the view has returned, so they are
    made in the request's `language` rather than whatever is active by then.
    """
    filters = replace(form.filters(campaign=campaign), sort=Sort.NEWEST)
    ideas = selectors.idea_list(filters).prefetch_related(None).select_related("author")
    sees_names = rules.is_admin(viewer)
    yield EXPORT_HEADER
    with translation.override(language):
        themes_of: dict[int, list[str]] = {}
        links = Idea.themes.through.objects.filter(idea_id__in=ideas.values("pk"))
        for idea_id, theme_id in links.values_list("idea_id", "theme_id"):
            themes_of.setdefault(idea_id, []).append(themes[theme_id].text)
        for idea in ideas.iterator(chunk_size=500):
            if sees_names and idea.author is not None:
                author = idea.author.display_name or idea.author.email
            else:
                author = idea.public_author_name()
            yield [
                idea.pk,
                spreadsheet_safe(idea.title),
                idea.level,
                spreadsheet_safe("; ".join(sorted(themes_of.get(idea.pk, [])))),
                idea.status,
                idea.language,
                idea.support_count,
                idea.comment_count,
                timezone.localtime(idea.created_at).isoformat(timespec="seconds"),
                spreadsheet_safe(author),
                f"{base_url}{idea.get_absolute_url()}",
            ]


@login_required
@require_GET
def idea_export(request: HttpRequest) -> StreamingHttpResponse:
    """Editors: the campaign's ideas as CSV, with the list's filters.

    Authors who hid their name appear as "A member" unless an admin exports.
    """
    if not rules.can_export_ideas(request.user):
        raise PermissionDenied(_("Only editors can export ideas."))
    themes = list(selectors.theme_list())
    form = IdeaFilterForm(request.GET, themes=themes)
    campaign = campaign_or_404(form)
    writer = csv.writer(_Echo())
    rows = export_rows(
        campaign=campaign,
        form=form,
        themes=theme_names(themes),
        viewer=request.user,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        language=translation.get_language(),
    )
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    filename = f"ideas-{campaign.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
