from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "twofold.growth"
    label = "growth"

    def ready(self) -> None:
        # care asks before saving a measurement that looks wrong; only growth knows the charts it is read on.
        from twofold.care import hooks
        from twofold.growth.checks import doubts_for_event

        hooks.register_measure_doubts(doubts_for_event)
