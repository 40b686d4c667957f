from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "twofold.audit"
    label = "audit"
    verbose_name = "Audit trail"

    def ready(self) -> None:
        from twofold.audit.receivers import record_member_removed
        from twofold.households.signals import member_removed

        member_removed.connect(record_member_removed, dispatch_uid="twofold.audit.record_member_removed")
