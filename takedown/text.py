"""From the raw scrape of the article to clean text, sentences and quotes.

The seed file is never edited: every cleaning step happens here, in code a student can read.
"""

import re

from takedown.kinds import kind_of

# Lines that belong to the web page, not to the article.
PHOTO_CREDIT = "©"
COMMENT_FORM = ("Please enter your comment!", "Please enter your name here")


def lines(raw):
    """The non-blank lines of a text, stripped of surrounding spaces."""
    return [line.strip() for line in raw.splitlines() if line.strip()]


def drop_repeated_title(text_lines):
    """The scrape repeats the headline; keep its first appearance only."""
    return text_lines[:1] + [line for line in text_lines[1:] if line != text_lines[0]]


def drop_photo_captions(text_lines):
    """An image caption ends up in the text as a line with a copyright sign."""
    return [line for line in text_lines if PHOTO_CREDIT not in line]


def drop_comment_form(text_lines):
    """The page's comment form leaves its prompts at the end of the scrape."""
    return [line for line in text_lines if line not in COMMENT_FORM]


def clean(raw):
    """The article as clean text: headline, then one paragraph per line, blank lines between."""
    text_lines = drop_comment_form(drop_photo_captions(drop_repeated_title(lines(raw))))
    return "\n\n".join(text_lines)


def paragraphs(text):
    """The paragraphs of a cleaned text (the headline and sub-headings count as paragraphs)."""
    return [p for p in text.split("\n\n") if p]


# A sentence ends with . ! or ? (perhaps inside a closing quotation mark) and the next one
# starts with a capital letter or an opening quotation mark.
SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’]))\s+(?=[A-Z“‘])")


def sentences(text):
    """Split a cleaned text into sentences. Headings count as sentences of their own."""
    found = []
    for paragraph in paragraphs(text):
        found.extend(SENTENCE_BREAK.split(paragraph))
    return found


def quote_is_in(quote, text):
    """True when the quote appears word for word in the text (spacing between words may differ).

    The quote must start and end on whole words: "seizure of server" is not in "seizure of servers".
    Given something other than text (a list of quotes, say), it raises a TypeError that says what to do.
    """
    if not isinstance(quote, str):
        raise TypeError(_not_a_quote(quote))
    if not isinstance(text, str):
        raise TypeError(
            f"quote_is_in needs one text to look in, like clean, but got {kind_of(text)}: give it "
            "the quote first, then the whole text, as in text.quote_is_in(quote, clean)."
        )
    words = quote.split()
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)"
    return re.search(pattern, text) is not None


def _not_a_quote(value):
    """Why quote_is_in cannot take `value` as its quote, and what to write instead."""
    if isinstance(value, (list, tuple, set)) or type(value).__name__ == "Series":
        them = "the list" if isinstance(value, list) else "them"
        return (
            f"quote_is_in checks one quote at a time, but got {kind_of(value)}: go through {them} with a "
            "list comprehension, [text.quote_is_in(q, clean) for q in ...]"
        )
    return (
        f'quote_is_in needs the quote as text, between quotation marks, like "Islamic State", but got {kind_of(value)}.'
    )
