"""Records Gymnasium toy-text episodes (more seeds, constructor variants, ansi renders) for LoopGym's parity tests.

Run with Gymnasium 1.3+ and NumPy 2.x:

    python3 scripts/reference/gymnasium_toy_text.py > src/envs/toy-text/__fixtures__/gymnasium-toy-text-extra.jsonl

One JSON object a line, in the format of the official reference file (src/envs/__fixtures__/README.md):
`env_id`, `kwargs` (passed to `gymnasium.make`), `seed` (passed to `reset(seed=...)`), `actions`, `reset {obs, info}`
and one `{obs, reward, terminated, truncated, info}` per action. Episodes run through `gymnasium.make` (so TimeLimit
truncation is included) until they end or `max_recorded_steps` steps were recorded (a cap that keeps the file small;
it is not a time limit). Optional fields:

- `action_sampling`: `"uniform"` (action_space seeded with the episode seed, then `sample()`) or `"masked"` (Taxi:
  `sample(mask=info["action_mask"])`, which reaches pickups, drop-offs and the fickle passenger far more often).
- `generate_random_map`: `{size, p, seed}` when `kwargs.desc` came from `generate_random_map(size, p, seed)`.
- `ansi`: `render()` of an env made with `render_mode="ansi"`, after the reset and after each of the first 20 steps.
"""
import json
import sys

import numpy as np

import gymnasium as gym
from gymnasium.envs.toy_text.frozen_lake import generate_random_map

SEEDS = list(range(5, 25))
ANSI_FRAMES = 20  # renders recorded: after the reset and the first steps


def plain(value):
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    return value


def record(env_id, kwargs, seed, max_steps, sampling="uniform", ansi=False, extra=None):
    env = gym.make(env_id, render_mode="ansi" if ansi else None, **kwargs)
    env.action_space.seed(seed)
    obs, info = env.reset(seed=seed)
    out = {"env_id": env_id, "kwargs": plain(kwargs), "seed": seed, "actions": [],
           "reset": {"obs": plain(obs), "info": plain(info)}, "steps": [],
           "max_recorded_steps": max_steps, "action_sampling": sampling}
    if extra:
        out.update(extra)
    frames = [env.render()] if ansi else None
    for _ in range(max_steps):
        if sampling == "masked":
            action = env.action_space.sample(mask=info["action_mask"])
        else:
            action = env.action_space.sample()
        obs, reward, terminated, truncated, info = env.step(action)
        out["actions"].append(int(action))
        out["steps"].append({"obs": plain(obs), "reward": float(reward), "terminated": bool(terminated),
                             "truncated": bool(truncated), "info": plain(info)})
        if ansi and len(frames) <= ANSI_FRAMES:
            frames.append(env.render())
        if terminated or truncated:
            break
    if ansi:
        out["ansi"] = frames
    env.close()
    return out


def main():
    records = []
    add = records.append

    # FrozenLake: default, not slippery, other success rates and rewards, custom maps, 8x8, random maps.
    custom = ["SFFH", "FHSF", "FFFG"]  # non-square, two start tiles
    for seed in SEEDS:
        add(record("FrozenLake-v1", {}, seed, 100, ansi=seed < 7))
        add(record("FrozenLake-v1", {"is_slippery": False}, seed, 100, ansi=seed < 7))
        add(record("FrozenLake-v1", {"success_rate": 0.8}, seed, 100))
        add(record("FrozenLake-v1", {"success_rate": 0.75, "reward_schedule": (10, -1, -0.01)}, seed, 100))
        add(record("FrozenLake-v1", {"desc": custom}, seed, 100, ansi=seed < 7))
        add(record("FrozenLake-v1", {"map_name": "8x8"}, seed, 100))
        add(record("FrozenLake8x8-v1", {}, seed, 200, ansi=seed < 6))
        size, p = 3 + seed % 6, [0.6, 0.8, 0.9, 1.0, 1.5][seed % 5]
        desc = generate_random_map(size=size, p=p, seed=seed)
        add(record("FrozenLake-v1", {"desc": desc, "is_slippery": seed % 2 == 0}, seed, 100,
                   extra={"generate_random_map": {"size": size, "p": p, "seed": seed}}))

    # CliffWalking (no registered step limit: capped at 100 recorded steps).
    for seed in SEEDS:
        add(record("CliffWalking-v1", {}, seed, 100, ansi=seed < 7))
        add(record("CliffWalkingSlippery-v1", {}, seed, 100, ansi=seed < 6))

    # Taxi: uniform and masked actions, rainy, fickle passengers (capped at 60 recorded steps, except a few full ones).
    for seed in SEEDS:
        add(record("Taxi-v4", {}, seed, 200 if seed < 7 else 60, sampling="masked", ansi=seed < 7))
        add(record("Taxi-v4", {"is_rainy": True}, seed, 60, ansi=seed < 6))
        add(record("Taxi-v4", {"is_rainy": True}, seed, 60, sampling="masked"))
        add(record("Taxi-v4", {"fickle_passenger": True}, seed, 100, sampling="masked"))
        add(record("Taxi-v4", {"fickle_passenger": True, "fickle_probability": 1.0}, seed, 100,
                   sampling="masked", ansi=seed < 7))
        add(record("Taxi-v4", {"is_rainy": True, "fickle_passenger": True, "rainy_probability": 0.6,
                               "fickle_probability": 0.9}, seed, 100, sampling="masked"))

    # Blackjack: the registered rules (sab=True) and the others; many seeds, as episodes are short.
    for seed in range(5, 125):
        add(record("Blackjack-v1", {}, seed, 100))
        add(record("Blackjack-v1", {"sab": False}, seed, 100))
        add(record("Blackjack-v1", {"sab": False, "natural": True}, seed, 100))
        add(record("Blackjack-v1", {"natural": True}, seed, 100))

    for r in records:
        sys.stdout.write(json.dumps(r, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
