"""Occupational Therapy Week 2021, #OTsForEquity: the current edition in the demo.

Facts (dates, names, roles, titles) follow the Royal College of Occupational Therapists' own
campaign page; the wording is EquityHub's.
"""

from datetime import date

from equityhub.campaigns.demo.content import DemoCampaign, DemoFaq, DemoPublication, Text, md
from equityhub.campaigns.models import IdeasWindow

BODY = Text(
    en=md(
        """
        #OTsForEquity is the Royal College of Occupational Therapists' campaign for health
        equity: a fair chance for everyone to live a long and healthy life. It began in
        Occupational Therapy Week 2021, which ran from 1 to 7 November.

        During the week the College:

        - published its report *Roots of recovery: Occupational therapy at the heart of health
          equity*, which calls for occupational therapy to be used well to narrow health
          inequalities;
        - released a short animation showing occupational therapists who already tackle
          inequity, for members to show their managers and organisations;
        - opened the Ideas Platform, where members suggest what individuals, the profession,
          the College and governments could do;
        - offered a reflective toolkit for continuing professional development (CPD).

        ### The launch event

        The campaign was launched online on Monday 1 November 2021. The event opened with
        *Social justice and health equity*, the plenary that Professor Sir Michael Marmot,
        Director of the Institute of Health Equity, first gave at the College's Annual
        Conference 2021. A live question-and-answer panel followed:

        - Professor Diane Cox, RCOT Chair of Council, who chaired the panel
        - Rachel Booth-Gardiner, Lead Occupational Therapist, Tees, Esk and Wear Valleys NHS
          Trust; OTalk; AbleOTUK
        - Dai Davies, RCOT Professional Practice Lead – Wales
        - Linda Hindle, Deputy Chief Allied Health Professions Officer for England, and lead
          allied health professional at the Office for Health Improvement and Disparities
        - Sheherazad Kapadia, student occupational therapist, Brunel University; BAMEOT
        - Karin Orman, RCOT Assistant Director – Professional Practice
        - Hannah Spencer, Occupational Therapist and Mental Health Practitioner, NHS;
          LGBTQIA+OT UK

        ### The Twitter Spaces conversation

        On Friday 5 November 2021 the College's Chief Executive, Steve Ford, hosted a
        conversation on Twitter Spaces in which members and other occupational therapists
        talked about health equity and what it asks of the profession. A captioned recording
        and a transcript were published afterwards.

        ### After the week

        The week started the campaign rather than finishing it. Members' ideas, and what they
        say they need in tools and support, feed an action plan written with members that sets
        what the College does next.
        """
    ),
    cy=md(
        """
        Ymgyrch Coleg Brenhinol y Therapyddion Galwedigaethol dros degwch iechyd yw
        #OTsForEquity: cyfle teg i bawb fyw bywyd hir ac iach. Dechreuodd yn ystod Wythnos
        Therapi Galwedigaethol 2021, a gynhaliwyd rhwng 1 a 7 Tachwedd.

        Yn ystod yr wythnos, gwnaeth y Coleg y canlynol:

        - cyhoeddi ei adroddiad *Roots of recovery: Occupational therapy at the heart of health
          equity*, sy'n galw am ddefnyddio therapi galwedigaethol yn dda i leihau
          anghydraddoldebau iechyd;
        - rhyddhau animeiddiad byr sy'n dangos therapyddion galwedigaethol sydd eisoes yn mynd
          i'r afael ag annhegwch, i aelodau ei ddangos i'w rheolwyr a'u sefydliadau;
        - agor y Llwyfan Syniadau, lle mae aelodau'n awgrymu beth y gallai unigolion, y
          proffesiwn, y Coleg a llywodraethau ei wneud;
        - cynnig pecyn cymorth myfyriol ar gyfer datblygiad proffesiynol parhaus (DPP).

        ### Y digwyddiad lansio

        Lansiwyd yr ymgyrch ar-lein ddydd Llun 1 Tachwedd 2021. Agorodd y digwyddiad gyda
        *Social justice and health equity*, y prif gyflwyniad a roddodd yr Athro Syr Michael
        Marmot, Cyfarwyddwr yr Institute of Health Equity, am y tro cyntaf yng Nghynhadledd
        Flynyddol y Coleg yn 2021. Wedyn cafwyd panel holi ac ateb byw:

        - Yr Athro Diane Cox, Cadeirydd Cyngor RCOT, a gadeiriodd y panel
        - Rachel Booth-Gardiner, Therapydd Galwedigaethol Arweiniol, Ymddiriedolaeth GIG Tees,
          Esk and Wear Valleys; OTalk; AbleOTUK
        - Dai Davies, Arweinydd Ymarfer Proffesiynol – Cymru, RCOT
        - Linda Hindle, Dirprwy Brif Swyddog y Proffesiynau Perthynol i Iechyd yn Lloegr, ac
          arweinydd y proffesiynau perthynol i iechyd yn yr Office for Health Improvement and
          Disparities
        - Sheherazad Kapadia, myfyriwr therapi galwedigaethol, Prifysgol Brunel; BAMEOT
        - Karin Orman, Cyfarwyddwr Cynorthwyol – Ymarfer Proffesiynol, RCOT
        - Hannah Spencer, Therapydd Galwedigaethol ac Ymarferydd Iechyd Meddwl, GIG;
          LGBTQIA+OT UK

        ### Y sgwrs ar Twitter Spaces

        Ddydd Gwener 5 Tachwedd 2021, cynhaliodd Prif Weithredwr y Coleg, Steve Ford, sgwrs ar
        Twitter Spaces lle bu aelodau a therapyddion galwedigaethol eraill yn trafod tegwch
        iechyd a'r hyn y mae'n ei ofyn gan y proffesiwn. Cyhoeddwyd recordiad ag isdeitlau a
        thrawsgrifiad wedyn.

        ### Ar ôl yr wythnos

        Dechrau'r ymgyrch oedd yr wythnos, nid ei diwedd. Mae syniadau aelodau, a'r offer a'r
        cymorth y maen nhw'n dweud sydd eu hangen arnynt, yn bwydo cynllun gweithredu a
        ysgrifennir gydag aelodau ac sy'n pennu beth fydd y Coleg yn ei wneud nesaf.
        """
    ),
)

WHY_HEALTH_EQUITY = Text(
    en=md(
        """
        Health inequalities are systematic, avoidable differences in health between groups of
        people. They are not bad luck. They follow from the way income, work, housing and power
        are shared out, which means they can be changed.

        The COVID-19 pandemic made the gaps impossible to miss. In principle everyone in the UK
        can use the same health services, yet how likely you are to fall ill, and how young you
        are likely to die, still depend on where you live, what you earn and your ethnicity.
        Poverty, insecure work and poor housing appeared again and again among the people the
        pandemic hit hardest.

        Health equity means everyone having a fair opportunity to live a long, healthy life.
        As the four nations recover, getting there means working on the causes of poor health
        and not only on its consequences. Occupational therapists have both the duty and the
        skills to play a leading part.
        """
    ),
    cy=md(
        """
        Gwahaniaethau systematig y gellir eu hosgoi yn iechyd gwahanol grwpiau o bobl yw
        anghydraddoldebau iechyd. Nid anlwc ydyn nhw. Maen nhw'n deillio o'r ffordd y caiff
        incwm, gwaith, tai a grym eu rhannu, ac felly mae modd eu newid.

        Gwnaeth pandemig COVID-19 y bylchau'n amhosibl eu hanwybyddu. Mewn egwyddor, gall pawb
        yn y DU ddefnyddio'r un gwasanaethau iechyd, ond mae'r tebygolrwydd y byddwch yn mynd
        yn sâl, a pha mor ifanc y byddwch yn debygol o farw, yn dal i ddibynnu ar ble rydych
        chi'n byw, faint rydych chi'n ei ennill a'ch ethnigrwydd. Roedd tlodi, gwaith ansicr a
        thai gwael yn codi dro ar ôl tro ymhlith y bobl a gafodd eu taro waethaf gan y pandemig.

        Mae tegwch iechyd yn golygu bod gan bawb gyfle teg i fyw bywyd hir ac iach. Wrth i'r
        pedair gwlad adfer, mae cyrraedd yno'n golygu mynd i'r afael ag achosion iechyd gwael,
        nid ei ganlyniadau yn unig. Mae gan therapyddion galwedigaethol y ddyletswydd a'r
        sgiliau i chwarae rhan flaenllaw.
        """
    ),
)

WHY_OCCUPATIONAL_THERAPISTS = Text(
    en=md(
        """
        Occupational therapists meet the effects of inequality every working day. Many of the
        people they support are among those it harms most, so the profession is well placed
        to see what holds people back and to act on it.

        Education, housing and work are three of the main routes out of poverty, and
        occupational therapists already work in all three. That lets them tackle the causes of
        ill health rather than only its symptoms. For example:

        - in Tower Hamlets, occupational therapists work alongside housing planners on the
          design of homes for disabled people;
        - in Wales, occupational therapists based in GP practices run drop-in sessions that
          help people keep their jobs;
        - across the UK, occupational therapists in mainstream schools help vulnerable
          children get the education they need.

        No single approach suits everyone. Occupational therapists start from the person: as
        well as physical health they consider someone's surroundings, culture and
        relationships, their work and leisure, and their home. The profession rests on a
        simple idea: people who can do the things they need and want to do each day are
        happier and healthier. Occupational therapists are skilled at removing what stands in
        the way.
        """
    ),
    cy=md(
        """
        Mae therapyddion galwedigaethol yn gweld effeithiau anghydraddoldeb bob diwrnod gwaith.
        Mae llawer o'r bobl y maen nhw'n eu cefnogi ymhlith y rhai sy'n dioddef fwyaf
        oherwydd anghydraddoldeb, felly mae'r proffesiwn mewn sefyllfa dda i weld beth sy'n dal
        pobl yn ôl ac i weithredu.

        Addysg, tai a gwaith yw tri o'r prif lwybrau allan o dlodi, ac mae therapyddion
        galwedigaethol eisoes yn gweithio ym mhob un o'r tri. Mae hynny'n eu galluogi i fynd
        i'r afael ag achosion salwch yn hytrach na'i symptomau yn unig. Er enghraifft:

        - yn Tower Hamlets, mae therapyddion galwedigaethol yn gweithio ochr yn ochr â
          chynllunwyr tai ar ddylunio cartrefi i bobl anabl;
        - yng Nghymru, mae therapyddion galwedigaethol mewn meddygfeydd teulu yn cynnal
          sesiynau galw heibio sy'n helpu pobl i gadw eu swyddi;
        - ledled y DU, mae therapyddion galwedigaethol mewn ysgolion prif ffrwd yn helpu plant
          sy'n agored i niwed i gael yr addysg sydd ei hangen arnynt.

        Does dim un dull sy'n addas i bawb. Mae therapyddion galwedigaethol yn dechrau gyda'r
        unigolyn: yn ogystal ag iechyd corfforol, maen nhw'n ystyried amgylchedd, diwylliant a
        pherthnasoedd rhywun, ei waith a'i hamdden, a'i gartref. Mae'r proffesiwn yn seiliedig
        ar syniad syml: mae pobl sy'n gallu gwneud y pethau y mae angen ac eisiau iddynt eu
        gwneud bob dydd yn hapusach ac yn iachach. Mae therapyddion galwedigaethol yn fedrus
        wrth gael gwared ar yr hyn sy'n eu rhwystro.
        """
    ),
)

FAQS = (
    DemoFaq(
        question=Text(
            en="What is the #OTsForEquity toolkit?",
            cy="Beth yw pecyn cymorth #OTsForEquity?",
        ),
        answer=Text(
            en=md(
                """
                A reflective tool for your continuing professional development. It helps you
                take stock of what you already understand about health equity, think through
                what you learned during the week, and plan how to use it in your role, your
                team and your organisation.
                """
            ),
            cy=md(
                """
                Offeryn myfyriol ar gyfer eich datblygiad proffesiynol parhaus. Mae'n eich helpu
                i bwyso a mesur yr hyn rydych chi eisoes yn ei ddeall am degwch iechyd, i feddwl
                am yr hyn a ddysgoch yn ystod yr wythnos, ac i gynllunio sut i'w ddefnyddio yn
                eich rôl, eich tîm a'ch sefydliad.
                """
            ),
        ),
    ),
    DemoFaq(
        question=Text(
            en="How can I use Occupational Therapy Week for my CPD?",
            cy="Sut y gallaf ddefnyddio Wythnos Therapi Galwedigaethol ar gyfer fy DPP?",
        ),
        answer=Text(
            en=md(
                """
                Watch the launch event or listen to the Twitter Spaces recording, then work
                through the questions in the toolkit. Noting what you took from each session,
                and what you will do differently, gives you a record of learning for your CPD
                portfolio.
                """
            ),
            cy=md(
                """
                Gwyliwch y digwyddiad lansio neu gwrandewch ar recordiad Twitter Spaces, ac yna
                gweithiwch drwy'r cwestiynau yn y pecyn cymorth. Drwy nodi beth a gawsoch o bob
                sesiwn, a beth y byddwch yn ei wneud yn wahanol, bydd gennych gofnod o'ch dysgu
                ar gyfer eich portffolio DPP.
                """
            ),
        ),
    ),
    DemoFaq(
        question=Text(
            en="What happens after Occupational Therapy Week?",
            cy="Beth sy'n digwydd ar ôl Wythnos Therapi Galwedigaethol?",
        ),
        answer=Text(
            en=md(
                """
                The week opens the campaign rather than closing it. The College gathers
                members' ideas, asks which tools and support they need, and uses what it hears
                to write an action plan with members that decides what happens next.
                """
            ),
            cy=md(
                """
                Agor yr ymgyrch y mae'r wythnos, nid ei chau. Mae'r Coleg yn casglu syniadau
                aelodau, yn gofyn pa offer a chymorth sydd eu hangen arnynt, ac yn defnyddio'r
                hyn a glyw i ysgrifennu cynllun gweithredu gydag aelodau sy'n penderfynu beth
                sy'n digwydd nesaf.
                """
            ),
        ),
    ),
    DemoFaq(
        question=Text(
            en="What is the difference between health equality and health equity?",
            cy="Beth yw'r gwahaniaeth rhwng cydraddoldeb iechyd a thegwch iechyd?",
        ),
        answer=Text(
            en=md(
                """
                Equality means giving everyone the same. Equity means giving people what they
                need to have the same chance of good health, which can mean more support for
                some people than for others. The campaign is about equity: fair outcomes
                rather than identical treatment.
                """
            ),
            cy=md(
                """
                Mae cydraddoldeb yn golygu rhoi'r un peth i bawb. Mae tegwch yn golygu rhoi i
                bobl yr hyn sydd ei angen arnynt i gael yr un cyfle o iechyd da, a gall hynny
                olygu mwy o gymorth i rai pobl nag i eraill. Mae'r ymgyrch yn ymwneud â
                thegwch: canlyniadau teg yn hytrach na thriniaeth union yr un fath.
                """
            ),
        ),
    ),
    DemoFaq(
        question=Text(
            en="Are the campaign resources available in Welsh?",
            cy="A yw adnoddau'r ymgyrch ar gael yn Gymraeg?",
        ),
        answer=Text(
            en=md(
                """
                Yes. The printable A4 sheet and the graphics for social media were made in
                English and in Welsh. Use whichever suits the people you want to reach when
                you share your own example of work on health equity.
                """
            ),
            cy=md(
                """
                Ydyn. Cafodd y daflen A4 i'w hargraffu a'r graffigau ar gyfer y cyfryngau
                cymdeithasol eu creu yn Saesneg ac yn Gymraeg. Defnyddiwch pa un bynnag sy'n
                addas i'r bobl rydych am eu cyrraedd wrth rannu eich enghraifft eich hun o
                waith ar degwch iechyd.
                """
            ),
        ),
    ),
)

CAMPAIGN = DemoCampaign(
    slug="ot-week-2021",
    year=2021,
    title=Text(
        en="Occupational Therapy Week 2021: #OTsForEquity",
        cy="Wythnos Therapi Galwedigaethol 2021: #OTsForEquity",
    ),
    hashtag="#OTsForEquity",
    theme=Text(en="Health equity", cy="Tegwch iechyd"),
    starts_on=date(2021, 11, 1),
    ends_on=date(2021, 11, 7),
    summary=Text(
        en=(
            "The week the Royal College of Occupational Therapists launched #OTsForEquity, "
            "asking how occupational therapists can help close the gaps in health between "
            "communities across the UK."
        ),
        cy=(
            "Yr wythnos y lansiodd Coleg Brenhinol y Therapyddion Galwedigaethol "
            "#OTsForEquity, gan ofyn sut y gall therapyddion galwedigaethol helpu i gau'r "
            "bylchau iechyd rhwng cymunedau ledled y DU."
        ),
    ),
    body=BODY,
    why_health_equity=WHY_HEALTH_EQUITY,
    why_occupational_therapists=WHY_OCCUPATIONAL_THERAPISTS,
    faqs=FAQS,
    is_current=True,
    # Open whatever the date, so that visitors to the demo can try posting ideas.
    ideas_window=IdeasWindow.OPEN,
)

ROOTS_OF_RECOVERY = DemoPublication(
    slug="roots-of-recovery",
    campaign_slug="ot-week-2021",
    # The report was published in English only, so its title stays English on Welsh pages
    # (marked lang="en" there) while the summary is in Welsh.
    title=Text(en="Roots of recovery: Occupational therapy at the heart of health equity"),
    summary=Text(
        en=md(
            """
            The College's health equity report, published on the first day of Occupational
            Therapy Week 2021. Rather than restating the case against health inequality, it
            sets out practical ways for the people who design and run services to use
            occupational therapists' skills, and the resources they already have, to improve
            and establish health equity.

            It draws on examples of occupational therapists already working on inequality in
            primary care, in education and in the justice system, as well as in housing,
            employment and the voluntary sector.
            """
        ),
        cy=md(
            """
            Adroddiad y Coleg ar degwch iechyd, a gyhoeddwyd ar ddiwrnod cyntaf Wythnos Therapi
            Galwedigaethol 2021. Yn hytrach nag ailadrodd y ddadl yn erbyn anghydraddoldeb
            iechyd, mae'n nodi ffyrdd ymarferol i'r bobl sy'n cynllunio ac yn rhedeg
            gwasanaethau ddefnyddio sgiliau therapyddion galwedigaethol, a'r adnoddau sydd
            ganddynt eisoes, i wella tegwch iechyd a'i sefydlu.

            Mae'n defnyddio enghreifftiau o therapyddion galwedigaethol sydd eisoes yn mynd i'r
            afael ag anghydraddoldeb mewn gofal sylfaenol, mewn addysg ac yn y system
            gyfiawnder, yn ogystal ag ym maes tai, cyflogaeth a'r sector gwirfoddol.
            """
        ),
    ),
    published_on=date(2021, 11, 1),
    link="https://www.rcot.co.uk/roots-recovery-occupational-therapy-heart-health-equity",
    file_name="publications/roots-of-recovery-demo.pdf",
)
