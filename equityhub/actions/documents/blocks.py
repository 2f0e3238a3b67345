"""Rendered Markdown as plain paragraphs, for documents that are not HTML (the Word file).

It reads the sanitised HTML of `equityhub.core.text.markdown_to_html`, so a document shows what
the site shows: paragraphs, headings (below the document's own), bold and italic, line breaks,
lists (bulleted, or numbered in the text), quotes and code. A link keeps its words, followed
by its address in brackets.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from equityhub.core.text import markdown_to_html

# The paragraph styles every Word document has (python-docx's default template included).
NORMAL = "Normal"
BULLET = "List Bullet"
NESTED_BULLET = "List Bullet 2"
NUMBERED = "List Paragraph"
QUOTE = "Quote"
# Headings in the text sit below the action's own heading (Heading 2).
HEADINGS = {"h2": "Heading 3", "h3": "Heading 4"}

_BLOCK_TAGS = frozenset({"p", "li", "pre", "h2", "h3"})
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    is_break: bool = False


@dataclass(slots=True)
class Block:
    style: str
    prefix: str = ""
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.prefix + "".join("\n" if run.is_break else run.text for run in self.runs)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._block: Block | None = None
        self._bold = 0
        self._italic = 0
        self._code = 0
        self._pre = 0
        self._quote = 0
        self._lists: list[list[int]] = []  # [is_numbered, items so far] for each open list
        self._links: list[tuple[str, int]] = []  # (href, length of the block's text at <a>)

    def _style(self) -> str:
        if self._lists:
            is_numbered = self._lists[-1][0]
            if is_numbered:
                return NUMBERED
            return BULLET if len(self._lists) == 1 else NESTED_BULLET
        return QUOTE if self._quote else NORMAL

    def _open(self, prefix: str = "", style: str = "") -> Block:
        # A loose list item wraps its text in <p>: the item's paragraph takes it.
        if self._block is not None and not self._block.runs:
            return self._block
        self._block = Block(style=style or self._style(), prefix=prefix)
        self.blocks.append(self._block)
        return self._block

    def _current(self) -> Block:
        """The paragraph being written, or a new one for text outside any block tag."""
        if self._block is None:
            return self._open()
        return self._block

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._lists.append([tag == "ol", 0])
            self._block = None
        elif tag == "li":
            prefix = ""
            if self._lists:
                self._lists[-1][1] += 1
                if self._lists[-1][0]:
                    prefix = f"{self._lists[-1][1]}. "
            self._block = None
            self._open(prefix)
        elif tag in _BLOCK_TAGS:
            if tag == "pre":
                self._pre += 1
            if tag in HEADINGS:
                self._block = None
            self._open(style=HEADINGS.get(tag, ""))
        elif tag == "blockquote":
            self._quote += 1
            self._block = None
        elif tag == "strong":
            self._bold += 1
        elif tag == "em":
            self._italic += 1
        elif tag == "code":
            self._code += 1
        elif tag == "br":
            self._current().runs.append(Run("", is_break=True))
        elif tag == "a":
            block = self._current()
            self._links.append((dict(attrs).get("href") or "", len(block.text)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ul", "ol"):
            if self._lists:
                self._lists.pop()
            self._block = None
        elif tag in _BLOCK_TAGS:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._block = None
        elif tag == "blockquote":
            self._quote = max(0, self._quote - 1)
            self._block = None
        elif tag == "strong":
            self._bold = max(0, self._bold - 1)
        elif tag == "em":
            self._italic = max(0, self._italic - 1)
        elif tag == "code":
            self._code = max(0, self._code - 1)
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            block = self._current()
            words = block.text[start:].strip()
            if href and href not in (words, f"mailto:{words}"):
                block.runs.append(Run(f" ({href})"))

    def handle_data(self, data: str) -> None:
        if not self._pre:
            data = _SPACES.sub(" ", data)
            if self._block is None and not data.strip():
                return  # The line breaks between block tags.
        block = self._current()
        if not block.runs or block.runs[-1].is_break:
            data = data.lstrip() if not self._pre else data
        block.runs.append(
            Run(data, bold=self._bold > 0, italic=self._italic > 0, code=self._code > 0)
        )


def _trimmed(block: Block) -> Block:
    """The block without the spaces Markdown's line breaks leave at its end."""
    while block.runs and not block.runs[-1].is_break and not block.runs[-1].text.strip():
        block.runs.pop()
    if block.runs and not block.runs[-1].is_break:
        last = block.runs[-1]
        last.text = last.text.rstrip("\n") if last.code else last.text.rstrip()
    return block


def markdown_blocks(text: str) -> list[Block]:
    """Markdown `text` as paragraphs of styled runs, rendered as the site renders it."""
    reader = _Reader()
    reader.feed(str(markdown_to_html(text, allow_headings=True)))
    reader.close()
    return [_trimmed(block) for block in reader.blocks if block.text.strip()]
