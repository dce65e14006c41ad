"""GitHub-flavoured Markdown on top of CommonMark: what GitHub renders that kc should too.

- `~single tilde~` strikethrough (markdown-it's own rule needs `~~`);
- GitHub alerts, `> [!NOTE]` ... `> [!CAUTION]`, become the theme's admonitions;
- footnotes get GitHub-compatible ids (`fn-1`, back-references `fnref-1`);
- heading slugs keep letters, combining marks and digits of every script, as GitHub does
  (`हिन्दी नीति` -> `हिन्दी-नीति`; Python's `\\w` drops the vowel signs).

Extended autolinks (`www.example.com`, `dpo@example.com`) are markdown-it's linkify
(linkify-it-py), switched on in `markdown.make_markdown()`.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

ALERTS = {"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"}
ALERT_MARKER = re.compile(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)", re.IGNORECASE)
SINGLE_TILDE = re.compile(r"~(?=[^\s~])[^~]*?[^\s~]~(?!~)|~[^\s~]~(?!~)")


AUTOLINK_HINT = re.compile(r"://|www\.|@", re.IGNORECASE)
GITHUB_AUTOLINK = re.compile(r"(?:https?://|ftp://|www\.|mailto:)", re.IGNORECASE)


def gfm_plugin(md: MarkdownIt) -> None:
    if md.linkify is not None:
        pretest = md.linkify.pretest   # a slow regex: skip text that cannot hold a GitHub autolink
        md.linkify.pretest = lambda text: AUTOLINK_HINT.search(text) is not None and pretest(text)
        md.core.ruler.after("linkify", "github_autolinks", github_autolinks_rule)
    md.inline.ruler.before("strikethrough", "single_tilde", single_tilde_rule)
    md.core.ruler.after("block", "github_alerts", github_alerts_rule)
    md.add_render_rule("footnote_anchor_name", footnote_anchor_name)


def slugify(text: str) -> str:
    """GitHub's heading slug: lower case; drop everything but letters, marks, digits, `_`, `-` and
    spaces; spaces become `-`. 'Enforcement & Appeals' -> 'enforcement--appeals'."""
    kept = (char for char in text.strip().lower()
            if char in "- " or unicodedata.category(char)[0] in "LMN" or unicodedata.category(char) == "Pc")
    return "".join(kept).replace(" ", "-")


@lru_cache(maxsize=None)
def footnote_anchor_pattern() -> re.Pattern:
    """Ids the footnote renderer gives notes and their back-references (`fn-1`, `fnref-1`, `fnref-1:2`)."""
    return re.compile(r"fn-?\d+|fnref-?\d+(?::\d+)?")


def footnote_anchor_name(self, tokens: list[Token], idx: int, options, env) -> str:
    """'-1' so the plugin's ids read `fn-1` and `fnref-1`, as on GitHub."""
    return f"-{tokens[idx].meta['id'] + 1}"


def github_autolinks_rule(state: StateCore) -> None:
    """Keep the autolinks GitHub makes (`https://…`, `www.…`, e-mail addresses) and undo linkify's
    bare domains: `roles.md` or `example.com` in a sentence stay text, as on GitHub."""
    for token in state.tokens:
        children = token.children if token.type == "inline" else None
        index = 0
        while children and index + 2 < len(children):
            child = children[index]
            text = children[index + 1].content
            if (child.type == "link_open" and child.markup == "linkify"
                    and not GITHUB_AUTOLINK.match(text) and "@" not in text):
                children[index:index + 3] = [children[index + 1]]
            index += 1


def single_tilde_rule(state: StateInline, silent: bool) -> bool:
    """`~text~` -> <s>text</s> (GitHub accepts one tilde or two; `~~` is markdown-it's own rule)."""
    src, pos = state.src, state.pos
    if src[pos] != "~" or (pos > 0 and src[pos - 1] == "~"):
        return False
    match = SINGLE_TILDE.match(src, pos, state.posMax)
    if match is None:
        return False
    if not silent:
        end = state.posMax
        state.push("s_open", "s", 1)
        state.pos, state.posMax = pos + 1, match.end() - 1
        state.md.inline.tokenize(state)
        state.push("s_close", "s", -1)
        state.posMax = end
    state.pos = match.end()
    return True


def github_alerts_rule(state: StateCore) -> None:
    """A blockquote whose first line is `[!NOTE]` (TIP, IMPORTANT, WARNING, CAUTION) becomes an
    admonition of that kind, rendered like `!!! note`."""
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (token.type == "blockquote_open" and index + 2 < len(tokens)
                and tokens[index + 1].type == "paragraph_open" and tokens[index + 2].type == "inline"
                and (match := ALERT_MARKER.match(tokens[index + 2].content))):
            kind = match.group(1).lower()
            close = next(i for i in range(index + 1, len(tokens))
                         if tokens[i].type == "blockquote_close" and tokens[i].level == token.level)
            _to_admonition(tokens, index, close, kind, match.end())
        index += 1


def _to_admonition(tokens: list[Token], start: int, close: int, kind: str, marker_end: int) -> None:
    opening, inline = tokens[start], tokens[start + 2]
    tokens[start] = _token("admonition_open", "div", 1, opening, {"class": f"admonition {kind}"}, {"tag": kind})
    tokens[close] = _token("admonition_close", "div", -1, tokens[close])
    inline.content = inline.content[marker_end:]
    title = [_token("admonition_title_open", "p", 1, opening, {"class": "admonition-title"}),
             _token("inline", "", 0, opening), _token("admonition_title_close", "p", -1, opening)]
    title[1].content, title[1].children = ALERTS[kind], []
    if inline.content.strip():
        tokens[start + 1:start + 1] = title
    else:   # the marker was the whole first paragraph
        tokens[start + 1:start + 4] = title


def _token(kind: str, tag: str, nesting: int, like: Token, attrs: dict | None = None,
           meta: dict | None = None) -> Token:
    token = Token(kind, tag, nesting, attrs=attrs or {}, map=like.map, level=like.level, block=True)
    token.meta = meta or {}
    return token
