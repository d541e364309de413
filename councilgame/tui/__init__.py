"""The Textual game: screens render the play layer's views and send actions; they hold no rules."""
