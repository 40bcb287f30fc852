"""Records Gymnasium space samples, reprs, flattening, NumPy array printing, dtype promotion and np.sum results for
LoopGym's space tests.

Run with Gymnasium 1.x and NumPy 2.x (the repo was generated with Gymnasium 1.3.0, NumPy 2.4):

    python scripts/reference/gymnasium_spaces.py > src/spaces/__fixtures__/gymnasium-spaces.json

Spaces are described in LoopGym's JSON form (`Space.toJSON()`); `build` turns them into Gymnasium spaces.
Sampling cases seed the space with `space.seed(seed)` and record several `space.sample(...)` calls in a row.
Text spaces always get an explicit string charset: Gymnasium's default charset is a frozenset whose iteration order
depends on Python's hash seed, so only explicit strings sample reproducibly.
"""
import json
import math

import numpy as np
from gymnasium import spaces
from gymnasium.spaces import utils

SEEDS = [0, 1, 42, 123456789, 2**32 + 5]
DRAWS = 5
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def bound(v):
    return "inf" if v == math.inf else "-inf" if v == -math.inf else v


def unbound(v):
    return math.inf if v == "inf" else -math.inf if v == "-inf" else v


def build(j):
    t = j["type"]
    if t == "Discrete":
        return spaces.Discrete(j["n"], start=j.get("start", 0))
    if t == "Box":
        shape = tuple(j["shape"])
        size = int(np.prod(shape))
        low = [unbound(v) for v in j["low"]] if isinstance(j["low"], list) else [unbound(j["low"])] * size
        high = [unbound(v) for v in j["high"]] if isinstance(j["high"], list) else [unbound(j["high"])] * size
        low = np.array(low, dtype=np.float64).reshape(shape)
        high = np.array(high, dtype=np.float64).reshape(shape)
        dtype = np.dtype(j["dtype"])
        if dtype.kind != "f":  # integer bounds: pass them as integers (infinities as float arrays)
            if np.all(np.isfinite(low)):
                low = low.astype(np.int64)
            if np.all(np.isfinite(high)):
                high = high.astype(np.int64)
        return spaces.Box(low, high, shape, dtype)
    if t == "MultiDiscrete":
        shape = tuple(j["shape"])
        return spaces.MultiDiscrete(np.array(j["nvec"]).reshape(shape), start=np.array(j["start"]).reshape(shape))
    if t == "MultiBinary":
        return spaces.MultiBinary(j["n"])
    if t == "Text":
        return spaces.Text(j["maxLength"], min_length=j["minLength"], charset=j["charset"])
    if t == "Dict":
        return spaces.Dict([(k, build(s)) for k, s in j["spaces"]])
    if t == "Tuple":
        return spaces.Tuple([build(s) for s in j["spaces"]])
    raise ValueError(t)


def jsonable(x):
    if isinstance(x, np.ndarray):
        return x.tolist()
    if isinstance(x, np.generic):
        return x.item()
    if isinstance(x, dict):
        return {k: jsonable(v) for k, v in x.items()}
    if isinstance(x, tuple):
        return [jsonable(v) for v in x]
    return x


def nested_mask(flat, shape, dtype):
    """Gymnasium's MultiDiscrete mask: nested tuples (one level per axis) of per-component arrays."""
    arrays = [np.array(m, dtype=dtype) for m in flat]
    if len(shape) == 1:
        return tuple(arrays)
    stride = len(arrays) // shape[0]
    return tuple(nested_mask(flat[i * stride:(i + 1) * stride], shape[1:], dtype) for i in range(shape[0]))


def sample_args(j, mask):
    if mask is None:
        return {}
    t = j["type"]
    if t == "Discrete":
        if "probability" in mask:
            return {"probability": np.array(mask["probability"], dtype=np.float64)}
        return {"mask": np.array(mask["mask"], dtype=np.int8)}
    if t == "MultiDiscrete":
        if "probability" in mask:
            return {"probability": nested_mask(mask["probability"], j["shape"], np.float64)}
        return {"mask": nested_mask(mask["mask"], j["shape"], np.int8)}
    if t == "MultiBinary":
        shape = (j["n"],) if isinstance(j["n"], int) else tuple(j["n"])
        if "probability" in mask:
            return {"probability": np.array(mask["probability"], dtype=np.float64).reshape(shape)}
        return {"mask": np.array(mask["mask"], dtype=np.int8).reshape(shape)}
    if t == "Text":
        length = mask.get("length")
        if "probability" in mask:
            return {"probability": (length, np.array(mask["probability"], dtype=np.float64))}
        m = mask.get("mask")
        return {"mask": (length, None if m is None else np.array(m, dtype=np.int8))}
    raise ValueError(t)


def box(low, high, shape, dtype="float32"):
    """LoopGym's Box JSON: a bound is one number (uniform) or a flat row-major list."""
    encode = (lambda b: [bound(v) for v in b] if isinstance(b, list) else bound(b))
    return {"type": "Box", "low": encode(low), "high": encode(high), "shape": list(shape), "dtype": dtype}


def discrete(n, start=0):
    return {"type": "Discrete", "n": n, "start": start}


def multi_discrete(nvec, start=None, shape=None):
    shape = shape or [len(nvec)]
    return {"type": "MultiDiscrete", "nvec": nvec, "start": start or [0] * len(nvec), "shape": shape}


def text(max_length, min_length=1, charset=ALPHANUMERIC):
    return {"type": "Text", "maxLength": max_length, "minLength": min_length, "charset": charset}


inf = math.inf
SAMPLE_CASES = [
    (discrete(2), None), (discrete(7, -3), None), (discrete(1), None), (discrete(1000), None),
    (discrete(2**31 + 11), None), (discrete(2**40 + 3, 5), None),
    (discrete(5), {"mask": [0, 1, 1, 0, 1]}), (discrete(5), {"mask": [0, 0, 0, 0, 0]}),
    (discrete(4, 10), {"probability": [0.1, 0.2, 0.3, 0.4]}), (discrete(3), {"probability": [0.0, 1.0, 0.0]}),
    (box(-1, 1, [3]), None), (box(-1, 1, [2, 3], "float64"), None), (box(0, 1, []), None),
    (box(-inf, inf, [4]), None), (box(0, inf, [3]), None), (box(-inf, 2.5, [3], "float64"), None),
    (box([-inf, 0, -inf, -1], [inf, inf, 3, 1], [4]), None),
    (box([-4.8, -inf, -0.41887903, -inf], [4.8, inf, 0.41887903, inf], [4]), None),
    (box(-3.4028234663852886e38, 3.4028234663852886e38, [2]), None),
    (box(0, 255, [2, 3], "uint8"), None), (box(-5, 5, [4], "int8"), None), (box(-100, 100, [3], "int16"), None),
    (box(-10, 10, [3], "int32"), None), (box(0, 65535, [2], "uint16"), None), (box(0, 4000000000, [2], "uint32"), None),
    (box(-inf, inf, [3], "int32"), None), (box(0, inf, [3], "int16"), None), (box(-inf, 7, [3], "int8"), None),
    (box([-inf, 0, -inf, -2], [inf, inf, 3, 2], [4], "int32"), None),
    (multi_discrete([2, 3, 4]), None), (multi_discrete([5, 2, 2], [1, -1, 10]), None),
    (multi_discrete([1, 2, 3, 4], None, [2, 2]), None), (multi_discrete([1000, 2**20]), None),
    (multi_discrete([3, 4], [1, 0]), {"mask": [[0, 1, 1], [0, 0, 0, 0]]}),
    (multi_discrete([3, 2, 2, 5], None, [2, 2]), {"mask": [[1, 1, 0], [0, 1], [1, 1], [0, 0, 1, 0, 1]]}),
    (multi_discrete([3, 4]), {"probability": [[0.2, 0.0, 0.8], [0.1, 0.2, 0.3, 0.4]]}),
    (multi_discrete([10]), {"probability": [[0.05, 0.1, 0.05, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]]}),
    ({"type": "MultiBinary", "n": 1}, None), ({"type": "MultiBinary", "n": 5}, None),
    ({"type": "MultiBinary", "n": 8}, None), ({"type": "MultiBinary", "n": 9}, None),
    ({"type": "MultiBinary", "n": 33}, None), ({"type": "MultiBinary", "n": [2, 3]}, None),
    ({"type": "MultiBinary", "n": 6}, {"mask": [0, 1, 2, 2, 1, 2]}),
    ({"type": "MultiBinary", "n": [2, 2]}, {"probability": [0.1, 0.5, 0.9, 1.0]}),
    (text(5), None), (text(10, 0, "abc"), None), (text(3, 3, "xyz"), None), (text(8, 2, "ab-\\]^ é"), None),
    (text(6), {"length": 4}), (text(6, 0, "abcde"), {"mask": [1, 0, 1, 0, 1]}),
    (text(6, 0, "abcde"), {"length": 3, "mask": [0, 0, 0, 1, 0]}), (text(6, 0, "abc"), {"mask": [0, 0, 0]}),
    (text(4, 1, "abcd"), {"probability": [0.1, 0.2, 0.3, 0.4]}),
    (text(4, 1, "abcd"), {"length": 2, "probability": [0.5, 0.0, 0.0, 0.5]}),
]


def sample_cases():
    out = []
    for j, mask in SAMPLE_CASES:
        space = build(j)
        for seed in SEEDS:
            space.seed(seed)
            draws = [jsonable(space.sample(**sample_args(j, mask))) for _ in range(DRAWS)]
            case = {"space": j, "seed": seed, "draws": draws}
            if mask is not None:
                case["mask"] = mask
            out.append(case)
    return out


REPR_SPACES = [
    discrete(4), discrete(3, -1), box(-1, 1, [3]), box(0, 1, []), box(-1, 2, [3, 4]), box(0, 255, [84, 84, 3], "uint8"),
    box([-1, -2], [2, 4], [2]), box([-4.8, -inf, -0.41887903, -inf], [4.8, inf, 0.41887903, inf], [4]),
    box([-1.2, -0.07], [0.6, 0.07], [2]), box(-8, 8, [1]), box(-inf, inf, [2], "float64"), box(-inf, inf, [3], "int32"),
    box([-1, -1, -1, -1, -12.566371, -28.274334], [1, 1, 1, 1, 12.566371, 28.274334], [6]),
    box([0, 0.5, 1e-5], [1, 2, 3], [3], "float64"), box([-1e7, 0], [1e7, 1], [2]),
    multi_discrete([2, 3]), multi_discrete([5, 2, 2], [1, 0, 0]), multi_discrete([1, 2, 3, 4], None, [2, 2]),
    multi_discrete([100, 2, 3000]),
    {"type": "MultiBinary", "n": 5}, {"type": "MultiBinary", "n": [2, 3]}, {"type": "MultiBinary", "n": [4]},
    text(5), text(10, 0, "cba"), text(3, 2, "a'b"),
    {"type": "Dict", "spaces": [["a", discrete(2)], ["b", box(-1, 1, [3])]]},
    {"type": "Dict", "spaces": [["it's", discrete(2)], ['say "x"', discrete(3)], ["both'\"", discrete(4)],
                                 ["tab\tnew\nline\\", discrete(5)], ["é\u0007", discrete(6)]]},
    {"type": "Tuple", "spaces": [discrete(32), discrete(11), discrete(2)]},
    {"type": "Tuple", "spaces": [discrete(2), {"type": "Dict", "spaces": [["x", multi_discrete([2, 3])]]}]},
    {"type": "Tuple", "spaces": []}, {"type": "Dict", "spaces": []},
]


def repr_cases():
    return [{"space": j, "repr": repr(build(j))} for j in REPR_SPACES]


FLATTEN_SPACES = [
    discrete(4), discrete(3, 2), box(-1, 1, [2, 2]), box(0, 10, [3], "int16"), box(0, 1, [2], "float64"),
    multi_discrete([2, 3]), multi_discrete([2, 3, 2, 2], [1, 0, 0, 5], [2, 2]), {"type": "MultiBinary", "n": [2, 2]},
    text(4, 0, "abc"),
    {"type": "Tuple", "spaces": [discrete(32), discrete(11), discrete(2)]},
    {"type": "Dict", "spaces": [["a", box(-1, 1, [2])], ["b", discrete(3)]]},
    {"type": "Dict", "spaces": [["a", box(-1, 1, [2])], ["b", {"type": "MultiBinary", "n": 2}]]},
    {"type": "Tuple", "spaces": [box(0, 5, [2], "uint8"), box(-3, 3, [1], "int8")]},
    {"type": "Tuple", "spaces": [box(0, 5, [2], "uint16"), box(-3, 3, [1], "int16"), text(2, 0, "ab")]},
    {"type": "Tuple", "spaces": [box(0, 5, [1], "uint32"), box(-1, 1, [1])]},
    {"type": "Dict", "spaces": [["t", {"type": "Tuple", "spaces": [discrete(2), box(-inf, inf, [2])]}],
                                 ["m", multi_discrete([3])]]},
]


def flatten_cases():
    out = []
    for j in FLATTEN_SPACES:
        space = build(j)
        flat_space = utils.flatten_space(space)
        space.seed(7)
        for _ in range(3):
            x = space.sample()
            flat = utils.flatten(space, x)
            out.append({"space": j, "sample": jsonable(x), "flat": [float(v) for v in flat], "flatDtype": str(flat.dtype),
                        "flatdim": int(utils.flatdim(space)), "flatSpace": repr(flat_space),
                        "unflattened": jsonable(utils.unflatten(space, flat))})
    return out


def encode(v):
    return "nan" if math.isnan(v) else bound(float(v))


def array_cases():
    g = np.random.default_rng(2024)
    out = []

    def add(a):
        out.append({"values": [encode(v) for v in a.ravel()] if a.dtype.kind == "f" else [int(v) for v in a.ravel()],
                    "shape": list(a.shape), "dtype": str(a.dtype), "str": str(a),
                    "scalars": [str(v) for v in a.ravel()[:6]]})

    for dtype in (np.float32, np.float64):
        for _ in range(60):
            n = int(g.integers(1, 9))
            kind = int(g.integers(0, 6))
            if kind == 0:
                a = g.normal(size=n)
            elif kind == 1:
                a = g.normal(size=n) * 10.0 ** g.integers(-7, 9, size=n)
            elif kind == 2:
                a = np.round(g.normal(size=n) * 10, int(g.integers(0, 3)))
            elif kind == 3:
                a = g.integers(-1000, 1000, size=n).astype(np.float64)
            elif kind == 4:
                a = g.choice([0.0, -0.0, 1.0, -1.5, math.inf, -math.inf, math.nan, 2.5e-9, 1e20], size=n)
            else:
                a = g.uniform(-1, 1, size=n) * 10.0 ** int(g.integers(-5, 10))
            add(a.astype(dtype))
        add(g.normal(size=30).astype(dtype))
        add(g.normal(size=(3, 4)).astype(dtype))
        add(g.normal(size=(2, 2, 3)).astype(dtype) * 1e5)
        add(g.normal(size=1200).astype(dtype))
        add(g.normal(size=(40, 30)).astype(dtype))
        add(np.array([0.001953125, 1.0], dtype=dtype))
        add(np.array([1e6, 1.0], dtype=dtype))
        add(np.array([999999.0, 1.0], dtype=dtype))
        add(np.array([1.0001e-4, 1e-2], dtype=dtype))
        add(np.array([1e100 if dtype == np.float64 else 1e30, 1.0], dtype=dtype))
        add(np.array([3.4028234663852886e38, -3.4028234663852886e38], dtype=dtype))
        add(np.array([1e16, 1e-4, 9.99e-5, 123456.7, 16777216.0, 1e15], dtype=dtype))
    for dtype in (np.int8, np.int32, np.uint8, np.int64):
        add(g.integers(0, 100, size=int(g.integers(1, 8))).astype(dtype))
        add(g.integers(-100, 100, size=(2, 3)).astype(dtype) if dtype != np.uint8 else np.zeros((2, 3), np.uint8))
    add(g.integers(0, 2**31, size=40))
    return out


def result_type_cases():
    names = ["float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32"]
    pairs = [[a, b] for a in names for b in names]
    triples = [["uint8", "int8", "float32"], ["uint16", "int8", "int16"], ["uint32", "int8", "int16"],
               ["int8", "uint8", "uint16"], ["int64", "uint32", "float32"]]
    return [{"dtypes": d, "result": str(np.result_type(*[np.dtype(x) for x in d]))} for d in pairs + triples]


def sum_cases():
    g = np.random.default_rng(7)
    out = []
    for n in [1, 5, 7, 8, 9, 16, 17, 100, 128, 129, 200, 1000, 1031]:
        a = g.random(n) * 10.0 ** g.integers(-8, 8, size=n)
        out.append({"values": [float(v) for v in a], "sum": float(np.sum(a))})
    return out


print(json.dumps({
    "gymnasium": __import__("gymnasium").__version__,
    "numpy": np.__version__,
    "samples": sample_cases(),
    "reprs": repr_cases(),
    "flatten": flatten_cases(),
    "arrays": array_cases(),
    "resultTypes": result_type_cases(),
    "sums": sum_cases(),
}, ensure_ascii=False))
