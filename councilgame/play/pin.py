"""The facilitator's PIN: set at a hot-seat game's set-up, it locks the facilitator's tools so
that a student at the keyboard cannot open them. The save keeps a salted hash, never the PIN."""

from __future__ import annotations

import hashlib
import hmac
import secrets

ROUNDS = 100_000  # PBKDF2 rounds: a save someone copies does not give the PIN away cheaply


def lock(pin: str) -> dict[str, str]:
    """What a game's options keep of a PIN: its salt and a PBKDF2 hash of it."""
    salt = secrets.token_hex(16)
    return {"salt": salt, "hash": _hash(pin, salt)}


def opens(lock_: object, pin: str) -> bool:
    """Whether `pin` opens the lock kept in a game's options (a malformed lock opens nothing)."""
    if not isinstance(lock_, dict) or not all(isinstance(lock_.get(k), str) for k in ("salt", "hash")):
        return False
    return hmac.compare_digest(_hash(pin, lock_["salt"]), lock_["hash"])


def _hash(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), ROUNDS).hex()
