"""councilgame: a terminal decision game about the UN Security Council and parallel operations."""

__version__ = "0.1.0"
ENGINE_VERSION = "0.1"
