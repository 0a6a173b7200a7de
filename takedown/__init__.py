"""Helper package for the course *Disrupting online propaganda*.

The lessons use it to load the course's data (`takedown.data`), clean the article
(`takedown.text`), draw charts (`takedown.charts`) and check exercise answers
(`takedown.questions`). Modules are imported on demand, so `import takedown` is cheap.
"""

__version__ = "0.1.0"
