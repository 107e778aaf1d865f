"""The demo assessments `assessments.demo.seed_assessments` loads, one module per area.

The figures are illustrative, not measured: they are chosen so that together the
arrangements show every classification, verdict and sensitivity the scoring module gives,
and a spread of risk flags. `tests/assessments/test_demo_data.py` checks that each lands
where intended; change a figure and that test says whether it still does.
"""

from assessments.demo_data.health import HEALTH
from assessments.demo_data.schools import SCHOOLS
from assessments.demo_data.streets import STREETS
from assessments.demo_data.tax import TAX
from assessments.demo_data.waste import WASTE

DEMO_ASSESSMENTS = [*TAX, *HEALTH, *STREETS, *WASTE, *SCHOOLS]
