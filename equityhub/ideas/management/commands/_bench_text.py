"""Plausible ideas and comments in English and Welsh for `manage.py bench_seed`.

The words are made up from small pools so that pages look and weigh like real ones: titles of
typical length, bodies of a few short paragraphs with some Markdown, names of members.
"""

import random
from dataclasses import dataclass

from equityhub.ideas.models import Level

# (slug, English name, Welsh name) of the campaign's themes.
THEMES = [
    ("primary-care", "Primary care", "Gofal sylfaenol"),
    ("education", "Education", "Addysg"),
    ("housing", "Housing", "Tai"),
    ("employment", "Employment", "Cyflogaeth"),
    ("justice", "The justice system", "Y system gyfiawnder"),
    ("mental-health", "Mental health", "Iechyd meddwl"),
    ("children", "Children and young people", "Plant a phobl ifanc"),
    ("older-people", "Older people", "Pobl hŷn"),
    ("digital-inclusion", "Digital inclusion", "Cynhwysiant digidol"),
    ("workforce", "Workforce", "Y gweithlu"),
]

# For each theme: what English and Welsh ideas about it talk about.
TOPICS_EN = {
    "primary-care": ["occupational therapists in every GP practice", "first-contact practitioners"],
    "education": ["health equity in the pre-registration curriculum", "school-based therapy"],
    "housing": ["housing adaptations for disabled people", "warm and safe social housing"],
    "employment": ["vocational rehabilitation after long COVID", "fit notes that support work"],
    "justice": ["occupational therapy in prisons", "support for people leaving custody"],
    "mental-health": ["community mental health teams", "meaningful activity on acute wards"],
    "children": ["early help for children with sensory needs", "play in deprived areas"],
    "older-people": ["falls prevention at home", "loneliness among older people"],
    "digital-inclusion": ["devices and data for people on low incomes", "digital skills"],
    "workforce": ["recruitment from under-represented communities", "rural placements"],
}
TOPICS_CY = {
    "primary-care": ["therapyddion galwedigaethol ym mhob meddygfa", "ymarferwyr cyswllt cyntaf"],
    "education": ["tegwch iechyd yn y cwricwlwm", "therapi mewn ysgolion"],
    "housing": ["addasiadau tai i bobl anabl", "tai cymdeithasol cynnes a diogel"],
    "employment": ["adsefydlu galwedigaethol", "nodiadau ffitrwydd sy'n cefnogi gwaith"],
    "justice": ["therapi galwedigaethol mewn carchardai", "cymorth i bobl sy'n gadael y ddalfa"],
    "mental-health": ["timau iechyd meddwl cymunedol", "gweithgarwch ystyrlon ar wardiau"],
    "children": ["cymorth cynnar i blant ag anghenion synhwyraidd", "chwarae mewn ardaloedd tlawd"],
    "older-people": ["atal cwympiadau yn y cartref", "unigrwydd ymysg pobl hŷn"],
    "digital-inclusion": ["dyfeisiau a data i bobl ar incwm isel", "sgiliau digidol"],
    "workforce": ["recriwtio o gymunedau heb gynrychiolaeth", "lleoliadau gwledig"],
}
ACTIONS_EN = {
    Level.INDIVIDUAL: ["Ask every client about", "Keep learning about", "Talk to colleagues about"],
    Level.PROFESSION: ["Build shared standards for", "Gather better evidence on", "Lead on"],
    Level.PROFESSIONAL_BODY: ["Publish guidance on", "Campaign nationally for", "Fund research on"],
    Level.GOVERNMENT: ["Fund", "Require every council to plan", "Invest for the long term in"],
}
ACTIONS_CY = {
    Level.INDIVIDUAL: ["Holi pob cleient am", "Dysgu mwy am", "Siarad â chydweithwyr am"],
    Level.PROFESSION: ["Gosod safonau ar gyfer", "Casglu tystiolaeth am", "Arwain ar"],
    Level.PROFESSIONAL_BODY: ["Cyhoeddi canllawiau ar", "Ymgyrchu dros", "Ariannu ymchwil i"],
    Level.GOVERNMENT: ["Ariannu", "Gofyn i bob cyngor gynllunio", "Buddsoddi yn y tymor hir mewn"],
}
SENTENCES_EN = [
    "In my practice I often see people whose recovery stalls because of {topic}.",
    "Waiting lists are longest where need is greatest, and {topic} could change that.",
    "We piloted this in our team last year and the results were **encouraging**.",
    "Families told us that small changes made the biggest difference.",
    "Cold, damp homes keep people coming back to hospital.",
    "This would cost little compared with the admissions it could prevent.",
    "Students should meet this early, not in their final placement.",
    "Local authorities, the NHS and the third sector need to plan it together.",
    "Without data by postcode and ethnicity we cannot see who is missing out.",
    "People with lived experience should shape the service from the start.",
]
SENTENCES_CY = [
    "Yn fy ngwaith rwy'n aml yn gweld pobl sy'n aros yn rhy hir am {topic}.",
    "Mae'r rhestrau aros hiraf lle mae'r angen mwyaf.",
    "Fe wnaethon ni dreialu hyn y llynedd ac roedd y canlyniadau'n **galonogol**.",
    "Dywedodd teuluoedd mai newidiadau bach oedd yn gwneud y gwahaniaeth mwyaf.",
    "Mae angen i'r cyngor, y GIG a'r trydydd sector gynllunio gyda'i gilydd.",
    "Dylai pobl sydd â phrofiad bywyd helpu i lunio'r gwasanaeth o'r dechrau.",
]
BULLETS_EN = ["a named lead in each area", "funding for three years", "outcomes we can measure"]
BULLETS_CY = ["arweinydd ym mhob ardal", "cyllid am dair blynedd", "canlyniadau y gallwn eu mesur"]
COMMENTS_EN = [
    "I agree. In our area {topic} is the biggest gap we see.",
    "We tried something similar and it worked well once managers were on board.",
    "Could this include carers too? They are often left out.",
    "The evidence for this is strong; the NICE guidance already points this way.",
    "Supported. Rural areas need this most and get it least.",
    "How would this be funded after the pilot ends?",
]
COMMENTS_CY = [
    "Cytuno. Yn ein hardal ni {topic} yw'r bwlch mwyaf.",
    "Fe wnaethon ni rywbeth tebyg ac fe weithiodd yn dda.",
    "A allai hyn gynnwys gofalwyr hefyd?",
    "Cefnogi. Mae ardaloedd gwledig angen hyn fwyaf.",
]
FIRST_NAMES = ["Aled", "Bethan", "Cerys", "Dafydd", "Elin", "Farah", "Gareth", "Hannah", "Ifan",
               "Jasmine", "Kofi", "Lowri", "Megan", "Nia", "Owain", "Priya", "Rhys", "Siân",
               "Tomos", "Yusuf", "Zara", "Amir", "Chloe", "Emeka"]  # fmt: skip
LAST_NAMES = ["Davies", "Evans", "Hughes", "Jones", "Khan", "Lewis", "Morgan", "Okafor",
              "Patel", "Price", "Roberts", "Thomas", "Williams", "Zhang"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class IdeaText:
    title: str
    body: str


def member_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def idea_text(rng: random.Random, *, theme: str, level: str, language: str) -> IdeaText:
    welsh = language == "cy"
    topic = rng.choice((TOPICS_CY if welsh else TOPICS_EN)[theme])
    action = rng.choice((ACTIONS_CY if welsh else ACTIONS_EN)[Level(level)])
    sentences = SENTENCES_CY if welsh else SENTENCES_EN
    paragraphs = [
        " ".join(rng.sample(sentences, k=rng.randint(2, 3))).format(topic=topic)
        for _ in range(rng.randint(1, 3))
    ]
    if rng.random() < 0.3:
        bullets = rng.sample(BULLETS_CY if welsh else BULLETS_EN, k=rng.randint(2, 3))
        paragraphs.append("\n".join(f"- {bullet}" for bullet in bullets))
    return IdeaText(title=f"{action} {topic}"[:140], body="\n\n".join(paragraphs))


def comment_text(rng: random.Random, *, theme: str, language: str) -> str:
    welsh = language == "cy"
    topic = rng.choice((TOPICS_CY if welsh else TOPICS_EN)[theme])
    return rng.choice(COMMENTS_CY if welsh else COMMENTS_EN).format(topic=topic)
