from __future__ import annotations


class PlaceResolver:
    name = "places"

    def __call__(self, ctx) -> None:
        return None


class EventLocator:
    name = "places.event_locator"

    def __call__(self, ctx) -> None:
        return None
