"""Small helpers the browser tests share: reading summary lists and tables, and unique names."""
import random
import re
import string
from datetime import date, timedelta

from conftest import BASE_URL


def unique_word(length=6):
    """Letters only, capitalised: names must pass the app's name rules and differ between runs."""
    return random.choice(string.ascii_uppercase) + "".join(random.choice(string.ascii_lowercase) for _ in range(length - 1))


def iso(day):
    return day.isoformat()


def today():
    return date.today()


def days_from_today(days):
    return today() + timedelta(days=days)


def summary_value(scope, key):
    """The value beside `key` in a summary list (dl/dt/dd) inside `scope` (a page or a locator)."""
    term = scope.get_by_role("term").filter(has_text=re.compile(f"^{re.escape(key)}$"))
    return squash(term.locator("xpath=following-sibling::dd[1]").text_content())


def squash(text):
    """Text as the DOM holds it (not as CSS transforms it), with runs of white space made single spaces."""
    return " ".join((text or "").split())


def table_rows(table):
    """The body rows of a table as lists of cell texts (header cells included, in order)."""
    return [
        [squash(cell) for cell in row.locator("th, td").all_text_contents()]
        for row in table.locator("tbody tr").all()
    ]


def table_row(table, first_cell):
    """The body row whose first cell is exactly `first_cell`, as a dict from header to cell text."""
    headers = [squash(h) for h in table.locator("thead th").all_text_contents()]
    for cells in table_rows(table):
        if cells and cells[0] == first_cell:
            return dict(zip(headers, cells))
    raise AssertionError(f"no row {first_cell!r} in table: {table_rows(table)}")


def path_of(page):
    """The current URL's path and query, without the base."""
    return page.url[len(BASE_URL.rstrip("/")):] if page.url.startswith(BASE_URL.rstrip("/")) else page.url
