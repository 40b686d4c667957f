"""The table filter: each cell with its column's name, for tables that stack on a phone."""

from django.template import Context, Template

from twofold.households.templatetags.tables import labelled


def test_each_cell_gets_its_columns_name():
    assert labelled(["75 %", "45 %"], ["Alex", "Sam"]) == [("Alex", "75 %"), ("Sam", "45 %")]


def test_a_cell_past_the_last_name_gets_an_empty_label_and_extra_names_are_ignored():
    assert labelled(["1", "2"], ["Alex"]) == [("Alex", "1"), ("", "2")]
    assert labelled(["1"], ["Alex", "Sam"]) == [("Alex", "1")]


def test_a_template_writes_the_names_as_escaped_data_labels():
    html = Template(
        "{% load tables %}{% for name, c in cells|labelled:names %}"
        '<td data-label="{{ name }}">{{ c }}</td>{% endfor %}'
    ).render(Context({"cells": ["7"], "names": ['Jo "J" <3']}))
    assert html == '<td data-label="Jo &quot;J&quot; &lt;3">7</td>'
