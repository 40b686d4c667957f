from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "twofold.audit"
    label = "audit"
    verbose_name = "Audit trail"
