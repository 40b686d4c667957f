"""`twofold demo`: a demo household with weeks of realistic care, for trying Twofold out."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from twofold.home.demo import (
    DEFAULT_CHILDREN,
    DEFAULT_SEED,
    DEFAULT_WEEKS,
    DEMO_URL,
    create_demo_household,
    demo_option_errors,
)
from twofold.households.demo import DEMO_PASSWORD, DEMO_PEOPLE, database_has_households, find_demo_household

DATABASE_NOT_READY = "The database is not ready ({error}). Run `twofold migrate` first, then try again."
ALREADY_HAS_HOUSEHOLDS = "The database already has households, so no demo was added."


class Command(BaseCommand):
    help = "Make a demo household (two parents, a grandparent helper, a baby) with a realistic log."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--weeks", type=int, default=DEFAULT_WEEKS, help="How old the baby is: 1 to 104 weeks of log."
        )
        parser.add_argument(
            "--children", type=int, default=DEFAULT_CHILDREN, help="1 child, or 2 or 3 for twins or triplets."
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="The same seed makes the same log."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has a household (used by `make run`).",
        )

    def handle(
        self, *args: Any, weeks: int, children: int, seed: int, if_empty: bool, **options: Any
    ) -> None:
        errors = demo_option_errors(weeks=weeks, children=children)
        if errors:
            raise CommandError(" ".join(errors))
        try:
            if if_empty and database_has_households():
                self.stdout.write(ALREADY_HAS_HOUSEHOLDS)
                household = find_demo_household()
                if household is not None:
                    self.stdout.write(f"The demo household is here (id {household.pk}).")
                    self._print_logins()
                return
            demo = create_demo_household(weeks=weeks, children=children, seed=seed)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except DatabaseError as error:
            raise CommandError(DATABASE_NOT_READY.format(error=error)) from None
        names = [child.name for child in demo.children]
        names_text = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        self.stdout.write(
            self.style.SUCCESS(
                f"Made “{demo.household.name}” (id {demo.household.pk}): "
                f"{weeks} week{'s' if weeks != 1 else ''} of care for {names_text}, {demo.events:,} events."
            )
        )
        self._print_logins()

    def _print_logins(self) -> None:
        self.stdout.write(f"Log in as any of these, with the password {DEMO_PASSWORD}:")
        for person in DEMO_PEOPLE:
            who = person.display_name + (f" ({person.relationship})" if person.relationship else "")
            self.stdout.write(f"  {person.email:<20} {who}, {person.role}")
        self.stdout.write(f"Open {DEMO_URL}")
        self.stdout.write("The demo password is public: use the demo only on your own machine.")
