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


def spans_html(section: SectionDiff) -> Markup:
    parts = []
    for span in section.spans:
        text = escape(span.text)
        if span.op == "delete":
            parts.append(Markup('<del><span class="sr-only">removed: </span>{}'
                                '<span class="sr-only"> (end removed)</span></del>').format(text))
        elif span.op == "insert":
            parts.append(Markup('<ins><span class="sr-only">added: </span>{}'
                                '<span class="sr-only"> (end added)</span></ins>').format(text))
        else:
            parts.append(text)
    return Markup("").join(parts)


def to_html(diff: DocumentDiff) -> Markup:
    """The diff's sections: changed ones open, unchanged ones collapsed in <details>."""
    out = [Markup('<div class="diff" data-added="{}" data-removed="{}">').format(diff.words_added,
                                                                                 diff.words_removed)]
    for index, section in enumerate(diff.sections):
        status = section.status + (" renamed" if section.renamed else "")
        heading = Markup('<span class="diff-badge diff-badge-{}">{}</span> {}').format(
            section.status, section_label(section), section.title)
        body = Markup('<div class="diff-text">{}</div>').format(spans_html(section))
        renamed = (Markup('<p class="diff-renamed">Heading renamed: <del><span class="sr-only">old heading: '
                          '</span>{}</del> → <ins><span class="sr-only">new heading: </span>{}</ins></p>')
                   .format(section.old_title or "Introduction", section.new_title or "Introduction")
                   if section.renamed else Markup(""))
        if section.status == "unchanged" and not section.renamed:
            out.append(Markup('<details class="diff-section diff-unchanged"><summary>{}</summary>{}</details>')
                       .format(heading, body))
        else:
            out.append(Markup('<section class="diff-section diff-{}" aria-labelledby="diff-{}">'
                              '<h2 id="diff-{}">{}</h2>{}{}</section>')
                       .format(status, index, index, heading, renamed, body))
    out.append(Markup("</div>"))
    return Markup("\n").join(out)


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
