"""The demo assessments `assessments.demo.seed_assessments` loads, one module per area.

The figures are illustrative, not measured: they are chosen so that together the
arrangements show every classification, quadrant and sensitivity the scoring package gives,
both kinds of option off the efficient frontier (dominated and extendedly dominated), and a
spread of risk flags. Necessary arrangements compare ways of getting people to do the work
(all co-produced); "Peer breastfeeding supporters" adds to its service, so its comparator is
the service without them. Two demo agencies have decided what a quality point is worth, so
their reports name a best option; the council has not, so its reports lead with the
frontier. `tests/assessments/test_demo_data.py` checks that each lands where intended;
change a figure and that test says whether it still does.
"""

from assessments.demo_data.health import HEALTH
from assessments.demo_data.outcomes import OUTCOMES
from assessments.demo_data.schools import SCHOOLS
from assessments.demo_data.streets import STREETS
from assessments.demo_data.tax import TAX
from assessments.demo_data.waste import WASTE

DEMO_ASSESSMENTS = [*TAX, *HEALTH, *STREETS, *WASTE, *SCHOOLS, *OUTCOMES]
