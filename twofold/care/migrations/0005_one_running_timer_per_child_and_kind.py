"""One running timer per child and kind, for feeds and crying as for sleep (duplicates were stopped in 0004).

A migration of its own: PostgreSQL refuses to alter a table in the transaction that updated its rows.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0004_stop_duplicate_running_timers"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="careevent",
            name="one_running_sleep_per_child",
        ),
        migrations.AddConstraint(
            model_name="careevent",
            constraint=models.UniqueConstraint(
                condition=models.Q(("deleted_at__isnull", True), ("running", True)),
                fields=("child", "kind"),
                name="one_running_timer_per_child_and_kind",
            ),
        ),
    ]
