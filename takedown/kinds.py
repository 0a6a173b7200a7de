"""What kind of value a student gave, in plain words ("text (str)", "a whole number (int)"...).

The questions' messages and the text module's errors both describe a value this way, so it sits at the
bottom of the runtime, beside the feedback it goes into.
"""

import inspect
import math
import numbers


def is_real_number(value):
    """True for a number a student may mean (int, float, numpy's numbers), not for True/False."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def is_nan(value):
    """True when the value is NaN ('not a number'): what pandas gives for, e.g., the mean of no rows."""
    try:
        return is_real_number(value) and math.isnan(value)
    except (TypeError, ValueError, OverflowError):
        return False


def several_numbers(value):
    """True for a tuple of numbers, e.g. (574, 109): what Python makes of 574,109 typed as a number."""
    return (
        isinstance(value, tuple) and len(value) > 1 and all(is_real_number(item) and not is_nan(item) for item in value)
    )


def kind_of(value):
    """A plain description of what kind of value a student gave, e.g. 'text (str)'."""
    if value is None:
        return "nothing (None)"
    if isinstance(value, bool):
        return "True/False (bool)"
    if isinstance(value, numbers.Integral):
        return "a whole number (int)"
    if isinstance(value, numbers.Real):
        if is_nan(value):
            return "NaN ('not a number')"
        try:
            endless = math.isinf(value)
        except (TypeError, ValueError, OverflowError):
            endless = False
        if endless:
            return "infinity (inf), what a division by zero can give"
        return "a decimal number (float)"
    if isinstance(value, str):
        return "text (str)"
    if several_numbers(value):
        return "several numbers separated by commas (a tuple)"
    names = {list: "a list", tuple: "a tuple", set: "a set", dict: "a dictionary (dict)"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    if isinstance(value, type):
        return f"a kind of value (the {getattr(value, '__name__', 'unnamed')} class), not a value itself"
    if inspect.isroutine(value):
        name = getattr(value, "__name__", "") or "the_function"
        owner = getattr(value, "__self__", None)
        called = f".{name}()" if owner is not None and not inspect.ismodule(owner) else f"{name}(...)"
        return f"a function (did you forget the brackets that call it, like {called}?)"
    try:
        return f"a {type(value).__module__.split('.')[0]} {type(value).__name__}"
    except Exception:
        return "a value of an unusual kind"
