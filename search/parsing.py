"""From what a person types to a whoosh query: syntax checks with readable
messages, field filters, AND/OR/NOT, phrases, prefixes and synonyms.

Plain words are OR-ed (documents matching more of them score higher), so a
question typed as a sentence still finds its answer; `AND`, `OR`, `NOT`,
"quoted phrases", `escal*` and `(groups)` work as in whoosh's default syntax.
`type:`, `tag:`, `region:`, `status:`, `owner:` and `id:` are filters: they
narrow the results instead of adding to the score.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as Q
from whoosh.qparser import FieldAliasPlugin, MultifieldParser, OrGroup

from generator.errors import KcError

from .schema import ANALYZER, FIELD_ALIASES, TEXT_FIELDS, make_schema

OPERATORS = ("AND", "OR", "NOT")
FILTER_FIELDS = {"type": "type", "tag": "tags", "tags": "tags", "region": "regions",
                 "regions": "regions", "status": "status", "owner": "owner", "id": "id",
                 "audience": "audience"}
FILTER = re.compile(r'(?<![\S])(%s):("[^"]*"|[^\s()"]+)' % "|".join(FILTER_FIELDS), re.I)
TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
SYNONYM_BOOST = 0.8          # a synonym's match counts a little less than the word typed
ANY_REGION = "global"        # a global document applies in every region


class BadQuery(KcError):
    """The query cannot be understood; the message says how to fix it."""


@dataclass
class ParsedQuery:
    text: str                        # the words left after taking the filters out
    query: Q.Query
    filters: list[Q.Query] = field(default_factory=list)

    @property
    def filter(self) -> Q.Query | None:
        """Filters narrow the results and add nothing to the score."""
        return Q.And(self.filters) if self.filters else None


class QueryBuilder:
    def __init__(self, synonyms: dict[str, list[str]]):
        self.schema = make_schema()
        self.parser = MultifieldParser(list(TEXT_FIELDS), self.schema, group=OrGroup)
        self.parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
        self.synonyms = {stem(key): [words(s) for s in values if words(s) not in ([], [stem(key)])]
                         for key, values in synonyms.items()}

    def build(self, text: str, doc_type: str | None = None, tags=(), regions=()) -> ParsedQuery:
        words_text, filters = split_filters(text)
        check_syntax(words_text)
        filters += option_filters(doc_type, tags, regions)
        if not words_text.strip():
            if not filters:
                raise BadQuery("the query is empty: type some words to search for")
            return ParsedQuery("", Q.Every(), filters)
        try:
            parsed = self.parser.parse(words_text)
        except Exception as exc:  # noqa: BLE001 — whoosh's parser fails with assorted errors
            raise BadQuery(f"could not understand the query ({type(exc).__name__}); check its "
                           f"quotes, parentheses and AND/OR/NOT") from exc
        if parsed is Q.NullQuery:
            return ParsedQuery(words_text, Q.NullQuery, filters)
        return ParsedQuery(words_text, self.expand(fix_negation(parsed)), filters)

    def expand(self, query: Q.Query) -> Q.Query:
        """Each plain word also matches its synonyms from site_config.yml."""
        def visit(node: Q.Query) -> Q.Query:
            if isinstance(node, Q.Term) and node.fieldname in TEXT_FIELDS \
                    and node.text in self.synonyms:
                alternatives = [phrase_query(node.fieldname, stems, SYNONYM_BOOST)
                                for stems in self.synonyms[node.text]]
                return Q.Or([node, *alternatives])
            return node
        return query.accept(visit)


def split_filters(text: str) -> tuple[str, list[Q.Query]]:
    filters = []
    for name, value in FILTER.findall(text):
        filters.append(filter_query(FILTER_FIELDS[name.lower()], value.strip('"')))
    return FILTER.sub(" ", text), filters


def filter_query(fieldname: str, value: str) -> Q.Query:
    value = value.lower() if fieldname != "id" else value
    if fieldname == "regions" and value != ANY_REGION:
        return Q.Or([Q.Term("regions", value), Q.Term("regions", ANY_REGION)])
    return Q.Term(fieldname, value)


def option_filters(doc_type: str | None, tags, regions) -> list[Q.Query]:
    filters = [filter_query("type", doc_type)] if doc_type else []
    filters += [filter_query("tags", tag) for tag in tags]
    if regions:
        filters.append(Q.Or([filter_query("regions", region) for region in regions]))
    return filters


def check_syntax(text: str) -> None:
    """Refuse what whoosh would silently guess at: odd quotes, open parentheses,
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


def fix_negation(query: Q.Query) -> Q.Query:
    """`a b NOT c` parses as `a OR b OR NOT c`, which matches nearly everything;
    it means `(a OR b) AND NOT c`."""
    def visit(node: Q.Query) -> Q.Query:
        if isinstance(node, Q.Or):
            negated = [sub.query for sub in node.subqueries if isinstance(sub, Q.Not)]
            kept = [sub for sub in node.subqueries if not isinstance(sub, Q.Not)]
            if negated and kept:
                return Q.AndNot(Q.Or(kept), Q.Or(negated))
        return node
    return query.accept(visit)


def stem(word: str) -> str:
    stems = words(word)
    return stems[0] if stems else word.lower()


def words(text: str) -> list[str]:
    return [token.text for token in ANALYZER(text)]


def phrase_query(fieldname: str, stems: list[str], boost: float) -> Q.Query:
    if len(stems) == 1:
        return Q.Term(fieldname, stems[0], boost=boost)
    return Q.Phrase(fieldname, stems, boost=boost)
