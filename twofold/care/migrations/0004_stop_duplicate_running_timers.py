"""Before one running timer per child and kind is enforced (0005), two phones could start two feed (or
crying) timers for one child. Such duplicates are stopped: the newest keeps running, and each older one ends
when the newest began.
"""

from django.db import migrations


def stop_duplicate_running_timers(apps, schema_editor):
    CareEvent = apps.get_model("care", "CareEvent")
    running = CareEvent.objects.filter(running=True, deleted_at__isnull=True).order_by(
        "child_id", "kind", "-start", "-id"
    )
    newest = {}
    for event in running.only("id", "child_id", "kind", "start"):
        key = (event.child_id, event.kind)
        if key not in newest:
            newest[key] = event
            continue
        CareEvent.objects.filter(pk=event.pk).update(running=False, end=newest[key].start)


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0003_tap_time"),
    ]

    operations = [
        migrations.RunPython(stop_duplicate_running_timers, migrations.RunPython.noop),
    ]
