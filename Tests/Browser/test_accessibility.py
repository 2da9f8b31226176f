"""Every main page: labelled controls, one h1, charts and images with a text alternative, unique ids; and forms
submitted with mistakes show an error summary whose links lead to the fields."""
import re

import pytest

from conftest import BASE_URL, sign_in
from page_audit import audit, problems

OCCUPATION_ID = "O.WELDER"


@pytest.fixture(scope="module")
def pages(browser):
    """Signed-in pages for the roles these checks need, shared by the module (each its own context)."""
    contexts = []

    def make(role):
        context = browser.new_context(base_url=BASE_URL, java_script_enabled=False)
        context.set_default_timeout(10000)
        contexts.append(context)
        return sign_in(context.new_page(), role)

    signed_in = {role: make(role) for role in ("adviser", "employer", "provider", "analyst")}
    yield signed_in
    for context in contexts:
        context.close()


def assessed_client_path(adviser):
    adviser.goto("/clients")
    table = adviser.get_by_role("table", name=re.compile(r"\d+ clients"))
    for row in table.locator("tbody tr").all():
        if "of 100" in row.inner_text():
            return row.get_by_role("link").first.get_attribute("href")
    raise AssertionError("no assessed client on the first page")


def scoping_form_path(employer):
    employer.goto("/vacancies/new")
    employer.get_by_label("Occupation").select_option(value=OCCUPATION_ID)
    employer.get_by_role("button", name="Continue").click()
    return employer.url[employer.url.index("/vacancies/new"):]


def check(page, path, expect_status=200):
    response = page.goto(path)
    assert response.status == expect_status, f"{path}: {response.status}"
    found = problems(page.content())
    assert not found, f"{path}: {found}"
    return page


def test_main_pages_are_labelled_and_have_one_h1(pages):
    adviser, employer, analyst = pages["adviser"], pages["employer"], pages["analyst"]
    client = assessed_client_path(adviser)
    for path in ["/", "/clients", "/clients/new", client, client + "/assessments/new", client + "/matches",
                 "/programmes", "/referrals", "/vacancies", "/insight", "/taxonomy", "/taxonomy/skills"]:
        check(adviser, path)
    # A referral and a programme, from their lists.
    adviser.goto("/referrals")
    check(adviser, adviser.get_by_role("table", name=re.compile(r"\d+ referrals")).get_by_role("link").first.get_attribute("href"))
    adviser.goto("/programmes")
    programme = adviser.locator("main").get_by_role("link", name=re.compile(".")).filter(
        has_not_text=re.compile("^(Add|Providers|Next|Previous)")).all()
    programme_links = [link.get_attribute("href") for link in programme if re.match(r"^/programmes/[0-9A-F-]{36}$", link.get_attribute("href") or "")]
    assert programme_links, "the programme list links to programmes"
    check(adviser, programme_links[0])

    for path in ["/", "/vacancies", scoping_form_path(employer), "/referrals"]:
        check(employer, path)
    employer.goto("/vacancies?status=open")
    vacancy = employer.get_by_role("table", name=re.compile(r"\d+ vacanc")).get_by_role("link").first.get_attribute("href")
    check(employer, vacancy)
    check(employer, vacancy + "/candidates")
    check(employer, "/clients", expect_status=403)

    provider = pages["provider"]
    for path in ["/", "/programmes", "/programmes/new", "/referrals"]:
        check(provider, path)

    check(analyst, "/insight")
    check(analyst, "/transparency")


def test_charts_have_titles_and_data_tables(pages):
    analyst = check(pages["analyst"], "/insight")
    charts = analyst.locator("main figure")
    assert charts.count() >= 4
    for figure in charts.all():
        svg = figure.locator("svg")
        assert svg.get_attribute("role") == "img"
        title = svg.locator("title").text_content().strip()
        assert title, "each chart has a title"
        labelled_by = svg.get_attribute("aria-labelledby").split()
        assert svg.locator("title").get_attribute("id") in labelled_by
        table = figure.get_by_role("table")
        assert table.count() == 1, f"{title}: a table of the same figures beside the chart"
        assert table.locator("tbody tr").count() == len(figure.locator("svg > text").all()) or table.locator("tbody tr").count() >= 1


def test_audit_catches_problems():
    """The audit itself fails a page that breaks the rules, so passing pages mean something."""
    bad = ("<html><body><h1>A</h1><h1>B</h1><input name='x' id='x'><select name='y'></select>"
           "<svg role='img'><rect/></svg><img src='a.png'><div class='error-summary'><a href='#nowhere'>x</a></div>"
           "<p id='d'></p><p id='d'></p></body></html>")
    found = " | ".join(problems(bad))
    for expected in ["input name='x'", "select name='y'", "2 h1", "svg", "img", "#nowhere", "duplicate ids"]:
        assert expected in found, (expected, found)
    good = ("<html><body><h1>A</h1><label for='x'>X</label><input name='x' id='x'><label>Y <select name='y'></select></label>"
            "<svg aria-hidden='true'></svg><svg role='img'><title>T</title></svg><img src='a.png' alt=''></body></html>")
    assert problems(good) == []


# Forms submitted with mistakes


def assert_error_summary(page, at_least=1):
    assert page.get_by_role("alert").count() == 1, "one error summary"
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    links = summary.get_by_role("link").all()
    assert len(links) >= at_least, [link.inner_text() for link in links]
    for link in links:
        href = link.get_attribute("href")
        assert href.startswith("#f-"), href
        target = page.locator(f"[id='{href[1:]}']")
        assert target.count() == 1, f"{href} ({link.inner_text()}) points to no element"
        # The target is a field, or the group around one (checkboxes, radios, a table of skills).
        inside = target.locator("input:not([type=hidden]), select, textarea")
        assert inside.count() >= 1 or _is_control(page, href[1:]), f"{href} leads to no field"
    assert not problems(page.content()), problems(page.content())
    return [link.inner_text() for link in links]


def _is_control(page, element_id):
    return any(attrs.get("id") == element_id for _, attrs, _ in audit(page.content()).controls)


def test_client_registration_errors_lead_to_their_fields(pages):
    adviser = pages["adviser"]
    adviser.goto("/clients/new")
    adviser.get_by_label("Postcode").fill("not a postcode")
    adviser.get_by_label("Date of birth (optional)").fill("2020-01-01")
    adviser.get_by_role("button", name="Register client").click()
    messages = assert_error_summary(adviser, at_least=5)
    assert "Enter the client's first name" in messages
    assert adviser.get_by_label("Postcode").input_value() == "not a postcode", "what was typed is kept"


def test_assessment_errors_lead_to_their_fields(pages):
    adviser = pages["adviser"]
    adviser.goto(assessed_client_path(adviser) + "/assessments/new")
    adviser.get_by_label("Fewest hours a week").fill("30")
    adviser.get_by_label("Most hours a week").fill("20")
    adviser.get_by_label("Furthest they can travel to work, in km").fill("500")
    adviser.get_by_role("button", name="Save assessment").click()
    assert_error_summary(adviser, at_least=2)


def test_vacancy_scoping_errors_lead_to_their_fields(pages):
    employer = pages["employer"]
    employer.goto(scoping_form_path(employer))
    employer.get_by_label("Job title").fill("")
    employer.get_by_label("Hours per week").fill("")
    employer.get_by_label("Hourly pay, in pounds").fill("")
    employer.get_by_label("Closing date").fill("")
    employer.get_by_label("Status").select_option(label="Open")
    employer.get_by_role("button", name="Save vacancy").click()
    assert_error_summary(employer, at_least=3)


def test_referral_status_errors_lead_to_their_fields(pages):
    employer = pages["employer"]
    employer.goto("/referrals?status=applied")
    employer.get_by_role("table", name=re.compile(r"\d+ referrals")).get_by_role("link").first.click()
    employer.get_by_role("button", name="Save status").click()
    assert_error_summary(employer)


def test_programme_errors_lead_to_their_fields(pages):
    provider = pages["provider"]
    provider.goto("/programmes/new")
    provider.get_by_role("button", name="Add programme").click()
    messages = assert_error_summary(provider, at_least=3)
    assert "Enter the programme's title" in messages
