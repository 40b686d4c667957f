from django import template

from twofold.households.professionals import in_local_words

register = template.Library()


@register.filter
def local_words(text: str, country: str) -> str:
    """{{ advice|local_words:household_country }}: services named as the household's country names them."""
    return in_local_words(str(text), country)
