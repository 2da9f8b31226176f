"""The whole journey, as each person would walk it, each in their own browser:

an adviser registers and assesses a resident; an employer scopes a vacancy the resident can do and sees
candidates without names; the adviser finds it among the resident's matches and proposes them for it (and refers
them to a programme for a missing skill); the employer sees the proposal under a pseudonym only; the resident
accepts, the adviser records it, and the employer now sees their name and moves the referral on to a start;
the adviser records the job start and its 13-week check; an analyst sees the start and the check on the
Insight dashboard; the adviser, as case owner, reads the record's audit trail: every step is there, by the right
people, without the resident's name.
"""
import csv
import io
import re
from dataclasses import dataclass, field

from conftest import sign_in
from journey_helpers import days_from_today, iso, path_of, summary_value, table_row, table_rows, unique_word

# The demo employer user acts for Willowfield Automotive Components Ltd, in the Willowstead ward.
EMPLOYER = "Willowfield Automotive Components Ltd"
WARD = "Willowstead"
OCCUPATION_ID = "O.WELDER"
OCCUPATION = "Welder fabricator"
# Welder fabricator's suggested skills: these are essential, and the client will hold them.
HELD_SKILLS = {
    "Welding and fabrication": "Working",
    "Health and safety at work": "Working",
    "Hand and power tools": "Working",
    "Precision measurement": "Proficient",
}
# Also essential for the occupation; the client does not hold it, and the employer makes it desirable.
RELAXED_SKILL = "Reading technical drawings"
PARTNER = "Stonewood College"


@dataclass
class Journey:
    given: str = field(default_factory=unique_word)
    family: str = field(default_factory=unique_word)
    vacancy_title: str = ""
    client_path: str = ""
    client_reference: str = ""
    vacancy_path: str = ""
    referral_path: str = ""
    pseudonym: str = ""
    job_start_path: str = ""
    programme_title: str | None = None

    @property
    def name(self):
        return f"{self.given} {self.family}"


def test_a_resident_goes_from_registration_to_a_job_they_keep(new_page):
    journey = Journey()
    journey.vacancy_title = f"Welder fabricator ({unique_word()} shift)"
    adviser = sign_in(new_page(), "adviser")
    employer = sign_in(new_page(), "employer")
    analyst = sign_in(new_page(), "analyst")

    before = insight_figures(analyst)

    adviser_registers_the_client(adviser, journey)
    adviser_assesses_the_client(adviser, journey)
    employer_scopes_a_vacancy(employer, journey)
    employer_sees_candidates_without_names(employer, journey)
    adviser_finds_the_vacancy_among_matches_and_refers(adviser, journey)
    adviser_refers_to_a_programme_for_a_missing_skill(adviser, journey)
    employer_sees_the_proposal_under_a_pseudonym(employer, journey)
    adviser_records_that_the_client_accepts(adviser, journey)
    employer_moves_the_referral_on_to_a_start(employer, journey)
    adviser_records_a_job_start_14_weeks_ago(adviser, journey)
    adviser_records_the_13_week_check(adviser, journey)

    after = insight_figures(analyst)
    analyst_sees_the_start_and_the_check(analyst, before, after)
    adviser_reviews_who_saw_and_changed_the_record(adviser, journey)


# 1. Registration and assessment


def adviser_registers_the_client(page, journey):
    page.get_by_role("navigation", name="Journey").get_by_role("link", name="Clients").click()
    page.get_by_role("link", name="Register a client").click()
    assert page.get_by_role("heading", level=1, name="Register a client").is_visible()
    page.get_by_label("First name").fill(journey.given)
    page.get_by_label("Last name").fill(journey.family)
    page.get_by_label("Date of birth (optional)").fill("1991-04-12")
    page.get_by_label("Postcode").fill("WS5 4AB")
    page.get_by_label("Ward").select_option(label=WARD)
    page.get_by_label("Employment status").select_option(label="Unemployed")
    page.get_by_label("How the client came to us").select_option(label="Jobcentre")
    consent = page.get_by_role("group", name="The client agrees to share their record with")
    consent.get_by_label(PARTNER).check()
    page.get_by_role("button", name="Register client").click()

    assert page.get_by_role("status").inner_text() == "Client registered. Next, assess them."
    assert page.get_by_role("heading", level=1).inner_text() == journey.name
    journey.client_path = path_of(page).split("?")[0]
    journey.client_reference = summary_value(page, "Reference")
    assert re.fullmatch(r"[A-Z0-9-]+", journey.client_reference), journey.client_reference
    assert summary_value(page, "Ward") == WARD
    consents = page.get_by_role("table", name="Organisations the client has agreed to share with")
    assert table_row(consents, PARTNER)["Status"] == "Active"
    assert "Not yet assessed." in page.locator("main").inner_text()


def adviser_assesses_the_client(page, journey):
    page.get_by_role("link", name="Assess", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Assess {journey.name}"
    for skill, level in HELD_SKILLS.items():
        page.get_by_label(f"Level of {skill}", exact=True).select_option(label=level)
        page.get_by_label(f"Evidence of {skill}", exact=True).select_option(label="Adviser-verified")
    page.get_by_label("Highest qualification").select_option(label="Level 2 (GCSE grades 9 to 4)")
    page.get_by_label("GCSE maths at grade 4 (C) or above, or equivalent").check()
    page.get_by_label("Severity of transport", exact=True).select_option(label="Medium")
    page.get_by_label("Job goal 1").select_option(label=OCCUPATION)
    page.get_by_label("Fewest hours a week").fill("16")
    page.get_by_label("Most hours a week").fill("37")
    page.get_by_label("Furthest they can travel to work, in km").fill("8")
    modes = page.get_by_role("group", name="How they can travel")
    modes.get_by_label("Public transport").check()
    modes.get_by_label("Walk").check()
    page.get_by_role("button", name="Save assessment").click()
    page.screenshot(path="/tmp/journey-assessed.png", full_page=True)

    assert page.get_by_role("status").inner_text() == "Assessment saved."
    score_text = page.locator("#distance-score").inner_text()
    total = int(re.match(r"(\d+) of 100", score_text).group(1))
    factors = page.get_by_role("table", name="How the score is made up")
    rows = {cells[0]: cells for cells in table_rows(factors)}
    # Every factor shows its contribution, and they add up to the score.
    assert "Barrier: Transport" in rows, rows
    assert sum(int(cells[1]) for cells in rows.values()) == total, (rows, total)
    assert all(cells[2] for cells in rows.values()), "each factor explains itself"
    plan = page.locator("#action-plan").get_by_role("listitem")
    assert plan.count() >= 1
    assert "transport" in page.locator("#action-plan").inner_text().lower()
    assessments = page.get_by_role("table", name="Assessments, latest first")
    assert len(table_rows(assessments)) == 1
    page.screenshot(path="/tmp/journey-client.png", full_page=True)


# 2. The employer scopes a vacancy


def employer_scopes_a_vacancy(page, journey):
    page.get_by_role("navigation", name="Journey").get_by_role("link", name="Vacancies").click()
    page.get_by_role("link", name=re.compile("Scope a (new )?vacancy")).click()
    assert page.get_by_label("Employer").locator("option:checked").inner_text() == EMPLOYER
    page.get_by_label("Occupation").select_option(value=OCCUPATION_ID)
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role("heading", level=1).inner_text() == f"Scope a vacancy: {OCCUPATION}"
    skills = page.get_by_role("group", name="Skills the job needs")
    # The occupation's skills come pre-filled, essential at the level the occupation needs.
    for skill in [*HELD_SKILLS, RELAXED_SKILL]:
        assert skills.get_by_label(f"Importance of {skill}", exact=True).count() == 1, f"{skill} pre-filled"
        assert page.get_by_label(f"Importance of {skill}", exact=True).locator("option:checked").inner_text() == "Essential"
    assert page.get_by_label(f"Minimum level of {RELAXED_SKILL}", exact=True).locator("option:checked").inner_text() == "2 Working"
    page.get_by_label(f"Importance of {RELAXED_SKILL}", exact=True).select_option(label="Desirable")

    page.get_by_label("Job title").fill(journey.vacancy_title)
    page.get_by_label("Hours per week").fill("30")
    page.get_by_label("Hourly pay, in pounds").fill("13.25")
    assert page.get_by_label("Ward where the job is").locator("option:checked").inner_text() == WARD
    page.get_by_label("Ward where the job is").select_option(label=WARD)
    page.get_by_label("Number of openings").fill("2")
    page.get_by_label("Closing date").fill(iso(days_from_today(60)))
    page.get_by_label("Status").select_option(label="Open")
    page.get_by_role("button", name="Save vacancy").click()

    assert "Vacancy saved" in page.get_by_role("status").inner_text()
    assert page.get_by_role("heading", level=1).inner_text() == journey.vacancy_title
    journey.vacancy_path = path_of(page).split("?")[0]
    page.screenshot(path="/tmp/journey-vacancy.png", full_page=True)
    assert summary_value(page, "Status") == "Open"
    assert summary_value(page, "Ward") == WARD
    assert summary_value(page, "Pay per hour") == "£13.25"
    requirements = page.get_by_role("table", name="4 essential and 3 desirable skills")
    assert table_row(requirements, RELAXED_SKILL)["Importance"] == "Desirable"
    for skill in HELD_SKILLS:
        assert table_row(requirements, skill)["Importance"] == "Essential"

    page.get_by_role("navigation", name="Journey").get_by_role("link", name="Vacancies").click()
    page.get_by_label("Search job titles").fill(journey.vacancy_title)
    page.get_by_role("button", name="Filter").click()
    listed = table_row(page.get_by_role("table", name="1 vacancy"), journey.vacancy_title)
    assert listed["Employer"] == EMPLOYER and listed["Status"] == "Open" and listed["Ward"] == WARD, listed


def employer_sees_candidates_without_names(page, journey):
    page.goto(journey.vacancy_path)
    page.get_by_role("link", name="See candidates").click()
    candidates = page.get_by_role("table", name=re.compile(r"candidates?, best match first"))
    text = page.locator("main").text_content()
    if candidates.count():
        assert all(re.match(r"CAND-[A-Z0-9]{8}", cells[0]) for cells in table_rows(candidates)), "pseudonyms, not references"
    else:
        assert re.search(r"\d candidates? fits?", text) or "No candidate" in text, "fewer than 5: a count only"
    assert journey.given not in text and journey.family not in text, "employers see pseudonyms, not names"
    assert journey.client_reference not in text, "nor the client's own reference"


# 3. Matching and referral


def adviser_finds_the_vacancy_among_matches_and_refers(page, journey):
    page.goto(journey.client_path)
    page.get_by_role("link", name="Find jobs and programmes").click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Matches for {journey.name}"
    card = page.get_by_role("region").filter(has=page.get_by_role("heading", level=3, name=re.compile(re.escape(journey.vacancy_title))))
    assert card.count() == 1, "the new vacancy is among the ranked matches"
    heading = card.get_by_role("heading", level=3).inner_text()
    assert re.match(rf"\d+\. {re.escape(journey.vacancy_title)}, {re.escape(EMPLOYER)}$", heading), heading
    assert "Job ready" in card.text_content(), "meets every essential skill, the qualification and their job goal"
    components = card.get_by_role("table", name="How the score is made up")
    parts = {cells[0]: cells for cells in table_rows(components)}
    assert len(parts) == 5, parts
    score = int(re.search(r"(\d+)%", card.locator(".stat").inner_text()).group(1))
    added = sum(float(cells[3].split()[0]) for cells in parts.values())
    assert abs(added - score) <= 1, (added, score)
    met = summary_value(card, "Skills met")
    missing = summary_value(card, "Skills missing")
    for skill in HELD_SKILLS:
        assert f"{skill} (essential)" in met, met
    assert f"{RELAXED_SKILL} (desirable" in missing, missing
    page.screenshot(path="/tmp/journey-matches.png", full_page=True)

    card.get_by_role("button", name="Refer to this vacancy").click()
    assert "/matches" in page.url, page.url
    assert page.get_by_role("status").inner_text() == "Referral made."
    page.goto(journey.client_path)
    referrals = page.get_by_role("table", name="Referrals to programmes and vacancies")
    row = table_row(referrals, journey.vacancy_title)
    assert row["Status"] == "Proposed" and row["Kind"] == "Vacancy", row
    page.get_by_role("link", name=journey.vacancy_title).click()
    journey.referral_path = path_of(page).split("?")[0]
    assert "/referrals/" in journey.referral_path


def adviser_refers_to_a_programme_for_a_missing_skill(page, journey):
    page.goto(journey.client_path + "/matches")
    assert page.get_by_role("heading", level=2, name="Programmes that close their skill gaps").is_visible()
    missing_essential = " ".join(
        summary_value(card, "Skills missing") for card in page.get_by_role("region").filter(has_text="Skills missing").all())
    programmes = page.get_by_role("table", name="Programmes teaching the essential skills missing for the vacancies above")
    if programmes.count() == 0:
        return  # none offered within the client's reach: nothing to refer to
    offered = programmes.locator("tbody tr").filter(has=page.get_by_role("button", name="Refer to this programme")).all()
    if not offered:
        return  # none with a cohort that has a free place

    def taught(row):
        why = row.get_by_role("listitem").first.text_content()
        match = re.match(r"Teaches (.+) to the level needed\.", why)
        assert match, why
        return re.split(r", | and ", match.group(1))

    # Each programme offered teaches a skill the client is missing for one of their matches; prefer the one
    # that teaches the skill the new vacancy would like them to have.
    for row in offered:
        assert any(f"{skill} (essential" in missing_essential for skill in taught(row)), (taught(row), missing_essential)
    row = next((row for row in offered if RELAXED_SKILL in taught(row)), offered[0])
    title = row.get_by_role("link").first.text_content().strip()
    # A provider the client has not agreed to share with asks the adviser to confirm the client agrees.
    agrees = row.get_by_label(re.compile("The client agrees to share their details with"))
    if agrees.count():
        agrees.check()
    row.get_by_role("button", name="Refer to this programme").click()
    assert page.get_by_role("status").inner_text() == "Referral made."
    journey.programme_title = title
    page.goto(journey.client_path)
    referrals = page.get_by_role("table", name="Referrals to programmes and vacancies")
    programme_row = table_row(referrals, title)
    assert programme_row["Kind"] == "Programme" and programme_row["Status"] == "Referred", programme_row


# 4. From referral to a job start and its 13-week check


def employer_sees_the_proposal_under_a_pseudonym(page, journey):
    page.get_by_role("navigation", name="Journey").get_by_role("link", name=re.compile("Referrals")).click()
    referrals = page.get_by_role("table", name=re.compile(r"\d+ referrals"))
    rows = [dict(zip(["Client", "To"], cells[:2])) for cells in table_rows(referrals)]
    ours = [row for row in rows if row["To"] == journey.vacancy_title]
    assert len(ours) == 1, rows
    journey.pseudonym = ours[0]["Client"]
    assert re.fullmatch(r"CAND-[A-Z0-9]{8}", journey.pseudonym), journey.pseudonym
    text = page.locator("main").inner_text()
    assert journey.name not in text and journey.client_reference not in text, "employers see pseudonyms, not names"

    page.goto(journey.referral_path)
    assert summary_value(page, "Client") == f"{journey.pseudonym} Not yet accepted by the client"
    assert summary_value(page, "Status") == "Proposed"
    assert journey.given not in page.locator("main").inner_text()
    assert "Proposed to the client: their adviser records whether they accept." in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Save status").count() == 0, "only the adviser answers for the client"

    # The same pseudonym among the vacancy's candidates (when 5 or more fit): requirements met and bands, no name.
    page.goto(journey.vacancy_path + "/candidates")
    table = page.get_by_role("table", name=re.compile(r"candidates?, best match first"))
    if table.count():
        row = table_row(table, journey.pseudonym)
        assert re.fullmatch(r"\d+ of \d+.*", row["Requirements met"]), row
        assert row["Can work"] == "30 or more hours a week", row
        assert re.fullmatch(r"(under 2 miles|2–5 miles|5–10 miles|over 10 miles) away", row["Lives"]), row
        assert re.fullmatch(r"\d*[05]% or more", row["Score"]), row
    else:
        assert re.search(r"\d candidates? fits?", page.locator("main").inner_text()), "fewer than 5: a count only"


def adviser_records_that_the_client_accepts(page, journey):
    page.goto(journey.referral_path)
    answer = page.get_by_role("group", name="The client's answer")
    assert answer.get_by_label("Client declines").count() == 1
    answer.get_by_label(re.compile("^Client accepts")).check()
    page.get_by_role("button", name="Save status").click()
    assert page.get_by_role("status").inner_text() == "Status saved."
    assert summary_value(page, "Status") == "Applied"
    page.goto(journey.client_path)
    consents = page.get_by_role("table", name="Organisations the client has agreed to share with")
    row = table_row(consents, EMPLOYER)
    assert row["Purpose"] == "Job referral" and row["Status"] == "Active", row


def employer_moves_the_referral_on_to_a_start(page, journey):
    page.goto(journey.referral_path)
    assert summary_value(page, "Client") == f"{journey.name} ({journey.pseudonym})", "accepted: the employer sees who it is"
    assert journey.client_reference not in page.locator("main").inner_text()
    for status in ["Interviewed", "Offered", "Started"]:
        page.get_by_role("group", name="New status").get_by_label(status, exact=True).check()
        page.get_by_label("Note (optional)").fill(f"{status} at the works.")
        page.get_by_role("button", name="Save status").click()
        assert page.get_by_role("status").inner_text() == "Status saved."
        assert summary_value(page, "Status") == status
    history = page.get_by_role("table", name="Status changes, oldest first")
    assert [cells[0] for cells in table_rows(history)] == ["Proposed", "Applied", "Interviewed", "Offered", "Started"]
    assert summary_value(page, "Client") == f"{journey.name} ({journey.pseudonym})"
    assert "The client's adviser records the job start." in page.locator("main").inner_text()


def adviser_records_a_job_start_14_weeks_ago(page, journey):
    page.goto(journey.referral_path)
    assert summary_value(page, "Status") == "Started"
    assert page.get_by_label("Employer").input_value() == EMPLOYER
    assert page.get_by_label("Job title").input_value() == journey.vacancy_title
    # The client started 14 weeks ago, so the 13-week check is due now.
    page.get_by_label("Start date").fill(iso(days_from_today(-7 * 14)))
    page.get_by_role("button", name="Record job start").click()
    assert page.get_by_role("status").inner_text().startswith("Job start recorded.")
    journey.job_start_path = path_of(page).split("?")[0]
    assert summary_value(page, "Employer") == EMPLOYER
    checks = page.get_by_role("table", name="Checks that the client is still in work")
    assert table_row(checks, "13 weeks")["Checked"] == "Due"
    assert table_row(checks, "26 weeks")["Checked"] == "Not yet due"


def adviser_records_the_13_week_check(page, journey):
    page.goto(journey.job_start_path)
    which = page.get_by_role("group", name="Which check")
    which.get_by_label(re.compile("^13 weeks")).check()
    page.get_by_role("group", name="Is the client still in work?").get_by_label("Yes").check()
    page.get_by_label("Note (optional)").fill("Settled in well.")
    page.get_by_role("button", name="Record check").click()
    assert page.get_by_role("status").inner_text() == "Sustainment check recorded."
    checks = page.get_by_role("table", name="Checks that the client is still in work")
    row = table_row(checks, "13 weeks")
    assert row["Still in work"] == "Yes" and row["Note"] == "Settled in well.", row
    page.screenshot(path="/tmp/journey-job-start.png", full_page=True)
    page.goto(journey.client_path)
    jobs = page.get_by_role("table", name="Job starts")
    assert table_row(jobs, journey.vacancy_title)["Employer"] == EMPLOYER


# 5. Insight


def insight_figures(page):
    page.goto("/insight")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Insight")
    key = page.get_by_role("heading", level=2, name="Job starts", exact=True).locator("xpath=following-sibling::*[1]")
    sustainment = table_row(page.get_by_role("table", name="Sustainment checks by milestone"), "13 weeks")
    return {
        "job starts": int(key.inner_text()),
        "due": int(sustainment["Due"]),
        "checked": int(sustainment["Checked"]),
        "still in work": int(sustainment["Still in work"]),
    }


def analyst_sees_the_start_and_the_check(page, before, after):
    assert after["job starts"] == before["job starts"] + 1, (before, after)
    assert after["due"] == before["due"] + 1, (before, after)
    assert after["checked"] == before["checked"] + 1, (before, after)
    assert after["still in work"] == before["still in work"] + 1, (before, after)
    summary = page.get_by_role("heading", level=2, name="Job starts and sustainment").locator("xpath=following-sibling::p[1]").inner_text()
    assert f"{after['job starts']} job starts recorded." in summary or f"{after['job starts']:,} job starts recorded." in summary, summary
    chart = page.locator("figure#chart-sustainment")
    assert chart.get_by_role("img").count() == 1
    assert chart.locator("svg title").text_content().startswith("Still in work")
    assert chart.get_by_role("table").count() == 1, "the chart's figures are in a table beside it"
    assert len(table_rows(chart.get_by_role("table"))) == 3
    page.screenshot(path="/tmp/journey-insight.png", full_page=True)


# 6. Accountability


def adviser_reviews_who_saw_and_changed_the_record(page, journey):
    page.goto(journey.client_path)
    page.get_by_role("link", name="Who has seen or changed this record (audit trail)").click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Audit trail: {journey.name}"
    newest = table_rows(page.get_by_role("table", name=re.compile(r"\d+ events?")))
    assert newest[0][4] == "Read" and newest[0][5] == "audit trail", "opening the trail is itself recorded"
    assert journey.given not in page.locator("main table").inner_text()

    # The whole trail, oldest first, from the page's CSV download.
    download = page.get_by_role("link", name="Download as CSV").get_attribute("href")
    response = page.context.request.get(download)
    assert response.ok, response.status
    rows = list(csv.DictReader(io.StringIO(response.text())))
    with open("/tmp/journey-audit.txt", "w") as out:
        for row in rows:
            out.write(" | ".join(row[k] for k in ["sequence", "at", "user_name", "role", "organisation_name", "action", "object", "purpose", "channel"]) + "\n")
    text = response.text()
    assert journey.given not in text and journey.family not in text, "the trail never holds the resident's name"
    actions = [row["action"] for row in rows]
    for action in ["create", "read", "consent-given", "referral", "status-change"]:
        assert action in actions, (action, actions)
    objects = [row["object"] for row in rows]
    assert objects[0] == "client record" and actions[0] == "create", "the trail starts with the registration"
    assert any(o.startswith("assessment") for o, a in zip(objects, actions) if a == "create"), objects
    assert any(o.startswith("13-week sustainment check") for o in objects), objects
    employer_rows = [row for row in rows if row["organisation_name"] == EMPLOYER]
    assert any(row["action"] == "status-change" for row in employer_rows), "the employer moved the referral on"
    sequence = [int(row["sequence"]) for row in rows]
    assert sequence == sorted(sequence), "in the order they happened"
