def send_news(*, recipient_id: int, idea_id: int) -> int:
    return 0
