"""Who sees what: analysts never see residents' names; employers see candidates under pseudonyms, and names only
of those who accepted a referral to their vacancy; providers see only their own referrals."""
import re

from conftest import sign_in
from journey_helpers import squash, table_rows

EMPLOYER_ORGANISATION = "Willowfield Automotive Components Ltd"
PROVIDER_ORGANISATION = "Stonewood College"


def denied(response, page):
    """A 403 page, or a redirect away from the record; never the record itself."""
    if response.status == 403:
        assert page.get_by_role("heading", level=1).inner_text() == "You cannot see this page"
        return True
    return "/clients" not in page.url


def caption_count(table):
    """The number a list table's caption starts with ("85 referrals")."""
    return int(re.match(r"(\d+)", squash(table.locator("caption").text_content())).group(1))


def first_client(adviser):
    adviser.goto("/clients")
    link = adviser.get_by_role("table", name=re.compile(r"\d+ clients")).get_by_role("link").first
    reference = link.inner_text()
    link.click()
    return adviser.url, reference, adviser.get_by_role("heading", level=1).inner_text()


def client_names(adviser, pages=2):
    """Full names from the first pages of the adviser's client list."""
    names = []
    for number in range(1, pages + 1):
        adviser.goto(f"/clients?page={number}")
        rows = table_rows(adviser.get_by_role("table", name=re.compile(r"\d+ clients")))
        names += [cells[1] for cells in rows]
    assert len(names) >= 10, names
    return names


def test_an_employer_cannot_open_client_records(new_page):
    adviser = sign_in(new_page(), "adviser")
    client_url, _, _ = first_client(adviser)

    employer = sign_in(new_page(), "employer")
    assert "Clients" not in employer.get_by_role("navigation", name="Journey").inner_text()
    response = employer.goto("/clients")
    assert denied(response, employer), employer.url
    assert "Your role (employer) cannot list and search clients." in employer.locator("main").inner_text()
    response = employer.goto(client_url)
    assert denied(response, employer), employer.url
    response = employer.goto(client_url + "/assessments/new")
    assert response.status in (403, 404)
    response = employer.goto(client_url + "/matches")
    assert response.status in (403, 404)


def test_an_employer_sees_candidates_by_pseudonym(new_page):
    employer = sign_in(new_page(), "employer")
    employer.goto("/vacancies?status=open")
    vacancies = employer.get_by_role("table", name=re.compile(r"\d+ vacanc"))
    links = vacancies.get_by_role("link")
    assert links.count() >= 1, "the demo employer has open vacancies"
    # The first open vacancy of theirs with candidates.
    for index in range(min(links.count(), 5)):
        employer.goto("/vacancies?status=open")
        employer.get_by_role("table", name=re.compile(r"\d+ vacanc")).get_by_role("link").nth(index).click()
        vacancy_url = employer.url.split("?")[0]
        employer.get_by_role("link", name="See candidates").click()
        table = employer.get_by_role("table", name=re.compile(r"candidates?, best match first"))
        if table.count():
            break
    else:
        raise AssertionError("none of the employer's first vacancies has candidates")

    assert "Candidates are shown by a reference for this vacancy" in employer.locator("main").inner_text()
    employer_rows = table_rows(table)
    # A pseudonym for this vacancy, followed by a name only for a candidate who accepted a referral to it.
    cells = [re.fullmatch(r"(CAND-[A-Z0-9]{8})(.*)", row[0]) for row in employer_rows]
    assert all(cells), [row[0] for row in employer_rows]
    named = {match.group(2) for match in cells if match.group(2)}
    assert table.get_by_role("link").count() == 0, "employers cannot open candidates' records"

    # The adviser sees the same list with the names of the clients they may open: none of which reach the employer.
    adviser = sign_in(new_page(), "adviser")
    adviser.goto(vacancy_url + "/candidates")
    adviser_table = adviser.get_by_role("table", name=re.compile(r"candidates?, best match first"))
    names = [squash(link.text_content()) for link in adviser_table.get_by_role("link").all()]
    assert names, "the adviser sees some candidates by name"
    adviser_references = [squash(text) for text in adviser_table.locator(".secondary-text").all_text_contents()]
    employer_text = employer.locator("main").text_content()
    for name in names:
        assert name not in employer_text or name in named, f"{name} shown to the employer without accepting"
    for reference in adviser_references:
        assert reference not in employer_text, f"{reference}: a client's own reference shown to the employer"

    # On their referrals page, a client is named only once they have accepted (never while proposed).
    employer.goto("/referrals")
    assert "each under a reference for that vacancy" in employer.locator("main").inner_text()
    table = employer.get_by_role("table", name=re.compile(r"\d+ referrals"))
    headers = [squash(h) for h in table.locator("thead th").all_text_contents()]
    for cells in table_rows(table):
        row = dict(zip(headers, cells))
        assert re.fullmatch(r"CAND-[A-Z0-9]{8}", row["Client"]), row
        if row["Status"] == "Proposed":
            assert row["Client's details"] == "Not yet accepted by the client", row


def test_an_analyst_sees_no_client_names(new_page):
    adviser = sign_in(new_page(), "adviser")
    names = client_names(adviser)
    _, reference, name = first_client(adviser)

    analyst = sign_in(new_page(), "analyst")
    response = analyst.goto("/insight")
    assert response.status == 200
    text = analyst.locator("main").text_content()
    assert "Clients by journey stage" in text
    for person in names + [name]:
        assert person not in text, f"{person} on the dashboard"
    assert reference not in text
    assert re.search(r"\b(WM|SYN)-[A-Z0-9]{4,}\b", text) is None, "no client references either"
    assert analyst.goto("/clients").status == 403
    assert analyst.goto("/referrals").status == 403


def test_a_provider_sees_only_referrals_to_its_programmes(new_page):
    provider = sign_in(new_page(), "provider")
    provider.goto("/referrals")
    table = provider.get_by_role("table", name=re.compile(r"\d+ referrals"))
    provider_total = caption_count(table)
    rows = table_rows(table)
    assert rows, "the demo provider has referrals"
    for row in rows:
        client, _, owner, kind = row[:4]
        assert kind == "Programme" and owner == PROVIDER_ORGANISATION, row
    provider.get_by_label("Referred to").select_option(label="Vacancy")
    provider.get_by_role("button", name="Filter referrals").click()
    assert caption_count(provider.get_by_role("table", name=re.compile(r"\d+ referrals"))) == 0

    admin = sign_in(new_page(), "admin")
    admin.goto("/referrals")
    admin_total = caption_count(admin.get_by_role("table", name=re.compile(r"\d+ referrals")))
    assert admin_total > provider_total
    # A referral to a vacancy, and one to another provider's programme, are not found for the provider.
    admin.goto("/referrals?kind=vacancy")
    vacancy_referral = admin.get_by_role("table", name=re.compile(r"\d+ referrals")).get_by_role("link").first.get_attribute("href")
    assert provider.goto(vacancy_referral).status == 404
    admin.goto("/referrals?kind=programme")
    others = [
        link.get_attribute("href")
        for row, link in zip(table_rows(admin.get_by_role("table", name=re.compile(r"\d+ referrals"))),
                             admin.get_by_role("table", name=re.compile(r"\d+ referrals")).get_by_role("link").all())
        if row[2] != PROVIDER_ORGANISATION
    ]
    assert others, "the admin sees other providers' referrals"
    assert provider.goto(others[0]).status == 404
