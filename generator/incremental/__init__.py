"""Incremental builds: fingerprints of a build's inputs and pages, and the manifest in .kc/."""
