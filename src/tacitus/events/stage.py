from __future__ import annotations


class EventExtractor:
    name = "events"

    def __call__(self, ctx) -> None:
        ctx.events = []
