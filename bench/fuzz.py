"""The action fuzz: random games with 1-3 human seats, driven through `legal_actions()` and
through junk actions (wrong seat, wrong kind, unknown targets); anything but an ActionError
fails. `make bench` runs it over 2,000 games across the built-in scenarios (about 2 minutes);
`python bench/fuzz.py GAMES` runs another count."""

from __future__ import annotations

import random
import sys
import time
import traceback

from councilgame.play import load_scenario, new_game
from councilgame.play.bots import play, random_policy
from councilgame.play.queries import playable

SCENARIOS = ("sahel", "south-sudan", "syria-mali", "arctic", "tutorial")


def fuzz(games: int = 2000, junk: int = 3) -> int:
    start = time.perf_counter()
    failures = actions = 0
    for n in range(games):
        scenario = SCENARIOS[n % len(SCENARIOS)]
        rng = random.Random(n)
        seats = playable(load_scenario(scenario))
        humans = rng.sample(seats, min(len(seats), rng.randint(1, 3)))
        try:
            game = new_game(scenario, seed=n, humans=humans)
            actions += play(game, random_policy, seed=n, junk=junk)
            if not game.finished:
                raise RuntimeError("the game did not finish")
        except Exception:  # noqa: BLE001 - the point is to catch anything
            failures += 1
            print(f"FAIL {scenario} seed {n} humans {humans}:\n{traceback.format_exc()}")
    wall = time.perf_counter() - start
    print(f"action fuzz: {games} games, {actions} actions applied ({junk} junk tries before each "
          f"move), {failures} failures, {wall:.0f} s")
    return failures


if __name__ == "__main__":
    sys.exit(1 if fuzz(int(sys.argv[1]) if len(sys.argv) > 1 else 2000) else 0)
