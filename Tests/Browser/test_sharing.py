"""Consent-gated sharing, as people meet it: an employer cannot reach a resident's name before the resident accepts
a referral (and can after); a withdrawn consent takes a partner's access away at once; a form without the session's
CSRF token is refused and changes nothing."""
import re
from urllib.parse import quote

from conftest import BASE_URL, sign_in
from journey_helpers import path_of, summary_value, table_row, table_rows, unique_word

# The demo employer user acts for this employer; the partner adviser works at this council.
EMPLOYER = "Willowfield Automotive Components Ltd"
PARTNER = "Birmingham City Council"
CONSENTS = "Organisations the client has agreed to share with"


def register_client(adviser, given, family, email=None):
    """Registers a resident with no consent to share, and returns the path of their page."""
    adviser.goto("/clients/new")
    adviser.get_by_label("First name").fill(given)
    adviser.get_by_label("Last name").fill(family)
    if email:
        adviser.get_by_label("Email address (optional)").fill(email)
    adviser.get_by_label("Postcode").fill("B6 4AA")
    adviser.get_by_label("Ward").select_option(index=1)
    adviser.get_by_label("Employment status").select_option(label="Unemployed")
    adviser.get_by_label("How the client came to us").select_option(label="Jobcentre")
    adviser.get_by_role("button", name="Register client").click()
    assert adviser.get_by_role("status").inner_text() == "Client registered. Next, assess them."
    return path_of(adviser).split("?")[0]


def consent_rows(adviser, client_path):
    adviser.goto(client_path)
    return table_rows(adviser.get_by_role("table", name=CONSENTS))


def withdraw_consent(adviser, client_path, organisation):
    adviser.goto(client_path)
    row = adviser.get_by_role("table", name=CONSENTS).locator("tbody tr").filter(has_text=organisation).filter(has_text="Active")
    assert row.count() == 1, table_rows(adviser.get_by_role("table", name=CONSENTS))
    row.get_by_role("button", name="Withdraw").click()
    assert adviser.get_by_role("status").inner_text() == "Consent withdrawn. That organisation can no longer see this record."
    assert table_row(adviser.get_by_role("table", name=CONSENTS), organisation)["Status"].startswith("Withdrawn")


def propose_for_a_vacancy_of_the_employer(adviser, employer, client_path):
    """Refers the client to a live vacancy of the demo employer, found by its title; returns the title."""
    employer.goto("/vacancies?status=open")
    titles = [t.strip() for t in employer.get_by_role("table", name=re.compile(r"\d+ vacanc")).get_by_role("link").all_text_contents()]
    for title in titles:
        adviser.goto(f"/referrals/new?clientID={client_path.rsplit('/', 1)[1]}&q={quote(title)}")
        options = adviser.get_by_label("Open vacancy").locator("option").filter(has_text=f"{title}, {EMPLOYER}: closes")
        if options.count():
            adviser.get_by_label("Open vacancy").select_option(value=options.first.get_attribute("value"))
            adviser.get_by_role("button", name="Refer to vacancy").click()
            return title
    raise AssertionError(f"none of the employer's open vacancies takes referrals: {titles}")


def test_an_employer_cannot_reach_a_clients_name_before_they_accept(new_page):
    given, family = unique_word(), unique_word()
    name, email = f"{given} {family}", f"{given.lower()}.{family.lower()}@example.com"
    adviser = sign_in(new_page(), "adviser")
    employer = sign_in(new_page(), "employer")
    client_path = register_client(adviser, given, family, email)
    reference = summary_value(adviser, "Reference")

    # The adviser proposes the resident for one of the employer's live vacancies.
    title = propose_for_a_vacancy_of_the_employer(adviser, employer, client_path)
    assert adviser.get_by_role("status").inner_text() == "Referral made."
    referrals = adviser.get_by_role("table", name="Referrals to programmes and vacancies")
    assert table_row(referrals, title)["Status"] == "Proposed"
    adviser.get_by_role("table", name="Referrals to programmes and vacancies").get_by_role("link", name=title).click()
    referral_path = path_of(adviser).split("?")[0]

    # The employer sees the proposal under a pseudonym: no name, no contact details, no reference, no way in.
    employer.goto(referral_path)
    pseudonym = summary_value(employer, "Client").split()[0]
    assert re.fullmatch(r"CAND-[A-Z0-9]{8}", pseudonym), pseudonym
    text = employer.locator("main").text_content()
    for secret in [given, family, email, reference]:
        assert secret not in text, f"{secret} shown before the client accepted"
    assert employer.get_by_role("button", name="Save status").count() == 0
    assert employer.goto(client_path).status == 403
    employer.goto("/referrals")
    assert name not in employer.locator("main").text_content()

    # The resident accepts; their adviser records it.
    adviser.goto(referral_path)
    adviser.get_by_role("group", name="The client's answer").get_by_label(re.compile("^Client accepts")).check()
    adviser.get_by_role("button", name="Save status").click()
    assert summary_value(adviser, "Status") == "Applied"

    # Now the employer sees who it is, and how to reach them.
    employer.goto(referral_path)
    assert summary_value(employer, "Client") == f"{name} ({pseudonym})"
    assert summary_value(employer, "Email") == email
    assert reference not in employer.locator("main").text_content(), "still the vacancy's pseudonym, not the reference"

    # Withdrawing the consent the acceptance recorded takes the name away again.
    withdraw_consent(adviser, client_path, EMPLOYER)
    employer.goto(referral_path)
    assert summary_value(employer, "Client") == f"{pseudonym} Consent withdrawn"
    assert given not in employer.locator("main").text_content()


def test_a_withdrawn_consent_removes_a_partners_access(new_page):
    given, family = unique_word(), unique_word()
    adviser = sign_in(new_page(), "adviser")
    partner = sign_in(new_page(), "partner")
    client_path = register_client(adviser, given, family)

    # Not shared with the council: the partner adviser cannot open the record.
    response = partner.goto(client_path)
    assert response.status == 404
    assert given not in partner.locator("main").text_content()

    # The resident agrees to share with the council for employment support.
    adviser.goto(client_path)
    adviser.get_by_label("Record consent to share with").select_option(label=PARTNER)
    adviser.get_by_label("For the purpose of").select_option(label="Employment support")
    adviser.get_by_role("button", name="Record consent").click()
    assert adviser.get_by_role("status").inner_text() == "Consent recorded."
    row = table_row(adviser.get_by_role("table", name=CONSENTS), PARTNER)
    assert row["Purpose"] == "Employment support" and row["Status"] == "Active", row

    response = partner.goto(client_path)
    assert response.status == 200
    assert partner.get_by_role("heading", level=1).inner_text() == f"{given} {family}"

    # Withdrawn: the partner loses the page at once.
    withdraw_consent(adviser, client_path, PARTNER)
    response = partner.goto(client_path)
    assert response.status == 404
    assert given not in partner.locator("main").text_content()
    partner.goto("/clients?q=" + family)
    assert family not in partner.locator("main").text_content()


def test_a_form_without_the_csrf_token_is_refused_and_changes_nothing(new_page):
    adviser = sign_in(new_page(), "adviser")
    client_path = register_client(adviser, unique_word(), unique_word())
    before = consent_rows(adviser, client_path)
    organisation = adviser.get_by_label("Record consent to share with").locator("option").filter(has_text=PARTNER).get_attribute("value")
    token = adviser.locator('input[name="_csrf"]').first.get_attribute("value")
    assert token
    request = adviser.context.request
    url = BASE_URL.rstrip("/") + client_path + "/consents"
    fields = {"organisationID": organisation, "purpose": "employment-support"}

    # The same browser (its session cookie) posting the form without the token, or with a forged one.
    for form in [fields, {**fields, "_csrf": "forged" + token[6:]}, {**fields, "_csrf": ""}]:
        response = request.post(url, form=form, max_redirects=0)
        assert response.status == 403, (form.get("_csrf"), response.status)
        assert "did not come from this service" in response.text()
    assert consent_rows(adviser, client_path) == before, "a refused form changed nothing"

    # With the page's token the same form goes through: it was only the token that was wrong.
    response = request.post(url, form={**fields, "_csrf": token}, max_redirects=0)
    assert response.status == 303, response.status
    after = consent_rows(adviser, client_path)
    assert len(after) == len(before) + 1
    assert table_row(adviser.get_by_role("table", name=CONSENTS), PARTNER)["Status"] == "Active"
