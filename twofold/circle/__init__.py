"""The support circle (issue 18): help that parents ask for, helpers promise and give, standing offers, and a
parent who lives elsewhere for a while without leaving the family.

Pure domain: `rules` (who sees a request, its states and moves, the promised-against-given tallies and their
sentences). Around it: models, selectors (scoped reads, a fixed number of queries), services (every write;
a taken night is agreed with the night planner below, which plans it with the helper on duty), pages, API,
and the parts Today, Us, the export and the demo compose.
"""
