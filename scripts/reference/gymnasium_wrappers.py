"""Records Gymnasium 1.x wrapper outputs for LoopGym's wrapper parity tests.

Run with Gymnasium 1.x and NumPy 2.x on x86_64 (RescaleAction divides in 80-bit long double there):

    python3 scripts/reference/gymnasium_wrappers.py src/wrappers/__fixtures__

Each file holds, per case, the *raw* sequence the wrapped environment produced (what the inner environment returned
and the actions it received, captured by a recording wrapper placed under the wrapper under test) and what the
wrapper returned. The TypeScript tests replay the raw sequence through a scripted environment and compare outputs
bit for bit. Float32 values are widened to float64, so they round-trip exactly through JSON.
"""
import json
import os
import sys

import numpy as np

import gymnasium as gym
from gymnasium.wrappers import (
    Autoreset,
    FrameStackObservation,
    NormalizeObservation,
    NormalizeReward,
    RecordEpisodeStatistics,
    RescaleAction,
)
from gymnasium.wrappers.utils import rescale_box


def floats(x):
    return [float(v) for v in np.asarray(x).ravel()]


def encode_action(action):
    if isinstance(action, np.ndarray):
        return floats(action)
    return int(action)


class Recorder(gym.Wrapper):
    """Records what the inner environment returns and the actions it receives."""

    def __init__(self, env, observations=True):
        super().__init__(env)
        self.events = []
        self.observations = observations

    def reset(self, *, seed=None, options=None):
        obs, info = self.env.reset(seed=seed, options=options)
        self.events.append({"kind": "reset", "observation": floats(obs) if self.observations else None})
        return obs, info

    def step(self, action):
        obs, reward, terminated, truncated, info = self.env.step(action)
        self.events.append({
            "kind": "step",
            "action": encode_action(action) if self.observations else None,
            "observation": floats(obs) if self.observations else None,
            "reward": float(reward),
            "terminated": bool(terminated),
            "truncated": bool(truncated),
        })
        return obs, reward, terminated, truncated, info


def run_episodes(wrapped, recorder, episodes, seed, on_episode=None, max_steps=None):
    """Runs `episodes` episodes with seeded random actions; returns the wrapper's outputs, one event per call."""
    outputs = []
    wrapped.action_space.seed(seed)
    for episode in range(episodes):
        if on_episode is not None:
            on_episode(episode)
        obs, info = wrapped.reset(seed=seed if episode == 0 else None)
        outputs.append({"kind": "reset", "observation": floats(obs) if recorder.observations else None})
        steps = 0
        while True:
            action = wrapped.action_space.sample()
            obs, reward, terminated, truncated, info = wrapped.step(action)
            out = {
                "kind": "step",
                "action": encode_action(action) if recorder.observations else None,
                "observation": floats(obs) if recorder.observations else None,
                "reward": float(reward),
                "terminated": bool(terminated),
                "truncated": bool(truncated),
            }
            if "episode" in info:
                out["episode"] = {"r": float(info["episode"]["r"]), "l": int(info["episode"]["l"])}
            outputs.append(out)
            steps += 1
            if terminated or truncated or (max_steps is not None and steps >= max_steps):
                break
    return {"raw": recorder.events, "wrapped": outputs}


def compact(case):
    """Column form of a reward-only case: `kinds` ('R' reset, 'S' step), flags as '0'/'1' strings, rewards."""
    raw = case.pop("raw")
    wrapped = case.pop("wrapped")
    steps = [e for e in raw if e["kind"] == "step"]
    case["kinds"] = "".join("R" if e["kind"] == "reset" else "S" for e in raw)
    case["rewards"] = [e["reward"] for e in steps]
    case["terminated"] = "".join("1" if e["terminated"] else "0" for e in steps)
    case["truncated"] = "".join("1" if e["truncated"] else "0" for e in steps)
    case["wrappedRewards"] = [e["reward"] for e in wrapped if e["kind"] == "step"]
    case["episodes"] = [e["episode"] for e in wrapped if "episode" in e]
    return case


ENVS = [("CartPole-v1", 4), ("Pendulum-v1", 3), ("MountainCarContinuous-v0", 2)]


def normalize_observation_cases():
    cases = []
    for env_id, episodes in ENVS:
        for epsilon in (1e-8, 1e-2):
            recorder = Recorder(gym.make(env_id))
            wrapped = NormalizeObservation(recorder, epsilon=epsilon)

            def freeze(episode, wrapped=wrapped, episodes=episodes):
                wrapped.update_running_mean = episode < episodes - 1

            case = run_episodes(wrapped, recorder, episodes, seed=7, on_episode=freeze, max_steps=150)
            rms = wrapped.obs_rms
            case.update({
                "envId": env_id, "epsilon": epsilon, "frozenFromEpisode": episodes - 1,
                "mean": floats(rms.mean), "var": floats(rms.var), "count": float(rms.count),
                "meanDtype": str(rms.mean.dtype),
            })
            cases.append(case)
    return cases


def normalize_reward_cases():
    cases = []
    for env_id, episodes in ENVS:
        for gamma in (0.99, 0.9):
            recorder = Recorder(gym.make(env_id), observations=False)
            wrapped = NormalizeReward(recorder, gamma=gamma, epsilon=1e-8)

            def freeze(episode, wrapped=wrapped, episodes=episodes):
                wrapped.update_running_mean = episode < episodes - 1

            case = compact(run_episodes(wrapped, recorder, episodes, seed=11, on_episode=freeze))
            rms = wrapped.return_rms
            case.update({
                "envId": env_id, "gamma": gamma, "epsilon": 1e-8, "frozenFromEpisode": episodes - 1,
                "mean": float(rms.mean), "var": float(rms.var), "count": float(rms.count),
                "discountedReward": float(wrapped.discounted_reward[0]),
            })
            cases.append(case)
    return cases


def record_episode_statistics_cases():
    cases = []
    for env_id, episodes in ENVS:
        recorder = Recorder(gym.make(env_id), observations=False)
        wrapped = RecordEpisodeStatistics(recorder, buffer_length=2)
        case = compact(run_episodes(wrapped, recorder, episodes + 1, seed=3))
        case.update({
            "envId": env_id, "bufferLength": 2,
            "returnQueue": [float(r) for r in wrapped.return_queue],
            "lengthQueue": [int(n) for n in wrapped.length_queue],
            "episodeCount": wrapped.episode_count,
        })
        cases.append(case)
    return cases


def rescale_action_env_cases():
    cases = []
    for env_id, low, high in [("Pendulum-v1", -1.0, 1.0), ("MountainCarContinuous-v0", 0.0, 1.0),
                              ("Pendulum-v1", -0.3, 7.1)]:
        recorder = Recorder(gym.make(env_id))
        wrapped = RescaleAction(recorder, low, high)
        case = run_episodes(wrapped, recorder, 1, seed=5, max_steps=200)
        case.update({"envId": env_id, "minAction": low, "maxAction": high,
                     "innerLow": floats(recorder.action_space.low), "innerHigh": floats(recorder.action_space.high)})
        cases.append(case)
    return cases


def rescale_action_box_cases():
    """Random boxes and target ranges through `rescale_box`; what RescaleAction passes on (its `backward`) for
    sampled and boundary actions of the new box."""
    rng = np.random.default_rng(2024)
    cases = []
    for index in range(120):
        dtype = np.float32 if index % 3 else np.float64
        n = int(rng.integers(1, 5))
        scale = 10.0 ** rng.integers(-3, 4)
        low = (rng.standard_normal(n) * scale).astype(dtype)
        high = (low + rng.random(n) * scale * 3 + 1e-3).astype(dtype)
        new_scale = 10.0 ** rng.integers(-2, 3)
        new_min = rng.standard_normal(n) * new_scale
        new_max = new_min + rng.random(n) * new_scale * 2 + 1e-2
        if index % 10 == 0:  # an unbounded coordinate, kept unbounded
            low[0], new_min[0] = -np.inf, -np.inf
        if index % 15 == 0:
            high[-1], new_max[-1] = np.inf, np.inf
        box = gym.spaces.Box(low, high, dtype=dtype)
        new_box, _, backward = rescale_box(box, new_min, new_max)
        new_box.seed(index)
        actions = [new_box.sample() for _ in range(6)]
        actions.append(new_box.low.copy())
        actions.append(new_box.high.copy())
        actions = [np.where(np.isinf(a), 0, a).astype(dtype) for a in actions]
        outputs = [backward(a) for a in actions]
        float64_inputs = [a.astype(np.float64) + 1e-9 for a in actions[:3]]
        float64_outputs = [backward(a) for a in float64_inputs]
        assert all(o.dtype == dtype for o in outputs)
        cases.append({
            "dtype": np.dtype(dtype).name, "low": [repr(float(v)) for v in box.low], "high": [repr(float(v)) for v in box.high],
            "newMin": [repr(float(v)) for v in new_min], "newMax": [repr(float(v)) for v in new_max],
            "newLow": [repr(float(v)) for v in new_box.low], "newHigh": [repr(float(v)) for v in new_box.high],
            "actions": [floats(a) for a in actions], "outputs": [floats(o) for o in outputs],
            "float64Actions": [floats(a) for a in float64_inputs], "float64Outputs": [floats(o) for o in float64_outputs],
            "float64OutputDtype": str(float64_outputs[0].dtype),
        })
    return cases


def frame_stack_cases():
    cases = []
    for padding in ("reset", "zero", "custom"):
        recorder = Recorder(gym.make("CartPole-v1"))
        padding_type = np.array([1, -1, 0, 2], dtype=np.float32) if padding == "custom" else padding
        wrapped = FrameStackObservation(recorder, 3, padding_type=padding_type)
        case = run_episodes(wrapped, recorder, 2, seed=1, max_steps=6)
        case.update({"padding": padding, "stackSize": 3, "shape": list(wrapped.observation_space.shape),
                     "low": [repr(v) for v in floats(wrapped.observation_space.low)],
                     "high": [repr(v) for v in floats(wrapped.observation_space.high)]})
        cases.append(case)
    return cases


def autoreset_cases():
    recorder = Recorder(gym.make("CartPole-v1"))
    wrapped = Autoreset(recorder)
    wrapped.action_space.seed(9)
    obs, _ = wrapped.reset(seed=9)
    outputs = [{"kind": "reset", "observation": floats(obs)}]
    for _ in range(80):
        action = wrapped.action_space.sample()
        obs, reward, terminated, truncated, _ = wrapped.step(action)
        outputs.append({"kind": "step", "action": int(action), "observation": floats(obs), "reward": float(reward),
                        "terminated": bool(terminated), "truncated": bool(truncated)})
    return [{"raw": recorder.events, "wrapped": outputs}]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "src/wrappers/__fixtures__"
    os.makedirs(out_dir, exist_ok=True)
    files = {
        "normalize-observation.json": normalize_observation_cases(),
        "normalize-reward.json": normalize_reward_cases(),
        "record-episode-statistics.json": record_episode_statistics_cases(),
        "rescale-action.json": {"envs": rescale_action_env_cases(), "boxes": rescale_action_box_cases()},
        "frame-stack.json": frame_stack_cases(),
        "autoreset.json": autoreset_cases(),
    }
    for name, data in files.items():
        with open(os.path.join(out_dir, name), "w") as handle:
            json.dump({"generator": "scripts/reference/gymnasium_wrappers.py", "gymnasium": gym.__version__,
                       "numpy": np.__version__, "cases": data}, handle, separators=(",", ":"), allow_nan=False)
            handle.write("\n")


if __name__ == "__main__":
    main()
