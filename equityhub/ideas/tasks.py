"""Background work for ideas: followers' email."""

from django.tasks import task


@task()
def send_idea_news(*, recipient_id: int, idea_id: int) -> int:
    """Send one email with everything unsent about an idea to one member; returns 1 if sent."""
    from equityhub.ideas.emails import send_news

    return send_news(recipient_id=recipient_id, idea_id=idea_id)
