"""Answers as plain data, so they can leave a student's kernel and be judged elsewhere.

The grader runs a submission in its own kernel (inside the sandbox), then calls `export_answers`
there: each answer variable is written to a JSON file as tagged data. The sandbox's worker sends
that data back, and the grader turns it into values with `decode` in its own process and judges
them there, so nothing a notebook redefines (a check, a verdict) can change a grade. Reading is
JSON only: nothing in it is ever executed.
"""

import json
import math
import numbers

MAX_BYTES = 5_000_000  # an answer bigger than this is reported as too large, not read


class Unreadable:
    """Stands for an answer that could not be carried over (or is missing: `missing` is True)."""

    def __init__(self, description, missing=False):
        self.description = description
        self.missing = missing

    def __repr__(self):
        return f"<unreadable answer: {self.description}>"


def _encode(value, depth=0):
    if depth > 20:
        raise ValueError("nested too deeply")
    if value is ...:
        return {"kind": "placeholder"}
    if value is None or isinstance(value, (bool, str)):
        return {"kind": "plain", "value": value}
    if isinstance(value, numbers.Integral):
        return {"kind": "plain", "value": int(value)}
    if isinstance(value, numbers.Real):
        number = float(value)
        return (
            {"kind": "float", "value": repr(number)}
            if not math.isfinite(number)
            else {"kind": "plain", "value": number}
        )
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        kind = {list: "list", tuple: "tuple"}.get(type(value), "set")
        return {"kind": kind, "items": [_encode(item, depth + 1) for item in items]}
    if isinstance(value, dict):
        return {"kind": "dict", "items": [[_encode(k, depth + 1), _encode(v, depth + 1)] for k, v in value.items()]}
    if hasattr(value, "to_plotly_json") and type(value).__name__ in ("Figure", "FigureWidget"):
        return {"kind": "plotly figure", "figure": json.loads(value.to_json())}
    module = type(value).__module__.split(".")[0]
    if module == "pandas" and type(value).__name__ == "Series":
        return {
            "kind": "series",
            "name": _encode(value.name, depth + 1),
            "index": _encode(list(value.index), depth + 1),
            "items": _encode(list(value), depth + 1),
        }
    if module == "pandas" and type(value).__name__ == "DataFrame":
        return {
            "kind": "dataframe",
            "columns": _encode([str(c) for c in value.columns], depth + 1),
            "rows": _encode(value.astype(object).values.tolist(), depth + 1),
        }
    if module == "numpy" and hasattr(value, "tolist"):
        return _encode(value.tolist(), depth + 1)
    raise ValueError(f"a {module} {type(value).__name__}")


def encode(value):
    """Tagged, JSON-ready data for one answer (or an 'unreadable' tag saying what it was)."""
    try:
        encoded = _encode(value)
        if len(json.dumps(encoded)) > MAX_BYTES:
            return {"kind": "unreadable", "description": "an answer too large to grade"}
        return encoded
    except Exception as error:  # anything odd a notebook can build: report, never crash
        description = str(error) if isinstance(error, ValueError) else "a value that could not be read"
        return {"kind": "unreadable", "description": description[:200]}


def decode(data):
    """The Python value for tagged data made by `encode` (plotly figures rebuilt, sets restored)."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == "placeholder":
        return ...
    if kind == "plain":
        return data["value"]
    if kind == "float":
        return float(data["value"])
    if kind in ("list", "tuple", "set"):
        items = [decode(item) for item in data["items"]]
        return {"list": list, "tuple": tuple, "set": _set_or_list}[kind](items)
    if kind == "dict":
        return {_hashable(decode(k)): decode(v) for k, v in data["items"]}
    if kind == "plotly figure":
        import plotly.graph_objects as go

        try:
            return go.Figure(_unpack_typed_arrays(data["figure"]))
        except Exception:
            return Unreadable("a plotly figure that could not be rebuilt")
    if kind == "series":
        import pandas as pd

        return pd.Series(decode(data["items"]), index=decode(data["index"]), name=decode(data["name"]))
    if kind == "dataframe":
        import pandas as pd

        return pd.DataFrame(decode(data["rows"]), columns=decode(data["columns"]))
    if kind == "missing":
        return Unreadable("its variable does not exist (was its cell deleted, or never run?)", missing=True)
    return Unreadable(str(data.get("description", "an answer of an unknown kind")) if kind else "no answer")


def plain_figure(figure):
    """A plotly Figure rebuilt from any plotly figure-like object, its number arrays as plain lists.

    A copied figure (copy.deepcopy, go.Figure(fig.to_dict()), pio.from_json(fig.to_json())) keeps
    its numbers as base64 typed arrays, which a check cannot compare; this copy has the numbers.
    """
    import plotly.graph_objects as go

    return go.Figure(_unpack_typed_arrays(figure.to_plotly_json()))


def _unpack_typed_arrays(node):
    """Plotly stores number arrays as base64 ({"dtype": "i8", "bdata": ...}); turn them back into lists."""
    if isinstance(node, dict):
        if "dtype" in node and "bdata" in node:
            import base64

            import numpy as np

            array = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(str(node["dtype"])))
            if node.get("shape"):
                array = array.reshape([int(size) for size in str(node["shape"]).split(",")])
            return array.tolist()
        return {key: _unpack_typed_arrays(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_unpack_typed_arrays(item) for item in node]
    return node


def _set_or_list(items):
    try:
        return set(items)
    except TypeError:
        return items


def _hashable(key):
    return tuple(key) if isinstance(key, list) else key


def export_answers(names, path, namespace):
    """Write the named variables of a notebook's namespace to `path` as tagged JSON."""
    answers = {name: encode(namespace[name]) if name in namespace else {"kind": "missing"} for name in names}
    with open(path, "w", encoding="utf-8") as file:
        json.dump(answers, file)


def import_answers(path):
    """{name: value} read back from a file written by `export_answers`."""
    with open(path, encoding="utf-8") as file:
        raw = json.load(file)
    if not isinstance(raw, dict):
        return {}
    return {str(name): decode(data) for name, data in raw.items()}
