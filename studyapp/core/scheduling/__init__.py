"""SM-2, the day plan and the study day: when each card comes back."""
