"""Records NumPy 2 random streams for LoopGym's RNG parity tests.

Run with NumPy 2.x: python3 scripts/reference/numpy_streams.py > src/core/random/__fixtures__/numpy-streams.json
Every case names a seed and a list of calls; the test replays the same calls on a fresh generator.
"""
import json
import numpy as np

SEEDS = [0, 1, 42, 123456789, 2**32 + 5, 2**64 + 7, 2**127 + 3]


def gen(seed):
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed)))


def f(x):
    return [float(v) for v in np.asarray(x).ravel()]


def i(x):
    return [int(v) for v in np.asarray(x).ravel()]


cases = []
for seed in SEEDS:
    ss = np.random.SeedSequence(seed)
    g = gen(seed)
    case = {"seed": str(seed), "generate_state_u32": i(ss.generate_state(8)),
            "raw": [str(int(v)) for v in g.bit_generator.random_raw(20)]}
    g = gen(seed)
    calls = []
    calls.append({"call": "random", "size": 50, "out": f(g.random(50))})
    calls.append({"call": "integers", "low": 0, "high": 10, "size": 25, "out": i(g.integers(0, 10, size=25))})
    calls.append({"call": "random", "size": 3, "out": f(g.random(3))})
    calls.append({"call": "integers", "low": -5, "high": 5, "size": 7, "out": i(g.integers(-5, 5, size=7))})
    calls.append({"call": "integers", "low": 0, "high": 4294967295, "size": 5, "out": i(g.integers(0, 4294967295, size=5))})
    calls.append({"call": "integers", "low": 0, "high": 4294967296, "size": 5, "out": i(g.integers(0, 4294967296, size=5))})
    calls.append({"call": "integers", "low": 0, "high": 2**40 + 3, "size": 5, "out": i(g.integers(0, 2**40 + 3, size=5))})
    calls.append({"call": "integers", "low": 3, "high": 3, "endpoint": True, "size": 2, "out": i(g.integers(3, 3, size=2, endpoint=True))})
    calls.append({"call": "integers", "low": 1, "high": 6, "endpoint": True, "size": 9, "out": i(g.integers(1, 6, size=9, endpoint=True))})
    calls.append({"call": "uniform", "low": -0.05, "high": 0.05, "size": 4, "out": f(g.uniform(-0.05, 0.05, size=4))})
    calls.append({"call": "normal", "loc": 0.0, "scale": 1.0, "size": 2000, "out": f(g.normal(0.0, 1.0, size=2000))})
    calls.append({"call": "normal", "loc": 2.5, "scale": 0.5, "size": 5, "out": f(g.normal(2.5, 0.5, size=5))})
    calls.append({"call": "exponential", "scale": 1.0, "size": 2000, "out": f(g.exponential(1.0, size=2000))})
    calls.append({"call": "exponential", "scale": 3.0, "size": 5, "out": f(g.exponential(3.0, size=5))})
    calls.append({"call": "choice", "n": 13, "out": i([g.choice(13) for _ in range(10)])})
    p = [0.1, 0.2, 0.3, 0.4]
    calls.append({"call": "choice_p", "n": 4, "p": p, "out": i([g.choice(4, p=p) for _ in range(10)])})
    calls.append({"call": "choice_array", "n": 10, "size": 6, "replace": True, "out": i(g.choice(10, size=6))})
    calls.append({"call": "choice_array", "n": 10, "size": 6, "replace": False, "out": i(g.choice(10, size=6, replace=False))})
    calls.append({"call": "choice_array", "n": 100, "size": 30, "replace": False, "shuffle": False, "out": i(g.choice(100, size=30, replace=False, shuffle=False))})
    calls.append({"call": "choice_array", "n": 20000, "size": 900, "replace": False, "out": i(g.choice(20000, size=900, replace=False))})
    calls.append({"call": "choice_array_p", "n": 4, "size": 3, "replace": False, "p": p, "out": i(g.choice(4, size=3, replace=False, p=p))})
    calls.append({"call": "choice_array_p", "n": 4, "size": 8, "replace": True, "p": p, "out": i(g.choice(4, size=8, replace=True, p=p))})
    calls.append({"call": "permutation", "n": 17, "out": i(g.permutation(17))})
    calls.append({"call": "random", "size": 3, "out": f(g.random(3))})
    case["calls"] = calls
    case["state_after"] = {k: (str(v) if isinstance(v, int) else v) for k, v in g.bit_generator.state["state"].items()}
    case["has_uint32"] = int(g.bit_generator.state["has_uint32"])
    case["uinteger"] = int(g.bit_generator.state["uinteger"])
    cases.append(case)

spawned = gen(7).spawn(2)
print(json.dumps({"numpy": np.__version__, "cases": cases,
                  "spawn": {"seed": 7, "children_random": [f(c.random(3)) for c in spawned]}}))
