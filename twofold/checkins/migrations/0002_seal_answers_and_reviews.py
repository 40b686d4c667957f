"""Check-in answers and reviews of agreements sealed at rest, like screenings (issue 13, item 6).

The plain columns are made nullable, every row's values are sealed into the new column, then the plain
columns go. Reversible while the keys that sealed the rows are configured: going back opens each row and
writes its values into the plain columns again.
"""

from django.db import migrations, models

from twofold.sealing import CannotUnseal, seal, unseal

ANSWER_FIELDS = ("care_share", "night_share", "fairness", "sleep", "mood", "connection", "appreciated", "needed")
CANNOT_GO_BACK = (
    "{what} #{pk} cannot be opened with the keys in TWOFOLD_ENCRYPTION_KEYS, so it cannot be written back "
    "in the clear. Put back the key it was sealed with and migrate again."
)


def seal_rows(apps, schema_editor):
    Checkin = apps.get_model("checkins", "Checkin")
    checkins = list(Checkin.objects.all())
    for checkin in checkins:
        checkin.sealed_answers = seal({name: getattr(checkin, name) for name in ANSWER_FIELDS})
        for name in ANSWER_FIELDS:
            setattr(checkin, name, None)
    Checkin.objects.bulk_update(checkins, ["sealed_answers", *ANSWER_FIELDS], batch_size=500)
    Review = apps.get_model("checkins", "AgreementReview")
    reviews = list(Review.objects.all())
    for review in reviews:
        review.sealed_outcome, review.outcome = seal(review.outcome), None
    Review.objects.bulk_update(reviews, ["sealed_outcome", "outcome"], batch_size=500)


def open_rows(apps, schema_editor):
    Checkin = apps.get_model("checkins", "Checkin")
    checkins = list(Checkin.objects.all())
    for checkin in checkins:
        try:
            answers = unseal(checkin.sealed_answers)
        except CannotUnseal:
            raise RuntimeError(CANNOT_GO_BACK.format(what="Check-in answer", pk=checkin.pk)) from None
        for name in ANSWER_FIELDS:
            setattr(checkin, name, answers[name])
    Checkin.objects.bulk_update(checkins, list(ANSWER_FIELDS), batch_size=500)
    Review = apps.get_model("checkins", "AgreementReview")
    reviews = list(Review.objects.all())
    for review in reviews:
        try:
            review.outcome = unseal(review.sealed_outcome)
        except CannotUnseal:
            raise RuntimeError(CANNOT_GO_BACK.format(what="Agreement review", pk=review.pk)) from None
    Review.objects.bulk_update(reviews, ["outcome"], batch_size=500)


def _nullable_number():
    return models.PositiveSmallIntegerField(null=True)


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="checkin", name="checkin_shares_in_range"),
        migrations.RemoveConstraint(model_name="checkin", name="checkin_ratings_in_range"),
        *(
            migrations.AlterField(model_name="checkin", name=name, field=_nullable_number())
            for name in ANSWER_FIELDS[:6]
        ),
        *(
            migrations.AlterField(
                model_name="checkin", name=name, field=models.CharField(max_length=300, blank=True, null=True)
            )
            for name in ANSWER_FIELDS[6:]
        ),
        migrations.AlterField(
            model_name="agreementreview",
            name="outcome",
            field=models.CharField(max_length=8, null=True),
        ),
        migrations.AddField(
            model_name="checkin",
            name="sealed_answers",
            field=models.TextField(default="", help_text="Encrypted: the shares, ratings and words answered."),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="agreementreview",
            name="sealed_outcome",
            field=models.TextField(default="", help_text="Encrypted: kept, partly kept or not kept."),
            preserve_default=False,
        ),
        migrations.RunPython(seal_rows, open_rows),
        *(migrations.RemoveField(model_name="checkin", name=name) for name in ANSWER_FIELDS),
        migrations.RemoveField(model_name="agreementreview", name="outcome"),
        migrations.AlterModelOptions(
            name="checkin",
            options={"ordering": ["-week", "answered_at", "id"], "verbose_name": "check-in answer"},
        ),
    ]
