"""Reading the multiple-choice options a notebook shows, for the tests that keep choices honest.

An option starts a line of markdown: "a) text", "* a) text", "- **b)** text" or "c) text<br>". A long option may
wrap onto the next lines, up to a blank line, the next option, or a line break it marks itself (two spaces or
<br> at the end of a line). The right option should not give itself away by its length: not usually the longest,
and not never the longest either (then a test-wise student crosses out the longest option).
"""

import re

OPTION = re.compile(r"^[ \t]*(?:[-*][ \t]+)?(?:\*\*)?\(?([a-d])\)(?:\*\*)?[ \t]+(.+)$")
BREAK = re.compile(r"(?:[ \t]*<br>|  )[ \t]*$")


def options_in(markdown):
    """{letter: option text} of the options in a piece of markdown, each wrapped option joined into one line."""
    options, current, open_line = {}, None, False
    for line in markdown.splitlines():
        found = OPTION.match(line)
        if found:
            current = found.group(1)
            options[current] = found.group(2)
        elif current and open_line and line.strip():
            options[current] += " " + line.strip()
        else:
            current = None
        open_line = bool(current) and not BREAK.search(line)
    return {letter: BREAK.sub("", text).strip() for letter, text in options.items()}


def right_is_longest(options, right):
    """True when the right option is strictly longer than every other one."""
    return len(options) > 1 and all(
        len(options[right]) > len(text) for letter, text in options.items() if letter != right
    )


def right_is_shortest(options, right):
    """True when the right option is strictly shorter than every other one."""
    return len(options) > 1 and all(
        len(options[right]) < len(text) for letter, text in options.items() if letter != right
    )
