"""The top floor: pages and outputs composed from every app's sections (Today, Us, the export, the demo).

Nothing below imports this app; it imports each app's public section modules from one ordered list.
"""
