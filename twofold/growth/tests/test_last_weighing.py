"""Today's last weight: each child's newest weighing that is still in the log, one row a child."""

import datetime as dt

import time_machine

from twofold.care.services import delete_care_event, log_care_event
from twofold.growth.selectors import last_weighing
from twofold.households.services import add_child

AT = dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC)


def weigh(world, child, grams, at):
    return log_care_event(
        member=world.alex, child=child, kind="weight", by=world.alex, start=at, details={"grams": grams}
    ).event


@time_machine.travel(AT + dt.timedelta(hours=1), tick=False)
def test_each_twin_has_their_own_newest_weighing_and_a_deleted_one_is_not_it(world):
    twin = add_child(member=world.alex, name="Ben", birth_date=world.ada.birth_date, feeding_method="mixed")
    weigh(world, world.ada, 4000, AT - dt.timedelta(days=7))
    weigh(world, world.ada, 4264, AT - dt.timedelta(days=1))
    mistaken = weigh(world, world.ada, 9999, AT)
    delete_care_event(member=world.alex, event=mistaken)
    weigh(world, twin, 3900, AT - dt.timedelta(days=2))

    found = last_weighing(child_ids=[world.ada.pk, twin.pk, world.bo.pk])

    assert found == {
        world.ada.pk: (AT - dt.timedelta(days=1), 4264),
        twin.pk: (AT - dt.timedelta(days=2), 3900),
    }
    assert last_weighing(child_ids=[]) == {}
