"""Published reference values: prices per unit of an outcome used in public-sector appraisal.

Each entry in ``REFERENCE_VALUES`` is a plain dict with the same keys: slug, name, unit, value,
low, high, currency, price_year, country, source_title, publisher, location, source_year, url,
quote and note. Money amounts are ``Decimal`` values in the stated currency and price year; where
the source gives no range, low and high equal value.

Every figure below was checked against the text of the source it cites: the ``quote`` field holds
the exact words (or table cells) from that text that contain the figure as printed. Values whose
figures could not be seen in source text were left out rather than filled from memory or from
secondary write-ups. Among those left out: the HM Treasury WELLBY value, the Home Office unit
costs of crime (2018), the DfT TAG values of time, the 2021 DESNZ/BEIS carbon value series and
the PSSRU unit costs of health and social care. The Home Office's earlier figure for a burglary
(2000) is here, as a minister quoted it to the House of Commons.

``TIME_VALUES`` holds published values of an hour of people's time, in the same shape, loaded
by their own data migration (``0013_load_time_values``). They are official transport-appraisal
values of travel time; costing the time people give to a service at them is our own step, and
each note says so. Two conventions mark them, so the appraisal page can offer them without a
field of their own: the unit is "one hour", and the name says "working time" or "non-working
time" (``assessments.forms.appraisal`` reads both). The DfT's values are as the Government stated
them to the House of Lords in 2008, not read in TAG itself.

``DEFLATORS`` is meant to hold GDP deflator indices by currency. No series could be read in full
(2010 onwards) from stored copies of the primary releases, so it is left empty for now; callers
should treat a missing currency as "no deflator available" and not convert prices.

The ``note`` texts are our own words. This module is pure data with no Django imports, so it can
be loaded by a data migration or a management command.
"""

from decimal import Decimal

REFERENCE_VALUES: list[dict] = [
    {
        "slug": "nice-qaly-threshold-lower",
        "name": "A quality-adjusted life year: NICE's lower threshold",
        "unit": "one quality-adjusted life year (QALY) gained",
        "value": Decimal("20000"),
        "low": Decimal("20000"),
        "high": Decimal("20000"),
        "currency": "GBP",
        "price_year": 2022,
        "country": "United Kingdom",
        "source_title": "NICE health technology evaluations: the manual (PMG36)",
        "publisher": "National Institute for Health and Care Excellence (NICE)",
        "location": "Chapter 6 'Committee recommendations' (paragraph number not visible in the stored text)",
        "source_year": 2022,
        "url": "https://www.nice.org.uk/process/pmg36/chapter/committee-recommendations",
        "quote": "Below a most plausible ICER of £20,000 per QALY gained",
        "note": "A decision rule, not a price that is uprated each year; the price year is simply the year of the manual. Use it to judge whether a health gain is bought cheaply enough, bearing in mind that NICE has since raised its standard thresholds.",
    },
    {
        "slug": "nice-hst-qaly-threshold",
        "name": "A quality-adjusted life year: NICE's threshold for very rare conditions",
        "unit": "one quality-adjusted life year (QALY) gained",
        "value": Decimal("100000"),
        "low": Decimal("100000"),
        "high": Decimal("100000"),
        "currency": "GBP",
        "price_year": 2022,
        "country": "United Kingdom",
        "source_title": "NICE health technology evaluations: the manual (PMG36)",
        "publisher": "National Institute for Health and Care Excellence (NICE)",
        "location": "Chapter 6 'Committee recommendations' (paragraph number not visible in the stored text)",
        "source_year": 2022,
        "url": "https://www.nice.org.uk/process/pmg36/chapter/committee-recommendations",
        "quote": "or £100,000 per QALY gained for highly specialised technologies",
        "note": "Only applies to treatments for ultra-rare diseases assessed under NICE's highly specialised technologies route. Do not use it as a general value of health.",
    },
    {
        "slug": "nice-qaly-threshold-20k-30k",
        "name": "A quality-adjusted life year: NICE's range before 2026",
        "unit": "one quality-adjusted life year (QALY) gained",
        "value": Decimal("20000"),
        "low": Decimal("20000"),
        "high": Decimal("30000"),
        "currency": "GBP",
        "price_year": 2025,
        "country": "United Kingdom",
        "source_title": "Should NICE's cost-effectiveness thresholds change? (NICE blog)",
        "publisher": "National Institute for Health and Care Excellence (NICE)",
        "location": "Section 'NICE's approach to medicines evaluation'",
        "source_year": 2025,
        "url": "https://www.nice.org.uk/news/blogs/should-nice-s-cost-effectiveness-thresholds-change-",
        "quote": "between £20,000 and £30,000 per additional QALY gained",
        "note": "The long-standing range used by NICE; value is the lower edge and high the upper edge. Use it to reproduce or compare with appraisals made before NICE moved to £25,000 to £35,000.",
    },
    {
        "slug": "nice-qaly-threshold-25k-35k",
        "name": "A quality-adjusted life year: NICE's range from 2026",
        "unit": "one quality-adjusted life year (QALY) gained",
        "value": Decimal("25000"),
        "low": Decimal("25000"),
        "high": Decimal("35000"),
        "currency": "GBP",
        "price_year": 2026,
        "country": "United Kingdom",
        "source_title": "Changes to NICE's cost-effectiveness thresholds (Q&A)",
        "publisher": "National Institute for Health and Care Excellence (NICE)",
        "location": "Introduction to the Q&A page",
        "source_year": 2026,
        "url": "https://www.nice.org.uk/what-nice-does/faqs/changes-to-nice-s-cost-effectiveness-thresholds",
        "quote": "increase the thresholds that NICE can use in technology appraisals to £25,000 to £35,000 per quality-adjusted life year gained",
        "note": "The current standard range for NICE medicine appraisals; value is the lower edge. It covers technology appraisals only, not highly specialised technologies or other NICE programmes.",
    },
    {
        "slug": "green-book-qaly-value",
        "name": "A quality-adjusted life year: the Green Book's value",
        "unit": "one quality-adjusted life year (QALY)",
        "value": Decimal("70000"),
        "low": Decimal("70000"),
        "high": Decimal("70000"),
        "currency": "GBP",
        "price_year": 2020,
        "country": "United Kingdom",
        "source_title": "Written question HL5283: Cost-benefit analysis (answer on behalf of HM Treasury)",
        "publisher": "UK Parliament (answer given by HM Treasury)",
        "location": "Written answer to question HL5283",
        "source_year": 2023,
        "url": "https://parallelparliament.co.uk/question/HL5283/cost-benefit-analysis",
        "quote": "£70,000 for the value of a Quality-Adjusted Life Year (QALY). This is expressed in 2020-21 prices",
        "note": "A willingness-to-pay value for a year of full health, used to put health gains into a wider social cost-benefit analysis; it is not a health-service budget threshold like NICE's. Figures are in 2020-21 financial-year prices, recorded here as 2020.",
    },
    {
        "slug": "uk-carbon-value-2030-2019-guidance",
        "name": "A tonne of carbon emitted in 2030: the 2019 UK value (replaced)",
        "unit": "one tonne of carbon dioxide equivalent emitted in 2030",
        "value": Decimal("81"),
        "low": Decimal("40"),
        "high": Decimal("121"),
        "currency": "GBP",
        "price_year": 2018,
        "country": "United Kingdom",
        "source_title": "Written question HL15229: OECD countries (answer on behalf of BEIS)",
        "publisher": "UK Parliament (answer given by the Department for Business, Energy and Industrial Strategy)",
        "location": "Table 1 of the written answer (summary of Table 3 of the BEIS appraisal guidance)",
        "source_year": 2019,
        "url": "https://parallelparliament.co.uk/question/HL15229/oecd-countries",
        "quote": "2030 | 40 | 81 | 121",
        "note": "These are the pre-2021 carbon values and are much lower than the series published in September 2021. Use them only to reproduce older appraisals, never for new ones.",
    },
    {
        "slug": "uk-landfill-tax-standard-2021",
        "name": "A tonne of waste sent to landfill: Landfill Tax, standard rate (2021)",
        "unit": "one tonne of waste sent to landfill",
        "value": Decimal("96.70"),
        "low": Decimal("96.70"),
        "high": Decimal("96.70"),
        "currency": "GBP",
        "price_year": 2021,
        "country": "United Kingdom",
        "source_title": "Finance Act 2021, section 111 (Rates of landfill tax)",
        "publisher": "UK Parliament (legislation.gov.uk)",
        "location": "Section 111(2) and (4)",
        "source_year": 2021,
        "url": "https://www.legislation.gov.uk/ukpga/2021/26/section/111",
        "quote": "for “£94.15” substitute “£96.70”",
        "note": "The tax saved when a tonne of general waste is kept out of landfill, at the rate in force from April 2021. The rate rises most years, so check the rate for the year you are appraising.",
    },
    {
        "slug": "uk-landfill-tax-lower-2021",
        "name": "A tonne of inert waste sent to landfill: Landfill Tax, lower rate (2021)",
        "unit": "one tonne of qualifying inert waste sent to landfill",
        "value": Decimal("3.10"),
        "low": Decimal("3.10"),
        "high": Decimal("3.10"),
        "currency": "GBP",
        "price_year": 2021,
        "country": "United Kingdom",
        "source_title": "Finance Act 2021, section 111 (Rates of landfill tax)",
        "publisher": "UK Parliament (legislation.gov.uk)",
        "location": "Section 111(3)(b) and (4)",
        "source_year": 2021,
        "url": "https://www.legislation.gov.uk/ukpga/2021/26/section/111",
        "quote": "for “£3” substitute “£3.10”",
        "note": "Applies only to inert materials such as soil, stones and rubble. Use the standard rate for mixed household or commercial waste.",
    },
    {
        "slug": "au-value-of-statistical-life",
        "name": "A statistical life: the Australian Government's value",
        "unit": "one statistical life (one premature death avoided)",
        "value": Decimal("5700000"),
        "low": Decimal("5700000"),
        "high": Decimal("5700000"),
        "currency": "AUD",
        "price_year": 2024,
        "country": "Australia",
        "source_title": "Value of statistical life (guidance note)",
        "publisher": "Office of Impact Analysis, Department of the Prime Minister and Cabinet",
        "location": "Key points, second bullet",
        "source_year": 2024,
        "url": "https://oia.pmc.gov.au/resources/guidance-assessing-impacts/value-statistical-life",
        "quote": "a credible estimate of the value of statistical life is $5.7m",
        "note": "Use to value a reduction in the risk of death across a population, in 2024 dollars. The guidance asks for a sensitivity test because the estimate rests on several assumptions.",
    },
    {
        "slug": "au-value-of-statistical-life-year",
        "name": "A statistical life year: the Australian Government's value",
        "unit": "one statistical life year",
        "value": Decimal("245000"),
        "low": Decimal("245000"),
        "high": Decimal("245000"),
        "currency": "AUD",
        "price_year": 2024,
        "country": "Australia",
        "source_title": "Value of statistical life (guidance note)",
        "publisher": "Office of Impact Analysis, Department of the Prime Minister and Cabinet",
        "location": "Key points, second bullet",
        "source_year": 2024,
        "url": "https://oia.pmc.gov.au/resources/guidance-assessing-impacts/value-statistical-life",
        "quote": "the value of statistical life year is $245,000 in 2024 dollars",
        "note": "Use when an outcome is measured in years of life gained rather than deaths avoided, for example for programmes aimed at older people. Do not add it to the value of a statistical life for the same deaths.",
    },
    {
        "slug": "nz-treasury-value-of-statistical-life-2013",
        "name": "A statistical life: the NZ Treasury's value",
        "unit": "one statistical life (one premature death avoided)",
        "value": Decimal("3850000"),
        "low": Decimal("3850000"),
        "high": Decimal("3850000"),
        "currency": "NZD",
        "price_year": 2013,
        "country": "New Zealand",
        "source_title": "Guide to Social Cost Benefit Analysis",
        "publisher": "The Treasury (New Zealand)",
        "location": "Standard values section, 'Value of life' box (before paragraph 213)",
        "source_year": 2015,
        "url": "https://www.treasury.govt.nz/publications/guidance/planning/costbenefitanalysis/guide/41.htm",
        "quote": "The value of statistical life is estimated at $3.85 million as at June 2013",
        "note": "The Treasury's standard figure for reduced risk of death, in June 2013 dollars. The guide says it is indexed to average hourly earnings, so update it that way rather than with a price deflator.",
    },
    {
        "slug": "nz-mot-value-of-statistical-life-2016",
        "name": "A statistical life on the roads: NZ Ministry of Transport",
        "unit": "one road fatality avoided",
        "value": Decimal("4140000"),
        "low": Decimal("4140000"),
        "high": Decimal("4140000"),
        "currency": "NZD",
        "price_year": 2016,
        "country": "New Zealand",
        "source_title": "Social cost of road crashes and injuries, 2016 update: report overview",
        "publisher": "Ministry of Transport (New Zealand)",
        "location": "Section 'Average social cost per injury and per crash'",
        "source_year": 2017,
        "url": "https://www.transport.govt.nz/research/roadcrashstatistics/thesocialcostofroadcrashesandinjuries/report-overview/",
        "quote": "The updated value of statistical life (VOSL) is $4.14 million per fatality at June 2016 prices",
        "note": "The willingness-to-pay part of a death only, in June 2016 prices. Use the average social cost per fatality instead when you also want medical, legal and property costs.",
    },
    {
        "slug": "nz-mot-social-cost-per-fatality-2016",
        "name": "A road death: its social cost in New Zealand",
        "unit": "one road fatality",
        "value": Decimal("4180000"),
        "low": Decimal("4180000"),
        "high": Decimal("4180000"),
        "currency": "NZD",
        "price_year": 2016,
        "country": "New Zealand",
        "source_title": "Social cost of road crashes and injuries, 2016 update: report overview",
        "publisher": "Ministry of Transport (New Zealand)",
        "location": "Section 'Average social cost per injury and per crash'",
        "source_year": 2017,
        "url": "https://www.transport.govt.nz/research/roadcrashstatistics/thesocialcostofroadcrashesandinjuries/report-overview/",
        "quote": "an updated average social cost per fatality of $4.18 million",
        "note": "The full cost to society of one road death, adding other costs to the value of a statistical life. Do not count it together with the value of a statistical life for the same death.",
    },
    {
        "slug": "nz-mot-social-cost-serious-injury-2016",
        "name": "A serious road injury: its social cost in New Zealand",
        "unit": "one serious road injury",
        "value": Decimal("439100"),
        "low": Decimal("439100"),
        "high": Decimal("439100"),
        "currency": "NZD",
        "price_year": 2016,
        "country": "New Zealand",
        "source_title": "Social cost of road crashes and injuries, 2016 update: report overview",
        "publisher": "Ministry of Transport (New Zealand)",
        "location": "Section 'Average social cost per injury and per crash'",
        "source_year": 2017,
        "url": "https://www.transport.govt.nz/research/roadcrashstatistics/thesocialcostofroadcrashesandinjuries/report-overview/",
        "quote": "$439,100 per serious injury",
        "note": "Use to value serious injuries prevented by a safety scheme, in June 2016 prices. The ministry warns that injuries reported only to hospitals or ACC are not adjusted for in this figure.",
    },
    {
        "slug": "nz-mot-social-cost-minor-injury-2016",
        "name": "A minor road injury: its social cost in New Zealand",
        "unit": "one minor road injury",
        "value": Decimal("23400"),
        "low": Decimal("23400"),
        "high": Decimal("23400"),
        "currency": "NZD",
        "price_year": 2016,
        "country": "New Zealand",
        "source_title": "Social cost of road crashes and injuries, 2016 update: report overview",
        "publisher": "Ministry of Transport (New Zealand)",
        "location": "Section 'Average social cost per injury and per crash'",
        "source_year": 2017,
        "url": "https://www.transport.govt.nz/research/roadcrashstatistics/thesocialcostofroadcrashesandinjuries/report-overview/",
        "quote": "$23,400 per minor injury",
        "note": "Use for minor injuries avoided, in June 2016 prices. Many minor injuries never reach police records, so counts taken from crash reports will understate the total.",
    },
    {
        "slug": "home-office-burglary-in-a-dwelling-2000",
        "name": "A burglary of a home: its cost to society (Home Office, 2000)",
        "unit": "one burglary in a dwelling",
        "value": Decimal("2300"),
        "low": Decimal("2300"),
        "high": Decimal("2300"),
        "currency": "GBP",
        "price_year": 1999,
        "country": "United Kingdom",
        "source_title": "Written answer on burglary, citing Home Office Research Study 217 "
        "(Brand and Price, 2000), The economic and social costs of crime",
        "publisher": "UK Parliament, House of Commons (answer given by Ms Blears for the Home Office)",
        "location": "HC Deb 22 October 2003 vol 411 cc637-8W, answer to question 128546",
        "source_year": 2003,
        "url": "https://api.parliament.uk/historic-hansard/written_answers/2003/oct/22/burglary",
        "quote": "This study estimated that the average burglary in a dwelling costs society around £2,300 (including £830 in property stolen and damaged)",
        "note": "The average cost to society of one burglary of a home in England and Wales, including £830 of property stolen or damaged, in 1999/2000 prices (recorded here as 1999). The Home Office's second edition of The economic and social costs of crime (2018) replaces it once a curator has checked the figures in that edition's tables.",
    },
]

ATAP_TIME = {
    "currency": "AUD",
    "price_year": 2013,
    "country": "Australia",
    "source_title": "Australian Transport Assessment and Planning (ATAP) Guidelines, PV2 Road "
    "transport (parameter values), chapter '3. Travel Time'",
    "publisher": "Transport and Infrastructure Council (ATAP Guidelines)",
    "location": "Section 3.1.1 'Travel time values for light vehicle occupants' (the text puts "
    "the values in Table 3.4, which was not seen)",
    # The chapter shows no date; the ATAP name (and so this page) dates from the 4th edition,
    # released in August 2016, the best-supported year.
    "source_year": 2016,
    "url": "https://atap.gov.au/node/2098",
}
ATAP_DATES = (
    "These are values at 30 June 2013, the end of the 2012-13 financial year, recorded here "
    "as 2013. The page shows no date of publication: 2016, when the ATAP Guidelines' 4th edition "
    "gave them their name, is the earliest it can be."
)
OUR_STEP = (
    "It is a value of travel time; using it for the time people give to a service is our own "
    "step, not the publisher's."
)
DFT_TIME = {
    "currency": "GBP",
    "price_year": 2002,
    "country": "United Kingdom",
    "source_title": "Transport: journey times, a written answer giving the Department for "
    "Transport's values (13 May 2008)",
    "publisher": "UK Parliament, House of Lords",
    "location": "answer to question HL3378",
    "source_year": 2008,
    "url": "https://hansard.parliament.uk/Lords/2008-05-13/debates/08051354000021/"
    "TransportJourneyTimes",
}
DFT_OLD = (
    "The answer gives average 2002 prices and values, in market prices; earnings and prices have "
    "risen a good deal since, so it understates an hour today."
)
DFT_NON_WORK_QUOTE = (
    "For non-work purposes it is recommended that a rate of £5.04 per hour for commuting and "
    "£4.46 per hour for other journeys is applied in an appraisal."
)

TIME_VALUES: list[dict] = [
    {
        **ATAP_TIME,
        "slug": "au-atap-non-working-time-2013",
        "name": "An hour of non-working time: private travel in Australia (ATAP, June 2013)",
        "unit": "one hour",
        "value": Decimal("14.99"),
        "low": Decimal("14.99"),
        "high": Decimal("14.99"),
        "quote": "private travel time was valued at 40% of seasonally adjusted full time AWE for "
        "Australia (Austroads, 1997) or $14.99 per person-hour (i.e. 40% of the AWE).",
        "note": "What an hour of a person's own time is worth in Australian road appraisal: 40% "
        f"of average full-time earnings, counted by the hour. {OUR_STEP} {ATAP_DATES}",
    },
    {
        **ATAP_TIME,
        "slug": "au-atap-working-time-2013",
        "name": "An hour of working time: business car travel in Australia (ATAP, June 2013)",
        "unit": "one hour",
        "value": Decimal("48.63"),
        "low": Decimal("48.63"),
        "high": Decimal("48.63"),
        "quote": "On this basis, business car travel was estimated at $48.63 per person-hour. "
        "These values are contained in Table 3.4.",
        "note": "What an hour of an employee's working time costs their employer in Australian "
        "road appraisal: 129.8% of average full-time earnings an hour, on a 38-hour week, so it "
        f"includes the cost of employing someone beyond their wage. {OUR_STEP} {ATAP_DATES}",
    },
    {
        **DFT_TIME,
        "slug": "uk-dft-non-working-time-commuting-2002",
        "name": "An hour of non-working time: commuting in the UK (DfT, 2002 prices)",
        "unit": "one hour",
        "value": Decimal("5.04"),
        "low": Decimal("5.04"),
        "high": Decimal("5.04"),
        "quote": DFT_NON_WORK_QUOTE,
        "note": "The Department for Transport's value of an hour spent commuting, as the "
        f"Government stated it to the House of Lords. {OUR_STEP} {DFT_OLD}",
    },
    {
        **DFT_TIME,
        "slug": "uk-dft-non-working-time-other-2002",
        "name": "An hour of non-working time: other journeys in the UK (DfT, 2002 prices)",
        "unit": "one hour",
        "value": Decimal("4.46"),
        "low": Decimal("4.46"),
        "high": Decimal("4.46"),
        "quote": DFT_NON_WORK_QUOTE,
        "note": "The Department for Transport's value of an hour of leisure and other personal "
        "time, the usual choice for time people give in their own time, as the Government "
        f"stated it to the House of Lords. {OUR_STEP} {DFT_OLD}",
    },
    {
        **DFT_TIME,
        "slug": "uk-dft-working-time-bus-passenger-2002",
        "name": "An hour of working time: a bus passenger on business in the UK (DfT, 2002 prices)",
        "unit": "one hour",
        "value": Decimal("20.22"),
        "low": Decimal("20.22"),
        "high": Decimal("20.22"),
        "quote": "It is recommended that for work purposes a rate of £20.22 per hour be applied "
        "to time spent travelling on a bus as a passenger.",
        "note": "The Department for Transport's value of an hour of working time for bus "
        "passengers travelling on their employer's business only; the same answer says the value "
        "of work time should reflect the average income of the business travellers concerned, so "
        f"other workers' hours are worth more or less. {OUR_STEP} {DFT_OLD}",
    },
]

# GDP deflator indices by currency. Left empty: no primary series covering 2010 onwards could be
# read from stored copies of HM Treasury, ABS or Stats NZ releases (see module docstring).
DEFLATORS: dict[str, dict] = {}
