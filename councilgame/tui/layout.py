"""Layout numbers the screens share, in a module that imports nothing (the title screen's
start-up reads them before the engine is loaded)."""

HEADER_ROOM = 30  # columns of the header that are not its sub-title
