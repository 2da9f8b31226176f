"""Pathways and commissioning advice in the browser: an adviser opens a pathway from a client's matches page and
reads its steps; a bad target shows the chooser again with an error summary; an analyst finds the commissioning
advice from the insight page. Each page is held to the accessibility audit (labelled fields, one h1)."""
import re

from conftest import sign_in
from journey_helpers import table_rows
from page_audit import problems


def assessed_client_paths(adviser, limit=10):
    adviser.goto("/clients")
    table = adviser.get_by_role("table", name=re.compile(r"\d+ clients"))
    paths = [row.get_by_role("link").first.get_attribute("href")
             for row in table.locator("tbody tr").all() if "of 100" in row.inner_text()]
    assert paths, "an assessed client on the first page"
    return paths[:limit]


def assert_accessible(page):
    found = problems(page.content())
    assert not found, f"{page.url}: {found}"


def test_an_adviser_opens_a_pathway_from_the_matches_page_and_sees_its_steps(new_page):
    adviser = sign_in(new_page(), "adviser")
    for client in assessed_client_paths(adviser):
        adviser.goto(client + "/matches")
        links = adviser.get_by_role("link", name="Pathway to this job")
        hrefs = [link.get_attribute("href") for link in links.all()]
        for href in hrefs:
            response = adviser.goto(href)
            assert response.status == 200, href
            steps = adviser.get_by_role("table", name="Steps, in order")
            if steps.count() == 1:
                break
        else:
            continue
        break
    else:
        raise AssertionError("no recommended vacancy of the first clients has a pathway with steps")

    heading = adviser.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("Pathway to "), heading
    rows = table_rows(steps)
    assert rows, "the steps are listed"
    for cells in rows:
        assert re.match(r"^\d+$", cells[0]), cells
        assert cells[1] in {"Barrier support", "Basic skills", "Vocational", "Waiting"}, cells
        assert re.search(r"\d{4}$", cells[4]) and re.search(r"\d{4}$", cells[5]), "start and end dates"
    job_ready = adviser.locator("dt", has_text="Job-ready on").locator("xpath=following-sibling::dd[1]").inner_text()
    assert re.search(r"\d{4}$", job_ready), job_ready
    assert adviser.get_by_role("heading", level=2, name="After starting work").is_visible()
    assert_accessible(adviser)
    adviser.screenshot(path="/tmp/pathway.png", full_page=True)

    # The other objective, from the page's own link.
    adviser.get_by_role("link", name="Plan for least cost instead").click()
    assert "objective=cost" in adviser.url
    assert adviser.get_by_role("heading", level=1).inner_text() == heading


def test_the_client_page_plans_a_pathway_to_an_occupation_and_a_bad_one_is_explained(new_page):
    adviser = sign_in(new_page(), "adviser")
    client = assessed_client_paths(adviser, limit=1)[0]
    adviser.goto(client)
    adviser.get_by_label("Occupation to plan a pathway to").select_option(value="O.WAREHOUSE_OPERATIVE")
    adviser.get_by_label("Least cost").check()
    adviser.get_by_role("button", name="Plan a pathway").click()
    assert "/pathway?" in adviser.url and "objective=cost" in adviser.url, adviser.url
    assert adviser.get_by_role("heading", level=1).inner_text() == "Pathway to Warehouse operative"
    assert (adviser.get_by_role("table", name="Steps, in order").count() == 1
            or adviser.get_by_role("heading", level=2, name="No pathway reaches this target").count() == 1
            or "Now: nothing stands in the way" in adviser.content())
    assert_accessible(adviser)

    adviser.goto(client)
    adviser.get_by_role("button", name="Plan a pathway").click()  # no occupation chosen
    assert adviser.get_by_role("alert").count() == 1, "an error summary"
    adviser.get_by_role("alert").get_by_role("link").first.click()
    assert adviser.url.endswith("#f-occupation"), adviser.url
    assert_accessible(adviser)


def test_an_analyst_finds_commissioning_advice_from_the_insight_page(new_page):
    analyst = sign_in(new_page(), "analyst")
    analyst.goto("/insight")
    analyst.get_by_role("link", name=re.compile("^Commissioning advice")).click()
    assert analyst.get_by_role("heading", level=1).inner_text() == "Commissioning advice"
    for name in ["Skill blockers", "Programme impact", "Skills no programme teaches"]:
        assert analyst.get_by_role("heading", level=2, name=name).is_visible(), name
    assert_accessible(analyst)
    # Every count of clients is 0, 5 or more, or shown as "<5".
    blockers = analyst.get_by_role("table", name=re.compile("^Missing essential skills"))
    if blockers.count():
        for cells in table_rows(blockers):
            for count in cells[2:6]:
                assert count == "<5" or count == "0" or int(count) >= 5, cells
