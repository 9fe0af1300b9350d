"""The public API is exactly what __all__ lists, and every name in it exists."""

import litreview


def test_all_names_exist():
    for name in litreview.__all__:
        assert hasattr(litreview, name), name


def test_no_public_name_is_left_out():
    public = {n for n in dir(litreview) if not n.startswith("_")}
    # Submodules are reachable as attributes once imported; they are not API names.
    import types

    names = {n for n in public if not isinstance(getattr(litreview, n), types.ModuleType)}
    names.discard("annotations")  # from __future__ import annotations
    assert names <= set(litreview.__all__), names - set(litreview.__all__)
