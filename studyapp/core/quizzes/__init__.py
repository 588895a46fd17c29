"""Quiz questions and distractors, typed-answer matching, and point search."""
