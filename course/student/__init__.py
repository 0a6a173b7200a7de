"""What a student runs from a terminal: check exercises, start one afresh, back up a changed notebook."""
