from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def reader_name(subject):
    """The subject's name in the reader's interface language, where it has one of
    its own (a Name), or None."""
    return subject.name_in(get_language())
