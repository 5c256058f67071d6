"""Reported speech: quotes, cues, speakers, contents and speech acts (used by the statements extractor)."""
