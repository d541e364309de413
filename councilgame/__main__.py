"""Allow `python -m councilgame`."""

from councilgame.cli import main

raise SystemExit(main())
