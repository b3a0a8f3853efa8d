"""Forms of the wiki. Every one refuses text that no output could carry."""

from .accounts import (
    AccountForm,
    LoginForm,
    PasswordResetForm,
    PreferencesForm,
    SignupForm,
)
from .blocks import BlockForm
from .changes import ChangesFilterForm
from .files import UploadForm
from .pages import DeletionForm, EditForm, MoveForm, ProtectionForm, TranslateForm
from .plain_text import PlainTextModelForm
from .search import SearchForm
from .talk import ReplyForm, TopicForm

__all__ = [
    "AccountForm",
    "BlockForm",
    "ChangesFilterForm",
    "DeletionForm",
    "EditForm",
    "MoveForm",
    "LoginForm",
    "PasswordResetForm",
    "PlainTextModelForm",
    "PreferencesForm",
    "ProtectionForm",
    "ReplyForm",
    "SearchForm",
    "SignupForm",
    "TopicForm",
    "TranslateForm",
    "UploadForm",
]
