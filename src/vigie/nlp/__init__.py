"""spaCy pipelines: loaded once per process and language, with Vigie's sentence fixes."""

from vigie.nlp.models import load_model, model_label

__all__ = ["load_model", "model_label"]
