"""JSON-LD blocks -> the page's article object and the fields it declares."""
from __future__ import annotations

import html
import json
import re

_ARTICLE_TYPES = re.compile(r"(News|Report|Blog|Opinion|Analysis|Review|Scholarly|Tech|Satirical|Live)?"
                            r"(Article|Posting|BlogPosting)$|^(Report|WebPage|ItemPage)$")
_CONTROL = re.compile(r"[\x00-\x1f]")
_MAX_NODES = 5000  # a bound on walking hostile, self-similar JSON


def _loads(text: str):
    """Parsed JSON of one script block, tolerating the usual publisher mistakes; None if hopeless."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    if not text:
        return None
    for candidate in (text, _CONTROL.sub(" ", text)):
        try:
            return json.loads(candidate)
        except (ValueError, RecursionError):
            continue
    return None


def _types(node: dict) -> list[str]:
    """The @type of a node as a list of strings."""
    value = node.get("@type")
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def jsonld_nodes(root) -> list[dict]:
    """Every JSON object in the page's ld+json blocks, @graph and lists flattened, in page order."""
    nodes: list[dict] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _loads(script.text or "")
        stack = [data]
        while stack and len(nodes) < _MAX_NODES:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                nodes.append(item)
                graph = item.get("@graph")
                if isinstance(graph, (list, dict)):
                    stack.append(graph)
                main = item.get("mainEntity")
                if isinstance(main, dict):
                    stack.append(main)
    return nodes


def article_node(nodes: list[dict]) -> dict | None:
    """The node describing the article: a *Article type first, then a WebPage with a headline."""
    best, best_rank = None, 9
    for node in nodes:
        for t in _types(node):
            m = _ARTICLE_TYPES.search(t)
            if not m:
                continue
            rank = 0 if m.group(2) else (1 if node.get("headline") or node.get("datePublished") else 5)
            if rank < best_rank:
                best, best_rank = node, rank
    if best_rank < 5:
        return best
    # Recipes, videos and other creative works still declare a headline and a publication date.
    return next((n for n in nodes if n.get("datePublished") and (n.get("headline") or n.get("name"))), None)


def _by_id(nodes: list[dict]) -> dict[str, dict]:
    """Nodes addressable by @id, for resolving {"@id": ...} references inside @graph."""
    return {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}


def _names(value, index: dict[str, dict]) -> list[str]:
    """Names from a Person/Organization value: a string, an object, a reference or a list."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:50]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):
                item = index.get(item["@id"], item)
            name = item.get("name")
            # One Person node naming several people: {"name": ["A", "B"]}.
            out += [n for n in (name if isinstance(name, list) else [name]) if isinstance(n, str)]
    # CMSs write names HTML-escaped into JSON ("O&#039;Neil"); the escape's ';' would split the name.
    return [html.unescape(n) if "&" in n else n for n in out]


def jsonld_fields(root) -> dict:
    """headline, authors, published, url, publisher, keywords, language, body the page's JSON-LD declares."""
    nodes = jsonld_nodes(root)
    fields: dict = {}
    if not nodes:
        return fields
    index = _by_id(nodes)
    art = article_node(nodes)
    if art is not None:
        for key, name in (("headline", "headline"), ("datePublished", "published"), ("dateCreated", "created"), ("dateModified", "modified"),
                          ("articleBody", "body"), ("inLanguage", "language"), ("url", "url"),
                          ("mainEntityOfPage", "page"), ("name", "name")):
            value = art.get(key)
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url") or value.get("name")
            if isinstance(value, list):
                value = next((v for v in value if isinstance(v, str)), None)
            if isinstance(value, str) and value.strip():
                fields[name] = value.strip()
        credited = art.get("author") or art.get("creator")
        credited = credited if isinstance(credited, list) else [credited]
        # Organizations credited as author rank below people named elsewhere on the page.
        orgs = [c for c in credited if isinstance(c, dict) and "Organization" in " ".join(_types(c))]
        fields["authors"] = _names([c for c in credited if not any(c is o for o in orgs)], index)
        fields["author_orgs"] = _names(orgs, index)
        publisher = _names(art.get("publisher"), index)
        if publisher:
            fields["publisher"] = publisher[0]
        keywords = art.get("keywords")
        if isinstance(keywords, str):
            fields["keywords"] = [k for k in re.split(r"[,;]", keywords)]
        elif isinstance(keywords, list):
            fields["keywords"] = [k for k in keywords if isinstance(k, str)]
    if "publisher" not in fields:
        for node in nodes:
            if any(t in ("NewsMediaOrganization", "Organization", "WebSite") for t in _types(node)):
                names = _names(node, index)
                if names:
                    fields["publisher"] = names[0]
                    break
    return fields
