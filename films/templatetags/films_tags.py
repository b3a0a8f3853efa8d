from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from ..selectors import local_name, names_by_subject

register = template.Library()


@register.simple_tag(takes_context=True)
def subject_name(context, subject):
    """A subject's name, each part marked with its language: in the reader's
    interface language where it has one of its own, with the name its page is titled
    with beside it. A tag, so that a translated sentence can hold it (`as`); the
    names come from the context (films.context_processors), read once a render."""
    titled = format_html(
        '<span lang="{}">{}</span>',
        subject.page_title_language or settings.LANGUAGE_CODE,
        subject.page_title,
    )
    names = context.get("subject_names")
    if names is None:
        names = names_by_subject()
    language = get_language()
    local = local_name(names, subject, language)
    if local is None:
        return titled
    return format_html(
        '<span lang="{}">{}</span> <span class="subject-original-name">({})</span>',
        language,
        local,
        titled,
    )
