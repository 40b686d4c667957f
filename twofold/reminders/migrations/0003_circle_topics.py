"""The support circle's reminders: three topics, on for members who saved their choices before these existed
(they never had the chance to choose them; they can turn them off on /reminders/)."""

from django.db import migrations, models

CIRCLE = ["circle_ask", "circle_drop", "circle_night"]


def turn_on(apps, schema_editor):
    settings = apps.get_model("reminders", "ReminderSettings")
    for row in settings.objects.all().only("pk", "topics").iterator():
        row.topics = sorted(set(row.topics) | set(CIRCLE))
        row.save(update_fields=["topics"])


def turn_back(apps, schema_editor):
    settings = apps.get_model("reminders", "ReminderSettings")
    for row in settings.objects.all().only("pk", "topics").iterator():
        row.topics = sorted(set(row.topics) - set(CIRCLE))
        row.save(update_fields=["topics"])


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0002_notification_lease_and_purge"),
    ]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="topic",
            field=models.CharField(
                choices=[
                    ("feed", "feed"),
                    ("medicine", "medicine"),
                    ("timer", "timer"),
                    ("shift", "shift"),
                    ("checkin", "checkin"),
                    ("screening", "screening"),
                    ("circle_ask", "circle_ask"),
                    ("circle_night", "circle_night"),
                    ("circle_drop", "circle_drop"),
                ],
                max_length=12,
            ),
        ),
        migrations.RunPython(turn_on, turn_back),
    ]
