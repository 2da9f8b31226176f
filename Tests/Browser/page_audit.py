"""Reads a page's HTML (as the server sent it: the app needs no JavaScript) and lists accessibility problems:
form controls without a label, other than one h1, images and charts without a text alternative, duplicate ids,
and error-summary links that point nowhere."""
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
UNLABELLED_INPUTS = {"hidden", "submit", "button", "reset", "image"}


@dataclass
class Audit:
    controls: list = field(default_factory=list)  # (tag, attrs, inside a label)
    label_targets: set = field(default_factory=set)
    ids: list = field(default_factory=list)
    h1s: int = 0
    svgs: list = field(default_factory=list)  # (attrs, has a <title> child)
    images: list = field(default_factory=list)
    summary_links: list = field(default_factory=list)
    buttons_without_text: int = 0


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.audit = Audit()
        self.stack = []  # (tag, attrs)
        self.svg_titles = []  # per open svg: [attrs, has title]
        self.button_text = None

    def inside(self, tag, predicate=lambda attrs: True):
        return any(t == tag and predicate(a) for t, a in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        a = self.audit
        if "id" in attrs:
            a.ids.append(attrs["id"])
        if tag == "h1":
            a.h1s += 1
        elif tag == "label" and attrs.get("for"):
            a.label_targets.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            if not (tag == "input" and attrs.get("type", "text") in UNLABELLED_INPUTS):
                a.controls.append((tag, attrs, self.inside("label")))
        elif tag == "img":
            a.images.append(attrs)
        elif tag == "svg":
            self.svg_titles.append([attrs, False])
        elif tag == "title" and self.stack and self.stack[-1][0] == "svg":
            self.svg_titles[-1][1] = True
        elif tag == "a" and self.inside("div", lambda attrs: "error-summary" in attrs.get("class", "").split()):
            a.summary_links.append(attrs.get("href", ""))
        elif tag == "button":
            self.button_text = ""
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg_titles:
            self.audit.svgs.append(tuple(self.svg_titles.pop()))
        if tag == "button" and self.button_text is not None:
            if not self.button_text.strip():
                self.audit.buttons_without_text += 1
            self.button_text = None
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.button_text is not None:
            self.button_text += data


def audit(html):
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.audit


def problems(html):
    """Every accessibility problem this audit finds on a page, as sentences; empty when there are none."""
    a = audit(html)
    found = []
    for tag, attrs, wrapped in a.controls:
        named = wrapped or attrs.get("id") in a.label_targets or attrs.get("aria-label") or attrs.get("aria-labelledby")
        if not named:
            found.append(f"{tag} name={attrs.get('name')!r} id={attrs.get('id')!r} has no label")
    if a.h1s != 1:
        found.append(f"{a.h1s} h1 headings")
    for attrs, has_title in a.svgs:
        if attrs.get("aria-hidden") != "true" and not has_title:
            found.append(f"svg {attrs.get('id') or attrs.get('class')!r} has no title")
    for attrs in a.images:
        if "alt" not in attrs:
            found.append(f"img {attrs.get('src')!r} has no alt")
    duplicates = sorted({i for i in a.ids if a.ids.count(i) > 1})
    if duplicates:
        found.append(f"duplicate ids {duplicates}")
    ids = set(a.ids)
    for href in a.summary_links:
        if not href.startswith("#") or href[1:] not in ids:
            found.append(f"error summary link {href!r} points to no element")
    if a.buttons_without_text:
        found.append(f"{a.buttons_without_text} buttons without text")
    return found
