"""`manage.py third_party_strings`: the module of allauth and Django strings we translate."""

from io import StringIO

from django.core.management import call_command

from equityhub.core.management.commands.third_party_strings import OUTPUT, render
from equityhub.core.untranslated import Message


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class TestThirdPartyStrings:
    def test_the_generated_module_is_up_to_date(self):
        out, _err = _run("third_party_strings", "--check")

        assert "is up to date" in out

    def test_it_lists_allauth_and_django_strings_our_pages_show(self):
        text = OUTPUT.read_text(encoding="utf-8")

        assert 'gettext_noop("Remember Me"),' in text
        assert 'gettext_noop("Too many failed login attempts. Try again later."),' in text
        assert 'gettext_noop("This password is too common."),' in text
        assert 'pgettext_lazy("field label", "Login"),' in text

    def test_it_leaves_out_what_we_do_not_use_or_replace(self):
        text = OUTPUT.read_text(encoding="utf-8")

        assert "socialaccount" not in text
        assert "Security Keys" not in text  # WebAuthn is off
        assert "Username" not in text  # sign-in is by email
        assert "Menu:" not in text  # allauth's layout, replaced by ours
        assert "Enter a valid UUID." not in text  # a form field no page of ours has

    def test_plurals_keep_both_forms(self):
        text = render(
            [
                ("somewhere.py", Message("%(n)s key", "%(n)s keys")),
                ("somewhere.py", Message("Login", context="field label")),
                ("else.html", Message('Say "hi"\n', "", "")),
            ]
        )

        assert 'ngettext_lazy("%(n)s key", "%(n)s keys", 1),' in text
        assert 'pgettext_lazy("field label", "Login"),' in text
        assert r'gettext_noop("Say \"hi\"\n"),' in text
        imports = "from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy"
        assert imports in text
        assert "    # somewhere.py\n" in text
        assert "    # else.html\n" in text
        compile(text, "third_party_strings.py", "exec")
