"""A DocumentDiff as HTML (pages and `kc diff --format html`), terminal text, Markdown
or JSON. Deleted words are <del>, inserted words <ins>, each with hidden words for
screen readers ("removed:", "added:") since the tags alone are not announced."""
from __future__ import annotations

import json

from markupsafe import Markup, escape

from .diff import DocumentDiff, SectionDiff

STATUS_LABELS = {"unchanged": "Unchanged", "changed": "Changed", "added": "Added", "removed": "Removed"}


def section_label(section: SectionDiff) -> str:
    label = STATUS_LABELS[section.status]
    return "Renamed" if section.renamed and section.status == "unchanged" else label


DELETED = '<del><span class="sr-only">removed: </span>{}<span class="sr-only"> (end removed)</span></del>'
INSERTED = '<ins><span class="sr-only">added: </span>{}<span class="sr-only"> (end added)</span></ins>'
RENAMED = ('<p class="diff-renamed">Heading renamed: <del><span class="sr-only">old heading: </span>{}</del>'
           ' → <ins><span class="sr-only">new heading: </span>{}</ins></p>')


def _text(value: str) -> str:
    return str(escape(value))


def spans_html(section: SectionDiff) -> Markup:
    parts = []
    for span in section.spans:
        text = _text(span.text)
        parts.append(DELETED.format(text) if span.op == "delete" else
                     INSERTED.format(text) if span.op == "insert" else text)
    return Markup("".join(parts))


def to_html(diff: DocumentDiff) -> Markup:
    """The diff's sections: changed ones open, unchanged ones collapsed in <details>.
    Built as plain strings, every text escaped once (a diff page's HTML is most of its
    cost: Markup.format per span was a quarter of the 2,000 diff pages' render time)."""
    out = [f'<div class="diff" data-added="{diff.words_added}" data-removed="{diff.words_removed}">']
    for index, section in enumerate(diff.sections):
        heading = (f'<span class="diff-badge diff-badge-{_text(section.status)}">{_text(section_label(section))}'
                   f'</span> {_text(section.title)}')
        body = f'<div class="diff-text">{spans_html(section)}</div>'
        if section.status == "unchanged" and not section.renamed:
            out.append(f'<details class="diff-section diff-unchanged"><summary>{heading}</summary>{body}</details>')
            continue
        renamed = (RENAMED.format(_text(section.old_title or "Introduction"),
                                  _text(section.new_title or "Introduction")) if section.renamed else "")
        status = _text(section.status + (" renamed" if section.renamed else ""))
        out.append(f'<section class="diff-section diff-{status}" aria-labelledby="diff-{index}">'
                   f'<h2 id="diff-{index}">{heading}</h2>{renamed}{body}</section>')
    out.append("</div>")
    return Markup("\n".join(out))


def to_markdown(diff: DocumentDiff) -> str:
    lines = [f"# What changed in {diff.title}: version {diff.old.version} → {diff.new.version}", ""]
    for section in diff.changed:
        lines.append(f"## {section.title} ({section_label(section).lower()})")
        if section.renamed:
            lines.append(f"Heading renamed: ~~{section.old_title or 'Introduction'}~~ → "
                         f"**{section.new_title or 'Introduction'}**")
        lines.append("")
        lines.append("".join(f"~~{s.text}~~" if s.op == "delete" else f"**{s.text}**" if s.op == "insert"
                             else s.text for s in section.spans))
        lines.append("")
    if not diff.changed:
        lines.append("The text did not change.")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_json(diff: DocumentDiff) -> str:
    data = {"id": diff.doc_id, "title": diff.title,
            "from": _version(diff.old), "to": _version(diff.new),
            "words_added": diff.words_added, "words_removed": diff.words_removed,
            "sections": [{"status": s.status, "renamed": s.renamed, "old_title": s.old_title,
                          "new_title": s.new_title,
                          "spans": [{"op": span.op, "text": span.text} for span in s.spans]
                          if s.status != "unchanged" else []}
                         for s in diff.sections]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _version(version) -> dict:
    return {"version": version.version, "commit": version.commit,
            "committed": version.committed.isoformat() if version.committed else None,
            "effective": version.effective.isoformat() if version.effective else None}


def to_rich(diff: DocumentDiff):
    """Terminal text: deleted words red and struck through, inserted green and underlined."""
    from rich.text import Text
    text = Text()
    text.append(f"{diff.title}: version {diff.old.version} → {diff.new.version}\n", style="bold")
    text.append(f"{diff.words_added} words added, {diff.words_removed} removed, "
                f"{len(diff.changed)} of {len(diff.sections)} sections changed\n")
    for section in diff.changed:
        text.append(f"\n## {section.title} [{section_label(section).lower()}]\n", style="bold cyan")
        if section.renamed:
            text.append(f"heading renamed from \"{section.old_title or 'Introduction'}\"\n", style="cyan")
        for span in section.spans:
            if span.op == "delete":
                text.append("[-" + span.text + "-]", style="red strike")
            elif span.op == "insert":
                text.append("{+" + span.text + "+}", style="green underline")
            else:
                text.append(span.text)
        text.append("\n")
    return text
