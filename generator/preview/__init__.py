"""`kc serve`: live preview. Build into a private folder, serve it on 127.0.0.1, rebuild
on every save and tell open pages to reload (server-sent events) or to show the
content errors in an overlay.

    state.py    the preview's state (generation, problems) that request threads wait on
    builder.py  one rebuild, never raising; the watch loop (watchfiles)
    server.py   the HTTP handler: files + injected script, /__kc/events, /__kc/reload.js
"""
