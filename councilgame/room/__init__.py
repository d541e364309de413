"""A seminar room on the players' own devices: one host holds the game and sends each connected
seat only its `seat_view` (and the projector only the `public_view`), so what a client never
receives it cannot show. The protocol is in `protocol` and `docs/protocol.md`."""
