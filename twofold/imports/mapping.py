"""Who and which child a file's names are in this household, and which zone its clock is on.

The parent's answers come first; then a remembered answer, then the same name, then a sensible default.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from twofold.households.models import Child, Member
from twofold.imports.models import PersonChoice

# In a choice, "keep the name" means: a former member of that name, so the log still says who did it.
KEEP_NAME = "keep"
SKIP_CHILD = "skip"
NEW_CHILD = "new"
NOT_SAID = ""
# The format whose names are people who used Twofold: one not in this household is kept by name.
RESTORES_NAMES = "twofold"


@dataclass
class Choices:
    """The parent's answers: zone for files without one, people and children by their name in the file."""

    zone: ZoneInfo
    people: dict[str, str] = field(default_factory=dict)  # name → member id, or KEEP_NAME
    children: dict[str, str] = field(default_factory=dict)  # name → child id, or SKIP_CHILD
    imperial: bool = False
    # How the file's temperatures were taken, when it does not say: unsaid ("") unless the parent knows.
    temperature_method: str = NOT_SAID


def _first_word(name: str) -> str:
    return name.strip().split(" ")[0].casefold() if name.strip() else ""


class Resolver:
    """Maps each name on first sight and remembers the answer for the rest of the file."""

    def __init__(self, *, member: Member, source: str, choices: Choices) -> None:
        self.member = member
        self.source = source
        self.choices = choices
        self.members = {m.pk: m for m in Member.objects.filter(household_id=member.household_id)}
        self.kids = list(Child.objects.filter(household_id=member.household_id).order_by("id"))
        self.remembered = {
            c.name: c.member_id
            for c in PersonChoice.objects.filter(household_id=member.household_id, source=source)
        }
        self.people: dict[str, Member | str] = {}
        self.children: dict[str, Child | None] = {}

    def person(self, name: str) -> Member | str:
        """The member a name is, or the name itself when the parent chose to keep it as a name only."""
        if name not in self.people:
            self.people[name] = self._person(name)
        return self.people[name]

    def _person(self, name: str) -> Member | str:
        chosen = self.choices.people.get(name, "")
        if chosen == KEEP_NAME and name:
            return name
        if chosen.isdigit() and int(chosen) in self.members:
            return self.members[int(chosen)]
        if self.remembered.get(name) in self.members:
            return self.members[self.remembered[name]]
        same = [
            m
            for m in self.members.values()
            if m.is_active and _first_word(m.display_name) == _first_word(name)
        ]
        if name and len(same) == 1:
            return same[0]
        # A restore of Twofold's own export keeps who did each thing: someone not here stays a name.
        if name and self.source == RESTORES_NAMES:
            return name
        return self.member

    def child(self, name: str) -> Child | None:
        if name not in self.children:
            self.children[name] = self._child(name)
        return self.children[name]

    def _child(self, name: str) -> Child | None:
        chosen = self.choices.children.get(name, "")
        if chosen == SKIP_CHILD:
            return None
        by_id = {str(c.pk): c for c in self.kids}
        if chosen in by_id:
            return by_id[chosen]
        same = [c for c in self.kids if _first_word(c.name) == _first_word(name)]
        if len(same) == 1:
            return same[0]
        # A file that names no child (Huckleberry; Nara's pump rows) is for the first child; a name that
        # matches nobody waits for the parent to say who it is, never lands on the wrong child.
        return self.kids[0] if not name and self.kids else None

    def when(self, moment: dt.datetime) -> dt.datetime:
        """A file's wall-clock time on the chosen zone; times that carry their offset stay as they are."""
        # In UTC: Python compares two times of one zone by their wall clocks, so an end in the hour the
        # clocks skip would pass for after its start and only the database would refuse it.
        if moment.tzinfo is not None:
            return moment.astimezone(dt.UTC)
        return moment.replace(tzinfo=self.choices.zone).astimezone(dt.UTC)
