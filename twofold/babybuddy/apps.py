from django.apps import AppConfig


class BabyBuddyConfig(AppConfig):
    name = "twofold.babybuddy"
    label = "babybuddy"
    verbose_name = "Baby Buddy's API"
