"""The rest of a cut-off story from the page's hydration data: the rich-text tree a script app renders from."""
from __future__ import annotations

import json
import re

# Script apps (Next.js and the like) ship the page's data as JSON in a <script type="application/json">;
# behind a paywall or a "read more" fold the rendered HTML stops after a few paragraphs while the data
# still holds the whole story as a rich-text tree: block nodes whose runs keep their words under "text"
# (ProseMirror, Slate, Portable Text) or "value" (Contentful-style), nested under "content" or "children".
_TEXT_KEYS = ("text", "value")
_SMALLEST_SCRIPT = 2000  # characters: smaller JSON blocks are settings, not a story
# Characters of the last shown paragraph's opening and close looked for in the raw JSON before parsing it:
# a run break (a link, emphasis) or an escaped quote can hide one of the two, rarely both.
_NEEDLE = 30
_SHORTEST_LAST = 80  # a last paragraph shorter than this is too common a line to anchor on
_LEAST_GAIN = 150  # words the data must add to count as the story's rest
_WORD = re.compile(r"\w+")


def hydration_scripts(root) -> list[str]:
    """Raw text of the page's JSON data scripts, read before the body finder strips scripts from the tree."""
    found = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").lower()
        if kind == "application/json" or script.get("id") == "__NEXT_DATA__":
            text = script.text or ""
            if len(text) >= _SMALLEST_SCRIPT:
                found.append(text)
    return found


def continue_body(body: str, scripts: list[str]) -> str:
    """body with the paragraphs that follow its last one in a data script's rich-text tree, if any.

    Only a continuation counts: the data must hold the shown last paragraph as a block of its own, so a
    page that shows its whole story, or data about other stories, adds nothing.
    """
    if not body or not scripts:
        return body
    last = body.rsplit("\n\n", 1)[-1]
    if len(last) < _SHORTEST_LAST:
        return body
    needles = (last[:_NEEDLE], last[-_NEEDLE:])
    for raw in scripts:
        if not any(n in raw for n in needles):
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        rest = _following_blocks(data, last)
        if rest and sum(len(_WORD.findall(p)) for p in rest) >= _LEAST_GAIN:
            return "\n\n".join([body, *rest])
    return body


def _following_blocks(data, last: str) -> list[str] | None:
    """Texts of the blocks after the one repeating last, in the first list of blocks holding it; None if none."""
    target = _WORD.findall(last)
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            for i, item in enumerate(node):
                if isinstance(item, dict) and _WORD.findall(_block_text(item)) == target:
                    texts = (" ".join(_block_text(b).split()) for b in node[i + 1:] if isinstance(b, dict))
                    return [t for t in texts if t]
            stack.extend(node)
    return None


def _block_text(node) -> str:
    """The words of one rich-text block: its runs' "text" / "value" strings, in order."""
    parts = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in _TEXT_KEYS and isinstance(value, str):
                    parts.append(value)
            # Children after the block's own strings, in document order (the stack pops the last first).
            stack.extend(reversed([v for k, v in item.items() if k not in _TEXT_KEYS and isinstance(v, (dict, list))]))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return "".join(parts)
