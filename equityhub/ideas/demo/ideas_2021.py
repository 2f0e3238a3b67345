"""Members' ideas for #OTsForEquity (Occupational Therapy Week 2021), for the demo.

Six ideas at each of the four levels, across the ten themes; five written in Welsh, four
posted without the author's name. The examples they build on (occupational therapists in GP
practices in Wales, with housing planners in Tower Hamlets, in mainstream schools and in the
justice system) are the ones the campaign itself gave; the members and their words are
invented for the demo.
"""

from equityhub.campaigns.demo.content import md
from equityhub.ideas.demo.content import (
    DemoComment,
    DemoIdea,
    DemoReply,
    DemoResponse,
    DemoStatus,
    on,
)
from equityhub.ideas.models import Language, Level, Status

CAMPAIGN_SLUG = "ot-week-2021"

# Editors' decisions came after the week: under consideration in mid-November, the rest at
# the end of the month.
REVIEWED = on(15, 10)
DECIDED = on(29, 14)

INDIVIDUAL: tuple[DemoIdea, ...] = (
    DemoIdea(
        author="member",
        title="Ask everyone I see about money, housing and work",
        body=md(
            """
            Health inequalities show up long before a referral reaches us. I will add three
            short questions to my first assessment: *is money tight*, *is your home safe and
            warm*, and *is your job at risk*? Then I know where to point people before a
            worry becomes a crisis.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("primary-care", "housing", "employment"),
        posted=on(1, 11, 20),
        supporters=("priya", "callum", "tom", "sian", "hannah"),
        comments=(
            DemoComment(
                "priya",
                "Our community team did this last year. The hard part was knowing where to "
                "send people, so we wrote a one-page list of local advice services.",
                at=on(1, 14),
                replies=(
                    DemoReply(
                        "member",
                        "A one-page list is exactly what I need. Could you share how you kept "
                        "it up to date?",
                        at=on(1, 16, 5),
                    ),
                    DemoReply(
                        "priya",
                        "One person owns it and checks it every quarter. It is not glamorous, "
                        "but it works.",
                        at=on(2, 9, 30),
                    ),
                ),
            ),
            DemoComment(
                "tom",
                "Worth asking about digital access too: many benefit claims are online only.",
                at=on(2, 12),
            ),
        ),
    ),
    DemoIdea(
        author="grace",
        title="Work through the #OTsForEquity toolkit with my placement team",
        body=md(
            """
            I will book an hour with my placement team to go through the reflective toolkit
            together, and ask each of us to pick **one** change to try for a month. Reflecting
            as a group makes it easier to notice the assumptions we bring to our work.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("workforce", "education"),
        posted=on(2, 10),
        supporters=("member", "aoife", "hannah"),
        comments=(
            DemoComment(
                "hannah",
                "We did this in our team meeting. Writing the changes down and coming back to "
                "them a month later was the useful part.",
                at=on(3, 8, 45),
            ),
        ),
    ),
    DemoIdea(
        author="sian",
        title="Dangos animeiddiad #OTsForEquity i'm rheolwr a'm tîm",
        body=md(
            """
            Byddaf yn dangos yr animeiddiad i'm rheolwr ac i'n tîm amlddisgyblaethol, ac yn
            gofyn sut y gall therapyddion galwedigaethol gyfrannu at y gwaith ar
            anghydraddoldebau iechyd yn ein hardal. Mae'n haws dechrau'r sgwrs gyda rhywbeth i'w
            wylio gyda'n gilydd.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("workforce", "primary-care"),
        posted=on(1, 15, 40),
        language=Language.WELSH,
        supporters=("dafydd", "moderator", "priya"),
        comments=(
            DemoComment(
                "dafydd",
                "Syniad da. Fe wnes i'r un peth yn ein cyfarfod clwstwr, ac fe arweiniodd at "
                "wahoddiad i siarad â'r meddygon teulu.",
                at=on(2, 11),
            ),
        ),
    ),
    DemoIdea(
        author="tom",
        title="Record the social causes behind each referral, so our data shows inequity",
        body=md(
            """
            If our notes only record diagnoses, our service data will never show how poverty,
            housing or language shape who reaches us and who does not. I will record the
            social factors I find in the same way every time, so that we can show managers
            where the gaps are.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("workforce", "digital-inclusion"),
        posted=on(3, 13, 10),
        show_name=False,
        supporters=("member", "priya", "aoife", "callum"),
        comments=(
            DemoComment(
                "aoife",
                "Agree, as long as people are told why we ask and can say no.",
                at=on(3, 17),
            ),
        ),
    ),
    DemoIdea(
        author="aoife",
        title="Make my handouts readable for everyone, and available in other languages",
        body=md(
            """
            Advice that people cannot read does not reduce inequality. I will check my
            handouts for plain language and large print, and ask our trust's interpreting
            service which languages our patients need most.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("digital-inclusion", "older-people"),
        posted=on(4, 9, 15),
        supporters=("sian", "hannah"),
    ),
    DemoIdea(
        author="callum",
        title="See people where they already are: libraries, food banks and community centres",
        body=md(
            """
            People who most need us are often the least likely to come to a clinic. I will ask
            to run a monthly drop-in session at our local library and food bank, and record
            who comes, so that we learn whether it reaches anyone new.
            """
        ),
        level=Level.INDIVIDUAL,
        themes=("primary-care", "housing"),
        posted=on(5, 10, 30),
        supporters=("member", "tom", "grace", "priya"),
        comments=(
            DemoComment(
                "member",
                "Food banks in our area welcomed this. Ask them first what would help.",
                at=on(5, 15),
            ),
        ),
    ),
)

PROFESSION: tuple[DemoIdea, ...] = (
    DemoIdea(
        author="priya",
        title="An occupational therapist for every group of mainstream schools",
        body=md(
            """
            Across the UK, occupational therapists already help vulnerable children in
            mainstream schools get the education they need. The profession should gather the
            evidence from that work and make the case for a named occupational therapist for
            every group of schools, working with teachers rather than only seeing referred
            children.
            """
        ),
        level=Level.PROFESSION,
        themes=("education", "children-young-people"),
        posted=on(1, 9, 45),
        supporters=("member", "callum", "grace", "tom", "aoife", "sian", "dafydd", "hannah"),
        followers=("member",),
        comments=(
            DemoComment(
                "grace",
                "My placement was in a school like this. Teachers changed classroom routines "
                "after a single training session.",
                at=on(1, 13),
            ),
            DemoComment(
                "callum",
                "Schools in deprived areas should come first.",
                at=on(2, 10, 20),
                replies=(
                    DemoReply(
                        "priya",
                        "Agreed: the gap in school readiness is widest there.",
                        at=on(2, 14),
                    ),
                ),
            ),
        ),
        statuses=(DemoStatus(Status.UNDER_CONSIDERATION, REVIEWED),),
    ),
    DemoIdea(
        author="dafydd",
        title="Rhannu'r hyn sy'n gweithio mewn meddygfeydd teulu yng Nghymru",
        body=md(
            """
            Yng Nghymru mae therapyddion galwedigaethol yn gweithio mewn meddygfeydd teulu, gan
            gynnal sesiynau galw heibio sy'n helpu pobl i aros mewn gwaith. Dylai'r proffesiwn
            gasglu'r enghreifftiau hyn, gyda'u canlyniadau, a'u rhannu fel y gall clystyrau
            eraill ddysgu ohonynt.
            """
        ),
        level=Level.PROFESSION,
        themes=("primary-care", "employment"),
        posted=on(2, 8, 50),
        language=Language.WELSH,
        supporters=("sian", "moderator", "member", "hannah"),
        comments=(
            DemoComment(
                "sian",
                "Cytuno'n llwyr. Byddai astudiaethau achos byr yn ddigon i ddechrau.",
                at=on(2, 12, 30),
            ),
            DemoComment(
                "hannah",
                "Would love to read these in English too: we are trying to start the same "
                "thing in the South West.",
                at=on(3, 9),
            ),
        ),
    ),
    DemoIdea(
        author="callum",
        title="Occupational therapy in prisons and probation, before and after release",
        body=md(
            """
            People in contact with the justice system have some of the poorest health of any
            group. Occupational therapists can help them build routines, skills for work and
            for living independently, which matter most in the weeks after release. We should
            share what works and train more of us for these settings.
            """
        ),
        level=Level.PROFESSION,
        themes=("justice-system", "mental-health"),
        posted=on(3, 10, 5),
        supporters=("aoife", "hannah", "tom"),
        comments=(
            DemoComment(
                "hannah",
                "The link between prison and community mental health teams is where people "
                "fall through. That handover is where we could help most.",
                at=on(3, 16, 40),
            ),
        ),
    ),
    DemoIdea(
        author="grace",
        title="Mentoring for students from backgrounds the profession rarely reaches",
        body=md(
            """
            A profession that looks like the communities it serves is better placed to tackle
            inequity. Experienced occupational therapists could mentor students from
            under-represented and lower-income backgrounds through their degree and first
            job.
            """
        ),
        level=Level.PROFESSION,
        themes=("workforce", "education"),
        posted=on(4, 11),
        supporters=("priya", "member", "hannah", "aoife"),
        comments=(
            DemoComment(
                "priya",
                "I would sign up as a mentor.",
                at=on(4, 13),
            ),
            DemoComment(
                "tom",
                "Please include support workers who want to train as occupational therapists.",
                at=on(4, 18, 10),
                show_name=False,
            ),
        ),
    ),
    DemoIdea(
        author="aoife",
        title="Agree one way to measure the social side of health in our outcomes",
        body=md(
            """
            Each service measures outcomes differently, so we cannot show the difference
            occupational therapy makes to work, housing or social contact. The profession
            should agree a small shared set of measures for the social side of health.
            """
        ),
        level=Level.PROFESSION,
        themes=("workforce",),
        posted=on(5, 9, 20),
        show_name=False,
        supporters=("callum", "tom"),
    ),
    DemoIdea(
        author="tom",
        title="Help older people get online, so that digital services do not leave them out",
        body=md(
            """
            More and more appointments, prescriptions and benefits are online. Occupational
            therapists already assess how people manage everyday tasks: using a phone or a
            tablet is one of them now, and we should treat it that way.
            """
        ),
        level=Level.PROFESSION,
        themes=("older-people", "digital-inclusion"),
        posted=on(6, 14, 25),
        supporters=("aoife", "sian", "member"),
        comments=(
            DemoComment(
                "sian",
                "Mae angen hyn yn Gymraeg hefyd: mae llawer o apiau ar gael yn Saesneg yn unig.",
                at=on(6, 19),
            ),
        ),
    ),
)

PROFESSIONAL_BODY: tuple[DemoIdea, ...] = (
    DemoIdea(
        author="moderator",
        title="A short, plain summary of Roots of recovery for managers and commissioners",
        body=md(
            """
            *Roots of recovery* makes a strong case, but the managers and commissioners who
            decide where occupational therapists work rarely have time to read a full report.
            The College could publish a two-page summary, with the examples from primary care,
            education and the justice system, that members can hand to them.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("workforce", "primary-care"),
        posted=on(1, 12, 15),
        supporters=("member", "priya", "dafydd", "sian", "callum", "grace"),
        followers=("member",),
        comments=(
            DemoComment(
                "dafydd",
                "Yn Gymraeg hefyd, os gwelwch yn dda.",
                at=on(1, 17),
            ),
        ),
        statuses=(
            DemoStatus(Status.UNDER_CONSIDERATION, REVIEWED),
            DemoStatus(Status.ACCEPTED, DECIDED),
        ),
        response=DemoResponse(
            md(
                """
                Thank you for this idea and for the support it received. We will publish a
                two-page summary of *Roots of recovery* for managers and commissioners, in
                English and in Welsh, and it is now part of the action plan that we are
                writing with members.
                """
            ),
            at=on(29, 14, 30),
        ),
    ),
    DemoIdea(
        author="sian",
        title="Adnoddau DPP ar degwch iechyd yn Gymraeg o'r diwrnod cyntaf",
        body=md(
            """
            Mae pecyn cymorth #OTsForEquity a'r graffeg ar gael yn Gymraeg, ac mae hynny i'w
            groesawu. Hoffwn i bob adnodd DPP newydd ar degwch iechyd gael ei gyhoeddi yn
            Gymraeg ar yr un diwrnod â'r Saesneg, fel y gall aelodau fyfyrio yn eu dewis iaith.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("workforce", "education"),
        posted=on(2, 15),
        language=Language.WELSH,
        supporters=("dafydd", "moderator"),
    ),
    DemoIdea(
        author="priya",
        title="A health equity network where members share what works",
        body=md(
            """
            Members are already doing this work in isolation. The College could host a network,
            online and in each region, where we share projects, evidence and the things that
            did not work, so nobody starts from scratch.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("workforce",),
        posted=on(3, 9, 30),
        supporters=("member", "grace", "hannah", "aoife", "callum"),
        comments=(
            DemoComment(
                "editor",
                "Thank you. Ideas like this feed the action plan we are writing with members. "
                "Tell us below which topics a network should start with.",
                at=on(8, 10),
                official=True,
                replies=(
                    DemoReply("hannah", "Housing and mental health, please.", at=on(8, 13)),
                    DemoReply(
                        "grace",
                        "Something for students and new graduates.",
                        at=on(8, 16, 20),
                    ),
                ),
            ),
        ),
    ),
    DemoIdea(
        author="aoife",
        title="Collect members' evidence on waiting times for home adaptations",
        body=md(
            """
            Members see people wait months for rails, ramps and level-access showers, and the
            wait costs them falls and hospital stays. The College could collect this evidence
            across the four nations to support calls for faster adaptations.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("housing", "older-people"),
        posted=on(4, 14),
        supporters=("tom", "moderator"),
        statuses=(
            DemoStatus(Status.UNDER_CONSIDERATION, REVIEWED),
            DemoStatus(
                Status.NOT_TAKEN_FORWARD,
                DECIDED,
                reason=(
                    "The College's housing specialist section already gathers members' "
                    "evidence on adaptations. Rather than start a second collection, we will "
                    "point members to its work and invite them to contribute there."
                ),
            ),
        ),
    ),
    DemoIdea(
        author="tom",
        title="Help support workers and students on low incomes to attend the Annual Conference",
        body=md(
            """
            The people closest to the communities we serve are often the ones who cannot
            afford to attend. Bursaries or a free online ticket for support workers and
            students on low incomes would make the conference fairer.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("workforce", "education"),
        posted=on(5, 16, 45),
        show_name=False,
        supporters=("grace", "priya"),
    ),
    DemoIdea(
        author="hannah",
        title="Guidance for occupational therapists working with people who are homeless",
        body=md(
            """
            Homelessness and poor mental health feed each other. The College could publish
            practice guidance for occupational therapists in homelessness and crisis services,
            written with people who have experienced both.
            """
        ),
        level=Level.PROFESSIONAL_BODY,
        themes=("mental-health", "housing"),
        posted=on(6, 10, 10),
        supporters=("callum", "priya", "member"),
        comments=(
            DemoComment(
                "callum",
                "Include temporary accommodation: families can live there for years.",
                at=on(6, 15),
            ),
        ),
    ),
)

GOVERNMENT: tuple[DemoIdea, ...] = (
    DemoIdea(
        author="hannah",
        title="Fund occupational therapists in every GP practice network",
        body=md(
            """
            In Wales, occupational therapists working in GP practices run drop-in sessions that
            help people stay in work. Every UK government should fund occupational therapists
            in primary care networks, so people get help before they lose their job or their
            independence.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("primary-care", "employment"),
        posted=on(1, 10, 30),
        supporters=("member", "dafydd", "sian", "priya", "callum", "aoife", "grace"),
        comments=(
            DemoComment(
                "dafydd",
                "Happy to share how our practice set this up, including what it costs.",
                at=on(1, 12, 40),
            ),
            DemoComment(
                "member",
                "Employers should be part of this too: small firms have no occupational health.",
                at=on(2, 9),
            ),
        ),
    ),
    DemoIdea(
        author="priya",
        title="Occupational therapists in housing planning, so homes are accessible from day one",
        body=md(
            """
            In Tower Hamlets, occupational therapists work with housing planners to shape homes
            for disabled people before they are built. Adapting a home later costs more and
            takes months. Governments should expect planning teams everywhere to involve
            occupational therapists.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("housing",),
        posted=on(2, 13, 30),
        supporters=("aoife", "tom", "moderator", "hannah", "callum"),
        comments=(
            DemoComment(
                "aoife",
                "This would save money as well as suffering.",
                at=on(2, 17),
            ),
        ),
    ),
    DemoIdea(
        author="dafydd",
        title="Cynnwys therapi galwedigaethol yng nghynlluniau adfer COVID hir",
        body=md(
            """
            Mae COVID hir yn cadw llawer o bobl o'r gwaith ac o'r ysgol. Dylai llywodraethau
            sicrhau bod therapyddion galwedigaethol yn rhan o bob gwasanaeth COVID hir, i helpu
            pobl i reoli blinder a dychwelyd yn raddol at y pethau sy'n bwysig iddynt.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("mental-health", "employment", "primary-care"),
        posted=on(3, 11, 15),
        language=Language.WELSH,
        supporters=("sian", "moderator", "hannah"),
        comments=(
            DemoComment(
                "moderator",
                "Mae hyn yn berthnasol i blant a phobl ifanc hefyd.",
                at=on(3, 15),
                replies=(
                    DemoReply(
                        "dafydd",
                        "Pwynt da: dylai'r cynllun sôn am ysgolion hefyd.",
                        at=on(3, 18, 30),
                    ),
                ),
            ),
        ),
    ),
    DemoIdea(
        author="aoife",
        title="Rehabilitation for young people in the youth justice system",
        body=md(
            """
            Many young people in youth justice have unmet needs with communication, learning
            or sensory processing that nobody has assessed. Governments should fund
            occupational therapists in youth justice services, so these needs are met rather
            than punished.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("justice-system", "children-young-people"),
        posted=on(4, 10, 40),
        supporters=("callum", "grace", "hannah"),
        comments=(
            DemoComment(
                "callum",
                "Early assessment here could change the whole course of a young life.",
                at=on(4, 14),
            ),
        ),
    ),
    DemoIdea(
        author="callum",
        title="Publish health data by income, housing and ethnicity in all four nations",
        body=md(
            """
            The pandemic showed that illness and death followed poverty, housing and
            ethnicity. Governments should publish health and service data broken down this way
            as a matter of course, so that services can see who they are failing.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("housing", "employment", "digital-inclusion"),
        posted=on(5, 12),
        show_name=False,
        supporters=("priya", "tom", "member"),
    ),
    DemoIdea(
        author="moderator",
        title="Addasiadau cyflym i helpu pobl hŷn i aros yn eu cartrefi",
        body=md(
            """
            Mae aros misoedd am ganllaw neu gawod hygyrch yn arwain at gwympiadau, arosiadau yn
            yr ysbyty a cholli annibyniaeth. Dylai pob llywodraeth osod amser aros hiraf ar
            gyfer addasiadau bach, a'u hariannu'n iawn, yn enwedig i bobl hŷn ar incwm isel.
            """
        ),
        level=Level.GOVERNMENT,
        themes=("older-people", "housing"),
        posted=on(6, 9, 35),
        language=Language.WELSH,
        supporters=("sian", "dafydd", "aoife", "priya"),
        comments=(
            DemoComment(
                "priya",
                "Same in London: a small adaptation can take longer than a hospital stay.",
                at=on(6, 12),
            ),
        ),
    ),
)

IDEAS: tuple[DemoIdea, ...] = INDIVIDUAL + PROFESSION + PROFESSIONAL_BODY + GOVERNMENT
