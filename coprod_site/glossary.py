"""The words Coprod uses, explained for a manager who has not read the literature.

Each entry is (anchor, term, explanation). Hints on the forms link to an entry as
`/help/#<anchor>` through `term_link`, so a term is explained in one place.
"""

from django.utils.html import format_html

HELP_PATH = "/help/"

GLOSSARY = [
    (
        "Co-production",
        [
            (
                "co-production",
                "Co-production",
                "Citizens or clients doing part of the work of delivering a public service "
                "themselves: filling in their own tax return, parents helping their children "
                "read, mothers supporting other mothers. Coprod asks whether an arrangement "
                "really is this, and whether it is worth it.",
            ),
            (
                "participation",
                "Participation",
                "Taking part in deciding, planning, designing or reviewing a service without "
                "doing any of its work. Valuable, but not co-production.",
            ),
            (
                "co-producers",
                "Co-producers",
                "The people who do the part of the work: clients, citizens, volunteers, "
                "families or community groups.",
            ),
            (
                "what-each-side-gives",
                "What each side gives",
                "In co-production both sides put something in: the agency gives tools, "
                "training or information; co-producers give time, effort, knowledge or simply "
                "keep to the rules. They need not do so at the same time: an agency can build an "
                "online form this year that people fill in next year.",
            ),
            (
                "level",
                "Individual, group or collective",
                "Whether people do the work each on their own (individual), together with others "
                "who share a need or a place (group), or for the whole community (collective). "
                "Work for the whole community tempts some to leave it to others.",
            ),
            (
                "private-value",
                "Private value",
                "Value enjoyed by the person who takes part: better health, a child who reads "
                "well, a refund paid sooner.",
            ),
            (
                "public-value",
                "Public value",
                "Value shared by everyone: safer streets, a tax system that costs less to run. "
                "An arrangement can create both kinds; with neither it is not co-production.",
            ),
            (
                "necessary",
                "Necessary or optional",
                "Necessary: the service cannot work without people doing their part (a regulator "
                "needs people to comply), so the choice is how to get them to do it. Optional: "
                "the agency could do the work another way, so co-production must earn its place "
                "against the alternatives.",
            ),
            (
                "special-assets",
                "What co-producers bring",
                "What people doing the work bring that a paid provider could not easily buy: "
                "knowledge of the area, the trust of those they help, particular skills, or "
                "simply being in the right place.",
            ),
            (
                "capability",
                "Capability",
                "Whether co-producers have the skill the work needs. Where it varies from place "
                "to place, results will be patchy unless the arrangement is adapted locally.",
            ),
        ],
    ),
    (
        "Why people take part",
        [
            (
                "material",
                "Material reasons",
                "Something to gain for themselves: money, a quicker refund, time saved, a reward.",
            ),
            (
                "intrinsic",
                "Intrinsic reasons",
                "They enjoy the work itself or find it satisfying. Paying or threatening people "
                "who take part for this reason can drive them away.",
            ),
            (
                "social",
                "Social reasons",
                "The company of others, belonging to a group, and the respect of neighbours.",
            ),
            (
                "normative",
                "Normative reasons",
                "A sense of duty or of doing the right thing: wanting to help others or to play "
                "fair. Like enjoyment, it can be crowded out by rewards or threats.",
            ),
            (
                "sanctions",
                "Sanctions",
                "A penalty for not taking part, for people the law obliges to. They secure the "
                "minimum; they work best as a backstop behind fair, easy rules.",
            ),
        ],
    ),
    (
        "Who the clients are",
        [
            (
                "beneficiaries",
                "Beneficiaries",
                "People who receive a service for their own good, such as patients or pupils. "
                "Help them take part; never threaten them.",
            ),
            (
                "obligatees",
                "Obligatees",
                "People who owe a duty to the state, such as taxpayers or firms that must follow "
                "regulations. Make it easy and fair to comply, with penalties in reserve.",
            ),
            (
                "paying-customers",
                "Paying customers",
                "People who pay for the service they receive, such as a permit or a paid "
                "collection, and expect value for their money.",
            ),
            (
                "citizens-at-large",
                "Citizens at large",
                "Everyone who shares in a service's benefits, whether or not they use it "
                "themselves. Watch for people leaving the work to others.",
            ),
        ],
    ),
    (
        "Weighing the options",
        [
            (
                "option",
                "Option",
                "One way of doing the work: with co-producers, with your own staff, with a "
                "contracted provider, or, where people's part is needed, one way of getting them "
                "to do it (paper forms, online forms, forms filled in for them).",
            ),
            (
                "comparator",
                "What happens now (the comparison)",
                "The option the others are compared with: the way things are done now, or, where "
                "the co-produced work adds to a service, the service without it.",
            ),
            (
                "present-value",
                "Present value",
                "All the costs over the years of the comparison added up as if paid today, each "
                "year's counting for a little less than the year before (see discount rate). "
                "One-off costs at the start count in full.",
            ),
            (
                "discount-rate",
                "Discount rate",
                "How much less money spent or saved a year from now counts than money today. "
                "3.5% a year is the usual rate for public services in the UK.",
            ),
            (
                "optimism-bias",
                "Allowance for optimism",
                "Estimates of cost tend to be too hopeful, so Coprod raises them: by 10% when "
                "you are very sure of the figures, 25% when fairly sure and 50% for a rough "
                "guess.",
            ),
            (
                "take-up",
                "Years to full take-up",
                "A new way of working takes time to catch on. Clients served, and the hours and "
                "money people give, grow evenly until the year you give; the agency's own yearly "
                "cost is counted in full from the start.",
            ),
            (
                "client-year",
                "Client-year",
                "One client served for one year. Cost per client-year divides an option's full "
                "cost by the client-years it gives, discounted the same way as costs, so it "
                "does not change with the length of the comparison.",
            ),
            (
                "people-s-time",
                "People's time",
                "Coprod counts the hours co-producers give as a cost, at a rate per hour, so "
                "that an option which only moves work onto the public does not look like a "
                "saving.",
            ),
            (
                "quality-index",
                "Quality index",
                "The four ratings of an option (effectiveness, consistency across areas, trust "
                "and responsiveness, and client experience, each 1 to 5) turned into one score "
                "from 0 (poor on everything) to 100 (excellent on everything).",
            ),
            (
                "willingness-to-pay",
                "What a quality point is worth",
                "How much the agency would pay to make the service one point better on the "
                "quality index for one client for one year. With this figure Coprod can name "
                "the best option; without it, it shows the figure at which each option becomes "
                "the best.",
            ),
            (
                "net-benefit",
                "Net benefit",
                "What an option's quality is worth at that figure, for every client-year it "
                "gives, less its full cost. The option with the highest net benefit is the best "
                "choice.",
            ),
            (
                "frontier",
                "Efficient frontier",
                "The options worth considering: those no other option beats, on its own or "
                "mixed with another, by giving more quality for the same money. An option off "
                "the frontier is never the best choice, whatever quality is worth to you.",
            ),
            (
                "dominated",
                "Dominated",
                "An option that costs more than another and is no better, or is worse for the "
                "same cost.",
            ),
            (
                "extended-dominance",
                "Extendedly dominated",
                "An option that buys its extra quality at a higher price per point than the "
                "next option up, so paying for that next option is always better value.",
            ),
            (
                "quadrant",
                "Cheaper, better, or a trade-off",
                "Where the best co-produced option stands against the comparison: cheaper and "
                "better, costs more for better quality, cheaper but worse, and so on. Where the "
                "difference is tiny (half a per cent of cost, half a quality point) it is "
                "called the same.",
            ),
            (
                "switching-value",
                "Tipping point",
                "How far a figure could move before a different option became the best: the "
                "quality the best option could lose, or how much its costs could grow.",
            ),
            (
                "robust",
                "Robust or fragile",
                "Coprod tries the options thousands of times, each time with every figure "
                "drawn at random from its range. A choice is robust when its option comes out "
                "best in at least 80% of the tries, and fragile when it does not; then it is "
                "worth firming up the figures that matter most first.",
            ),
            (
                "acceptability-curve",
                "How often each option comes out best",
                "A chart of the share of tries in which each option comes out best, as the "
                "value of a quality point rises. It helps before the agency has settled on a "
                "figure.",
            ),
            (
                "monte-carlo-error",
                "Give or take (Monte Carlo error)",
                "The tries are random draws, so running them again would give slightly "
                "different figures. The margin shown is how far a figure could move on a fresh "
                "run, 19 times out of 20; a lead smaller than it is as good as a tie.",
            ),
            (
                "value-of-information",
                "What finding out more could be worth",
                "How much better evidence could save, on average, by avoiding the wrong choice "
                "(the expected value of perfect information). If gathering the evidence costs "
                "less, gather it before you decide.",
            ),
            (
                "tornado",
                "Which figures matter most",
                "Each figure moved from the lowest to the highest it could be, the others left "
                "as estimated, and how far that moves the lead of the best option over the "
                "next best. The figures with the longest bars are the ones worth firming up.",
            ),
        ],
    ),
]

TERMS = {anchor: term for _, entries in GLOSSARY for anchor, term, _ in entries}


def term_link(anchor: str, words: str | None = None) -> str:
    """A link to the glossary's entry, for a hint: 'What is a <a>discount rate</a>?'.

    It opens in a new tab, and says so: the hints sit beside boxes being filled in, and
    following a link in the same tab would leave what was typed unsaved."""
    if anchor not in TERMS:
        raise KeyError(f"No glossary entry {anchor!r}")
    return format_html(
        '<a href="{}#{}" target="_blank" rel="noopener">{} (opens in a new tab)</a>',
        HELP_PATH,
        anchor,
        words if words is not None else TERMS[anchor],
    )
