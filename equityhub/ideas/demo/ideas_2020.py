"""Members' ideas from Occupational Therapy Week 2020, for the demo: the edition the gap map
compares 2021 with.

Ten ideas, in the first year of the pandemic, about the future of the profession: who joins
it, how it works at a distance, and how it looks after its own. Two are written in Welsh and
one was posted without the author's name. Some themes (the justice system, employment) have
no idea at all, so the comparison shows them filling in the year after. The members and their
words are invented for the demo.
"""

from datetime import UTC, datetime

from equityhub.campaigns.demo.content import md
from equityhub.ideas.demo.content import DemoComment, DemoIdea, DemoReply
from equityhub.ideas.models import Language, Level

CAMPAIGN_SLUG = "ot-week-2020"


def on(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2020: the campaign week was the 2nd to the 8th."""
    return datetime(2020, 11, day, hour, minute, tzinfo=UTC)


IDEAS: tuple[DemoIdea, ...] = (
    DemoIdea(
        author="priya",
        title="Tell pupils at my old school what occupational therapists do",
        body=md(
            """
            Few of the pupils at the school I went to have heard of occupational therapy.
            I will offer a video call with a sixth-form class this term, so that young people
            from every background can picture themselves in the profession.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("workforce", "education"),
        posted=on(2, 10, 30),
        supporters=("grace", "callum", "hannah"),
        comments=(
            DemoComment(
                "grace",
                "A talk like this is why I applied. Take a student along if you can: pupils "
                "ask us different questions.",
                at=on(2, 14),
            ),
        ),
    ),
    DemoIdea(
        author="tom",
        title="Help people get ready for video appointments before the first one",
        body=md(
            """
            Since the first lockdown, many of our appointments are video calls, and people
            who have never used one are the least likely to cope. I will phone ahead and
            walk each person through joining, so the appointment is about them, not the
            technology.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("digital-inclusion", "older-people"),
        posted=on(3, 9, 15),
        supporters=("member", "aoife", "priya", "sian"),
        comments=(
            DemoComment(
                "aoife",
                "A printed sheet with large pictures of each step helped our older patients.",
                at=on(3, 12),
                replies=(
                    DemoReply(
                        "tom",
                        "Thank you, I will make one and share it with the team.",
                        at=on(3, 16, 40),
                    ),
                ),
            ),
        ),
    ),
    DemoIdea(
        author="sian",
        title="Neilltuo hanner awr bob wythnos i'r tîm siarad am ein lles",
        body=md(
            """
            Mae eleni wedi bod yn galed i bawb yn ein tîm. Byddaf yn neilltuo hanner awr bob
            wythnos i ni siarad am sut rydyn ni'n ymdopi, heb agenda a heb nodiadau. Mae
            gofalu am ein gilydd yn rhan o ofalu am ein cleifion.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("mental-health", "workforce"),
        posted=on(4, 8, 50),
        language=Language.WELSH,
        supporters=("dafydd", "hannah"),
        comments=(
            DemoComment(
                "dafydd",
                "Rydyn ni wedi dechrau gwneud hyn hefyd. Mae'n help mawr.",
                at=on(4, 13, 20),
            ),
        ),
    ),
    DemoIdea(
        author="grace",
        title="More ways into the profession: apprenticeships and part-time degrees",
        body=md(
            """
            A full-time degree rules out many people who would make fine occupational
            therapists: carers, support workers, people who cannot give up a wage. The
            profession should grow **degree apprenticeships** and part-time routes, so that
            who we are looks more like who we serve.
            """
        ),
        level=Level.PROFESSION,
        themes=("workforce", "education"),
        posted=on(2, 16),
        supporters=("tom", "priya", "member", "callum", "aoife"),
        followers=("tom",),
        comments=(
            DemoComment(
                "tom",
                "As a support worker, a part-time route is the only way I could qualify.",
                at=on(3, 10, 10),
            ),
        ),
    ),
    DemoIdea(
        author="callum",
        title="Agree what good occupational therapy at a distance looks like",
        body=md(
            """
            We moved to video and phone in a matter of days, each team in its own way. The
            profession should gather what worked and what did not, and agree what good
            remote practice looks like, including when to insist on seeing someone at home.
            """
        ),
        level=Level.PROFESSION,
        themes=("digital-inclusion",),
        posted=on(5, 11),
        supporters=("hannah", "aoife"),
    ),
    DemoIdea(
        author="aoife",
        title="Share what we learn about rehabilitation after COVID-19",
        body=md(
            """
            People are coming to us months after COVID-19 with fatigue and breathlessness that
            stop them working and caring. We should share, across services, what helps them
            get back to daily life, before each team has to learn it alone.
            """
        ),
        level=Level.PROFESSION,
        themes=("primary-care",),
        posted=on(6, 14, 25),
        show_name=False,
        supporters=("member", "callum", "sian"),
    ),
    DemoIdea(
        author="hannah",
        title="Publish the profession's diversity figures every year",
        body=md(
            """
            We cannot tell whether the profession is becoming more diverse if nobody counts.
            The College could publish, each year, who applies to study, who qualifies and
            who becomes a member, so that progress (or the lack of it) is there for all to see.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("workforce",),
        posted=on(3, 15, 30),
        supporters=("grace", "priya", "member"),
    ),
    DemoIdea(
        author="dafydd",
        title="Cyrsiau ar-lein i aelodau, yn Gymraeg ac yn Saesneg",
        body=md(
            """
            Mae llawer ohonom yn methu teithio i gyrsiau eleni. Dylai'r Coleg gynnig mwy o
            hyfforddiant ar-lein, am ddim i aelodau, a sicrhau bod rhai cyrsiau ar gael yn
            Gymraeg i therapyddion sy'n gweithio yng Nghymru.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("digital-inclusion", "workforce"),
        posted=on(5, 9, 40),
        language=Language.WELSH,
        supporters=("sian", "moderator"),
        comments=(
            DemoComment(
                "sian",
                "Cytuno'n llwyr. Byddai recordiadau i'w gwylio wedyn yn help hefyd.",
                at=on(5, 12, 30),
            ),
        ),
    ),
    DemoIdea(
        author="member",
        title="Fund home adaptations quickly so people can leave hospital safely",
        body=md(
            """
            During the pandemic, people have waited in hospital for weeks because a rail, a
            ramp or a stairlift was not fitted at home. Governments should fund adaptations
            that can be agreed and fitted within days, with occupational therapists deciding
            what is needed.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("housing", "older-people"),
        posted=on(4, 11, 5),
        supporters=("tom", "hannah", "callum", "aoife", "dafydd"),
        comments=(
            DemoComment(
                "hannah",
                "In our area the wait for a stairlift was four months this summer.",
                at=on(4, 17, 30),
            ),
        ),
    ),
    DemoIdea(
        author="callum",
        title="Occupational therapists in mental health support teams in schools",
        body=md(
            """
            Children's anxiety has grown during the school closures. Governments are setting
            up mental health support teams in schools: occupational therapists should be
            part of them, to help children get back to learning, playing and sleeping well.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("children-young-people", "mental-health"),
        posted=on(7, 10),
        supporters=("priya", "grace"),
    ),
)
