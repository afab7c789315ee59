"""The working group's workspace: dashboard, due dates and deadline reminders."""
