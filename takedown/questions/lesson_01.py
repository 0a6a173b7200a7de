"""Lesson 01 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_01
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown import text
from takedown.data import raw_article
from takedown.questions import Question, judge_whole_number, multiple_choice


def judge_lines_left(answer):
    steps = [text.drop_repeated_title, text.drop_photo_captions, text.drop_comment_form]
    kept = text.lines(raw_article())
    for step in steps:
        kept = step(kept)
    return judge_whole_number(
        answer, len(kept), "lines are left: the 14 of the scrape minus the debris",
        too_low="Only the debris goes: count the lines the list above calls debris, and no more.",
        too_high="Count the debris again: the list above names a repeated headline, a caption and a "
                 "comment form of two lines.")


c1 = Question(
    name="Check 1",
    judge=judge_lines_left,
    hints=(
        "A prediction is a small sum: the lines of the scrape minus the lines that are not article.",
        "The scrape has 14 lines (the numbers above). The bullet list under it names every debris line.",
        "prediction = 14 - ...   (replace ... with the number of debris lines)",
    ),
    solution_code="prediction = 10",
)

c3 = Question(
    name="Check 3",
    judge=multiple_choice("c", {
        "a": "No: the article is the text being checked. A claim cannot confirm itself, however "
             "confidently it is written.",
        "b": "No: NL Times was also rewriting (it cites the Dutch broadcaster NOS). Two rewrites that agree "
             "may share the same slip; agreement between copies is not evidence of who led.",
        "c": "Yes: the press release is a primary source, written by the agency that coordinated the "
             "operation, and it names both roles in its own words (led by the Belgian Federal Prosecutor's "
             "Office, coordinated by the EU IRU). Lesson 02 adds the prosecutor's own statement.",
        "d": "No: counting how many sites repeat a phrase measures how far it spread, not whether it is "
             "true. Many sites copy one another.",
    }),
    hints=(
        "Ask who was in a position to know, and who was only passing the story on.",
        "Of the four, only one was written by an organisation that took part in the operation.",
        "settles = \"...\"   (cross out a and d: a text cannot confirm itself, and a count shows only how "
        "far a phrase spread. Then ask of b and c who wrote each.)",
    ),
    solution_code='settles = "c"',
)

c5 = Question(
    name="Check 5",
    judge=multiple_choice("b", {
        "a": "No: that is what the article suggests (“This necessitated the latest operation”), but the "
             "release tells of another strike in between.",
        "b": "Yes: the release tells of a second strike in June 2017, led by Spain's Guardia Civil. The "
             "article leaves it out, so its story jumps from 2016 straight to “the latest operation”, "
             "as if 2016 alone had made it necessary.",
        "c": "No: nothing in the release says so, and Amaq was still a target in 2018.",
        "d": "No: that warning came at the end of 2015, before the 2016 takedown, not between it and 2018 "
             "(the article cut it too).",
    }),
    hints=(
        "A cut is something the source says that the rewrite does not say at all.",
        "Look at the rows of the comparison table that are about the history of the case (2015, 2016, 2017).",
        "cut = \"...\"   (the letter of the event that has no words in the article's column)",
    ),
    solution_code='cut = "b"',
)

c6 = Question(
    name="Check 6",
    judge=multiple_choice("b", {
        "a": "No: a stronger word is not a sign of the original. Copies drift both ways, and a word that "
             "sounds bigger is exactly what an editor might add.",
        "b": "Yes: most copies, from outlets that printed the statement at length (VOA, Newstalk, Euronews, "
             "Counter Terror Business), have “international”; the one “global” copy is a site that mixes in "
             "unrelated stories. The course has not seen Europol's own page, so this is the likely "
             "original, not a proven one.",
        "c": "No: you cannot be certain without Europol's own page, but you can weigh the copies: how many "
             "agree, and how careful each one is.",
        "d": "No: the article is one of the copies, not the source. Its wording is what we are checking.",
    }),
    hints=(
        "When copies disagree, ask how many independent copies carry each version, and how careful they are.",
        "Read the note column of the quotes table above, and the list of copies under it.",
        "original = \"...\"   (cross out d first: the article is one of the copies being checked. Then count "
        "the copies that print each word, and note what kind of site each is.)",
    ),
    solution_code='original = "b"',
)

# ---- Checks 2 and 4, added for pace (a check at least every 15 minutes), asked in number order ----

c2 = Question(
    name="Check 2",
    judge=multiple_choice("b", {
        "a": "No: `in` compares the characters exactly, and a capital A is a different character from a "
             "small a. Nothing is done to the case for you.",
        "b": "Yes: `\"amaq\" in sentence` looks for the small letters exactly, and the article always writes "
             "the name with a capital A, so no sentence matches. To ignore case, lower-case the text first: "
             "`\"amaq\" in sentence.lower()`. Lesson 07's word counts lower-case words too (keeping "
             "abbreviations like IS in capitals).",
        "c": "No: `\"amaq\"` is not a looser `\"Amaq\"`, just different characters, and the article never "
             "writes the name with a small a.",
    }),
    hints=(
        "To Python, text is a row of characters, and `in` looks for the same characters in the same order.",
        "Is “A” the same character as “a”? How does the article spell the name each time?",
        "small_a_finds = \"...\"   (how many times does the article write the name with a small a?)",
    ),
    solution_code='small_a_finds = "b"',
)

c4 = Question(
    name="Check 4",
    judge=multiple_choice("b", {
        "a": "No: the check shows that the words are the article's own, not that the article is right. "
             "The article's first sentence (“Europol has led a joint operation”) would pass it, and section 3 "
             "showed that it is wrong.",
        "b": "Yes: `quote_is_in` proves that each quoted row's words are really in the article – so anyone can "
             "check what the row rests on. Whether the article is right is a second question, for other sources "
             "(as with who led the operation).",
        "c": "No: the check reads only the article; no other source is asked, so nothing was checked "
             "against Europol's release or anyone else's account.",
    }),
    hints=(
        "Ask what the check reads, and what it compares with what.",
        "`text.quote_is_in(quote, raw)` looks at two things only: a quote, and the article's text.",
        "all_true_shows = \"...\"   (think of section 3: would the article's sentence about who led the "
        "operation pass this check?)",
    ),
    solution_code='all_true_shows = "b"',
)


QUESTIONS = [c1, c2, c3, c4, c5, c6]
