"""The action plan to take away: a PDF or Word document made in the background, and a CSV."""

import csv
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.validators import slug_re
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from equityhub.actions import selectors
from equityhub.actions.documents import DocumentFormat, plan_fingerprint
from equityhub.actions.models import Action
from equityhub.actions.tasks import export_plan
from equityhub.campaigns.models import Campaign
from equityhub.core.i18n import localized
from equityhub.core.jobs import job_start
from equityhub.core.text import spreadsheet_safe
from equityhub.ideas.selectors import campaign_for_ideas


class DownloadForm(forms.Form):
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=DocumentFormat.choices)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    campaign = forms.SlugField(required=False, max_length=60)


def _plan_url(slug: str = "") -> str:
    url = reverse("actions:plan")
    return f"{url}?{urlencode({'campaign': slug})}" if slug else url


def _job_title(campaign: Campaign, language: str, document_format: str) -> str:
    """What the job's page is headed with, in the language of the document it makes."""
    with translation.override(language):
        if document_format == "pdf":
            title = _("%(campaign)s: the action plan as a PDF")
        else:
            title = _("%(campaign)s: the action plan as a Word document")
        return title % {"campaign": localized(campaign, "title", language).text}


@require_POST
def download(request: HttpRequest) -> HttpResponse:
    """Anyone: ask for the published plan as a PDF or Word document, in English or Welsh.

    The document is made in the background and is public, so everyone who asks for the same
    plan in the same language and format while it is unchanged gets the same file, at once if
    it is ready. The job's page shows it being made and then offers it.
    """
    form = DownloadForm(request.POST)
    if not form.is_valid():
        slug = form.cleaned_data.get("campaign", "") if "campaign" not in form.errors else ""
        messages.error(request, _("Choose a format and a language for the download."))
        return redirect(_plan_url(slug))
    slug = form.cleaned_data["campaign"]
    campaign = campaign_for_ideas(slug or None)
    if campaign is None:
        raise Http404(_("There is no campaign with that name."))
    language = form.cleaned_data["language"]
    document_format = form.cleaned_data["format"]
    key = ":".join(
        ("action-plan", str(campaign.pk), language, document_format, plan_fingerprint(campaign))
    )
    job = job_start(
        kind="actions.export_plan",
        task=export_plan,
        title=_job_title(campaign, language, document_format),
        language=language,
        owner=None,
        key=key,
        return_url=_plan_url(slug),
        campaign_id=campaign.pk,
        document_format=document_format,
    )
    return HttpResponseRedirect(reverse("core:job", args=[job.pk]))


CSV_HEADER = [
    "id",
    "level",
    "team",
    "status",
    "progress",
    "target_date",
    "title_en",
    "title_cy",
    "url",
    "idea_ids",
    "idea_titles",
]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def csv_row(action: Action, *, base_url: str) -> list[Any]:
    """One action as a row; the ideas behind it are listed in two cells, in the same order."""
    links = action.public_links  # type: ignore[attr-defined]
    return [
        action.pk,
        action.level,
        spreadsheet_safe(localized(action.team, "name").text),
        action.status,
        action.progress,
        action.target_date.isoformat() if action.target_date else "",
        spreadsheet_safe(action.title_en or ""),
        spreadsheet_safe(action.title_cy or ""),
        f"{base_url}{action.get_absolute_url()}",
        " ".join(str(link.idea.pk) for link in links),
        spreadsheet_safe("\n".join(_one_line(link.idea.title) for link in links)),
    ]


@require_GET
def actions_csv(request: HttpRequest) -> HttpResponse:
    """Anyone: the campaign's published actions as a spreadsheet (CSV), in four queries.

    One row per action, in the plan's order (by level, then target date). The ideas behind an
    action share its row: `idea_ids` lists their numbers separated by spaces, and
    `idea_titles` their titles, one a line, in the same order. Team names come in the
    language of the address; titles in both languages.
    """
    slug = request.GET.get("campaign", "")
    campaign = campaign_for_ideas(slug or None) if not slug or slug_re.fullmatch(slug) else None
    if campaign is None:
        raise Http404(_("There is no campaign with that name."))
    groups = selectors.group_by_level(list(selectors.plan_actions(campaign)))
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"action-plan-{campaign.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for group in groups:
        for action in group.actions:
            writer.writerow(csv_row(action, base_url=base_url))
    return response
