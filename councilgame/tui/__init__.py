"""The Textual game: screens render engine state and send actions; they hold no rules."""
