"""Helpers shared by the places tests."""


def spans(text, *names):
    """Character spans of ``names`` in ``text``, each found after the previous one."""
    out, pos = [], 0
    for n in names:
        a = text.index(n, pos)
        out.append((a, a + len(n)))
        pos = a + len(n)
    return out
