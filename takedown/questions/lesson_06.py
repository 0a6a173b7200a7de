"""Lesson 06 – the checked questions inside the lesson (not graded).

Each is a Question like an exercise's; the lesson imports them (`from takedown.questions.lesson_06
import c1`) and a student answers in the lesson itself. Name them "Check 1", "Check 2", ... in
the order the lesson asks them.
"""
from takedown.questions import Question, multiple_choice

# Check 1: a prediction from the steady-state formula, before any run.
c1 = Question(
    name="Check 1",
    judge=multiple_choice("c", {
        "a": "No: the share re-uploaded does not add to the level, it divides it. Look at the formula's "
             "last part, ÷ (1 − reupload_share): what is 1 − 0.5, and what is 1 − 0.75?",
        "b": "No: the level would stay the same only if re-uploads played no part in the formula. "
             "They do: the level is divided by (1 − reupload_share).",
        "c": "Yes: 1 − 0.5 = 0.5 and 1 − 0.75 = 0.25. Dividing by a number half as large doubles the "
             "result, so the long-run level doubles (from about 635 to about 1,270 items).",
        "d": "No: a level that grows without limit needs every removed item to come back "
             "(reupload_share = 1, so 1 − 1 = 0). At 0.75, a quarter of removals are for good.",
    }),
    hints=(
        "Only the last part of the steady-state formula uses the share re-uploaded: ÷ (1 − reupload_share).",
        "Work out 1 − reupload_share before and after: 1 − 0.5, then 1 − 0.75. How do the two compare?",
        "Dividing by 0.25 instead of 0.5 is like multiplying by … ? Compare with the options.",
    ),
    solution_code='prediction = "c"',
)

# Check 3: a prediction before the three scenarios are drawn.
c3 = Question(
    name="Check 3",
    judge=multiple_choice("b", {
        "a": "No: in “remove items” nothing changes, so the level stays where it started. The other two "
             "runs both push it down, so it cannot be the lowest.",
        "b": "Yes: for 48 hours (72 to 120) posting falls by 90% while removal goes on, so the level "
             "falls faster than under any other run. When posting comes back, the level creeps back up.",
        "c": "No: the one-hour rule lowers the level slowly, because it shortens only the last 24 hours "
             "of an item's 134-hour life. Two days after the takedown began, it has not caught up yet.",
    }),
    hints=(
        "Think about what each strategy changes: the tap (posting) or the drain (how fast items go).",
        "The takedown cuts posting by 90% from hour 72 to hour 120. The one-hour rule shortens an "
        "item's life from 134 to 111 hours, from hour 0. Which changes the level faster in the short run?",
        "Weigh size against time: posting cut by 90% for 48 hours, or removal about a fifth faster for "
        "120 hours. Roughly, 0.9 × 48 against 0.2 × 120: which is larger?",
    ),
    solution_code='prediction = "b"',
)

# Check 4: a prediction before moving a slider.
c4 = Question(
    name="Check 4",
    judge=multiple_choice("b", {
        "a": "No: the re-upload share is not part of one strategy; it is the same in all three runs. "
             "Change it and it changes every line.",
        "b": "Yes: every run shares the same re-upload share, and the level is divided by (1 − share): "
             "1 − 0.9 = 0.1 is a fifth of 0.5, so every line starts and stays about five times higher.",
        "c": "No: re-uploads put removed items back, so more re-uploads mean more items live, never fewer.",
    }),
    hints=(
        "Is `reupload_share` part of one strategy, or of the bathtub that all three runs share?",
        "Use the formula from section 1: the level is divided by (1 − reupload_share). Compare 1 − 0.5 "
        "with 1 − 0.9.",
        "0.1 is what fraction of 0.5? Dividing by it multiplies the level by … ?",
    ),
    solution_code='prediction = "b"',
)

# Check 5: which source would settle this?
c5 = Question(
    name="Check 5",
    judge=multiple_choice("c", {
        "a": "No: the article reports one operation and never counts re-uploads. A press text can tell "
             "you that something happened, not how often removed items come back.",
        "b": "No: a longer run only repeats the assumption. The model's output can never test its own "
             "input: whatever share you give it, it uses.",
        "c": "Yes: the share is about removed items coming back, so it takes a count of removed items "
             "and of how many returned, over a stated time, on a stated platform. Even then it would "
             "anchor the number for that platform and period only.",
        "d": "No: a recommendation says what the Commission asked platforms to do (stop re-uploads), "
             "not how many re-uploads happened. A rule is not a measurement.",
    }),
    hints=(
        "`reupload_share` is a share: removed items that come back ÷ all removed items.",
        "For each option, ask what it is: a measurement, a rule, a news report, or the model itself?",
        "A source settles a number only if it measured that number. Cross out the options that measure nothing.",
    ),
    solution_code='source = "c"',
)

# ---- Check 2, added for pace (a check at least every 15 minutes): how far to trust one parameter -------

c2 = Question(
    name="Check 2",
    judge=multiple_choice("b", {
        "a": "No: its status is “illustrative”: no source gives the value 0.5. Nothing measured how many "
             "removed items come back.",
        "b": "Yes: “illustrative” means the value was chosen to make the model run, and `source_backs` = "
             "“behaviour” means a source backs only that re-uploads happen. Any result that depends on 0.5 "
             "is a what-if, to be read as “if half came back”.",
        "c": "No: the Telegram figures of 2018 and 2019 are other rows (`find_hours_telegram_...`), about how "
             "long channels lived, not about re-uploads.",
    }),
    hints=(
        "Two columns say how far to trust a value: `status` and `source_backs`.",
        "Find the `reupload_share` row in the table above and read those two columns, then the list of "
        "statuses above the table.",
        "reupload_share_is = \"...\"   (does any source give the number 0.5 itself?)",
    ),
    solution_code='reupload_share_is = "b"',
)


QUESTIONS = [c1, c2, c3, c4, c5]
