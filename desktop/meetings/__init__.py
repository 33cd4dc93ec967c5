"""The case meeting screen (研判会议): present a matter, compare it with precedents,
record the meeting and its outcome, and print the minutes.

`page.MeetingPage` lays the screen out; `use_cases` holds the Qt-free work it
runs through the task helper.
"""
