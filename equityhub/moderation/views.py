"""Moderation pages: the queue, a case, the decision log, suspending a member, reporting."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from equityhub.moderation import rules, selectors, services
from equityhub.moderation.forms import (
    DecisionForm,
    DecisionLogFilterForm,
    QueueFilterForm,
    ReportForm,
    SuspendForm,
)
from equityhub.moderation.models import Action
from equityhub.moderation.registry import adapter_for, content_queryset, model_for_kind

PER_PAGE = 25


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _require_moderator(request: HttpRequest) -> None:
    if not rules.can_moderate(request.user):
        raise PermissionDenied(_("Only moderators can use this page."))


def _add_errors(form: Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


@never_cache
@require_GET
@vary_on_headers("HX-Request")
def queue(request: HtmxHttpRequest) -> HttpResponse:
    """Moderators: cases newest first, filtered by kind, reason and state (open by default).

    htmx requests (changing a filter, turning a page) get only the results region.
    """
    _require_moderator(request)
    form = QueueFilterForm(request.GET or None)
    filters = form.filters()
    page = Paginator(selectors.case_queue(filters=filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "rows": selectors.queue_rows(page.object_list),
    }
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "moderation/queue.html#results" if partial else "moderation/queue.html"
    return render(request, template, context)


@never_cache
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: one case with its content, reports and history, and the decision form."""
    _require_moderator(request)
    case = selectors.case_get(pk=pk)
    if case is None:
        raise Http404
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decide(
                case=case,
                moderator=request.user,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                suspend_until=form.until(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Decision recorded: %(action)s, on “%(title)s”.")
                % {"action": Action(decision.action).label, "title": case.title},
            )
            return redirect("moderation:queue")
    views = selectors.content_views([case])
    context = {
        "case": case,
        "content": views.get((case.content_type_id, case.object_id)),
        "reports": selectors.case_reports(case=case),
        "decisions": selectors.content_decisions(
            content_type_id=case.content_type_id, object_id=case.object_id
        ),
        "form": form,
    }
    return render(request, "moderation/case.html", context)


@never_cache
@require_GET
def decision_log(request: HttpRequest) -> HttpResponse:
    """Moderators: every moderation decision, newest first, filtered by action."""
    _require_moderator(request)
    form = DecisionLogFilterForm(request.GET or None)
    action = form.chosen_action() if form.is_bound else ""
    page = Paginator(selectors.decision_log(action=action), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "moderation/log.html", {"form": form, "page": page})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Members: report an idea or a comment someone else wrote, while it is visible."""
    model = model_for_kind(kind)
    if model is None:
        raise Http404
    content = content_queryset(model).filter(pk=pk).first()
    if content is None:
        raise Http404
    adapter = adapter_for(model)
    if not adapter.is_visible(content):
        raise Http404
    if rules.is_author(request.user, content):
        raise PermissionDenied(_("You cannot report something you wrote."))
    if not rules.can_take_part(request.user):
        raise PermissionDenied(_("Your account cannot report content at the moment."))
    already = selectors.has_open_report(content=content, user=request.user)
    form = ReportForm(request.POST if request.method == "POST" and not already else None)
    if form.is_bound and form.is_valid():
        try:
            services.report_create(
                content=content,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you for your report. A moderator will look at it."),
            )
            return redirect(adapter.url(content))
    context = {
        "form": form,
        "already": already,
        "kind": adapter.kind,
        "title": adapter.title(content),
        "excerpt": adapter.excerpt(content),
        "url": adapter.url(content),
    }
    return render(request, "moderation/report.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def suspend(request: HttpRequest, pk: int) -> HttpResponse:
    """Moderators: suspend a member until a date, with a reason; see their past decisions."""
    _require_moderator(request)
    member: Any = get_object_or_404(get_user_model(), pk=pk)
    form = SuspendForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.member_suspend(
                member=member,
                moderator=request.user,
                until=form.until_datetime(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The member has been suspended."))
            return redirect("moderation:suspend", pk=member.pk)
    context = {
        "member": member,
        "form": form,
        "suspension": selectors.active_suspension(user=member),
        "decisions": selectors.decisions_about(member=member),
    }
    return render(request, "moderation/suspend.html", context)
