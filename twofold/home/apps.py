from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "twofold.home"
    label = "home"

    def ready(self) -> None:
        # The top floor passes down what lower floors may show but not import (architecture.md).
        from twofold.care.hooks import register_alerts, register_on_duty
        from twofold.circle.page import ask_for_night
        from twofold.health.cards import quick_log_alerts
        from twofold.nights.duty import on_duty_now
        from twofold.nights.hooks import register_ask_for_night

        register_on_duty(on_duty_now)
        register_alerts(quick_log_alerts)
        register_ask_for_night(ask_for_night)
