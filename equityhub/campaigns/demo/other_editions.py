"""Occupational Therapy Week 2019, 2020, 2022, 2023 and 2024, in brief.

Only what is known for certain is stated; the rest is kept general. Two Welsh fields are left
empty on purpose (the 2020 summary and one 2019 answer) so the English fallback can be seen.
"""

from datetime import date

from equityhub.campaigns.demo.content import DemoCampaign, DemoFaq, Text, md

WHEN_IS_IT = DemoFaq(
    question=Text(
        en="When does Occupational Therapy Week take place?",
        cy="Pryd mae Wythnos Therapi Galwedigaethol yn cael ei chynnal?",
    ),
    answer=Text(
        en="Every year, in the first full week of November.",
        cy="Bob blwyddyn, yn ystod wythnos lawn gyntaf mis Tachwedd.",
    ),
)

OT_WEEK_2019 = DemoCampaign(
    slug="ot-week-2019",
    year=2019,
    title=Text(
        en="Occupational Therapy Week 2019: Small Change, Big Impact",
        cy="Wythnos Therapi Galwedigaethol 2019: Newid Bach, Effaith Fawr",
    ),
    hashtag="#SmallChangeBigImpact",
    theme=Text(
        en="The difference occupational therapy makes",
        cy="Y gwahaniaeth y mae therapi galwedigaethol yn ei wneud",
    ),
    starts_on=date(2019, 11, 4),
    ends_on=date(2019, 11, 10),
    summary=Text(
        en=(
            "Members told stories on an online story wall about small changes, made with an "
            "occupational therapist, that had a big effect on someone's life."
        ),
        cy=(
            "Adroddodd aelodau straeon ar wal straeon ar-lein am newidiadau bach, a wnaed gyda "
            "therapydd galwedigaethol, a gafodd effaith fawr ar fywyd rhywun."
        ),
    ),
    body=Text(
        en=md(
            """
            Occupational Therapy Week 2019 celebrated the everyday difference occupational
            therapists make. Members shared their stories on the College's story wall, and
            held events in workplaces and communities across the UK to show what the
            profession does in research, education and practice.
            """
        ),
        cy=md(
            """
            Roedd Wythnos Therapi Galwedigaethol 2019 yn dathlu'r gwahaniaeth y mae therapyddion
            galwedigaethol yn ei wneud bob dydd. Rhannodd aelodau eu straeon ar wal straeon y
            Coleg, a chynnal digwyddiadau mewn gweithleoedd a chymunedau ledled y DU i ddangos
            beth mae'r proffesiwn yn ei wneud ym maes ymchwil, addysg ac ymarfer.
            """
        ),
    ),
    faqs=(
        DemoFaq(
            question=Text(
                en="How could people take part in 2019?",
                cy="Sut y gallai pobl gymryd rhan yn 2019?",
            ),
            # Left untranslated on purpose: the Welsh page shows this answer in English.
            answer=Text(
                en=md(
                    """
                    By adding a story of a small change with a big impact to the story wall,
                    sharing the wall on social media, or running an event in their own
                    workplace or community.
                    """
                ),
            ),
        ),
        WHEN_IS_IT,
    ),
)

OT_WEEK_2020 = DemoCampaign(
    slug="ot-week-2020",
    year=2020,
    title=Text(
        en="Occupational Therapy Week 2020",
        cy="Wythnos Therapi Galwedigaethol 2020",
    ),
    theme=Text(en="The future of the profession"),
    starts_on=date(2020, 11, 2),
    ends_on=date(2020, 11, 8),
    # The Welsh summary is left empty on purpose to show the English fallback.
    summary=Text(
        en=(
            "A week, in the first year of the pandemic, for celebrating occupational therapists "
            "and encouraging people from every background to think about joining them."
        ),
    ),
    faqs=(WHEN_IS_IT,),
)

OT_WEEK_2022 = DemoCampaign(
    slug="ot-week-2022",
    year=2022,
    title=Text(
        en="Occupational Therapy Week 2022: Lift Up Your Everyday",
        cy="Wythnos Therapi Galwedigaethol 2022: Lift Up Your Everyday",
    ),
    theme=Text(
        en="Practical tips from occupational therapists for everyday life",
        cy="Cynghorion ymarferol gan therapyddion galwedigaethol ar gyfer bywyd bob dydd",
    ),
    starts_on=date(2022, 11, 7),
    ends_on=date(2022, 11, 13),
    summary=Text(
        en=(
            "The College launched Lift Up Your Everyday, a campaign to raise the profile of "
            "occupational therapy with the public, and asked members to share practical "
            "life hacks that help people keep doing what matters to them."
        ),
        cy=(
            "Lansiodd y Coleg Lift Up Your Everyday, ymgyrch i godi proffil therapi "
            "galwedigaethol ymhlith y cyhoedd, a gofyn i aelodau rannu cynghorion ymarferol sy'n "
            "helpu pobl i barhau i wneud yr hyn sy'n bwysig iddyn nhw."
        ),
    ),
    faqs=(
        DemoFaq(
            question=Text(
                en="What is an OT life hack?",
                cy="Beth yw cyngor bywyd gan therapydd galwedigaethol?",
            ),
            answer=Text(
                en=(
                    "A small, practical change, suggested by an occupational therapist, that "
                    "makes an everyday task easier, safer or more enjoyable."
                ),
                cy=(
                    "Newid bach, ymarferol, a awgrymir gan therapydd galwedigaethol, sy'n gwneud "
                    "tasg bob dydd yn haws, yn fwy diogel neu'n fwy pleserus."
                ),
            ),
        ),
        WHEN_IS_IT,
    ),
)

OT_WEEK_2023 = DemoCampaign(
    slug="ot-week-2023",
    year=2023,
    title=Text(
        en="Occupational Therapy Week 2023",
        cy="Wythnos Therapi Galwedigaethol 2023",
    ),
    theme=Text(
        en="What occupations are and why they matter",
        cy="Beth yw galwedigaethau a pham maen nhw'n bwysig",
    ),
    starts_on=date(2023, 11, 6),
    ends_on=date(2023, 11, 12),
    summary=Text(
        en=(
            "A week for explaining what occupations are: the everyday things people need, want "
            "or like to do, from washing and sleeping to work, study and hobbies, and why they "
            "matter for health."
        ),
        cy=(
            "Wythnos i egluro beth yw galwedigaethau: y pethau bob dydd y mae angen i bobl eu "
            "gwneud, neu y maen nhw eisiau neu'n hoffi eu gwneud, o ymolchi a chysgu i waith, "
            "astudio a diddordebau, a pham maen nhw'n bwysig i iechyd."
        ),
    ),
    faqs=(WHEN_IS_IT,),
)

OT_WEEK_2024 = DemoCampaign(
    slug="ot-week-2024",
    year=2024,
    title=Text(
        en="Occupational Therapy Week 2024",
        cy="Wythnos Therapi Galwedigaethol 2024",
    ),
    theme=Text(
        en="The power of occupational therapy: transforming health and social care",
        cy="Grym therapi galwedigaethol: trawsnewid iechyd a gofal cymdeithasol",
    ),
    starts_on=date(2024, 11, 4),
    ends_on=date(2024, 11, 10),
    summary=Text(
        en=(
            "Members were given a guide to raising the profile of occupational therapy and a "
            "pack for stakeholders, to show decision-makers how earlier, preventive support "
            "eases the pressure on health and social care."
        ),
        cy=(
            "Cafodd aelodau ganllaw i godi proffil therapi galwedigaethol a phecyn ar gyfer "
            "rhanddeiliaid, i ddangos i'r rhai sy'n gwneud penderfyniadau sut mae cymorth "
            "cynharach, ataliol yn lleddfu'r pwysau ar iechyd a gofal cymdeithasol."
        ),
    ),
    faqs=(WHEN_IS_IT,),
)

EDITIONS = (OT_WEEK_2019, OT_WEEK_2020, OT_WEEK_2022, OT_WEEK_2023, OT_WEEK_2024)
