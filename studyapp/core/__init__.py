"""The pure learning logic: no Flask, no database, no clock reads (`tests/test_architecture.py`).

Everything here takes plain values (records, dates, `now` as an argument) and returns plain values,
so it can be read, tested and reused without a web server, as Anki's rslib scheduler and py-fsrs.

- `scheduling`: SM-2 (`sm2`), the day plan (`day_plan`), the study day (`study_day`)
- `content`: deck files and their records (`deck_files`), point codes (`codes`), point names
  (`point_names`), categories (`categories`), the cards made from a record (`card_kinds`), what a
  location states (`location_facts`)
- `quizzes`: questions and distractors (`questions`), typed-answer matching (`answer_matching`),
  point search (`search`), body-chart questions (`chart_questions`)
- `body`: the body charts (figures, positions measured in cun, click grading, SVG; its README)
- `progress`: statistics (`stats`) and their SVG charts (`charts`)
- `backup_format`: reading and writing a student's backup file
"""
