"""Django's own strings that the site's pages show (form errors, the account forms,
the password rules, month names and spans of time), and those of Django REST
framework's errors that the read API answers with.

Django translates them for most of the interface's languages, but ships no Filipino;
REST framework ships no Hindi, Kannada or Filipino.
Listed here, they are in every catalogue (`manage.py catalogues`); a language may
leave one untranslated where Django's own catalogue translates it, and Filipino
translates them all. Nothing calls these: they are here to be found.
"""

from django.utils.translation import gettext_noop, ngettext

# Forms (django.forms, django.core.validators).
gettext_noop("This field is required.")
gettext_noop("Enter a valid email address.")
gettext_noop("Select a valid choice. %(value)s is not one of the available choices.")
gettext_noop("Enter a whole number.")
# The account forms and the user model (django.contrib.auth).
gettext_noop("username")
gettext_noop("email address")
gettext_noop("Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.")
gettext_noop("A user with that username already exists.")
gettext_noop(
    "Enter a valid username. This value may contain only letters, numbers, and "
    "@/./+/-/_ characters."
)
gettext_noop("Password")
gettext_noop("Password confirmation")
gettext_noop("Enter the same password as before, for verification.")
gettext_noop("The two password fields didn’t match.")
gettext_noop(
    "Please enter a correct %(username)s and password. Note that both fields may be "
    "case-sensitive."
)
gettext_noop("This account is inactive.")
gettext_noop("Old password")
gettext_noop("New password")
gettext_noop("New password confirmation")
gettext_noop("Your old password was entered incorrectly. Please enter it again.")
gettext_noop("Email")
# The read API's errors (rest_framework.exceptions, .pagination, .negotiation).
gettext_noop("Not found.")
gettext_noop("Invalid page.")
gettext_noop('Method "{method}" not allowed.')
gettext_noop("Could not satisfy the request Accept header.")
gettext_noop("Request was throttled.")
# Each form alone: REST framework fills in the wait before it asks for the plural.
gettext_noop("Expected available in {wait} second.")
gettext_noop("Expected available in {wait} seconds.")
# The password rules (django.contrib.auth.password_validation).
gettext_noop("Your password can’t be too similar to your other personal information.")
gettext_noop("Your password can’t be a commonly used password.")
gettext_noop("Your password can’t be entirely numeric.")
gettext_noop("The password is too similar to the %(verbose_name)s.")
gettext_noop("This password is too common.")
gettext_noop("This password is entirely numeric.")


def _plurals():
    """Plural forms, which gettext_noop cannot mark."""
    n = 2
    ngettext(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        n,
    )
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        n,
    )
    # Spans of time (django.utils.timesince), as "3 days ago" shows them.
    ngettext("%(num)d year", "%(num)d years", n)
    ngettext("%(num)d month", "%(num)d months", n)
    ngettext("%(num)d week", "%(num)d weeks", n)
    ngettext("%(num)d day", "%(num)d days", n)
    ngettext("%(num)d hour", "%(num)d hours", n)
    ngettext("%(num)d minute", "%(num)d minutes", n)


# Dates (django.utils.dates, django.utils.dateformat).
gettext_noop("January")
gettext_noop("February")
gettext_noop("March")
gettext_noop("April")
gettext_noop("May")
gettext_noop("June")
gettext_noop("July")
gettext_noop("August")
gettext_noop("September")
gettext_noop("October")
gettext_noop("November")
gettext_noop("December")
gettext_noop("jan")
gettext_noop("feb")
gettext_noop("mar")
gettext_noop("apr")
gettext_noop("may")
gettext_noop("jun")
gettext_noop("jul")
gettext_noop("aug")
gettext_noop("sep")
gettext_noop("oct")
gettext_noop("nov")
gettext_noop("dec")
gettext_noop("AM")
gettext_noop("PM")
