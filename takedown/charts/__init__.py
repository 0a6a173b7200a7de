"""The course's charts, one function per chart, each returning a `Chart` (figure + text alternative).

    from takedown import charts
    charts.country_map()

Lessons 03 onwards keep their charts in a module of their own: `from takedown.charts import timeline`.
"""

from takedown.charts.countries import (
    ROLE_COLOURS,
    ROLE_ORDER,
    country_map,
    membership_chart,
    roles_chart,
    static_country_map,
    world_shapes,
)
from takedown.charts.disclosure import CLOSED_ALT_SUMMARY, chart_with_closed_alt, closed_alt_markdown
from takedown.charts.outlets import LEVELS, outlet_action_matrix, outlet_action_table
from takedown.charts.style import GREY, OKABE_ITO, Chart, in_words, matplotlib_chart
