"""Sphinx configuration of the static course site (copied into the staging folder by course.authoring.site)."""

project = "Disrupting online propaganda"
author = "The course's authors"
copyright = "the course's authors. Code: MIT. Course text: CC BY 4.0"
html_title = project

extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
# The lessons are shown with the outputs stored in them: the site never runs a notebook.
nb_execution_mode = "off"
# No widget state is kept for the site (see course.authoring.site); never add the widget scripts from a CDN.
nb_ipywidgets_js = {}
# A pandas table or a chart's text alternative is printed as the notebook prints it.
nb_merge_streams = True
# MyST links like [Lesson 01](01_the_article.ipynb) become links between pages.
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
# Two of the theme's buttons, with accessible names that match what they show (see each file).
templates_path = ["_templates"]
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "navigation_with_keys": False,
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
# Sphinx's general index would be an empty page: the sidebar and the search are the way in.
html_use_index = False


def add_plotly_where_needed(app, pagename, templatename, context, doctree):
    """Load the site's own copy of plotly.js on the pages that show a plotly chart, and nowhere else."""
    if "plotly-graph-div" in context.get("body", ""):
        app.add_js_file("plotly.min.js", priority=100)


def setup(app):
    app.connect("html-page-context", add_plotly_where_needed)
