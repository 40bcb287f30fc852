"""Record the C library's and NumPy's results for the math functions the classic-control environments mirror.

The classic-control ports compute sin, cos, x**2 (float64 and float32) and NumPy's float32 sin/cos exactly as the
reference stack does (glibc's FMA code paths on x86-64, NumPy 2's float32 SIMD kernel). This script records argument/
result pairs for the tests in `src/envs/classic-control/math/`: mostly "hard" arguments, where the naive
computation (no FMA, or the correctly rounded value) gives a different last bit, plus random ones.

Rerun (needs Python 3.11 with NumPy 2.x, on x86-64 Linux with glibc >= 2.28 and an FMA-capable CPU):

    python scripts/reference/glibc_math_cases.py

It writes `src/envs/classic-control/math/__fixtures__/math-cases.json`.
"""

import json
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "src/envs/classic-control/math/__fixtures__/math-cases.json"
HARD = 1000
RANDOM = 300
rng = np.random.default_rng(20240611)


def f32(x):
    return float(np.float32(x))


def select(candidates, compute, naive):
    """Up to HARD arguments where compute != naive, then RANDOM others, as [argument, result] pairs."""
    hard, easy = [], []
    for x in candidates:
        x = float(x)
        y = compute(x)
        if y != naive(x):
            if len(hard) < HARD:
                hard.append([x, y])
        elif len(easy) < RANDOM:
            easy.append([x, y])
        if len(hard) >= HARD and len(easy) >= RANDOM:
            break
    return hard + easy


# "Hard" sin/cos arguments: where glibc's result is not the correctly rounded one (computed in long double), the
# exact value lies near a rounding boundary, which is where its FMA evaluation decides the last bit.
def naive_sin(x):
    return float(np.sin(np.longdouble(x)))


def naive_cos(x):
    return float(np.cos(np.longdouble(x)))


def mixed(count, scales):
    parts = [rng.uniform(-s, s, count) for s in scales]
    return np.concatenate(parts)


def main():
    cases = {}
    args = mixed(200000, [0.126, 0.3, 0.9, 2.5, 4.0, 10.0, 100.0])
    rng.shuffle(args)
    cases["sin"] = select(args, math.sin, naive_sin)
    cases["cos"] = select(args, math.cos, naive_cos)
    squares = mixed(200000, [1.0, 20.0, 1000.0])
    rng.shuffle(squares)
    cases["square"] = select(squares, lambda x: float(np.float64(x) ** 2), lambda x: x * x)
    singles = mixed(200000, [2.0, 0.01, 100.0]).astype(np.float32)
    rng.shuffle(singles)
    cases["squareFloat32"] = select(singles, lambda x: float(np.float32(x) ** 2), lambda x: f32(x * x))
    small = mixed(200000, [0.1, 1.0, 4.0, 100.0]).astype(np.float32)
    rng.shuffle(small)
    cases["numpySinFloat32"] = select(small, lambda x: float(np.sin(np.float32(x))), lambda x: f32(math.sin(x)))
    cases["numpyCosFloat32"] = select(small, lambda x: float(np.cos(np.float32(x))), lambda x: f32(math.cos(x)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(cases, separators=(",", ":")) + "\n")
    for name, pairs in cases.items():
        print(name, len(pairs))


if __name__ == "__main__":
    main()
