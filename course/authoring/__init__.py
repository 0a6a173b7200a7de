"""What authors and instructors run: build exercises, release an edition, the site, pacing, links."""
