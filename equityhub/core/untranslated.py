"""Find the strings that Django and django-allauth show on our account pages without a translation.

Django's catalogues translate part of what its forms and validators say into Welsh; allauth has no
Welsh catalogue at all. `manage.py third_party_strings` lists what is missing in a Python module
of `gettext_noop()` calls (equityhub/core/third_party_strings.py), so that `makemessages` copies
those strings into our own catalogue, where they get their Welsh.

Only sources behind the pages we use are read: allauth's account and MFA code and templates (not
social accounts, sessions, headless, WebAuthn, phone or sign-in codes), and Django's form fields,
validators and auth forms. allauth templates that our own templates replace are skipped.
"""

import ast
import gettext as gettext_module
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import allauth
import django
from django.apps import apps
from django.conf import settings
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation.template import templatize

ALLAUTH_DIR = Path(allauth.__file__).resolve().parent
DJANGO_DIR = Path(django.__file__).resolve().parent
ALLAUTH_TEMPLATES = ALLAUTH_DIR / "templates"

# (file, the classes in it whose strings count, or None for the whole file)
PYTHON_SOURCES: tuple[tuple[Path, tuple[str, ...] | None], ...] = (
    *((path, None) for path in sorted((ALLAUTH_DIR / "account").rglob("*.py"))),
    *((path, None) for path in sorted((ALLAUTH_DIR / "mfa").rglob("*.py"))),
    (DJANGO_DIR / "contrib" / "auth" / "forms.py", None),
    (
        DJANGO_DIR / "contrib" / "auth" / "password_validation.py",
        ("MinimumLengthValidator", "CommonPasswordValidator", "UserAttributeSimilarityValidator"),
    ),
    (
        DJANGO_DIR / "forms" / "fields.py",
        ("Field", "CharField", "EmailField", "ChoiceField", "TypedChoiceField", "BooleanField"),
    ),
    (
        DJANGO_DIR / "core" / "validators.py",
        (
            "EmailValidator",
            "MaxLengthValidator",
            "MinLengthValidator",
            "ProhibitNullCharactersValidator",
        ),
    ),
)
TEMPLATE_SOURCES = (
    *sorted((ALLAUTH_TEMPLATES / "account").rglob("*.*")),
    *sorted((ALLAUTH_TEMPLATES / "mfa").rglob("*.*")),
    *sorted((ALLAUTH_TEMPLATES / "allauth").rglob("*.*")),
)
# Path fragments of features EquityHub does not switch on, or of code no page shows.
EXCLUDED = (
    "/tests/",
    "/migrations/",
    "/management/",
    "/static/",
    "webauthn",
    "phone",
    "login_code",
    "_code.",
    "_code_",
    "passkey",
    "signup_by",
    "trust",
    "/admin.py",
    "/apps.py",
    "/checks.py",
    "/models.py",
    "/provider",
    "account/email.html",  # replaced by email_change.html while ACCOUNT_CHANGE_EMAIL is on
)
TEMPLATE_SUFFIXES = {".html", ".txt"}
# Strings about sign-in methods EquityHub does not offer, wherever they sit.
EXCLUDED_WORDS = re.compile(
    r"\b(user ?names?|phone|security keys?|passkeys?|master key|backup key|key nr)\b", re.IGNORECASE
)

_STRING = r"""u?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
_TEMPLATE_CALL = re.compile(
    rf"\b(?P<func>npgettext|pgettext|ngettext|gettext|_)\(\s*(?P<args>{_STRING}(?:\s*,\s*{_STRING})*)"
)
_PYTHON_FUNCS = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


@dataclass(frozen=True, slots=True)
class Message:
    """One translatable string as gettext keys it: context, singular and plural (or "")."""

    msgid: str
    plural: str = ""
    context: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.msgid, self.plural)


def _message(func: str, args: list[str]) -> Message | None:
    context = ""
    if func.startswith(("p", "np")):
        if not args:
            return None
        context, args = args[0], args[1:]
    if "ngettext" in func:
        return Message(args[0], args[1], context) if len(args) >= 2 else None
    return Message(args[0], "", context) if args else None


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def _calls(tree: ast.Module, classes: tuple[str, ...] | None) -> Iterator[ast.Call]:
    roots: list[ast.AST] = [tree]
    if classes is not None:
        roots = [
            node for node in tree.body if isinstance(node, ast.ClassDef) and node.name in classes
        ]
    calls = [
        node
        for root in roots
        for node in ast.walk(root)
        if isinstance(node, ast.Call) and _call_name(node) in _PYTHON_FUNCS
    ]
    yield from sorted(calls, key=lambda node: (node.lineno, node.col_offset))


def python_messages(source: str, classes: tuple[str, ...] | None = None) -> Iterator[Message]:
    """The strings marked for translation in Python source (or in some of its classes), in order."""
    for node in _calls(ast.parse(source), classes):
        args = []
        for arg in node.args:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                break
            args.append(arg.value)
        message = _message(_call_name(node), args)
        if message is not None:
            yield message


def template_messages(source: str) -> Iterator[Message]:
    """The strings a template translates, read the way makemessages reads them."""
    for match in _TEMPLATE_CALL.finditer(templatize(source)):
        args = [ast.literal_eval(text) for text in re.findall(_STRING, match["args"])]
        message = _message(match["func"], args)
        if message is not None:
            yield message


def _is_excluded(path: Path) -> bool:
    text = path.as_posix()
    return any(fragment in text for fragment in EXCLUDED)


def _is_replaced(path: Path) -> bool:
    """Whether one of our templates is found before allauth's own under the same name."""
    name = path.relative_to(ALLAUTH_TEMPLATES).as_posix()
    try:
        origin = get_template(name).origin.name  # type: ignore[attr-defined]
    except TemplateDoesNotExist:
        return False
    return Path(origin).resolve() != path.resolve()


def source_messages() -> Iterator[tuple[str, Message]]:
    """(source label, message) for every string in the sources our pages use, in a fixed order."""
    for path, classes in PYTHON_SOURCES:
        if not _is_excluded(path):
            label = _label(path)
            for message in python_messages(path.read_text(encoding="utf-8"), classes):
                yield label, message
    for path in TEMPLATE_SOURCES:
        if path.suffix in TEMPLATE_SUFFIXES and not _is_excluded(path) and not _is_replaced(path):
            label = _label(path)
            for message in template_messages(path.read_text(encoding="utf-8")):
                yield label, message


def _label(path: Path) -> str:
    for package, root in (("allauth", ALLAUTH_DIR), ("django", DJANGO_DIR)):
        if path.is_relative_to(root):
            return f"{package}/{path.relative_to(root).as_posix()}"
    return path.as_posix()


def installed_catalogues(language: str) -> list[gettext_module.GNUTranslations]:
    """Django's and every installed third-party app's catalogue for `language` (not ours)."""
    ours = {Path(path).resolve() for path in settings.LOCALE_PATHS}
    directories = [DJANGO_DIR / "conf" / "locale"]
    for app in apps.get_app_configs():
        if app.name.startswith("equityhub."):
            continue
        directories.append(Path(app.path) / "locale")
    catalogues = []
    for directory in directories:
        if directory.resolve() in ours or not directory.is_dir():
            continue
        try:
            catalogues.append(gettext_module.translation("django", directory, [language]))
        except FileNotFoundError:
            continue
    return catalogues


def is_translated(message: Message, catalogues: Iterable[gettext_module.GNUTranslations]) -> bool:
    msgid = f"{message.context}\x04{message.msgid}" if message.context else message.msgid
    key: str | tuple[str, int] = (msgid, 0) if message.plural else msgid
    return any(getattr(catalogue, "_catalog", {}).get(key) for catalogue in catalogues)


def untranslated(language: str) -> list[tuple[str, Message]]:
    """Each string our pages show that no installed catalogue translates, once, in source order."""
    catalogues = installed_catalogues(language)
    seen: set[tuple[str, str, str]] = set()
    found = []
    for label, message in source_messages():
        if message.key in seen or not message.msgid.strip():
            continue
        if EXCLUDED_WORDS.search(message.msgid):
            continue
        seen.add(message.key)
        if not is_translated(message, catalogues):
            found.append((label, message))
    return found
