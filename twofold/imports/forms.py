"""The Import page's forms: the file (or a Baby Buddy to read from), then the answers the preview asks for."""

from __future__ import annotations

import base64
import zoneinfo
from typing import Any

from django import forms

from twofold.care.models import TemperatureMethod
from twofold.households.models import Child, Member
from twofold.imports.mapping import KEEP_NAME, NEW_CHILD, NOT_SAID, SKIP_CHILD, Choices


def _zones() -> list[tuple[str, str]]:
    return [(z, z.replace("_", " ")) for z in sorted(zoneinfo.available_timezones()) if "/" in z]


class UploadForm(forms.Form):
    file = forms.FileField(
        required=False, label="The exported file", help_text="CSV, JSON or zip, up to 50 MB."
    )
    url = forms.URLField(
        required=False,
        label="Or your Baby Buddy's address",
        assume_scheme="https",
        help_text="Such as https://baby.example.org, with an API key from its user settings.",
    )
    key = forms.CharField(
        required=False, label="Baby Buddy API key", widget=forms.PasswordInput, max_length=200
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not data.get("url"):
            raise forms.ValidationError(
                "Choose the exported file, or give your Baby Buddy's address and key."
            )
        if data.get("url") and not data.get("key"):
            self.add_error("key", "Baby Buddy needs an API key: find it under your user settings there.")
        return data


class ChoicesForm(forms.Form):
    """One select per person and per child the file names, the zone when the file has none, and units."""

    def __init__(
        self,
        *args: Any,
        people: dict[str, str],
        children: dict[str, str],
        members: list[Member],
        kids: list[Child],
        asks_zone: bool,
        asks_units: bool,
        zone: str,
        asks_method: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if asks_zone:
            self.fields["zone"] = forms.ChoiceField(
                choices=_zones,
                initial=zone,
                label="The file's times are in",
                help_text="The file does not say which zone its clock was on.",
            )
        if asks_units:
            self.fields["imperial"] = forms.BooleanField(
                required=False,
                label="Amounts are in fl oz, weights in lb and lengths in inches (the file has no units)",
            )
        if asks_method:
            self.fields["temperature_method"] = forms.ChoiceField(
                choices=[(NOT_SAID, "Not said (the file does not say)"), *TemperatureMethod.choices],
                initial=NOT_SAID,
                required=False,
                label="The file's temperatures were taken in the",
                help_text="If you know, say: how a reading was taken matters when reading it (NICE NG143).",
            )
        member_choices = [(str(m.pk), m.display_name) for m in members]
        for name, current in people.items():
            label = f"“{name}” in the file is" if name else "Nobody is named in the file: log it as done by"
            keep = [(KEEP_NAME, f"{name}, not a member here (keep the name)")] if name else []
            self.fields[field_name("person", name)] = forms.ChoiceField(
                choices=member_choices + keep, initial=current, label=label
            )
        kid_choices = [(str(c.pk), c.name) for c in kids] + [(SKIP_CHILD, "Leave these rows out")]
        for name, current in children.items():
            new = [(NEW_CHILD, f"{name}, added as in the export")] if current == NEW_CHILD else []
            self.fields[field_name("child", name)] = forms.ChoiceField(
                choices=kid_choices + new,
                initial=current,
                label=f"“{name}” in the file is" if name else "Rows that name no child are for",
            )

    def choices(self, zone: zoneinfo.ZoneInfo) -> Choices:
        """The answers as mapping.Choices; call after is_valid()."""
        data = self.cleaned_data
        people = {name_of(k): v for k, v in data.items() if k.startswith("person__")}
        children = {name_of(k): v for k, v in data.items() if k.startswith("child__")}
        chosen = zoneinfo.ZoneInfo(data["zone"]) if data.get("zone") else zone
        return Choices(
            zone=chosen,
            people=people,
            children=children,
            imperial=bool(data.get("imperial")),
            temperature_method=data.get("temperature_method") or NOT_SAID,
        )


def field_name(prefix: str, name: str) -> str:
    """A field per name in the file, whatever characters the name has."""
    return f"{prefix}__{base64.urlsafe_b64encode(name.encode()).decode()}"


def names(data: Any, prefix: str) -> dict[str, str]:
    """The names a posted form answered for, so the same fields can be built to read the answers."""
    found = {}
    for key in data:
        if key.startswith(f"{prefix}__"):
            try:
                found[name_of(key)] = ""
            except ValueError:  # not a name this page wrote: ignored
                continue
    return found


def name_of(field: str) -> str:
    return base64.urlsafe_b64decode(field.partition("__")[2].encode()).decode()
