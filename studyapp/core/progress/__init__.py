"""Statistics of a student's reviews and the SVG charts of them."""
