"""Synonyms for Trust & Safety questions: what people type (key, one word, matched
after stemming) -> the words policies use (one word or a phrase). One-way.

This default list ships with kc; `search: {synonyms: ...}` in site_config.yml adds
to it (a key listed there adds its words to the default ones)."""
from __future__ import annotations

DEFAULT_SYNONYMS: dict[str, list[str]] = {
    # harassment, threats, privacy
    "bullying": ["harassment"], "bullied": ["harassment"], "bully": ["harassment"],
    "troll": ["harassment"], "trolling": ["harassment"], "stalking": ["harassment"],
    "brigading": ["harassment", "coordinated"], "pile-on": ["harassment"],
    "threatening": ["threats"], "threatened": ["threats"], "kill": ["threats", "violence"],
    "doxxing": ["personal information", "home address"], "doxing": ["doxxing", "personal information"],
    "dox": ["doxxing", "personal information"], "doxxed": ["doxxing", "personal information"],
    # accounts
    "hacked": ["compromised", "account takeover"], "hacker": ["compromised", "account takeover"],
    "stolen": ["compromised", "account takeover"], "ato": ["account takeover"],
    "catfish": ["impersonation", "fake account"], "pretending": ["impersonation", "impersonates"],
    "impostor": ["impersonation"], "imposter": ["impersonation"],
    "banned": ["suspended", "enforcement"], "ban": ["suspension", "enforcement"],
    "deceased": ["memorialization", "memorialized"], "died": ["deceased", "memorialization"],
    "dead": ["deceased", "memorialization"],
    # spam and manipulation
    "bots": ["fake engagement", "automation"], "bot": ["automation", "fake engagement"],
    "scammer": ["scams"], "scam": ["fraud"], "phishing": ["scams", "fraud"],
    "sockpuppet": ["fake account", "inauthentic"], "astroturfing": ["coordinated inauthentic"],
    # sexual content, minors, self-harm
    "nudes": ["intimate images", "sexual content"], "revenge": ["intimate images"],
    "sextortion": ["intimate images", "extortion"], "csam": ["child sexual abuse", "minors"],
    "teenager": ["teen", "minors"], "kids": ["minors", "teen"], "child": ["minors"],
    "children": ["minors"], "underage": ["minors"],
    "suicidal": ["suicide", "self-harm"], "cutting": ["self-harm"],
    # hate, extremism, misinformation
    "racist": ["hate speech", "slurs"], "racism": ["hate speech"], "slur": ["hate speech"],
    "terrorist": ["violent extremism"], "extremist": ["violent extremism"],
    "terrorism": ["violent extremism"],
    "hoax": ["misinformation", "false information"], "fake": ["misinformation", "impersonation"],
    "disinformation": ["misinformation"], "misleading": ["misinformation", "false information"],
    "deepfake": ["synthetic media", "ai-generated"],
    # operations
    "cops": ["police", "law enforcement"], "police": ["law enforcement"],
    "subpoena": ["legal request", "law enforcement"],
    "outage": ["incident"], "sev1": ["sev-1", "severity 1"], "oncall": ["on call", "on-call"],
    "livestream": ["live stream", "live"],
    "onboarding": ["foundations", "new reviewer"],
}


def site_synonyms(config) -> dict[str, list[str]]:
    """The default list with the site's own synonyms added."""
    merged = {key: list(values) for key, values in DEFAULT_SYNONYMS.items()}
    for key, values in (config.search.synonyms or {}).items():
        merged[key] = [*merged.get(key, []), *(v for v in values if v not in merged.get(key, []))]
    return merged
