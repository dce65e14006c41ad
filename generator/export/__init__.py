"""Export the knowledge center to other tools and import from them.

    mkdocs.py          `kc export mkdocs`: a Material for MkDocs (or Zensical) project
    mkdocs_config.py   its mkdocs.yml and the section/home index pages
    page.py            one document -> one Markdown page (front matter, facts, body, quiz)
    body.py            a kc body -> MkDocs Markdown ([[id]] links, heading ids, raw HTML)
    edits.py           line-based text edits located from markdown-it tokens
    import_mkdocs.py   `kc import mkdocs`: an MkDocs project -> a new kc folder
    import_page.py     one MkDocs page -> one kc document, and what could not be mapped
"""
