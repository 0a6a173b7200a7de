"""Cleaning the scraped article, splitting it into sentences and finding quotes in it."""

import pytest

from takedown import data, text

HEADLINE = "Europol announces operation to disrupt Islamic State propaganda"
CAPTION = "Rob Wainwright (left) © Dutch Government/Valerie Kuypers"
COMMENT_FORM = ["Please enter your comment!", "Please enter your name here"]
HEADINGS = ["How did the operation disrupt Islamic State propaganda?", "How have EU authorities responded?"]


@pytest.fixture(scope="module")
def raw():
    return data.raw_article()


@pytest.fixture(scope="module")
def clean(raw):
    return text.clean(raw)


@pytest.fixture(scope="module")
def sentences(clean):
    return text.sentences(clean)


# ---- clean -----------------------------------------------------------------------------------


def test_clean_keeps_the_headline_once(raw, clean):
    """The scrape repeats the headline; the clean text starts with it and has it only once."""
    assert raw.count(HEADLINE) == 2
    assert clean.startswith(HEADLINE + "\n\n")
    assert clean.count(HEADLINE) == 1


def test_clean_drops_the_photo_caption(raw, clean):
    """The photo credit line (with ©) is page debris, not article text."""
    assert CAPTION in raw
    assert "©" not in clean
    assert "Valerie Kuypers" not in clean


@pytest.mark.parametrize("line", COMMENT_FORM)
def test_clean_drops_the_comment_form(raw, clean, line):
    """The comment form's prompts at the end of the page are gone."""
    assert line in raw
    assert line not in clean


def test_clean_paragraphs_all_come_from_the_seed(raw, clean):
    """Cleaning only removes lines: every paragraph of the clean text is in the raw seed."""
    for paragraph in text.paragraphs(clean):
        assert paragraph in raw


def test_clean_keeps_every_paragraph_of_the_article(raw, clean):
    """Every line of the seed that is not debris survives, in the same order."""
    debris = {CAPTION, *COMMENT_FORM}
    article_lines = [line.strip() for line in raw.splitlines() if line.strip() and line.strip() not in debris]
    article_lines.remove(HEADLINE)  # the repeated copy
    assert text.paragraphs(clean) == article_lines
    assert len(article_lines) == 10  # headline, 2 sub-headings and 7 paragraphs


def test_clean_separates_paragraphs_with_blank_lines(clean):
    """One paragraph per line, one blank line between paragraphs, no stray spaces."""
    assert "\n\n\n" not in clean
    assert clean == clean.strip()
    for paragraph in text.paragraphs(clean):
        assert "\n" not in paragraph
        assert paragraph == paragraph.strip()


def test_clean_is_stable(clean):
    """Cleaning clean text changes nothing."""
    assert text.clean(clean) == clean


def test_clean_ignores_windows_line_endings(raw, clean):
    """A copy of the seed saved with CRLF line endings cleans to the same text."""
    assert text.clean(raw.replace("\n", "\r\n")) == clean


# ---- sentences -------------------------------------------------------------------------------


def test_sentence_count(sentences):
    """The clean article has 15 sentences, headings included (exercise 01 relies on this)."""
    assert len(sentences) == 15


def test_headings_are_sentences_of_their_own(sentences):
    """The headline and the two sub-headings are each one sentence."""
    for heading in [HEADLINE, *HEADINGS]:
        assert heading in sentences


def test_wainwright_quote_is_two_sentences(sentences):
    """The break inside the quotation marks splits Wainwright's words into two sentences."""
    first = next(i for i, s in enumerate(sentences) if s.startswith("He commented:"))
    assert sentences[first].endswith("radicalise young people in Europe.")
    assert sentences[first + 1].startswith("I applaud the determined")
    assert sentences[first + 1].endswith("prevalent in Europe today.”")


def test_sentence_ending_in_closing_quote_mark_keeps_it(sentences):
    """A sentence that ends after ” or ’ keeps the quotation mark with its full stop."""
    avramopoulos = next(s for s in sentences if s.startswith("European Commissioner"))
    assert avramopoulos.endswith("terrorist content online”.")


def test_no_words_lost_in_sentences(clean, sentences):
    """Joined back together, the sentences hold every word of the clean text, in order."""
    assert " ".join(sentences).split() == clean.split()


def test_sentences_do_not_span_paragraphs(clean, sentences):
    """No sentence contains a line break."""
    assert all("\n" not in sentence for sentence in sentences)
    assert all(sentence == sentence.strip() and sentence for sentence in sentences)


@pytest.mark.parametrize(
    "passage, expected",
    [
        ("One. Two? Three!", ["One.", "Two?", "Three!"]),
        ("It cost 2.5 million. Then it stopped.", ["It cost 2.5 million.", "Then it stopped."]),
        ("He said: “Go.” Then he left.", ["He said: “Go.”", "Then he left."]),
        ("A heading\n\nA paragraph. Another one.", ["A heading", "A paragraph.", "Another one."]),
        ("lower case. after a stop", ["lower case. after a stop"]),
    ],
)
def test_sentence_splitting_rules(passage, expected):
    """Breaks come after . ! ? (even inside a closing quote) before a capital, never inside numbers."""
    assert text.sentences(passage) == expected


# ---- quote_is_in -----------------------------------------------------------------------------

QUOTE = "which included the seizure of servers and digital evidence"


def test_quote_found_verbatim(clean):
    """The article's own words are found."""
    assert text.quote_is_in(QUOTE, clean)


@pytest.mark.parametrize(
    "spaced",
    [
        "which included the   seizure of servers and digital evidence",
        "which included the seizure\nof servers and\tdigital evidence",
        "  which included the seizure of servers and digital evidence  ",
    ],
)
def test_quote_tolerates_different_spacing(clean, spaced):
    """Line breaks, tabs and extra spaces between words do not matter."""
    assert text.quote_is_in(spaced, clean)


def test_quote_found_across_a_line_break_in_the_text():
    """Spacing may differ in the text too, e.g. a quote wrapped over two lines."""
    assert text.quote_is_in("big hole in the capability", "a big hole\n   in the capability of IS")


@pytest.mark.parametrize(
    "changed",
    [
        "which included the seizure of computers and digital evidence",  # a word replaced
        "which included the seizure of servers and evidence",  # a word left out
        "which included the seizure of servers, and digital evidence",  # punctuation added
        "Which included the seizure of servers and digital evidence",  # capital letter
    ],
)
def test_quote_rejects_changed_words(clean, changed):
    """Any change to the words is not a quote."""
    assert not text.quote_is_in(changed, clean)


@pytest.mark.parametrize(
    "cut",
    [
        "which included the seizure of server",  # last word shortened
        "hich included the seizure of servers",  # first word shortened
    ],
)
def test_quote_rejects_shortened_words_at_its_ends(clean, cut):
    """A quote must be made of whole words: a word cut short at either end is a changed word."""
    assert not text.quote_is_in(cut, clean)


@pytest.mark.parametrize("empty", ["", "   ", "\n\t"])
def test_quote_rejects_empty_text(clean, empty):
    """An empty quote is never 'found'."""
    assert text.quote_is_in(empty, clean) is False


def test_quote_with_regex_characters_is_taken_literally():
    """Brackets, dots and stars in a quote are plain characters, not patterns."""
    assert text.quote_is_in("so-called ‘Islamic State’ (IS) propaganda.", data.article())
    assert not text.quote_is_in("(IS) propaganda.*", data.article())


@pytest.mark.parametrize("quotes", [["a big hole", "radicalise"], ("a big hole",)])
def test_a_list_of_quotes_is_told_to_go_one_at_a_time(quotes, clean):
    """quote_is_in(versions, clean) raises a plain TypeError, not "'list' object has no attribute 'split'"."""
    with pytest.raises(TypeError) as raised:
        text.quote_is_in(quotes, clean)
    message = str(raised.value)
    assert "one quote at a time" in message and "list comprehension" in message
    assert "[text.quote_is_in(q, clean) for q in ...]" in message and "split" not in message


@pytest.mark.parametrize(
    "quote, where, says",
    [
        (None, "the text", "the quote as text"),
        (42, "the text", "the quote as text"),
        ("a big hole", ["a big hole"], "one text to look in"),
        ("a big hole", None, "one text to look in"),
    ],
)
def test_quote_is_in_names_the_argument_that_is_not_text(quote, where, says):
    with pytest.raises(TypeError, match=says) as raised:
        text.quote_is_in(quote, where)
    assert "attribute" not in str(raised.value)
