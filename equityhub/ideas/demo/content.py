"""The shapes of the demo ideas, and the themes and members they need.

The ideas themselves are in ideas_2021.py and ideas_2020.py. Members are named by a short key;
the four demo accounts (equityhub/accounts/demo.py) are "member", "moderator", "editor" and
"admin".
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from equityhub.accounts.models import Language, Profession, Region


def on(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2021: the campaign week was the 1st to the 7th."""
    return datetime(2021, 11, day, hour, minute, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class DemoTheme:
    slug: str
    en: str
    cy: str


# The areas the campaign and the Roots of recovery report keep returning to.
THEMES: tuple[DemoTheme, ...] = (
    DemoTheme("primary-care", "Primary care", "Gofal sylfaenol"),
    DemoTheme("education", "Education", "Addysg"),
    DemoTheme("housing", "Housing", "Tai"),
    DemoTheme("employment", "Employment", "Cyflogaeth"),
    DemoTheme("justice-system", "The justice system", "Y system gyfiawnder"),
    DemoTheme("mental-health", "Mental health", "Iechyd meddwl"),
    DemoTheme("children-young-people", "Children and young people", "Plant a phobl ifanc"),
    DemoTheme("older-people", "Older people", "Pobl hŷn"),
    DemoTheme("digital-inclusion", "Digital inclusion", "Cynhwysiant digidol"),
    DemoTheme("workforce", "Workforce", "Gweithlu"),
)


@dataclass(frozen=True, slots=True)
class DemoMember:
    """A member who takes part in the demo discussion. They cannot sign in (no password)."""

    key: str
    email: str
    display_name: str
    region: str
    profession: str = Profession.OCCUPATIONAL_THERAPIST
    preferred_language: str = Language.ENGLISH


DEMO_MEMBERS: tuple[DemoMember, ...] = (
    DemoMember(
        "sian",
        "sian.pritchard@equityhub.example",
        "Siân Pritchard",
        Region.WALES,
        preferred_language=Language.WELSH,
    ),
    DemoMember(
        "dafydd",
        "dafydd.owen@equityhub.example",
        "Dafydd Owen",
        Region.WALES,
        preferred_language=Language.WELSH,
    ),
    DemoMember("priya", "priya.natarajan@equityhub.example", "Priya Natarajan", Region.LONDON),
    DemoMember("callum", "callum.reid@equityhub.example", "Callum Reid", Region.SCOTTISH_WESTERN),
    DemoMember("aoife", "aoife.byrne@equityhub.example", "Aoife Byrne", Region.NORTHERN_IRELAND),
    DemoMember(
        "grace",
        "grace.adeyemi@equityhub.example",
        "Grace Adeyemi",
        Region.WEST_MIDLANDS,
        profession=Profession.STUDENT,
    ),
    DemoMember(
        "tom",
        "tom.hughes@equityhub.example",
        "Tom Hughes",
        Region.NORTH_WEST,
        profession=Profession.SUPPORT_WORKER,
    ),
    DemoMember("hannah", "hannah.lewis@equityhub.example", "Hannah Lewis", Region.SOUTH_WEST),
)


@dataclass(frozen=True, slots=True)
class DemoReply:
    author: str
    body: str
    at: datetime
    show_name: bool = True


@dataclass(frozen=True, slots=True)
class DemoComment:
    author: str
    body: str
    at: datetime
    show_name: bool = True
    replies: tuple[DemoReply, ...] = ()
    # Highlighted by the editors as the official answer on the idea.
    official: bool = False


@dataclass(frozen=True, slots=True)
class DemoStatus:
    """An editor's move along the workflow (by the demo editor account)."""

    status: str
    at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DemoResponse:
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DemoIdea:
    author: str
    title: str
    body: str
    level: str
    themes: tuple[str, ...]
    posted: datetime
    language: str = "en"
    show_name: bool = True
    supporters: tuple[str, ...] = ()
    followers: tuple[str, ...] = ()
    comments: tuple[DemoComment, ...] = field(default=())
    statuses: tuple[DemoStatus, ...] = ()
    response: DemoResponse | None = None
