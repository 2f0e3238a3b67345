"""Bad input and safety, across every page and output that shows member text.

Each part posts through the site's forms and the API as members do, then reads everything that
shows the result: pages (and their htmx regions), the Atom feed, the site search, the
moderation pages, the CSV export, the API and the followers' email.

- Script and HTML in any text stay inert: no live tag, handler or script link appears, and the
  text reads as typed.
- A member who hides their name is "A member" everywhere except to moderators, admins and
  themselves.
- Strange input (bytes that are not UTF-8, null characters, control characters, absurd numbers,
  unknown choices, over-long text) gets a normal page or a clear error, never a server error,
  and what was typed is kept.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.urls import reverse

from equityhub.accounts.roles import ADMIN, EDITOR, MODERATOR
from equityhub.accounts.tests.factories import UserFactory
from equityhub.ideas import services
from equityhub.ideas.emails import send_news
from equityhub.ideas.models import (
    BODY_MAX_LENGTH,
    COMMENT_MAX_LENGTH,
    REASON_MAX_LENGTH,
    Comment,
    Idea,
    Level,
    Status,
    Support,
)
from equityhub.ideas.tests.factories import (
    CommentFactory,
    IdeaFactory,
    ThemeFactory,
    current_campaign,
)
from equityhub.moderation import services as moderation_services
from equityhub.moderation.models import (
    DETAILS_MAX_LENGTH,
    Action,
    Case,
    CaseReason,
    Report,
    ReportReason,
)

pytestmark = pytest.mark.django_db
# What the test client returns: a response with the request, json() and the context added.
Response = Any

NEW = reverse("ideas:create")
LIST = reverse("ideas:list")
FEED = reverse("ideas:feed")
EXPORT = reverse("ideas:export")
SEARCH = reverse("campaigns:search")
QUEUE = reverse("moderation:queue")
API = "/api/v1/ideas"
HTMX = {"HX-Request": "true"}
ATOM = "{http://www.w3.org/2005/Atom}"
# Every text posted below starts with this word, so the site search finds it.
MARK = "Pelican"


def client_for(user: Any = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def squashed(text: str) -> str:
    return " ".join(text.split())


# Reading a page as a browser would ------------------------------------------------------------

# Attributes whose value a browser follows or loads.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping"}
)
# Elements that member text must never become (the site's own pages use none of them).
FORBIDDEN_TAGS = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "img", "style", "math"}
)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def _runs_code(url: str) -> bool:
    # Browsers ignore whitespace and control characters inside a scheme, and its case.
    return _INVISIBLE.sub("", url).lower().startswith(("javascript:", "vbscript:", "data:"))


def _live_attribute(name: str, value: str) -> bool:
    """An event handler, inline style or frame content, a script link, or htmx sent elsewhere."""
    return (
        name.startswith(("on", "hx-on"))
        or name in ("style", "srcdoc")
        or (name in URL_ATTRIBUTES and _runs_code(value))
        or (name.startswith(("hx-", "data-hx-")) and "evil" in value)
    )


class Reader(HTMLParser):
    """The live markup a browser would act on, and the text it would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._text: list[str] = []
        self._raw: str | None = None  # inside <script> or <style>

    @property
    def text(self) -> str:
        return squashed("".join(self._text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        if tag in ("script", "style"):
            self._raw = tag
        elif tag == "br":
            self._text.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            if "alert" in data:
                self.live.append(f"script running {data.strip()[:60]!r}")
        elif self._raw is None:
            self._text.append(data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if _live_attribute(name, value):
                self.live.append(f"<{tag} {name}={value[:40]!r}>")
        if tag in FORBIDDEN_TAGS:
            self.live.append(f"<{tag}>")
        elif tag == "script":
            # The site's scripts carry the page's nonce or come from its static files.
            if "nonce" not in values and not values.get("src", "").startswith("/static/"):
                self.live.append("<script> without a nonce")
        elif tag == "svg" and "govuk-" not in values.get("class", ""):
            self.live.append("<svg>")
        elif tag == "meta" and "http-equiv" in values:
            self.live.append("<meta http-equiv>")


def read_html(html: str) -> Reader:
    reader = Reader()
    reader.feed(html)
    reader.close()
    return reader


def assert_inert(html: str, where: str) -> Reader:
    reader = read_html(html)
    assert not reader.live, f"{where}: {reader.live}"
    return reader


def content_of(response: Response, where: str) -> str:
    assert response.status_code == 200, f"{where}: {response.status_code}"
    return response.content.decode()


# 1. Script and HTML stay inert ----------------------------------------------------------------

PAYLOADS = [
    pytest.param('<script>alert("x")</script>', id="script"),
    pytest.param("<img src=x onerror=alert(1)>", id="img-onerror"),
    pytest.param("[press me](javascript:alert(1))", id="markdown-javascript-link"),
    pytest.param("[press me](jav&#x09;ascript:alert(1)) <javascript:alert(1)>", id="md-autolink"),
    pytest.param('<a href=" JaVaScRiPt:alert(1)">raw link</a>', id="raw-javascript-link"),
    pytest.param("<svg/onload=alert(1)>", id="svg-onload"),
    pytest.param('"><script>alert(1)</script>', id="attribute-breaker"),
    pytest.param("'><img src=x onerror=alert(1)>", id="single-quote-breaker"),
    pytest.param("</title><script>alert(1)</script>", id="title-breaker"),
    pytest.param("</textarea><script>alert(1)</script>", id="textarea-breaker"),
    pytest.param("]]></summary><script>alert(1)</script>", id="xml-breaker"),
    pytest.param("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;", id="entities"),
    pytest.param("{{ request.user.email }} {% debug %} %(title)s ${7*7}", id="template"),
    pytest.param("\u202egpj.exe\u202c looks like exe.jpg", id="rtl-override"),
    pytest.param('<div hx-get="https://evil.example/" hx-trigger="load">htmx</div>', id="htmx"),
    pytest.param('<p style="background:url(javascript:alert(1))">styled</p>', id="style"),
    pytest.param("Subject\r\nBcc: victim@example.org", id="header-injection"),
]


@dataclass
class Cast:
    """The people of one scenario, each with a signed-in client."""

    author: Any
    commenter: Any
    follower: Any
    reporter: Any
    api_member: Any
    moderator: Any
    editor: Any
    admin: Any
    clients: dict[str, Client] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for person in fields(self):
            if person.name != "clients":
                self.clients[person.name] = client_for(getattr(self, person.name))
        self.clients["visitor"] = Client()

    def __getitem__(self, name: str) -> Client:
        return self.clients[name]


@pytest.fixture
def cast() -> Cast:
    current_campaign()
    return Cast(
        author=UserFactory(display_name="Sam Secret", email="sam.secret@example.org"),
        commenter=UserFactory(display_name="Cai Cudd", email="cai.cudd@example.org"),
        follower=UserFactory(display_name="Olwen Other", email="olwen@example.org"),
        reporter=UserFactory(display_name="Rhys Reporter"),
        api_member=UserFactory(display_name="Api Member"),
        moderator=UserFactory(display_name="Mo Moderator", roles=[MODERATOR]),
        editor=UserFactory(display_name="Eddie Editor", roles=[EDITOR]),
        admin=UserFactory(display_name="Ada Admin", roles=[ADMIN]),
    )


def api(client: Client, method: str, path: str, data: Any = None) -> Response:
    body = json.dumps(data if data is not None else {})
    return getattr(client, method)(path, body, content_type="application/json")


def redirected(response: Response, where: str) -> None:
    assert response.status_code == 302, f"{where}: {response.status_code}"
    assert "/accounts/login/" not in response["Location"], where


def post_everywhere(cast: Cast, text: str, checked: dict[str, str]) -> Idea:
    """`text` in every field members and editors write, through forms and the API.

    Pages that show a form holding the text (the author's edit page, the report and comment
    edit pages) are read on the way and stored in `checked`.
    """
    response = cast["author"].post(
        NEW, {"title": text, "body": text, "level": "government", "language": "en", "post": "1"}
    )
    redirected(response, "new idea form")
    idea = Idea.objects.get(author=cast.author)
    preview = cast["author"].post(
        NEW, {"title": text, "body": text, "level": "government", "language": "en", "preview": "1"}
    )
    checked["new idea preview"] = content_of(preview, "new idea preview")
    checked["edit page"] = content_of(
        cast["author"].get(reverse("ideas:edit", args=[idea.pk])), "edit page"
    )
    cast["follower"].post(reverse("ideas:follow", args=[idea.pk]))

    comment_url = reverse("ideas:comment", args=[idea.pk])
    redirected(cast["commenter"].post(comment_url, {"body": text, "show_name": "on"}), "comment")
    comment = Comment.objects.get(author=cast.commenter)
    checked["comment edit page"] = content_of(
        cast["commenter"].get(reverse("ideas:comment_edit", args=[comment.pk])), "comment edit"
    )

    created = api(
        cast["api_member"], "post", API, {"title": text, "body": text, "level": "individual"}
    )
    assert created.status_code == 201, created.content
    api_comment = api(cast["api_member"], "post", f"{API}/{idea.pk}/comments", {"body": text})
    assert api_comment.status_code == 201, api_comment.content

    report_url = reverse("moderation:report", args=["idea", idea.pk])
    checked["report page"] = content_of(cast["reporter"].get(report_url), "report page")
    redirected(
        cast["reporter"].post(report_url, {"reason": ReportReason.OTHER, "details": text}),
        "report",
    )
    redirected(
        cast["reporter"].post(
            reverse("moderation:report", args=["comment", comment.pk]),
            {"reason": ReportReason.OFFENSIVE, "details": text},
        ),
        "comment report",
    )

    editor = cast["editor"]
    redirected(
        editor.post(reverse("ideas:response", args=[idea.pk]), {"response-text": text}),
        "official response",
    )
    status_url = reverse("ideas:status", args=[idea.pk])
    redirected(editor.post(status_url, {"status-status": Status.UNDER_CONSIDERATION}), "status")
    redirected(
        editor.post(status_url, {"status-status": Status.NOT_TAKEN_FORWARD, "status-reason": text}),
        "not taken forward",
    )
    idea.refresh_from_db()
    assert (idea.status, idea.title, idea.status_reason) == (
        Status.NOT_TAKEN_FORWARD,
        text.strip(),
        text.strip(),
    )
    return idea


def pages_showing(cast: Cast, idea: Idea) -> Iterator[tuple[str, Response]]:
    """Every page and output that shows the idea, its comments, reports, response and reason."""
    visitor = cast["visitor"]
    yield "ideas list", visitor.get(LIST)
    yield "ideas list region (htmx)", visitor.get(LIST, {"level": "government"}, headers=HTMX)
    yield "ideas list search", visitor.get(LIST, {"q": MARK})
    yield "idea page", visitor.get(idea.get_absolute_url())
    yield "site search", visitor.get(SEARCH, {"q": MARK})
    yield "site search region (htmx)", visitor.get(SEARCH, {"q": MARK}, headers=HTMX)
    yield "similar ideas (htmx)", cast["follower"].get(reverse("ideas:similar"), {"title": MARK})
    yield "email settings", cast["follower"].get(reverse("ideas:notifications"))
    yield "idea page, moderator", cast["moderator"].get(idea.get_absolute_url())
    yield "idea page, editor", cast["editor"].get(idea.get_absolute_url())
    yield "idea page, admin", cast["admin"].get(idea.get_absolute_url())
    yield "moderation queue", cast["moderator"].get(QUEUE)
    yield (
        "moderation queue region (htmx)",
        cast["moderator"].get(QUEUE, {"kind": "idea"}, headers=HTMX),
    )
    for case in Case.objects.all():
        yield f"case {case.pk}", cast["moderator"].get(reverse("moderation:case", args=[case.pk]))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_and_html_in_member_text_stay_inert_everywhere(cast, payload):
    text = f"{MARK} {payload}"
    checked: dict[str, str] = {}
    idea = post_everywhere(cast, text, checked)
    for where, response in pages_showing(cast, idea):
        checked[where] = content_of(response, where)

    for where, html in checked.items():
        reader = assert_inert(html, where)
        # The text reads as typed: escaped, never parsed as markup.
        assert squashed(text) in reader.text, where
        if "(htmx)" in where:
            assert not html.lstrip().startswith("<!DOCTYPE"), f"{where} is a whole page"
    # The idea's case shows its title, its text and the report's details, each as typed.
    idea_case = Case.objects.get(
        content_type=ContentType.objects.get_for_model(Idea), object_id=idea.pk
    )
    case_page = read_html(checked[f"case {idea_case.pk}"])
    assert case_page.text.count(squashed(text)) >= 3


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_feed_carries_member_text_as_text_and_safe_html(cast, payload):
    text = f"{MARK} {payload}"
    idea = post_everywhere(cast, text, {})

    response = cast["visitor"].get(FEED)

    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own feed.
    entries = list(root.iter(f"{ATOM}entry"))
    # Titles are plain text in Atom: a reader shows them as typed.
    titles = {squashed(entry.findtext(f"{ATOM}title") or "") for entry in entries}
    assert titles == {squashed(text)}
    assert len(entries) == 2  # the idea posted on the site and the one sent to the API
    for entry in entries:
        title = entry.find(f"{ATOM}title")
        assert title is not None and title.get("type", "text") == "text"
        summary = entry.find(f"{ATOM}summary")
        assert summary is not None and summary.get("type") == "html"
        assert_inert(summary.text or "", f"feed summary of {idea.pk}")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_api_returns_member_text_as_data_with_safe_html(cast, payload):
    text = f"{MARK} {payload}"
    idea = post_everywhere(cast, text, {})

    responses = {
        "list": cast["visitor"].get(API),
        "detail": cast["visitor"].get(f"{API}/{idea.pk}"),
        "comments": cast["visitor"].get(f"{API}/{idea.pk}/comments"),
    }

    for where, response in responses.items():
        assert response.status_code == 200, where
        # JSON, which browsers never render as a page.
        assert response["Content-Type"].startswith("application/json"), where
        assert response["X-Content-Type-Options"] == "nosniff", where
    detail = responses["detail"].json()
    assert detail["title"] == text.strip()
    assert detail["status_reason"] == text.strip()
    assert {item["title"] for item in responses["list"].json()["items"]} == {text.strip()}
    for html in (
        detail["body_html"],
        detail["official_response"]["html"],
        *(thread["body_html"] for thread in responses["comments"].json()["items"]),
    ):
        assert_inert(html, "API")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_followers_email_shows_member_text_as_text(cast, payload, mailoutbox):
    text = f"{MARK} {payload}"
    idea = post_everywhere(cast, text, {})
    mailoutbox.clear()

    for user in (cast.author, cast.follower):
        assert send_news(recipient_id=user.pk, idea_id=idea.pk) == 1

    assert len(mailoutbox) == 2
    for message in mailoutbox:
        # One header line, whatever the title holds, and only the one recipient.
        assert "\n" not in message.subject and "\r" not in message.subject
        assert len(message.recipients()) == 1
        assert "Bcc" not in message.message()
        [(html, mimetype)] = message.alternatives
        assert mimetype == "text/html"
        reader = assert_inert(str(html), f"email to {message.to}")
        assert squashed(text) in reader.text
        # The plain-text part is text: it holds what was typed, as typed.
        assert squashed(text) in squashed(message.body)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_rejection_shows_title_and_reason_as_text_in_the_log_and_the_email(
    cast, payload, mailoutbox, django_capture_on_commit_callbacks
):
    text = f"{MARK} {payload}"
    idea = services.idea_create(
        author=cast.author,
        campaign=current_campaign(),
        title=text.strip()[:140],
        body=text,
        level="individual",
        language="en",
    )
    case = moderation_services.case_open(content=idea, reason=CaseReason.REPORTED)
    mailoutbox.clear()

    # The author's email goes out once the decision is committed.
    with django_capture_on_commit_callbacks(execute=True):
        moderation_services.decide(
            case=case, moderator=cast.moderator, action=Action.REJECT, reason=text
        )

    log = content_of(client_for(cast.moderator).get(reverse("moderation:log")), "decision log")
    reader = assert_inert(log, "decision log")
    assert squashed(text.strip()[:140]) in reader.text
    [message] = mailoutbox
    assert "\n" not in message.subject and "\r" not in message.subject
    [(html, _mimetype)] = message.alternatives
    assert squashed(text) in assert_inert(str(html), "rejection email").text
    assert squashed(text) in squashed(message.body)


FORMULAS = [
    '=HYPERLINK("https://evil.example","Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_export_never_hands_a_spreadsheet_a_formula(client, editor, admin_user, formula):
    theme = ThemeFactory.create(name_en=formula)
    author = UserFactory.create(display_name=formula)
    idea = IdeaFactory.create(title=formula, author=author, themes=[theme])
    for user in (editor, admin_user):
        client.force_login(user)

        response = client.get(EXPORT)

        text = b"".join(response.streaming_content).decode()
        [row] = [r for r in csv.DictReader(io.StringIO(text)) if r["id"] == str(idea.pk)]
        for column in ("title", "themes", "author"):
            assert row[column] == f"'{formula}", (user, column)
        for cell in [c for r in csv.reader(io.StringIO(text)) for c in r]:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_export_holds_member_text_as_plain_cells(client, editor, payload):
    idea = IdeaFactory.create(title=f"{MARK} {payload}")
    client.force_login(editor)

    response = client.get(EXPORT)

    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    text = b"".join(response.streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["title"] == idea.title


# 2. Anonymity in every output -----------------------------------------------------------------

SECRETS = ("Sam Secret", "sam.secret", "Cai Cudd", "cai.cudd")


@dataclass
class Hidden:
    idea: Idea
    comment: Comment


@pytest.fixture
def hidden(cast) -> Hidden:
    """An idea and a comment by members who hid their names; the author replies."""
    idea = services.idea_create(
        author=cast.author,
        campaign=current_campaign(),
        title=f"{MARK} crossings outside every clinic",
        body=f"{MARK} crossings make clinics easier to reach.",
        level=Level.GOVERNMENT,
        language="en",
        show_name=False,
    )
    services.follow(idea=idea, user=cast.follower)
    comment = services.comment_create(
        idea=idea, author=cast.commenter, body=f"{MARK} crossings saved my knees.", show_name=False
    )
    # The author chose "show my name" here, but stays unnamed in their own idea's discussion.
    services.comment_create(
        idea=idea, author=cast.author, body=f"{MARK} thanks for that.", parent=comment
    )
    for content in (idea, comment):
        moderation_services.report_create(
            content=content, reporter=cast.reporter, reason=ReportReason.OTHER
        )
    return Hidden(idea=idea, comment=comment)


def _export_text(client: Client) -> str:
    response: Response = client.get(EXPORT)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def outputs_for_others(cast: Cast, hidden: Hidden) -> Iterator[tuple[str, str]]:
    idea = hidden.idea
    detail = idea.get_absolute_url()
    visitor, follower, editor = cast["visitor"], cast["follower"], cast["editor"]
    requests = {
        "list": visitor.get(LIST),
        "list region (htmx)": visitor.get(LIST, {"sort": "active"}, headers=HTMX),
        "idea page": visitor.get(detail),
        "idea page, member": follower.get(detail),
        "idea page, editor": editor.get(detail),
        "feed": visitor.get(FEED),
        "site search": visitor.get(SEARCH, {"q": MARK}),
        "similar ideas": follower.get(reverse("ideas:similar"), {"title": MARK}),
        "API list": visitor.get(API),
        "API detail": visitor.get(f"{API}/{idea.pk}"),
        "API comments": visitor.get(f"{API}/{idea.pk}/comments"),
        "API detail, member": follower.get(f"{API}/{idea.pk}"),
        "API comments, member": follower.get(f"{API}/{idea.pk}/comments"),
        "API detail, editor": editor.get(f"{API}/{idea.pk}"),
    }
    for where, response in requests.items():
        yield where, content_of(response, where)
    yield "CSV export, editor", _export_text(editor)


def test_hidden_names_are_a_member_in_every_output_for_others(cast, hidden):
    seen = []
    for where, output in outputs_for_others(cast, hidden):
        seen.append(where)
        for secret in SECRETS:
            assert secret not in output, f"{secret} in {where}"
        assert "A member" in output or where in ("site search", "similar ideas"), where
    assert len(seen) == 15


def test_the_timeline_does_not_name_a_hidden_author_to_editors(cast, hidden):
    """Editors move ideas along the workflow but, like the public, do not learn who hid."""
    services.idea_change_status(
        idea=hidden.idea, actor=cast.editor, to_status=Status.UNDER_CONSIDERATION
    )

    page = content_of(cast["editor"].get(hidden.idea.get_absolute_url()), "idea page")

    assert "Sam Secret" not in page
    assert "(by Eddie Editor)" in page


def test_moderators_see_who_wrote_on_the_idea_page_the_queue_and_the_case(cast, hidden):
    moderator = cast["moderator"]
    page = content_of(moderator.get(hidden.idea.get_absolute_url()), "idea page")
    queue = content_of(moderator.get(QUEUE), "queue")
    cases = [
        content_of(moderator.get(reverse("moderation:case", args=[case.pk])), "case")
        for case in Case.objects.order_by("pk")
    ]

    assert "Sam Secret" in page and "Cai Cudd" in page
    assert "everyone else sees “A member”" in page
    assert "Sam Secret" in queue and "Cai Cudd" in queue
    assert "Sam Secret" in cases[0] and "Cai Cudd" in cases[1]


def test_admins_export_the_real_name_and_editors_do_not(cast, hidden):
    admin_rows = list(csv.DictReader(io.StringIO(_export_text(cast["admin"]))))
    editor_rows = list(csv.DictReader(io.StringIO(_export_text(cast["editor"]))))

    assert [row["author"] for row in admin_rows] == ["Sam Secret"]
    assert [row["author"] for row in editor_rows] == ["A member"]


def test_the_author_sees_their_own_name_and_others_do_not(cast, hidden):
    own = content_of(cast["author"].get(hidden.idea.get_absolute_url()), "own idea")
    commenters = content_of(cast["commenter"].get(hidden.idea.get_absolute_url()), "their idea")

    assert "Sam Secret" in own and "Cai Cudd" not in own
    assert "Cai Cudd" in commenters and "Sam Secret" not in commenters


def test_email_about_the_discussion_names_nobody_who_hid(cast, hidden, mailoutbox):
    mailoutbox.clear()
    for user in (cast.author, cast.follower, cast.commenter):
        assert send_news(recipient_id=user.pk, idea_id=hidden.idea.pk) == 1

    own = {
        cast.author.email: {"Sam Secret", "sam.secret"},
        cast.commenter.email: {"Cai Cudd", "cai.cudd"},
        cast.follower.email: set(),
    }
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == set(own)
    for recipient, message in by_recipient.items():
        [(html, _mimetype)] = message.alternatives
        everything = " ".join([message.subject, message.body, str(html)])
        for secret in set(SECRETS) - own[recipient]:
            assert secret not in everything, f"{secret} in the email to {recipient}"
        assert "A member" in message.body
    # The commenter hears of the author's reply, still from "A member".
    assert "A member replied to your comment:" in by_recipient[cast.commenter.email].body


# 3. Strange input -----------------------------------------------------------------------------


@dataclass
class Scene:
    idea: Idea
    comment: Comment


@pytest.fixture
def scene(cast) -> Scene:
    """A published idea with a comment, for the input tests."""
    idea = IdeaFactory.create(author=cast.author, title=f"{MARK} idea")
    return Scene(idea=idea, comment=CommentFactory.create(idea=idea, author=cast.commenter))


QUERY_STRINGS = [
    "q=%FF%00",
    "q=%FF%FE%FD",
    "q=%00",
    "q=" + "x" * 5000,
    "level=nonsense&theme=nope&sort=bad&status=gone&language=xx",
    "level=%00&theme=%FF&sort=%00&campaign=%00",
    "campaign=no-such-campaign%00",
    "page=-1",
    "page=0",
    "page=99999",
    "page=abc",
    "page=%00",
    "page=1e400",
    "page=99999999999999999999999",
    "sort=random&page=2",
]


@pytest.mark.parametrize("query", QUERY_STRINGS)
def test_strange_query_strings_never_break_the_list_or_its_feed(cast, scene, query):
    for client in (cast["visitor"], cast["follower"]):
        for headers in ({}, HTMX):
            response = client.get(f"{LIST}?{query}", **headers)
            assert response.status_code in (200, 400, 404), (query, response.status_code)
        feed = client.get(f"{FEED}?{query}")
        assert feed.status_code in (200, 400, 404)
    export = cast["editor"].get(f"{EXPORT}?{query}")
    assert export.status_code in (200, 400, 404)
    if export.status_code == 200:
        b"".join(export.streaming_content)


def test_unknown_filters_are_reported_and_the_page_still_lists_ideas(cast, scene):
    response = cast["visitor"].get(
        LIST, {"level": "nonsense", "theme": "nope", "sort": "bad", "q": "\x00"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    for message in (
        "Choose levels from the list.",
        "Choose themes from the list.",
    ):
        assert message in page
    assert f"{MARK} idea" in page


@pytest.mark.parametrize(
    "path",
    [
        "/ideas/99999999999999999999999/",
        "/ideas/99999999999999999999999/edit/",
        "/ideas/comments/99999999999999999999999/edit/",
        "/moderation/cases/99999999999999999999999/",
        "/moderation/report/idea/99999999999999999999999/",
        "/ideas/unsubscribe/%FF%00/",
    ],
)
def test_absurd_numbers_in_addresses_are_not_found(cast, path):
    assert cast["moderator"].get(path).status_code == 404
    # Members are kept out of moderators' pages before anything is looked up.
    assert cast["follower"].get(path).status_code in (403, 404)


@pytest.mark.parametrize(
    "query",
    [
        "merged_from=99999999999999999999999",
        "merged_from=%00",
        "exclude=99999999999999999999999&title=Pelican",
        "exclude=%00&title=%FF%00",
    ],
)
def test_absurd_numbers_in_queries_get_a_normal_page(cast, scene, query):
    assert cast["visitor"].get(f"{scene.idea.get_absolute_url()}?{query}").status_code == 200
    assert cast["follower"].get(f"{reverse('ideas:similar')}?{query}").status_code == 200


@pytest.mark.parametrize(
    "query",
    ["kind=%00&reason=%FF&state=nope&page=-1", "page=99999999999999999999", "action=%00&page=x"],
)
def test_strange_moderation_filters_get_a_normal_page(cast, scene, query):
    for name in ("queue", "log"):
        url = reverse(f"moderation:{name}")
        assert cast["moderator"].get(f"{url}?{query}").status_code == 200
        assert cast["moderator"].get(f"{url}?{query}", headers=HTMX).status_code == 200


@pytest.mark.parametrize("query", ["q=%FF%00", "q=%00", "q=" + "%FF" * 300])
def test_strange_site_searches_get_a_normal_page(cast, scene, query):
    assert cast["visitor"].get(f"{SEARCH}?{query}").status_code == 200


# Forms: each gets a clear message, keeps what was typed and saves nothing.

KEPT = "What I typed and want to keep"


def test_a_null_character_in_a_new_idea_is_explained_and_the_rest_kept(cast):
    response = cast["author"].post(
        NEW, {"title": "Bad\x00title", "body": KEPT, "level": "government", "language": "en"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Null characters are not allowed." in page
    assert KEPT in page
    assert not Idea.objects.exists()


def test_bytes_that_are_not_utf8_in_a_form_are_read_as_replacement_characters(cast):
    body = b"title=Caf%E9%FF+for+carers&body=Open+%FE%FFlate&level=government&language=en&post=1"

    response = cast["author"].post(NEW, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.title == "Caf\ufffd\ufffd for carers"
    assert "\ufffd" in cast["visitor"].get(idea.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "character",
    ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_control_characters_in_text_never_break_the_feed(cast, character):
    """XML cannot hold most control characters: a title with one must not break the feed."""
    text = f"{MARK}{character}crossing{character}"
    cast["author"].post(
        NEW, {"title": text, "body": text, "level": "government", "language": "en", "post": "1"}
    )
    created = api(
        cast["api_member"], "post", API, {"title": text, "body": text, "level": "individual"}
    )
    assert created.status_code in (201, 422)

    feed = cast["visitor"].get(FEED)

    assert feed.status_code == 200
    ET.fromstring(feed.content)  # noqa: S314 - the site's own feed, which must parse.
    for idea in Idea.objects.all():
        assert cast["visitor"].get(idea.get_absolute_url()).status_code == 200


@dataclass(frozen=True)
class FormCase:
    name: str
    who: str
    url: str  # formatted with the idea's and comment's ids
    data: dict[str, str]
    message: str
    kept: str


FORM_CASES = [
    FormCase(
        "idea edit, unknown level and theme",
        "author",
        "/ideas/{idea}/edit/",
        {"title": "x", "body": KEPT, "level": "galaxy", "language": "en", "themes": "nope"},
        "Choose one of the four levels.",
        KEPT,
    ),
    FormCase(
        "idea edit, over-long title",
        "author",
        "/ideas/{idea}/edit/",
        {"title": "t" * 141, "body": KEPT, "level": "government", "language": "en"},
        "Enter a title of 140 characters or fewer.",
        "t" * 141,
    ),
    FormCase(
        "comment with a null character",
        "follower",
        "/ideas/{idea}/comments/",
        {"body": f"{KEPT}\x00"},
        "Null characters are not allowed.",
        KEPT,
    ),
    FormCase(
        "over-long comment",
        "follower",
        "/ideas/{idea}/comments/",
        {"body": KEPT + "c" * COMMENT_MAX_LENGTH},
        "Enter a comment of 2000 characters or fewer.",
        KEPT + "c" * COMMENT_MAX_LENGTH,
    ),
    FormCase(
        "reply to an absurd comment number",
        "follower",
        "/ideas/{idea}/comments/",
        {"body": KEPT, "parent": "99999999999999999999999"},
        "The comment you replied to is no longer there.",
        KEPT,
    ),
    FormCase(
        "comment edit with a null character",
        "commenter",
        "/ideas/comments/{comment}/edit/",
        {"body": f"{KEPT}\x00"},
        "Null characters are not allowed.",
        KEPT,
    ),
    FormCase(
        "over-long report details",
        "follower",
        "/moderation/report/idea/{idea}/",
        {"reason": "spam", "details": KEPT + "d" * DETAILS_MAX_LENGTH},
        "Enter no more than 1000 characters.",
        KEPT,
    ),
    FormCase(
        "report with an unknown reason",
        "follower",
        "/moderation/report/idea/{idea}/",
        {"reason": "boredom", "details": KEPT},
        "Choose why you are reporting this.",
        KEPT,
    ),
    FormCase(
        "over-long official response",
        "editor",
        "/ideas/{idea}/response/",
        {"response-text": KEPT + "r" * BODY_MAX_LENGTH},
        "Enter a response of 5000 characters or fewer.",
        KEPT,
    ),
    FormCase(
        "official response with a null character",
        "editor",
        "/ideas/{idea}/response/",
        {"response-text": f"{KEPT}\x00"},
        "Null characters are not allowed.",
        KEPT,
    ),
    FormCase(
        "unknown status",
        "editor",
        "/ideas/{idea}/status/",
        {"status-status": "teleported", "status-reason": KEPT},
        "Choose one of the statuses offered.",
        KEPT,
    ),
    FormCase(
        "over-long reason",
        "editor",
        "/ideas/{idea}/status/",
        {"status-status": "under_consideration", "status-reason": "s" * (REASON_MAX_LENGTH + 1)},
        "Enter a reason of 1000 characters or fewer.",
        "s" * (REASON_MAX_LENGTH + 1),
    ),
    FormCase(
        "merge into an absurd number",
        "moderator",
        "/ideas/{idea}/merge/",
        {"merge-target": "99999999999999999999999", "merge-reason": KEPT},
        "There is no idea with that number.",
        KEPT,
    ),
    FormCase(
        "merge into a number with a null character",
        "moderator",
        "/ideas/{idea}/merge/",
        {"merge-target": "12\x00", "merge-reason": KEPT},
        "Enter the idea's number, like 123.",
        KEPT,
    ),
    FormCase(
        "decision with an unknown action",
        "moderator",
        "/moderation/cases/{case}/",
        {"action": "obliterate", "reason": KEPT},
        "Choose what to do.",
        KEPT,
    ),
    FormCase(
        "decision with a null character",
        "moderator",
        "/moderation/cases/{case}/",
        {"action": "hide", "reason": f"{KEPT}\x00"},
        "Null characters are not allowed.",
        KEPT,
    ),
    FormCase(
        "withdrawal with an over-long reason",
        "author",
        "/ideas/{idea}/withdraw/",
        {"reason": KEPT + "w" * REASON_MAX_LENGTH},
        "Enter a reason of 1000 characters or fewer.",
        KEPT,
    ),
]


@pytest.mark.parametrize("case", FORM_CASES, ids=lambda case: case.name)
def test_bad_input_in_a_form_is_explained_and_what_was_typed_is_kept(cast, case):
    idea = services.idea_create(
        author=cast.author,
        campaign=current_campaign(),
        title=f"{MARK} idea",
        body="Body.",
        level=Level.GOVERNMENT,
        language="en",
    )
    needs_comment = case.who in ("commenter", "moderator")
    comment = None
    if needs_comment:
        comment = services.comment_create(idea=idea, author=cast.commenter, body="A comment.")
    report = moderation_services.report_create(
        content=idea, reporter=cast.reporter, reason=ReportReason.SPAM
    )
    before = {
        "ideas": list(Idea.objects.values_list("pk", "title", "body", "status", "level")),
        "comments": list(Comment.objects.values_list("pk", "body")),
        "reports": Report.objects.count(),
        "response": idea.official_response,
    }
    url = case.url.format(idea=idea.pk, comment=comment.pk if comment else 0, case=report.case_id)

    response = cast[case.who].post(url, case.data)

    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    text = read_html(html).text
    assert "There is a problem" in text
    assert case.message in text
    # In the box it was typed in: a textarea's text or an input's value.
    assert case.kept in text or f'value="{case.kept}"' in html
    idea.refresh_from_db()
    assert before == {
        "ideas": list(Idea.objects.values_list("pk", "title", "body", "status", "level")),
        "comments": list(Comment.objects.values_list("pk", "body")),
        "reports": Report.objects.count(),
        "response": idea.official_response,
    }


def test_a_reply_to_a_comment_hidden_meanwhile_keeps_its_text(cast, scene):
    """A moderator hid the comment while the member was typing a reply to it."""
    CommentFactory.create(idea=scene.idea, author=cast.reporter, body="Another thread.")
    Comment.objects.filter(pk=scene.comment.pk).update(state="hidden")

    response = cast["follower"].post(
        reverse("ideas:comment", args=[scene.idea.pk]),
        {"body": KEPT, "parent": scene.comment.pk, "show_name": "on"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "The comment you replied to is no longer there." in page
    # The text waits in the comment box, where the error summary leads.
    assert re.search(rf'<textarea[^>]*id="reply-{scene.comment.pk}-body"[^>]*>\s*{KEPT}', page)
    assert f'href="#reply-{scene.comment.pk}-body"' in page
    assert Comment.objects.filter(author=cast.follower).count() == 0


def test_a_support_on_a_hidden_idea_is_refused_with_a_message(cast, scene):
    Idea.objects.filter(pk=scene.idea.pk).update(status=Status.HIDDEN)

    # Those who may see it are told why; others find nothing there.
    response = cast["moderator"].post(
        reverse("ideas:support", args=[scene.idea.pk]), {"support": "add"}, headers=HTMX
    )
    stranger = cast["follower"].post(reverse("ideas:support", args=[scene.idea.pk]))

    assert response.status_code == 200
    assert "You cannot support this idea." in response.content.decode()
    assert stranger.status_code == 404
    assert not Support.objects.exists()


def test_an_empty_comment_through_the_api_is_a_422_naming_the_field(cast, scene):
    response = api(cast["follower"], "post", f"{API}/{scene.idea.pk}/comments", {"body": " \n "})

    assert response.status_code == 422
    assert response.json()["errors"] == {"body": ["This field is required."]}
    assert mail.outbox == []
