"""Content packs: the schema of pack files, their loader and the discovery of installed packs."""
