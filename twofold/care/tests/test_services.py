import uuid

import pytest
from django.core.exceptions import ValidationError

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event, start_timer


def test_retry_does_not_duplicate(world):
    cid = uuid.uuid4()
    first = log_care_event(
        member=world.alex, child=world.ada, kind="nappy", details={"contents": "wet"}, client_id=cid
    )
    again = log_care_event(
        member=world.alex, child=world.ada, kind="nappy", details={"contents": "wet"}, client_id=cid
    )
    assert first.created and not again.created
    assert again.event.pk == first.event.pk
    assert CareEvent.objects.filter(client_id=cid).count() == 1


def test_second_running_sleep_is_refused(world):
    start_timer(member=world.alex, child=world.ada, kind="sleep")
    with pytest.raises(ValidationError) as err:
        start_timer(member=world.sam, child=world.ada, kind="sleep")
    assert "already running" in str(err.value)
