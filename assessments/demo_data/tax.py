"""Demo arrangements of the National Revenue Office: tax returns, records and disclosure."""

from assessments.demo_data.build import (
    REVENUE_OFFICE,
    DemoAssessment,
    capability,
    costs,
    merge,
    motivations,
    necessity,
    option,
    options,
    reciprocity,
    value,
    work,
)

TAX = [
    DemoAssessment(
        REVENUE_OFFICE,
        "Individual income tax returns",
        "Pre-filled online tax returns",
        submitted=True,
        days_ago=140,
        answers=merge(
            work(
                does="Taxpayers open their online return, check the wages, bank interest and "
                "health-cover figures we have already filled in from employers, banks and "
                "insurers, add anything missing, and lodge it themselves.",
                who=["clients"],
                level="individual",
                phases=["delivery"],
                inputs="Data matched from employers, banks and insurers; the online return; "
                "taxpayers' own records and an hour or two of their time.",
                outputs="Complete, accurate returns lodged without an agent or a paper form, "
                "and refunds paid within two weeks.",
                relation="replaces",
            ),
            reciprocity(
                agency_gives=["tools", "information"],
                they_give=["time", "effort", "information", "compliance"],
                timing="sequential",
                people=2_000_000,
                hours_each=1.5,
                notes="We build the software and match the data months before; taxpayers do "
                "their part after the financial year ends.",
            ),
            value(
                private="Faster refunds, no agent's fee and less time hunting for paperwork.",
                private_strength=3,
                public="A cheaper, more accurate tax system with far fewer amended assessments.",
                public_strength=3,
            ),
            necessity(
                "optional",
                "Lodging is compulsory, but people could still post a paper form for our "
                "staff to key in, or pay an agent.",
            ),
            motivations(
                material=3,
                intrinsic=1,
                social=0,
                normative=1,
                sanctions=3,
                rewarded=False,
                notes="Most want their refund quickly and to avoid late-lodgement penalties.",
            ),
            capability(
                expertise=2,
                capability=3,
                varies=False,
                assets=["local_knowledge"],
                vulnerable=False,
                assets_notes="Taxpayers know their own circumstances (a new job, a donation) "
                "better than any clerk reading a form.",
                support="Help text on every page, a phone line and a web chat at tax time.",
            ),
            costs(
                "Pre-filled online returns",
                "Paper returns keyed in and checked by our staff",
                co_production={
                    "setup": "12000000",
                    "annual": "18000000",
                    "hours": "3000000",
                    "clients": 2_000_000,
                    "confidence": "high",
                    "ratings": (4, 4, 4, 4),
                },
                alternative={
                    "setup": "0",
                    "annual": "95000000",
                    "hours": "4000000",
                    "clients": 2_000_000,
                    "confidence": "high",
                    "ratings": (3, 3, 3, 3),
                },
            ),
        ),
    ),
    DemoAssessment(
        REVENUE_OFFICE,
        "Individual income tax returns",
        "Tax Help volunteers for people on low incomes",
        submitted=True,
        days_ago=95,
        answers=merge(
            work(
                does="Trained community volunteers sit with people on low incomes, pensioners "
                "and new arrivals and help them complete and lodge a simple return.",
                who=["volunteers"],
                level="group",
                phases=["delivery"],
                inputs="Volunteers' time; our training course, accreditation and software; "
                "rooms lent by libraries and community centres.",
                outputs="Simple returns lodged on time by people who would otherwise fall "
                "behind or pay for help.",
                relation="replaces",
            ),
            reciprocity(
                agency_gives=["training", "tools", "information"],
                they_give=["time", "effort", "knowledge"],
                timing="simultaneous",
                people=600,
                hours_each=80,
            ),
            value(
                private="Volunteers gain skills and satisfaction; clients get their refunds and "
                "benefits without fees.",
                private_strength=3,
                public="Fewer late and wrong returns among people least able to manage them.",
                public_strength=2,
            ),
            necessity(
                "optional", "Our own phone staff could complete these returns with the client."
            ),
            motivations(
                material=0,
                intrinsic=3,
                social=3,
                normative=4,
                sanctions=0,
                rewarded=False,
                notes="Many are retired accountants and bank staff who want to give something "
                "back and enjoy the team.",
            ),
            capability(
                expertise=2,
                capability=3,
                varies=False,
                assets=["trust", "location"],
                vulnerable=False,
                assets_notes="Clients are wary of the tax office but will talk to a neighbour "
                "in the local library.",
                support="A five-day course, an annual refresher and a helpline for volunteers.",
            ),
            costs(
                "Tax Help volunteers",
                "Our staff completing the returns over the phone",
                co_production={
                    "setup": "150000",
                    "annual": "900000",
                    "hours": "48000",
                    "clients": 40_000,
                    "confidence": "medium",
                    "ratings": (4, 3, 5, 3),
                },
                alternative={
                    "setup": "0",
                    "annual": "2470000",
                    "hours": "0",
                    "clients": 40_000,
                    "confidence": "medium",
                    "ratings": (3, 4, 3, 4),
                },
            ),
        ),
    ),
    DemoAssessment(
        REVENUE_OFFICE,
        "Individual income tax returns",
        "Taxpayer panel testing the new online return",
        submitted=True,
        days_ago=30,
        answers=merge(
            work(
                does="A panel of 40 taxpayers tries out early versions of the new return, "
                "tells the design team what confused them and rates the finished pages.",
                who=["citizens"],
                level="group",
                phases=["design", "assessment"],
                inputs="Prototype screens, our designers' time, panel members' time.",
                outputs="Clearer questions and fewer abandoned returns.",
                relation="adds",
            ),
            reciprocity(
                agency_gives=["money", "information"],
                they_give=["time", "knowledge"],
                timing="simultaneous",
                people=40,
                hours_each=12,
            ),
            value(
                private="A small payment and the interest of seeing how the system is built.",
                private_strength=1,
                public="A return that more people can complete without help.",
                public_strength=3,
            ),
            necessity("optional", "A research firm could recruit testers for each round."),
            motivations(
                material=2,
                intrinsic=3,
                social=1,
                normative=2,
                sanctions=0,
                rewarded=True,
            ),
            capability(
                expertise=1,
                capability=3,
                varies=False,
                assets=["local_knowledge"],
                vulnerable=False,
                assets_notes="They know where ordinary taxpayers get stuck.",
            ),
            costs(
                "Taxpayer panel",
                "Usability testing by a contracted research firm",
                co_production={
                    "setup": "20000",
                    "annual": "45000",
                    "hours": "480",
                    "clients": 40,
                    "confidence": "high",
                    "ratings": (4, 4, 4, 4),
                },
                alternative={
                    "setup": "0",
                    "annual": "90000",
                    "hours": "400",
                    "clients": 40,
                    "confidence": "high",
                    "ratings": (4, 3, 3, 3),
                },
            ),
        ),
    ),
    DemoAssessment(
        REVENUE_OFFICE,
        "Individual income tax returns",
        "How people lodge their own returns",
        submitted=True,
        days_ago=8,
        answers=merge(
            work(
                does="Taxpayers who do not use an agent gather their records, fill in their "
                "own return, check it and lodge it each year.",
                who=["clients"],
                level="individual",
                phases=["delivery"],
                inputs="The return, our guidance and help line, figures from employers and "
                "banks, and taxpayers' own records and time.",
                outputs="Returns lodged on time with the right income and deductions, and "
                "assessments issued without follow-up.",
                relation="replaces",
            ),
            reciprocity(
                agency_gives=["tools", "information"],
                they_give=["time", "effort", "information", "compliance", "money"],
                timing="sequential",
                people=3_000_000,
                hours_each=2.5,
                notes="We design the return, and for a pre-filled one gather the figures, months "
                "before; taxpayers do their part after the year ends. Paper returns cost them "
                "postage too.",
            ),
            value(
                private="Refunds paid sooner and less time spent on tax.",
                private_strength=2,
                public="Tax assessed correctly and cheaply, so the system is fair and costs "
                "less to run.",
                public_strength=4,
            ),
            necessity(
                "necessary",
                "Only taxpayers can tell us everything they earned and spent, and the law "
                "requires them to lodge. The question is how to make lodging easy and "
                "accurate, not whether they do it.",
            ),
            motivations(
                material=3,
                intrinsic=0,
                social=0,
                normative=2,
                sanctions=3,
                rewarded=False,
                notes="Most want their refund quickly; late-lodgement penalties and a sense of "
                "duty do the rest.",
            ),
            capability(
                expertise=2,
                capability=3,
                varies=False,
                assets=["local_knowledge"],
                vulnerable=False,
                assets_notes="Taxpayers know their own circumstances better than anyone else.",
                support="Plain guidance and a help line; online, checks that catch common "
                "mistakes as people type.",
            ),
            # Necessary work: the options are ways of getting taxpayers to do it, all
            # co-produced. Online returns are the cheapest; pre-filled ones cost more to
            # build and run but are better, so the willingness to pay decides between them.
            options(
                option(
                    "Paper returns",
                    description="What happens now: taxpayers fill in a paper return and post "
                    "it; our staff key it in and check it.",
                    comparator=True,
                    setup="0",
                    annual="75000000",
                    hours="7500000",
                    money="6000000",
                    clients=3_000_000,
                    confidence="high",
                    ratings=(3, 3, 3, 2),
                ),
                option(
                    "Online returns",
                    description="Taxpayers fill in the return on our website, which adds up the "
                    "figures and catches common mistakes as they go.",
                    setup="10000000",
                    annual="15000000",
                    hours="6000000",
                    clients=3_000_000,
                    confidence="high",
                    ratings=(4, 4, 3, 3),
                ),
                option(
                    "Pre-filled online returns",
                    description="The online return arrives with wages, bank interest and health "
                    "cover already filled in from what employers, banks and insurers tell us; "
                    "taxpayers check it and add the rest. Linking up with every employer and "
                    "bank takes two years.",
                    setup="60000000",
                    annual="32000000",
                    hours="5250000",
                    ramp=2,
                    clients=3_000_000,
                    confidence="medium",
                    ratings=(5, 4, 4, 4),
                ),
            ),
        ),
    ),
    DemoAssessment(
        REVENUE_OFFICE,
        "Small business record keeping",
        "Record-keeping app for sole traders",
        submitted=True,
        days_ago=45,
        answers=merge(
            work(
                does="Sole traders photograph receipts and sort their income and expenses into "
                "categories in our free app through the year.",
                who=["clients"],
                level="individual",
                phases=["delivery"],
                inputs="The app, its categories and prompts; traders' receipts and time.",
                outputs="Records ready for the annual return and for any review.",
                relation="replaces",
            ),
            reciprocity(
                agency_gives=["tools", "information"],
                they_give=["time", "effort", "information"],
                timing="sequential",
                people=60_000,
                hours_each=3,
            ),
            value(
                private="Less scrambling at tax time and a clearer view of the business.",
                private_strength=2,
                public="Fewer record-keeping failures found at audit.",
                public_strength=2,
            ),
            necessity(
                "optional",
                "Field officers could keep visiting traders to put their records in order.",
            ),
            motivations(
                material=2,
                intrinsic=1,
                social=0,
                normative=1,
                sanctions=3,
                rewarded=False,
            ),
            capability(
                expertise=3,
                capability=2,
                varies=True,
                assets=["local_knowledge"],
                vulnerable=False,
                assets_notes="Traders know which costs were really for the business.",
                support="Short videos and reminders inside the app.",
            ),
            costs(
                "Record-keeping app",
                "Field officers reviewing records on visits",
                co_production={
                    "setup": "800000",
                    "annual": "1200000",
                    "hours": "180000",
                    "clients": 60_000,
                    "confidence": "medium",
                    "ratings": (3, 2, 3, 3),
                },
                alternative={
                    "setup": "0",
                    "annual": "9000000",
                    "hours": "120000",
                    "clients": 60_000,
                    "confidence": "medium",
                    "ratings": (4, 4, 3, 3),
                },
            ),
        ),
    ),
    DemoAssessment(
        REVENUE_OFFICE,
        "Small business record keeping",
        "Peer mentors for new sole traders",
        submitted=False,
        days_ago=3,
        answers=merge(
            work(
                does="Experienced traders meet new ones a few times in their first year to "
                "show them how they keep their books.",
                who=["volunteers", "community_orgs"],
                level="group",
                phases=["delivery"],
                inputs="Mentors' time, our matching service and guides.",
                outputs="New traders who keep usable records from the start.",
                relation="adds",
            ),
            reciprocity(
                agency_gives=["training", "information"],
                they_give=["time", "knowledge"],
                timing="simultaneous",
                people=150,
                hours_each=10,
            ),
        ),
    ),
    DemoAssessment(
        REVENUE_OFFICE,
        "Voluntary disclosure of tax errors",
        "Owning up to past tax mistakes",
        submitted=True,
        days_ago=60,
        answers=merge(
            work(
                does="People and firms who find an error in an earlier return tell us about it "
                "before we audit them, work out what they owe and pay it.",
                who=["clients"],
                level="individual",
                phases=["delivery"],
                inputs="The disclosure form, our published penalty rules, the taxpayer's "
                "records and their adviser's time.",
                outputs="Corrected assessments and tax collected without an audit.",
                relation="adds",
            ),
            reciprocity(
                agency_gives=["information", "tools"],
                they_give=["compliance", "information", "time", "money"],
                timing="sequential",
                people=40_000,
                hours_each=6,
            ),
            value(
                private="Lower penalties and the end of the worry of being found out.",
                private_strength=2,
                public="Revenue recovered at a fraction of the cost of finding it ourselves.",
                public_strength=4,
            ),
            necessity(
                "necessary",
                "Only the taxpayer knows about most errors; we cannot collect what we cannot "
                "see, so the question is how to encourage disclosure, not whether.",
            ),
            motivations(
                material=2,
                intrinsic=0,
                social=1,
                normative=2,
                sanctions=4,
                rewarded=True,
                notes="Reduced penalties are the reward; the fear of an audit does the rest.",
            ),
            capability(
                expertise=3,
                capability=3,
                varies=False,
                assets=["local_knowledge"],
                vulnerable=False,
                assets_notes="The taxpayer alone knows what went wrong and why.",
                support="Plain guidance and worked examples.",
            ),
            # Necessary work: the options are ways of getting people to come forward.
            options(
                option(
                    "Disclosure form and published penalty rules",
                    description="What happens now: taxpayers find the form on our website, "
                    "work out what they owe, often with a paid adviser, and pay it.",
                    comparator=True,
                    setup="0",
                    annual="2400000",
                    hours="240000",
                    money="8000000",
                    clients=40_000,
                    confidence="high",
                    ratings=(3, 3, 3, 3),
                ),
                option(
                    "Prompt letters where our data does not match",
                    description="We write to people whose returns do not match what employers, "
                    "banks and share registries tell us, inviting them to put it right before "
                    "we audit. More people come forward; the matching builds up over two years.",
                    setup="1200000",
                    annual="4000000",
                    hours="250000",
                    money="8000000",
                    ramp=2,
                    clients=50_000,
                    confidence="medium",
                    ratings=(4, 3, 3, 3),
                ),
                option(
                    "A named case officer for every disclosure",
                    description="Each person who comes forward gets an officer who helps them "
                    "work out what they owe, so fewer need a paid adviser.",
                    setup="0",
                    annual="6500000",
                    hours="160000",
                    money="6000000",
                    clients=42_000,
                    confidence="medium",
                    ratings=(4, 4, 4, 5),
                ),
            ),
        ),
    ),
]
