"""Sign-in, sign-out and what each role is offered."""
import re

from conftest import BASE_URL, sign_in


def test_pages_need_sign_in(new_page):
    page = new_page()
    page.goto("/clients")
    assert "/sign-in" in page.url
    assert page.get_by_role("heading", name="Sign in").is_visible()


def test_wrong_password_names_the_field(new_page):
    page = new_page()
    page.goto("/sign-in")
    page.get_by_label("Email address").fill("adviser@demo.escalator.test")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert "email address or password is not right" in summary.inner_text()


def test_each_role_sees_its_stages(new_page):
    expected = {
        "adviser": ["Clients", "Vacancies", "Programmes", "Insight"],
        "employer": ["Vacancies"],
        "provider": ["Programmes"],
        "analyst": ["Insight"],
    }
    for role, sections in expected.items():
        page = sign_in(new_page(), role)
        nav = page.locator("nav.service-nav").inner_text()
        for section in sections:
            assert section in nav, f"{role} should see {section}: {nav}"
        if role != "adviser":
            assert "Clients" not in nav, f"{role} must not see Clients"


def test_sign_out(new_page):
    page = sign_in(new_page(), "adviser")
    page.get_by_role("button", name="Sign out").click()
    assert "/sign-in" in page.url
    page.goto("/clients")
    assert "/sign-in" in page.url
