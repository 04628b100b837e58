def register(app) -> None:
    """Commands of this area are added here."""
    return None
