"""Drop DRF's plain-text API tokens (the `authtoken` app, no longer installed).

They cannot become app keys: knox keeps a hash of a key it made itself, with a prefix it looks keys up by,
so an old key would need keeping in plain text to go on working. Clients make a new key
(docs/api.md, docs/operations.md "Upgrading").
"""

from django.db import migrations

OLD_TABLE = "authtoken_token"


def drop_old_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE in connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(OLD_TABLE)}")
    # Forget the old app, so nothing believes its table is still there.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["authtoken"])
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(connection.alias).filter(app_label="authtoken").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_app_keys"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        # So the admin log's entries about old tokens lose their link rather than block the delete.
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]

    operations = [migrations.RunPython(drop_old_tokens, migrations.RunPython.noop)]
