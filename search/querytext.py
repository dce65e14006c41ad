"""What a person types, understood the same way by every engine: filters
(`type:`, `tag:`, ...), syntax checks with readable messages, question words, and
a small query tree (words, prefixes, phrases, AND/OR/NOT) that a backend turns
into its own query objects.

Plain words are OR-ed (documents matching more of them score higher), so a
question typed as a sentence still finds its answer; `AND`, `OR`, `NOT`,
"quoted phrases", `escal*` and `(groups)` work as the README describes.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.content_names import CONTENT_TYPES
from generator.errors import KcError

MAX_QUERY_CHARS = 500     # a question fits easily; a pasted document does not
OPERATORS = ("AND", "OR", "NOT")
FILTER_FIELDS = {"type": "type", "tag": "tags", "tags": "tags", "region": "regions",
                 "regions": "regions", "status": "status", "owner": "owner", "id": "id",
                 "audience": "audience"}
FILTER = re.compile(r'(?<![\S])(%s):("[^"]*"|[^\s()"]+)' % "|".join(FILTER_FIELDS), re.I)
TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
ANY_REGION = "global"        # a global document applies in every region
SEARCH_TYPES = (*CONTENT_TYPES, "team")   # `type:` values: the content types, and team pages

# Words that shape a question but say nothing about its subject: "what happens to
# spam accounts" is about spam accounts. Dropped from a query that has other words,
# so a heading phrased as a question ("What happens next?") is not rewarded for them.
QUESTION_WORDS = frozenset("""
a about after all also am an and any are as at be been before being but by can
could did do does doing for from get gets getting got had has have having he her
here him his how i if in into is it its just let me might more most must my no of
off on once only or other our out over own same she should so some someone
somebody something such than that the their them then there these they this those
through to too under until up very was we were what whats when where which while who
whom whose why will with would you your yours happen happens happened happening
keep keeps kept make makes made want need needs tell told thing things anyone
""".split())


class BadQuery(KcError):
    """The query cannot be understood; the message says how to fix it."""


@dataclass(frozen=True)
class Filter:
    field: str        # type, tags, regions, status, owner, id, audience
    value: str


@dataclass
class Node:
    """kind: word | prefix | phrase | and | or | not | all"""
    kind: str
    text: str = ""
    words: tuple[str, ...] = ()
    children: list["Node"] = field(default_factory=list)


@dataclass
class Understood:
    words_text: str               # what is left once the filters are taken out
    tree: Node | None             # None: nothing to score (only filters, or only stop words)
    filters: list[Filter]


def understand(text: str, doc_type: str | None = None, tags=(), regions=()) -> Understood:
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"the query is {len(text):,} characters long; ask in at most "
                       f"{MAX_QUERY_CHARS} (a few words or a question work best)")
    words_text, filters = split_filters(text)
    filters += option_filters(doc_type, tags, regions)
    check_filters(filters)
    check_syntax(words_text)
    if not words_text.strip():
        if not filters:
            raise BadQuery("the query is empty: type some words to search for")
        return Understood("", Node("all"), filters)
    tokens = drop_question_words(TOKEN.findall(words_text))
    tree = Parser(tokens).parse()
    return Understood(words_text, fix_negation(tree) if tree else None, filters)


def split_filters(text: str) -> tuple[str, list[Filter]]:
    filters = [Filter(FILTER_FIELDS[name.lower()], value.strip('"'))
               for name, value in FILTER.findall(text)]
    return FILTER.sub(" ", text), filters


def option_filters(doc_type: str | None, tags, regions) -> list[Filter]:
    filters = [Filter("type", doc_type)] if doc_type else []
    filters += [Filter("tags", tag) for tag in tags]
    filters += [Filter("regions", region) for region in regions]
    return filters


def check_filters(filters: list[Filter]) -> None:
    """`type:polcy` would silently match nothing: say so, and what was meant."""
    for found in filters:
        if found.field == "type" and found.value.lower() not in SEARCH_TYPES:
            raise BadQuery(unknown_type(found.value))


def unknown_type(value: str) -> str:
    close = difflib.get_close_matches(value.lower(), SEARCH_TYPES, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}? " if close else ""
    return (f"unknown type '{value}': {hint}The types are {', '.join(SEARCH_TYPES)}.")


def check_syntax(text: str) -> None:
    """Refuse what a parser would silently guess at: odd quotes, open parentheses,
    operators with nothing to join."""
    if text.count('"') % 2:
        raise BadQuery('unbalanced quotes: a phrase needs a closing " — e.g. "account takeover"')
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            break
    if depth:
        raise BadQuery("unbalanced parentheses: every ( needs a matching )")
    tokens = TOKEN.findall(text)
    for index, token in enumerate(tokens):
        if token not in OPERATORS:
            continue
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        needs_before = token != "NOT"
        if (needs_before and before in (None, "(", *OPERATORS)) or after in (None, ")", *OPERATORS):
            example = "harassment NOT spam" if token == "NOT" else f"harassment {token} threats"
            raise BadQuery(f"'{token}' needs a word on {'its right' if token == 'NOT' else 'each side'}"
                           f", e.g. {example} (operators are written in capitals)")


WORD_CHARS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def plain_words(token: str) -> list[str]:
    return WORD_CHARS.findall(token)


def is_question_word(token: str) -> bool:
    found = plain_words(token)
    return bool(found) and all(word.lower() in QUESTION_WORDS for word in found)


def drop_question_words(tokens: list[str]) -> list[str]:
    """Question and stop words out of a plain-words query, unless nothing would be
    left; a query written with operators or phrases is taken as written."""
    if any(t in OPERATORS or t.startswith('"') or t in "()" for t in tokens):
        return tokens
    kept = [t for t in tokens if not is_question_word(t)]
    return kept or tokens


class Parser:
    """or := and ([OR] and)* ; and := unary (AND unary)* ; unary := NOT unary | atom ;
    atom := ( or ) | "phrase" | word | word*"""

    def __init__(self, tokens: list[str]):
        self.tokens, self.at = tokens, 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        self.at += 1
        return self.tokens[self.at - 1]

    def parse(self) -> Node | None:
        return self.or_()

    def or_(self) -> Node | None:
        parts = []
        while self.peek() not in (None, ")"):
            if self.peek() == "OR":
                self.take()
                continue
            part = self.and_()
            if part:
                parts.append(part)
        return group("or", parts)

    def and_(self) -> Node | None:
        parts = [self.unary()]
        while self.peek() == "AND":
            self.take()
            parts.append(self.unary())
        return group("and", [p for p in parts if p])

    def unary(self) -> Node | None:
        if self.peek() == "NOT":
            self.take()
            inner = self.unary()
            return Node("not", children=[inner]) if inner else None
        return self.atom()

    def atom(self) -> Node | None:
        token = self.take()
        if token == "(":
            inner = self.or_()
            if self.peek() == ")":
                self.take()
            return inner
        if token.startswith('"'):
            found = tuple(plain_words(token))
            return Node("phrase", words=found) if found else None
        found = plain_words(token)
        if token.endswith("*") and len(found) == 1:
            return Node("prefix", text=found[0].lower())
        if len(found) > 1:   # "self-harm", "sev-1": the words next to each other
            return Node("phrase", words=tuple(found))
        return Node("word", text=found[0]) if found else None


def group(kind: str, parts: list[Node]) -> Node | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Node(kind, children=parts)


def fix_negation(tree: Node) -> Node:
    """`a b NOT c` means `(a OR b) AND NOT c`, not `a OR b OR (anything but c)`."""
    for child in tree.children:
        fix_negation(child)
    if tree.kind == "or":
        negated = [c for c in tree.children if c.kind == "not"]
        kept = [c for c in tree.children if c.kind != "not"]
        if negated and kept:
            tree.kind = "and"
            tree.children = [group("or", kept), *negated]
    return tree


def positive_words(tree: Node | None) -> list[str]:
    """The words and phrase words a result is scored on (not the negated ones)."""
    if tree is None or tree.kind == "not":
        return []
    if tree.kind == "word":
        return [tree.text]
    if tree.kind == "phrase":
        return list(tree.words)
    return [word for child in tree.children for word in positive_words(child)]
