"""Record Gymnasium's classic-control environments for LoopGym's bit-parity tests.

Writes, into `src/envs/classic-control/__fixtures__/`:

- `classic-control-episodes.jsonl`: single-environment episodes through `gymnasium.make` (so `TimeLimit` truncation
  is included) for CartPole-v1, MountainCar-v0, MountainCarContinuous-v0, Acrobot-v1 and Pendulum-v1: seeds 5..30
  with seeded random actions, plus option variants (`sutton_barto_reward`, `goal_velocity`, `g`, reset options
  `low`/`high` or `x_init`/`y_init`) and heuristic policies that drive long or energetic (chaotic) episodes, where
  any floating-point difference would grow into a visible one.
  A few episodes also record the float64 internal state after every step (`states`), which shows a last-bit
  difference at once instead of waiting for it to reach the float32 observations.
- `classic-control-vector.jsonl`: `gymnasium.make_vec(..., vectorization_mode="sync")` runs of every environment in
  each autoreset mode (next-step, same-step, disabled with `reset_mask` resets), with seeded random actions.

Compact encoding (one JSON object a line): float arrays are base64 of little-endian bytes, `obs` float32 (all steps
concatenated), `rewards` float64; discrete actions are plain integers, continuous ones base64 float32. Single
episodes stop at the first termination or truncation, so only the last step can set `terminated`/`truncated`.

Rerun (Python 3.11, gymnasium 1.3 or 1.4, NumPy 2.x; from the repository root):

    /tmp/gymvenv/bin/python scripts/reference/gymnasium_classic_control.py
"""

import base64
import json
import pathlib

import gymnasium as gym
import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "src/envs/classic-control/__fixtures__"
SEEDS = range(5, 31)
MODES = {"next-step": "NextStep", "same-step": "SameStep", "disabled": "Disabled"}


def f32(values):
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode()


def f64(values):
    return base64.b64encode(np.asarray(values, dtype="<f8").tobytes()).decode()


def u8(values):
    return base64.b64encode(np.asarray(values, dtype="<u1").tobytes()).decode()


# ---------------------------------------------------------------- policies (observation, rng) -> action


def random_policy(env):
    def act(obs, rng):
        if isinstance(env.action_space, gym.spaces.Discrete):
            return int(rng.integers(env.action_space.n))
        low, high = env.action_space.low, env.action_space.high
        return rng.uniform(low, high).astype(np.float32)

    return act


def wide_continuous(scale):
    # Forces outside the action space exercise the clipping paths.
    def act(obs, rng):
        return np.array([rng.uniform(-scale, scale)], dtype=np.float32)

    return act


def cart_pole_balance(obs, rng):
    if rng.random() < 0.1:
        return int(rng.integers(2))
    x, x_dot, theta, theta_dot = obs
    return 1 if theta + 0.5 * theta_dot + 0.05 * x_dot + 0.01 * x > 0 else 0


def mountain_car_pump(obs, rng):
    if rng.random() < 0.1:
        return int(rng.integers(3))
    return 2 if obs[1] >= 0 else 0


def continuous_pump(obs, rng):
    return np.array([np.sign(obs[1] if obs[1] != 0 else 1) * rng.uniform(0.3, 1.4)], dtype=np.float32)


def acrobot_pump(obs, rng):
    if rng.random() < 0.05:
        return int(rng.integers(3))
    return 2 if obs[4] > 0 else 0


def pendulum_spin(obs, rng):
    return np.array([np.sign(obs[2] if obs[2] != 0 else 1) * rng.uniform(1.0, 2.5)], dtype=np.float32)


# ---------------------------------------------------------------- single episodes


def record_episode(env_id, seed, kwargs=None, options=None, policy=None, label="random", record_state=False):
    kwargs = kwargs or {}
    env = gym.make(env_id, **kwargs)
    policy = policy or random_policy(env)
    rng = np.random.default_rng(seed + 1000)
    obs, info = env.reset(seed=seed, options=options)
    reset_obs = [float(v) for v in obs]
    actions, observations, rewards, states = [], [], [], []
    terminated = truncated = False
    while not (terminated or truncated):
        action = policy(obs, rng)
        obs, reward, terminated, truncated, info = env.step(action)
        actions.append(action)
        observations.append(obs)
        rewards.append(float(reward))
        if record_state:
            states.append(np.array(env.unwrapped.state, dtype=np.float64))
    discrete = isinstance(env.action_space, gym.spaces.Discrete)
    env.close()
    extra = {"states": f64(np.concatenate(states))} if record_state else {}
    return {
        **extra,
        "env_id": env_id,
        "label": label,
        "kwargs": kwargs,
        "seed": seed,
        "options": options,
        "max_episode_steps": env.spec.max_episode_steps,
        "actions": [int(a) for a in actions] if discrete else f32(np.concatenate(actions)),
        "reset_obs": reset_obs,
        "obs": f32(np.concatenate(observations)),
        "rewards": f64(rewards),
        "terminated": bool(terminated),
        "truncated": bool(truncated),
    }


def single_episodes():
    episodes = []
    for env_id in ["CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"]:
        # Long random episodes (MountainCarContinuous: 999 steps, Acrobot: 500) on fewer seeds keep the file small.
        seeds = {"MountainCarContinuous-v0": range(5, 15), "Acrobot-v1": range(5, 23)}.get(env_id, SEEDS)
        for seed in seeds:
            episodes.append(record_episode(env_id, seed))
    for seed in range(40, 48):
        traced = seed < 43
        episodes.append(record_episode("CartPole-v1", seed, policy=cart_pole_balance, label="balance", record_state=traced))
        episodes.append(record_episode("MountainCar-v0", seed, policy=mountain_car_pump, label="pump", record_state=traced))
        episodes.append(record_episode("MountainCarContinuous-v0", seed, policy=continuous_pump, label="pump"))
        episodes.append(record_episode("Acrobot-v1", seed, policy=acrobot_pump, label="pump"))
        episodes.append(record_episode("Pendulum-v1", seed, policy=pendulum_spin, label="spin", record_state=traced))
    for seed in range(60, 63):
        episodes.append(record_episode("Acrobot-v1", seed, label="traced", record_state=True))
        episodes.append(record_episode("CartPole-v1", seed, options={"low": -0.15, "high": 0.15}, record_state=True))
    for seed in range(50, 55):
        episodes.append(record_episode("CartPole-v1", seed, {"sutton_barto_reward": True}))
        episodes.append(
            record_episode("CartPole-v1", seed, {"sutton_barto_reward": True}, policy=cart_pole_balance, label="balance")
        )
        episodes.append(record_episode("CartPole-v1", seed, options={"low": -0.2, "high": 0.2}))
        episodes.append(record_episode("MountainCar-v0", seed, {"goal_velocity": 0.1}, policy=mountain_car_pump, label="pump"))
        episodes.append(record_episode("MountainCar-v0", seed, options={"low": -1.2, "high": 0.4}, policy=mountain_car_pump, label="pump"))
        episodes.append(record_episode("MountainCarContinuous-v0", seed, {"goal_velocity": 0.02}, policy=continuous_pump, label="pump"))
        episodes.append(record_episode("MountainCarContinuous-v0", seed, policy=wide_continuous(2.0), label="wide"))
        episodes.append(record_episode("MountainCarContinuous-v0", seed, options={"low": -1.2, "high": 0.5}, policy=continuous_pump, label="pump"))
        episodes.append(record_episode("Acrobot-v1", seed, options={"low": -2.0, "high": 2.0}))
        episodes.append(record_episode("Acrobot-v1", seed, options={"low": -1.0, "high": 1.0}, policy=acrobot_pump, label="pump"))
        episodes.append(record_episode("Pendulum-v1", seed, {"g": 9.81}))
        episodes.append(record_episode("Pendulum-v1", seed, {"g": 9.81}, policy=pendulum_spin, label="spin"))
        episodes.append(record_episode("Pendulum-v1", seed, options={"x_init": 0.5, "y_init": 4.0}, policy=wide_continuous(3.0), label="wide"))
    return episodes


# ---------------------------------------------------------------- vector environments


def record_vector(env_id, mode, seed, num_envs=4, steps=None):
    envs = gym.make_vec(env_id, num_envs=num_envs, vectorization_mode="sync", vector_kwargs={"autoreset_mode": gym.vector.AutoresetMode(MODES[mode])})
    # Enough steps to see terminations or the TimeLimit truncation (and the autoresets after them).
    steps = steps or {"CartPole-v1": 120, "MountainCar-v0": 230, "MountainCarContinuous-v0": 150, "Acrobot-v1": 520}.get(
        env_id, 230
    )
    rng = np.random.default_rng(seed + 2000)
    obs, infos = envs.reset(seed=seed)
    record = {"env_id": env_id, "mode": mode, "seed": seed, "num_envs": num_envs, "reset_obs": f32(obs), "steps": []}
    single = envs.single_action_space
    done = np.zeros(num_envs, dtype=bool)
    for _ in range(steps):
        entry = {}
        if mode == "disabled" and done.any():
            # Reset the finished sub-environments (no seed: their generators continue).
            obs, infos = envs.reset(options={"reset_mask": done.copy()})
            entry["reset_mask"] = [int(v) for v in done]
            entry["reset_obs"] = f32(obs)
            done[:] = False
        if isinstance(single, gym.spaces.Discrete):
            actions = rng.integers(single.n, size=num_envs)
            entry["actions"] = [int(a) for a in actions]
        else:
            actions = rng.uniform(single.low, single.high, size=(num_envs, *single.shape)).astype(np.float32)
            entry["actions"] = f32(actions)
        obs, rewards, terminations, truncations, infos = envs.step(actions)
        entry["obs"] = f32(obs)
        entry["rewards"] = f64(rewards)
        entry["terminations"] = u8(terminations)
        entry["truncations"] = u8(truncations)
        if "final_obs" in infos:
            mask = infos["_final_obs"]
            entry["final_obs_mask"] = [int(v) for v in mask]
            entry["final_obs"] = f32(np.stack([infos["final_obs"][i] for i in range(num_envs) if mask[i]]))
        entry["info_keys"] = sorted(infos.keys())
        done |= terminations | truncations
        record["steps"].append(entry)
    envs.close()
    return record


def vector_runs():
    runs = []
    for env_id in ["CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"]:
        for mode in ["next-step", "same-step", "disabled"]:
            runs.append(record_vector(env_id, mode, seed=7, num_envs=3 if env_id == "Acrobot-v1" else 4))
    return runs


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "classic-control-episodes.jsonl", "w") as f:
        for episode in single_episodes():
            f.write(json.dumps(episode, separators=(",", ":")) + "\n")
    with open(OUT / "classic-control-vector.jsonl", "w") as f:
        for run in vector_runs():
            f.write(json.dumps(run, separators=(",", ":")) + "\n")
    for path in sorted(OUT.glob("*.jsonl")):
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
