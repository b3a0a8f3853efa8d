from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def subject_name(subject):
    """A subject's name, each part marked with its language: in the reader's
    interface language where it has one of its own, with the name its page is titled
    with beside it. A tag, so that a translated sentence can hold it (`as`)."""
    titled = format_html(
        '<span lang="{}">{}</span>',
        subject.page_title_language or settings.LANGUAGE_CODE,
        subject.page_title,
    )
    local = subject.name_in(get_language())
    if local is None:
        return titled
    return format_html(
        '<span lang="{}">{}</span> <span class="subject-original-name">({})</span>',
        local.language,
        local.name,
        titled,
    )
