"""Reports over the collection's year: what was distributed, raised and evaluated."""
