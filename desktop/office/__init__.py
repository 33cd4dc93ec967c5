"""Working as one office on one database: merging after a refused save, the audit trail
viewer, catching up with other officers' changes and the automatic backups.

`wiring.install(window)` adds this area to the main window: the Tools ▸ Audit trail
action and the timers of `background.OfficeTimers`. The editor's conflict path opens
`merge_dialog.MergeDialog`.
"""
