import pytest

from vigie import registry


def test_builtin_extractors_are_ordered_after_their_dependencies():
    names = [r.name for r in registry.ordered()]
    assert names[0] == "entities" or "entities" in names
    for r in registry.ordered():
        for dep in r.after:
            if dep in names:
                assert names.index(dep) < names.index(r.name)


def test_unknown_extractor_is_a_clear_error():
    with pytest.raises(KeyError, match="nope"):
        registry.ordered(["nope"])


def test_cycles_are_detected(monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", {})
    registry.extractor("a", after=("b",))(lambda a: None)
    registry.extractor("b", after=("a",))(lambda a: None)
    with pytest.raises(ValueError, match="cycle"):
        registry.ordered()
