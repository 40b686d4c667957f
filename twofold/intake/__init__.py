"""Intake: a parent writes how it is going in their own words; Twofold reads the words on its own server
(transparent rules over a curated lexicon, `reader.py`), says what it heard, puts safety first when the words
call for it, and opens two or three parts of Twofold that fit (`said.py`). The writing is sealed and seen
only by its author."""
