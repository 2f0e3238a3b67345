"""Email to members about moderation decisions, in each member's preferred language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from equityhub.core.mail import absolute_url, subject_line
from equityhub.core.views import contact_email
from equityhub.moderation.models import Decision
from equityhub.moderation.registry import adapter_for, content_queryset


def send_rejection(*, decision_id: int) -> bool:
    """Tell the author that their content was rejected, and why. True when an email went out."""
    decision = (
        Decision.objects.select_related("subject", "content_type").filter(pk=decision_id).first()
    )
    if decision is None or decision.content_type is None:
        return False
    author = decision.subject
    if author is None or not author.is_active or not author.email:
        return False
    model = decision.content_type.model_class()
    if model is None:
        return False
    content = content_queryset(model).filter(pk=decision.object_id).first()
    if content is None:
        return False
    adapter = adapter_for(model)
    language = getattr(author, "preferred_language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "author": author,
            "kind": adapter.kind,
            "title": decision.title,
            "reason": decision.reason,
            # Reversed here, under the author's language, so the link opens the page in it.
            "url": absolute_url(adapter.url(content)),
            "contact_email": contact_email(),
        }
        subject = render_to_string("moderation/email/rejected_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=subject_line(subject),
            body=render_to_string("moderation/email/rejected.txt", context),
            to=[author.email],
        )
        message.attach_alternative(
            render_to_string("moderation/email/rejected.html", context), "text/html"
        )
    message.send()
    return True
